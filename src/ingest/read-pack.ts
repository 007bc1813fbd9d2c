/**
 * Reads a knowledge pack from disk and proves it sound before anything touches the database:
 * the YAML parses, the zod schema accepts it, every id is unique, every reference points at
 * something that exists, and every quote occurs verbatim on its line of its document.
 *
 * All problems are collected and reported together, each prefixed with its place in the pack
 * (`talks[12].concepts[3]: unknown concept "ewcc"`), so a curator can fix them in one pass.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { errorMessage } from '../errors.js';
import { type Evidence, type Pack, packSchema } from './pack-schema.js';

export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    const shown = problems.slice(0, 50).map((p) => `  - ${p}`);
    if (problems.length > shown.length) shown.push(`  ... and ${problems.length - shown.length} more`);
    super(`${file}: the knowledge pack is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${shown.join('\n')}`);
    this.name = 'PackError';
  }
}

export interface LoadedPack {
  file: string;
  pack: Pack;
  /** Each document's lines, by document id (index 0 is line 1). */
  documents: Map<string, string[]>;
}

/** Formats a zod/issue path as `talks[12].concepts[3]`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  return parts.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

export async function readPack(file: string): Promise<LoadedPack> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new PackError(file, [`cannot read the file (${error.code ?? error.message})`]);
  });
  let raw: string;
  try {
    raw = decodeUtf8(bytes);
  } catch (error) {
    throw new PackError(file, [errorMessage(error)]);
  }
  return parsePack(file, raw, (documentFile) => readFile(path.resolve(path.dirname(file), documentFile)));
}

/**
 * Parses and checks pack text. `readDocument` returns a document's bytes given its `file` field;
 * it is a parameter so that a pack uploaded through the API can resolve documents its own way.
 */
export async function parsePack(file: string, raw: string, readDocument: (documentFile: string) => Promise<Buffer>): Promise<LoadedPack> {
  let data: unknown;
  try {
    data = parseYaml(raw, { maxAliasCount: 100 });
  } catch (error) {
    // The parser follows nesting by recursion: a file nested thousands of levels deep runs it out of stack.
    const first = errorMessage(error)
      .split('\n')[0]!
      .replace(/^(RangeError: )?Maximum call stack size exceeded/, 'nested too deeply');
    throw new PackError(file, [`not valid YAML: ${first}`]);
  }
  const parsed = packSchema.safeParse(data);
  if (!parsed.success) {
    throw new PackError(
      file,
      parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`),
    );
  }
  const pack = parsed.data;

  const documents = new Map<string, string[]>();
  const problems: string[] = [];
  for (const [i, doc] of pack.documents.entries()) {
    try {
      const text = decodeUtf8(await readDocument(doc.file));
      documents.set(doc.id, text.split(/\r?\n/));
    } catch (error) {
      problems.push(`documents[${i}].file: cannot read "${doc.file}" (${errorMessage(error).split('\n')[0]})`);
    }
  }
  if (problems.length === 0) problems.push(...checkPack(pack, documents));
  if (problems.length > 0) throw new PackError(file, problems);
  return { file, pack, documents };
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text');
  }
}

/** The cross-reference and provenance checks zod cannot express. Returns the problems found. */
export function checkPack(pack: Pack, documents: Map<string, string[]>): string[] {
  const problems: string[] = [];
  const defaultDocument = pack.documents[0]!.id;

  const ids = (kind: string, items: { id: string }[]) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) problems.push(`${kind}[${i}].id: duplicate id "${item.id}" (first used at ${kind}[${first}])`);
      else seen.set(item.id, i);
    });
    return new Set(seen.keys());
  };
  const documentIds = ids('documents', pack.documents);
  const dayIds = ids('days', pack.days);
  const sessionIds = ids('sessions', pack.sessions);
  const talkIds = ids('talks', pack.talks);
  const paperIds = ids('papers', pack.papers);
  const personIds = ids('people', pack.people);
  const conceptIds = ids('concepts', pack.concepts);

  // Ids are also unique across kinds, so that one id names one node anywhere in the API.
  const kindOf = new Map<string, string>();
  const everything: [string, { id: string }[]][] = [
    ['event', [pack.event]],
    ['days', pack.days],
    ['sessions', pack.sessions],
    ['talks', pack.talks],
    ['papers', pack.papers],
    ['people', pack.people],
    ['concepts', pack.concepts],
  ];
  for (const [kind, items] of everything) {
    items.forEach((item, i) => {
      const other = kindOf.get(item.id);
      if (other !== undefined && other !== kind) problems.push(`${kind}[${i}].id: id "${item.id}" is already used in ${other}`);
      kindOf.set(item.id, kind);
    });
  }

  const ref = (at: string, kind: string, known: Set<string>, id: string | null | undefined) => {
    if (id != null && !known.has(id)) problems.push(`${at}: unknown ${kind} "${id}"`);
  };
  const evidence = (at: string, e: Evidence | undefined) => {
    if (!e) return;
    const docId = e.document ?? defaultDocument;
    const lines = documents.get(docId);
    if (!documentIds.has(docId) || !lines) {
      problems.push(`${at}.document: unknown document "${docId}"`);
      return;
    }
    const line = lines[e.line - 1];
    if (line === undefined) problems.push(`${at}.line: line ${e.line} is past the end of "${docId}" (${lines.length} lines)`);
    else if (!line.includes(e.quote)) problems.push(`${at}.quote: "${e.quote}" does not occur on line ${e.line} of "${docId}"`);
  };

  if (pack.event.source) evidence('event.source', pack.event.source);
  pack.days.forEach((day, i) => evidence(`days[${i}].source`, day.source));
  pack.sessions.forEach((session, i) => {
    ref(`sessions[${i}].day`, 'day', dayIds, session.day);
    evidence(`sessions[${i}].source`, session.source);
  });

  const sessionDay = new Map(pack.sessions.map((s) => [s.id, s.day]));
  const talkById = new Map(pack.talks.map((t) => [t.id, t]));

  const once = (at: string, keys: string[], what: (key: string) => string) => {
    const seen = new Map<string, number>();
    keys.forEach((key, j) => {
      const first = seen.get(key);
      if (first !== undefined) problems.push(`${at}[${j}]: ${what(key)} is listed twice (first at ${at}[${first}])`);
      else seen.set(key, j);
    });
  };

  const work = (at: string, w: Pack['talks'][number] | Pack['papers'][number]) => {
    evidence(`${at}.source`, w.source);
    once(
      `${at}.people`,
      w.people.map((p) => `${p.person} as ${p.role}`),
      (k) => `"${k}"`,
    );
    once(
      `${at}.concepts`,
      w.concepts.map((c) => c.concept),
      (k) => `concept "${k}"`,
    );
    once(
      `${at}.links`,
      w.links.map((l) => l.url),
      (k) => `link "${k}"`,
    );
    once(
      `${at}.references`,
      w.references.map((r) => `${r.type} ${r.to}`),
      (k) => `reference "${k}"`,
    );
    w.people.forEach((p, j) => {
      ref(`${at}.people[${j}].person`, 'person', personIds, p.person);
      evidence(`${at}.people[${j}].source`, p.source);
    });
    w.concepts.forEach((c, j) => {
      ref(`${at}.concepts[${j}]`, 'concept', conceptIds, c.concept);
      evidence(`${at}.concepts[${j}]`, c);
    });
    w.links.forEach((l, j) => {
      evidence(`${at}.links[${j}]`, l);
      const line = documents.get(l.document ?? defaultDocument)?.[l.line - 1];
      if (line !== undefined && !line.includes(l.asWritten)) {
        problems.push(`${at}.links[${j}].asWritten: "${l.asWritten}" does not occur on line ${l.line}`);
      }
    });
    w.references.forEach((r, j) => {
      ref(`${at}.references[${j}].to`, 'paper', paperIds, r.to);
      evidence(`${at}.references[${j}]`, r);
    });
  };

  pack.talks.forEach((talk, i) => {
    const at = `talks[${i}]`;
    ref(`${at}.day`, 'day', dayIds, talk.day);
    ref(`${at}.session`, 'session', sessionIds, talk.session);
    ref(`${at}.parent`, 'talk', talkIds, talk.parent);
    ref(`${at}.presents`, 'paper', paperIds, talk.presents);
    if (talk.session && sessionDay.has(talk.session) && sessionDay.get(talk.session) !== talk.day) {
      problems.push(`${at}.session: session "${talk.session}" is on day "${sessionDay.get(talk.session)}", not "${talk.day}"`);
    }
    if (talk.parent === talk.id) problems.push(`${at}.parent: a talk cannot be its own parent`);
    const parent = talk.parent ? talkById.get(talk.parent) : undefined;
    if (parent && parent.day !== talk.day) problems.push(`${at}.parent: parent "${parent.id}" is on another day`);
    if (talk.lines.to < talk.lines.from) problems.push(`${at}.lines: "to" (${talk.lines.to}) is before "from" (${talk.lines.from})`);
    const length = documents.get(talk.source.document ?? defaultDocument)?.length ?? Infinity;
    if (talk.lines.to > length) problems.push(`${at}.lines.to: line ${talk.lines.to} is past the end of the document (${length} lines)`);
    work(at, talk);
  });
  pack.papers.forEach((paper, i) => {
    work(`papers[${i}]`, paper);
    // What the notes write must be on the line the notes name the paper.
    for (const field of ['titleAsWritten', 'citedAs'] as const) {
      const written = paper[field];
      if (written === undefined) continue;
      const line = paper.source ? documents.get(paper.source.document ?? defaultDocument)?.[paper.source.line - 1] : undefined;
      if (!paper.source) problems.push(`papers[${i}].${field}: needs the paper's source line`);
      else if (line !== undefined && !line.includes(written))
        problems.push(`papers[${i}].${field}: "${written}" does not occur on line ${paper.source.line}`);
    }
  });

  pack.concepts.forEach((concept, i) => {
    concept.broader.forEach((id, j) => ref(`concepts[${i}].broader[${j}]`, 'concept', conceptIds, id));
    concept.related.forEach((id, j) => ref(`concepts[${i}].related[${j}]`, 'concept', conceptIds, id));
    if (concept.broader.includes(concept.id)) problems.push(`concepts[${i}].broader: a concept cannot be broader than itself`);
  });

  // Names and aliases resolve case-insensitively, so two concepts (or people) may not share one.
  const uniqueNames = (kind: string, items: { id: string; name: string; aliases: string[] }[]) => {
    const owner = new Map<string, string>();
    items.forEach((item, i) => {
      for (const name of [item.name, ...item.aliases]) {
        const key = name.toLowerCase();
        const other = owner.get(key);
        if (other !== undefined && other !== item.id) {
          problems.push(`${kind}[${i}]: name or alias "${name}" is also used by ${kind.replace(/s$/, '')} "${other}"`);
        }
        owner.set(key, item.id);
      }
    });
  };
  uniqueNames('concepts', pack.concepts);
  uniqueNames('people', pack.people);

  return problems;
}
