/**
 * Curators' changes to the knowledge, one function per change: each runs in one write
 * transaction that checks its source, writes, and records a Change node (who, when, what, from
 * what source). Ids arrive resolved (src/schema/resolve.ts); a target that vanished meanwhile
 * is NOT_FOUND and writes nothing.
 */
import { BadUserInputError, DomainError, NotFoundError } from '../errors.js';
import { markStale } from '../graph/similarity.js';
import type { ConceptNode, Entity, PaperNode, PersonNode, TalkNode, WorkNode } from '../model/rows.js';
import type { Database, StatementRunner } from './database.js';

export interface CurationSource {
  /** A stored source document and a 1-based line of it, whose text must contain `quote`... */
  document?: string | null;
  line?: number | null;
  /** ...or an address where the fact can be checked. */
  url?: string | null;
  quote: string;
}

type Run = StatementRunner;

/** Fails unless the quote occurs on the named line of a stored document. */
async function checkSource(run: Run, source: CurationSource | null | undefined) {
  if (!source?.document) return;
  const [row] = await run<{ text: string | null; lineCount: number }>('curation/document-line', {
    document: source.document,
    line: source.line ?? 0,
  });
  if (!row) throw new BadUserInputError(`source.document: unknown document "${source.document}"`, 'source');
  if (row.text === null)
    throw new BadUserInputError(
      `source.line: line ${source.line} is past the end of "${source.document}" (${row.lineCount} lines)`,
      'source',
    );
  if (!row.text.includes(source.quote)) {
    throw new BadUserInputError(`source.quote: "${source.quote}" does not occur on line ${source.line} of "${source.document}"`, 'source');
  }
}

export interface Change {
  by: string;
  action: string;
  target: string;
  details?: object;
  source?: CurationSource | null;
}

/**
 * Runs `work` in one write transaction after checking the source, and records the change.
 * `work` returns the result (the changed node, say), or null when its target does not exist
 * (NOT_FOUND, and nothing is written).
 */
export async function curate<T>(db: Database, change: Change, work: (run: Run) => Promise<T | null>): Promise<T> {
  return db.writeTransaction(`curation:${change.action}`, async (run) => {
    await checkSource(run, change.source);
    const node = await work(run);
    if (node === null) throw new NotFoundError(`${change.action}: nothing found for ${change.target}`);
    // The related-work lists this change can make wrong stop being served (src/graph/similarity.ts).
    await markStale(run, change.target.split(' '));
    await run('curation/record-change', {
      by: change.by,
      action: change.action,
      target: change.target,
      details: JSON.stringify(change.details ?? {}),
      source: change.source ? JSON.stringify(change.source) : null,
    });
    return node;
  });
}

/** The node a single-row statement returned, or null. */
const nodeOf = <T>(rows: { node: T }[]) => rows[0]?.node ?? null;

/** Fails with CONFLICT when another concept already answers to `name`. */
async function assertNameFree(run: Run, id: string, names: string[]) {
  for (const name of names) {
    const [owner] = await run<{ id: string }>('curation/name-owner', { id, name });
    if (owner) throw new DomainError(`"${name}" already names the concept "${owner.id}"`, 'CONFLICT');
  }
}

export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

const nodeRows = <T extends Entity>(run: Run, statement: string, params: Record<string, unknown>) => run<{ node: T }>(statement, params);

export interface ConceptInput {
  id: string;
  name: string;
  definition?: string | null;
  aliases?: string[] | null;
  broader?: string[] | null;
  related?: string[] | null;
}

export function upsertConcept(db: Database, by: string, input: ConceptInput, source: CurationSource | null) {
  return curate(db, { by, action: 'upsertConcept', target: input.id, details: input, source }, async (run) => {
    await assertNameFree(run, input.id, [input.name, ...(input.aliases ?? [])]);
    await run('curation/upsert-concept', {
      id: input.id,
      by,
      name: input.name,
      definition: input.definition ?? null,
      aliases: input.aliases ?? null,
      broader: input.broader ?? null,
      related: input.related ?? null,
    });
    return nodeOf(await nodeRows<ConceptNode>(run, 'curation/refresh-names', { id: input.id }));
  });
}

export function addConceptAlias(db: Database, by: string, concept: string, alias: string) {
  return curate(db, { by, action: 'addConceptAlias', target: concept, details: { alias } }, async (run) => {
    await assertNameFree(run, concept, [alias]);
    if (!nodeOf(await nodeRows<ConceptNode>(run, 'curation/add-concept-alias', { concept, alias, by }))) return null;
    return nodeOf(await nodeRows<ConceptNode>(run, 'curation/refresh-names', { id: concept }));
  });
}

/** Folds `remove` into `keep`: its works and links move over, its names become aliases. */
export function mergeConcepts(db: Database, by: string, keep: string, remove: string) {
  if (keep === remove) throw new BadUserInputError('remove: cannot merge a concept into itself', 'remove');
  return curate(db, { by, action: 'mergeConcepts', target: keep, details: { remove } }, async (run) => {
    if (!nodeOf(await nodeRows<ConceptNode>(run, 'curation/merge-concepts', { keep, remove, by }))) return null;
    return nodeOf(await nodeRows<ConceptNode>(run, 'curation/refresh-names', { id: keep }));
  });
}

export interface PersonInput {
  id: string;
  name: string;
  aliases?: string[] | null;
  affiliation?: string | null;
}

export function upsertPerson(db: Database, by: string, input: PersonInput, source: CurationSource | null) {
  return curate(db, { by, action: 'upsertPerson', target: input.id, details: input, source }, async (run) => {
    await run('curation/upsert-person', {
      id: input.id,
      by,
      name: input.name,
      aliases: input.aliases ?? null,
      affiliation: input.affiliation ?? null,
    });
    return nodeOf(await nodeRows<PersonNode>(run, 'curation/refresh-names', { id: input.id }));
  });
}

export interface PaperInput {
  id: string;
  title: string;
  year?: number | null;
  venue?: string | null;
  arxiv?: string | null;
  url?: string | null;
}

export function upsertPaper(db: Database, by: string, input: PaperInput, source: CurationSource | null) {
  return curate(db, { by, action: 'upsertPaper', target: input.id, details: input, source }, async (run) =>
    nodeOf(
      await nodeRows<PaperNode>(run, 'curation/upsert-paper', {
        id: input.id,
        by,
        title: input.title,
        year: input.year ?? null,
        venue: input.venue ?? null,
        arxiv: input.arxiv ?? null,
        url: input.url ?? null,
      }),
    ),
  );
}

export interface TalkInput {
  id: string;
  title: string;
  kind: string;
  /** The resolved ids of its day and (optionally) its session of that day. */
  day: string;
  session?: string | null;
  summary?: string | null;
  order?: number | null;
}

export function upsertTalk(db: Database, by: string, input: TalkInput, source: CurationSource | null) {
  return curate(db, { by, action: 'upsertTalk', target: input.id, details: input, source }, async (run) =>
    nodeOf(
      await nodeRows<TalkNode>(run, 'curation/upsert-talk', {
        id: input.id,
        by,
        title: input.title,
        kind: input.kind,
        day: input.day,
        session: input.session ?? null,
        summary: input.summary ?? null,
        order: input.order ?? null,
        year: null,
      }),
    ),
  );
}

/** The work discusses the concept, as the source says. Resolves to the work. */
export function linkWorkToConcept(db: Database, by: string, work: string, concept: string, source: CurationSource) {
  return curate(db, { by, action: 'linkWorkToConcept', target: `${work} DISCUSSES ${concept}`, source }, async (run) =>
    nodeOf(
      await nodeRows<WorkNode>(run, 'curation/link-work-concept', {
        work,
        concept,
        by,
        source: { document: null, line: null, url: null, ...source },
      }),
    ),
  );
}

/** A typed reference from a work to a paper, as the source says. Resolves to the citing work. */
export function addReference(db: Database, by: string, from: string, to: string, type: string, source: CurationSource) {
  return curate(db, { by, action: 'addReference', target: `${from} ${type} ${to}`, source }, async (run) => {
    const [row] = await run('curation/add-reference', {
      from,
      to,
      type,
      props: {
        document: source.document,
        line: source.line,
        url: source.url,
        quote: source.quote,
        curatedBy: by,
        curatedAt: new Date().toISOString(),
      },
    });
    if (!row) return null;
    return nodeOf(await nodeRows<WorkNode>(run, 'entity/by-ids', { ids: [from] }));
  });
}

/** Resolves to true when a reference was removed, false when there was none. */
export function removeReference(db: Database, by: string, from: string, to: string, type: string, reason: string | null | undefined) {
  return removeEdge(db, by, 'removeReference', `${from} ${type} ${to}`, reason, 'curation/remove-reference', { from, to, type });
}

/** Resolves to true when a "discusses" link was removed, false when there was none. */
export function removeConceptLink(db: Database, by: string, work: string, concept: string, reason: string | null | undefined) {
  return removeEdge(db, by, 'removeConceptLink', `${work} DISCUSSES ${concept}`, reason, 'curation/remove-concept-link', { work, concept });
}

function removeEdge(
  db: Database,
  by: string,
  action: string,
  target: string,
  reason: string | null | undefined,
  statement: string,
  params: Record<string, unknown>,
) {
  return curate(db, { by, action, target, details: { reason: reason ?? null } }, async (run) => {
    const [row] = await run<{ removed: number }>(statement, params);
    return (row?.removed ?? 0) > 0;
  });
}
