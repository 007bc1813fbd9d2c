/**
 * Imports bibliographic records (see records.ts and formats/) into the graph.
 *
 * Contract:
 * - Check first: every file is read once and checked whole; if any record is wrong, nothing is
 *   written and an ImportError lists the problems with their places.
 * - Then write, in batches of `batchSize` records, one transaction each, under one import id.
 *   What a batch creates carries that id (`import`), fields it adds to existing nodes carry it in
 *   their provenance; if any batch fails, everything the import wrote is taken back
 *   (cypher/import/rollback.cypher) and the error is thrown. While it writes, an ImportRun node
 *   names the import and its process; if the process dies part-way (kill -9, a crash, Neo4j lost
 *   under it), the next start takes back what its batches wrote (src/db/import-runs.ts): the
 *   graph is as before the import, or, once the last batch and import/finish have committed, as
 *   after it.
 * - Identity: a work is the paper that shares an identifier (DOI, arXiv id, OpenAlex id, Semantic
 *   Scholar id, DBLP key, in that order), or else the same folded title with the same year (when
 *   both have one) and the record's first author among its authors. A person is the one with the
 *   same ORCID, or else the one with the same folded name who is already an author of the work
 *   (or who was matched so earlier in this import). A name that matches people who share no work
 *   is not merged: the report lists it as ambiguous.
 * - Existing facts win: a paper keeps its title, year and venue (a different value is reported as
 *   a conflict); the import only fills fields that are empty, and adds links that do not exist.
 * - With an embedding model (`embedder`), once the batches are written and before the import
 *   finishes, its works are embedded and linked to concepts by meaning too (meaning-links.ts),
 *   under the same import id; without one, the report says those links were skipped.
 * - Importing the same file again adds nothing.
 * - `dryRun` runs the same statements in one transaction that is rolled back, and reports what
 *   would have been done.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Database, StatementRunner } from '../db/database.js';
import { beginImportRun, takeBackImport } from '../db/import-runs.js';
import { listsInUse, markStale } from '../db/stale-lists.js';
import type { Embedder } from '../embed/embedder.js';
import { isOneOf } from '../model/vocabulary.js';
import { ConceptMatcher, type ConceptTerms } from './concept-matcher.js';
import { detectFormat, type RecordFormat, type RecordInput, readRecords, recordFormats } from './formats/index.js';
import { defaultLimits, type InputLimits } from './formats/input.js';
import { linkByMeaning, type RecordText } from './meaning-links.js';
import { foldText, type IdKind, ImportError, type ImportIssue, idKeys, idKinds, surname, titleKey, type WorkRecord } from './records.js';

export interface ImportOptions {
  /** The format of every input; detected from each file when unset. */
  format?: RecordFormat;
  dryRun?: boolean;
  /** Records per write transaction (default 5,000). */
  batchSize?: number;
  limits?: InputLimits;
  /** Most problems reported by a failed check (default 100). */
  maxIssues?: number;
  /** Called after the check with the number of records, and after each batch with those written. */
  onStart?: (total: number) => void;
  onProgress?: (done: number) => void;
  /** Called after every statement with its name and milliseconds (for the benchmarks). */
  onStatement?: (statement: string, ms: number) => void;
  /**
   * The embedding model: with it and `linkByMeaning`, the imported works are embedded and linked
   * to concepts by meaning before the import finishes (meaning-links.ts). Otherwise those links are
   * skipped, and the report says why (`meaningSkipped`, from `meaningOff` when given).
   */
  embedder?: Embedder | null;
  meaningOff?: string;
  /**
   * Look for concept links by meaning too (default false): on held-out ICML papers only 37–64% of
   * them were right (bench/RESULTS.md, "Concept links by meaning at import"), so they are asked for.
   */
  linkByMeaning?: boolean;
}

/** The report's counters, added up over the batches. */
const countKeys = [
  'records',
  'worksCreated',
  'worksMerged',
  'peopleCreated',
  'peopleMerged',
  'authorshipsCreated',
  'citesCreated',
  'referencesUnresolved',
  'referencesResolved',
  'conceptLinksCreated',
  'conceptLinksByMeaning',
] as const;
type CountKey = (typeof countKeys)[number];

export interface ImportReport {
  importId: string;
  dryRun: boolean;
  /** When the import finished (ISO 8601); null for a dry run. */
  at: string | null;
  files: { name: string; format: RecordFormat; records: number }[];
  records: number;
  worksCreated: number;
  worksMerged: number;
  peopleCreated: number;
  peopleMerged: number;
  authorshipsCreated: number;
  citesCreated: number;
  referencesUnresolved: number;
  referencesResolved: number;
  /** DISCUSSES links found by words (a concept's name or alias in a title, abstract or subject). */
  conceptLinksCreated: number;
  /** DISCUSSES links found by meaning (meaning-links.ts). */
  conceptLinksByMeaning: number;
  /** Why no links were looked for by meaning (no model, a dry run); null when they were. */
  meaningSkipped: string | null;
  /** Records that merged into a work already in the graph, and by what. */
  merges: { record: string; work: string; by: string }[];
  /** Fields where a record disagrees with the graph; the graph's value is kept. */
  conflicts: { record: string; work: string; field: string; kept: string; other: string }[];
  /** Author names that match people who share no work with the record: not merged. */
  ambiguous: { record: string; name: string; candidates: string[]; created: string }[];
  /** Identifier keys of cited works not in the graph (first 100). */
  unresolved: string[];
}

const LIST_MAX = 1000;
/** Records per transaction: larger batches spend less on commits (bench/RESULTS.md, 2026-12-05). */
const DEFAULT_BATCH = 5000;

/** Reads and checks every input; throws an ImportError with every problem (up to maxIssues). */
export async function checkInputs(inputs: RecordInput[], options: ImportOptions = {}): Promise<ImportReport['files']> {
  const issues: ImportIssue[] = [];
  const files: ImportReport['files'] = [];
  const maxIssues = options.maxIssues ?? 100;
  for (const input of inputs) {
    const format = options.format ?? (await detectFormat(input));
    let records = 0;
    try {
      for await (const item of readRecords(input, format, options.limits ?? defaultLimits)) {
        if ('issue' in item) {
          if (issues.length < maxIssues) issues.push(item.issue);
        } else records += 1;
      }
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      issues.push(...error.issues);
    }
    if (records === 0 && !issues.some((i) => i.file === input.name))
      issues.push({ code: 'INVALID_RECORD', file: input.name, message: 'holds no records' });
    files.push({ name: input.name, format, records });
  }
  if (issues.length) throw new ImportError(issues.slice(0, maxIssues));
  return files;
}

class DryRunDone extends Error {}

export async function importRecords(db: Database, inputs: RecordInput[], options: ImportOptions = {}): Promise<ImportReport> {
  const files = await checkInputs(inputs, options);
  const total = files.reduce((sum, f) => sum + f.records, 0);
  options.onStart?.(total);
  const importId = `import-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const report: ImportReport = {
    importId,
    dryRun: !!options.dryRun,
    at: null,
    files,
    records: 0,
    worksCreated: 0,
    worksMerged: 0,
    peopleCreated: 0,
    peopleMerged: 0,
    authorshipsCreated: 0,
    citesCreated: 0,
    referencesUnresolved: 0,
    referencesResolved: 0,
    conceptLinksCreated: 0,
    conceptLinksByMeaning: 0,
    meaningSkipped: options.dryRun
      ? 'a dry run does not look for links by meaning'
      : !options.linkByMeaning
        ? 'links by meaning were not asked for (--link-by-meaning, or linkByMeaning: true)'
        : options.embedder
          ? null
          : (options.meaningOff ?? 'no embedding model was given'),
    merges: [],
    conflicts: [],
    ambiguous: [],
    unresolved: [],
  };

  // A dry run computes them inside its own transaction, which is rolled back.
  if (!options.dryRun) await db.writeTransaction('import-records:keys', backfillKeys);
  const matcher = new ConceptMatcher(await db.read<ConceptTerms>('import/concept-terms'));
  const usesLists = await listsInUse(db);
  // Folded name -> person, as matched or created by earlier batches of this import (read-only in a batch).
  const people = new Map<string, string>();
  const peopleIds = new Set<string>();
  // Work id -> the title and abstract of the first record that named it, for links by meaning.
  const texts = new Map<string, RecordText>();
  const meaning = options.embedder && options.linkByMeaning ? options.embedder : null;
  const batches = async function* () {
    for (const [i, input] of inputs.entries()) {
      let batch: WorkRecord[] = [];
      for await (const item of readRecords(input, files[i]!.format, options.limits ?? defaultLimits)) {
        if (!('record' in item)) continue;
        batch.push(item.record);
        if (batch.length >= (options.batchSize ?? DEFAULT_BATCH)) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
  };
  const writeBatch = async (run: StatementRunner, records: WorkRecord[]) => {
    const timed: StatementRunner = options.onStatement
      ? async <T>(statement: string, params?: Record<string, unknown>) => {
          const t = performance.now();
          const rows = await run<T>(statement, params);
          options.onStatement!(statement, performance.now() - t);
          return rows;
        }
      : run;
    return importBatch(timed, records, { importId, matcher, people, peopleIds, listsInUse: usesLists });
  };

  if (options.dryRun) {
    try {
      await db.writeTransaction(`import-records:dry-run:${importId}`, async (run) => {
        resetCounts(report);
        await backfillKeys(run);
        for await (const records of batches()) {
          const part = await writeBatch(run, records);
          addBatch(report, part, people, peopleIds);
          options.onProgress?.(report.records);
        }
        throw new DryRunDone();
      });
    } catch (error) {
      if (!(error instanceof DryRunDone)) throw error;
    }
    return report;
  }

  // Until import/finish, an ImportRun node names this import and its process: if the process dies
  // part-way, recoverInterruptedImports takes back what its batches wrote.
  await beginImportRun(
    db,
    importId,
    files.map((f) => f.name),
  );
  try {
    let index = 0;
    for await (const records of batches()) {
      index += 1;
      const part = await db.writeTransaction(`import-records:${importId}:${index}`, async (run) => {
        await run('import/heartbeat', { import: importId });
        return writeBatch(run, records);
      });
      addBatch(report, part, people, peopleIds);
      if (meaning) for (const [id, text] of part.texts) if (!texts.has(id)) texts.set(id, text);
      options.onProgress?.(report.records);
    }
    if (meaning) report.conceptLinksByMeaning = await linkByMeaning(db, meaning, importId, texts);
    // The import ends, and its report is kept, in one transaction.
    await db.writeTransaction(`import-records:finish:${importId}`, async (run) => {
      await run('import/finish', { import: importId });
      const [saved] = await run<{ at: string }>('import/save-report', savedReport(report));
      report.at = saved?.at ?? null;
    });
  } catch (error) {
    await takeBackImport(db, importId, usesLists);
    throw error;
  }
  return report;
}

/** A kept report as stored (cypher/import/save-report.cypher). */
interface SavedReport {
  id: string;
  at: string;
  files: string[];
  records: number;
  counts: string;
  lists: string;
}

function savedReport(report: ImportReport): Omit<SavedReport, 'at' | 'id'> & { import: string } {
  const { merges, conflicts, ambiguous, unresolved, meaningSkipped } = report;
  return {
    import: report.importId,
    files: report.files.map((f) => JSON.stringify(f)),
    records: report.records,
    counts: JSON.stringify(Object.fromEntries(countKeys.map((key) => [key, report[key]]))),
    lists: JSON.stringify({ merges, conflicts, ambiguous, unresolved, meaningSkipped }),
  };
}

/** Kept reports of finished imports: the one with `id`, or the `limit` newest. */
export async function importReports(
  db: Database,
  { id = null, limit = 20 }: { id?: string | null; limit?: number },
): Promise<ImportReport[]> {
  const rows = await db.read<SavedReport>('import/reports', { id, limit });
  return rows.map((row) => {
    // Reports kept before a counter existed lack it: 0.
    const counts = { ...zeroCounts(), ...z.partialRecord(z.enum(countKeys), z.number()).parse(JSON.parse(row.counts)) };
    const lists = savedLists.parse(JSON.parse(row.lists));
    const files = row.files.map((f) => savedFile.parse(JSON.parse(f)));
    return { importId: row.id, dryRun: false, at: row.at, files, ...counts, records: row.records, ...lists };
  });
}

const savedFile = z.object({ name: z.string(), format: z.enum(recordFormats), records: z.number() });
const savedLists = z.object({
  merges: z.array(z.object({ record: z.string(), work: z.string(), by: z.string() })),
  conflicts: z.array(z.object({ record: z.string(), work: z.string(), field: z.string(), kept: z.string(), other: z.string() })),
  ambiguous: z.array(z.object({ record: z.string(), name: z.string(), candidates: z.array(z.string()), created: z.string() })),
  unresolved: z.array(z.string()),
  meaningSkipped: z.string().nullable().default(null),
});

const zeroCounts = () => Object.fromEntries(countKeys.map((key) => [key, 0])) as Record<CountKey, number>;

function resetCounts(report: ImportReport): void {
  for (const key of countKeys) report[key] = 0;
  for (const list of [report.merges, report.conflicts, report.ambiguous, report.unresolved]) list.length = 0;
}

/** What one batch did; merged into the report once its transaction committed. */
interface BatchResult {
  counts: Partial<Record<CountKey, number>>;
  merges: ImportReport['merges'];
  conflicts: ImportReport['conflicts'];
  ambiguous: ImportReport['ambiguous'];
  unresolved: string[];
  people: Map<string, string>;
  /** The title and abstract of each work's first record in the batch. */
  texts: Map<string, RecordText>;
}

function addBatch(report: ImportReport, part: BatchResult, people: Map<string, string>, peopleIds: Set<string>): void {
  for (const key of countKeys) report[key] += part.counts[key] ?? 0;
  const append = <T>(list: T[], more: T[]) => list.push(...more.slice(0, LIST_MAX - list.length));
  append(report.merges, part.merges);
  append(report.conflicts, part.conflicts);
  append(report.ambiguous, part.ambiguous);
  report.unresolved.push(...part.unresolved.slice(0, 100 - report.unresolved.length));
  for (const [name, id] of part.people) {
    people.set(name, id);
    peopleIds.add(id);
  }
}

/** Sets the folded title or name on papers and people that lack one (pack and curated nodes). */
async function backfillKeys(run: StatementRunner): Promise<void> {
  const rows = await run<{ id: string; kind: string; text: string | null }>('import/without-keys');
  const keyed = rows
    .filter((r) => r.text)
    .map((r) => ({ id: r.id, keys: r.kind === 'Paper' ? { titleKey: foldText(r.text!) } : { nameKey: foldText(r.text!) } }));
  for (let i = 0; i < keyed.length; i += 5000) await run('import/set-keys', { rows: keyed.slice(i, i + 5000) });
}

interface ExistingWork {
  work: {
    id: string;
    title: string;
    titleKey: string | null;
    year: number | null;
    venue: string | null;
    url: string | null;
    abstract: string | null;
    disagreements: string[] | null;
    provenance: string[] | null;
    curatedFields: string[] | null;
  } & Record<(typeof idKinds)[number], string | null>;
  authors: { id: string; nameKey: string | null }[];
}

type CitedWork = { id: string } & Record<IdKind, string | null>;

/** The identifiers of each kind that `named` (records' ids or references) hold. */
function idSets(named: readonly Partial<Record<IdKind, string>>[]): Record<IdKind, Set<string>> {
  const ids = Object.fromEntries(idKinds.map((k) => [k, new Set<string>()])) as Record<IdKind, Set<string>>;
  for (const one of named) for (const kind of idKinds) if (one[kind]) ids[kind].add(one[kind]);
  return ids;
}

const idLists = (ids: Record<string, Set<string>>) => Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, [...v]]));

interface Target {
  id: string;
  isNew: boolean;
  /** The values the work has now (in the graph, or as this batch creates it). */
  state: Record<string, unknown>;
  create?: Record<string, unknown>;
  set: Record<string, unknown>;
  provenance: string[];
  /** Values records gave for fields the work already has otherwise (see disagreement()). */
  disagreements: string[];
  /** Surnames of the work's authors, for matching by title. */
  authorKeys: Set<string>;
  /** The work's authors in the graph, for matching a record's authors by a shared work. */
  authors: { id: string; nameKey: string }[];
}

const fieldsFilled = ['doi', 'arxiv', 'openalex', 's2', 'dblp', 'year', 'venue', 'url', 'abstract'] as const;
const conflictFields = new Set(['doi', 'arxiv', 'openalex', 's2', 'dblp', 'year', 'venue']);

async function importBatch(
  run: StatementRunner,
  records: WorkRecord[],
  context: {
    importId: string;
    matcher: ConceptMatcher;
    people: ReadonlyMap<string, string>;
    peopleIds: ReadonlySet<string>;
    listsInUse: boolean;
  },
): Promise<BatchResult> {
  const { importId } = context;
  const result: BatchResult = {
    counts: { records: records.length },
    merges: [],
    conflicts: [],
    ambiguous: [],
    unresolved: [],
    people: new Map(),
    texts: new Map(),
  };
  const count = (key: CountKey, n = 1) => (result.counts[key] = (result.counts[key] ?? 0) + n);
  const recordName = (r: WorkRecord) => `${r.source.name}#${r.source.record}`;

  // 1. Works the batch's records may be, in full (with their authors, to merge people); then the
  // works their references name that are none of those, by identifiers only (a reference needs
  // only the cited work's id, and a batch of 5,000 records names about 40,000).
  const ids = idSets(records.map((r) => r.ids));
  const found = await run<ExistingWork>('import/find-works', {
    ids: idLists(ids),
    titleKeys: [...new Set(records.map((r) => titleKey(r)))],
  });
  const citedIds = idSets(records.flatMap((r) => r.references));
  for (const kind of idKinds) for (const id of ids[kind]) citedIds[kind].delete(id);
  const cited = await run<CitedWork>('import/find-cited', { ids: idLists(citedIds) });
  const [{ keys: waitedFor } = { keys: [] }] = await run<{ keys: string[] }>('import/waiting-references', {
    keys: [...new Set(records.flatMap((r) => idKeys(r.ids)))],
  });
  const byKey = new Map<string, Target>();
  const byTitle = new Map<string, Target[]>();
  const targets = new Map<string, Target>();
  const remember = (target: Target) => {
    targets.set(target.id, target);
    for (const key of idKeys(target.state)) if (!byKey.has(key)) byKey.set(key, target);
    const title = target.state.titleKey;
    if (typeof title === 'string' && title) byTitle.set(title, [...(byTitle.get(title) ?? []).filter((t) => t !== target), target]);
  };
  for (const { work, authors } of found) {
    const known = authors.filter((a): a is { id: string; nameKey: string } => !!a.nameKey);
    remember({
      id: work.id,
      isNew: false,
      state: { ...work },
      set: {},
      provenance: [],
      disagreements: [],
      authorKeys: new Set(known.map((a) => surname(a.nameKey))),
      authors: known,
    });
  }
  // A cited work is only a key to its id: it is no record's work (those were all found above, by
  // every identifier and title the records have), so nothing else of it is read or written.
  const citedById = new Map<string, Target>();
  for (const work of cited) {
    if (targets.has(work.id)) continue;
    let target = citedById.get(work.id);
    if (!target) {
      target = { id: work.id, isNew: false, state: {}, set: {}, provenance: [], disagreements: [], authorKeys: new Set(), authors: [] };
      citedById.set(work.id, target);
    }
    for (const key of idKeys(work)) if (!byKey.has(key)) byKey.set(key, target);
  }

  // 2. Each record to its work: an existing one, one created earlier in this batch, or a new one.
  const assigned: { record: WorkRecord; target: Target }[] = [];
  for (const record of records) {
    const keys = idKeys(record.ids);
    const byId = keys.map((k) => [k, byKey.get(k)] as const).filter(([, t]) => t);
    let target = byId[0]?.[1];
    let by = byId[0]?.[0].split(':')[0];
    for (const [key, other] of byId) {
      if (other !== target)
        result.conflicts.push({
          record: recordName(record),
          work: target!.id,
          field: key.split(':')[0]!,
          kept: target!.id,
          other: `${other!.id} (${key})`,
        });
    }
    if (!target) {
      const first = record.authors[0] ? surname(record.authors[0].name) : undefined;
      target = (byTitle.get(titleKey(record)) ?? []).find(
        (t) =>
          (t.state.year == null || record.year == null || t.state.year === record.year) &&
          (!first || t.authorKeys.size === 0 || t.authorKeys.has(first)),
      );
      by = 'title';
    }
    if (!target) {
      target = newTarget(record);
      count('worksCreated');
    } else {
      count('worksMerged');
      result.merges.push({ record: recordName(record), work: target.id, by: by! });
    }
    fill(target, record, importId, result, recordName(record));
    for (const author of record.authors) target.authorKeys.add(surname(author.name));
    remember(target);
    assigned.push({ record, target });
  }

  // 3. Authors to people.
  const nameKeys = new Set<string>();
  const orcids = new Set<string>();
  for (const { record } of assigned)
    for (const a of record.authors) {
      nameKeys.add(foldText(a.name));
      if (a.orcid) orcids.add(a.orcid);
    }
  const people = await run<{ id: string; orcid: string | null; nameKey: string | null }>('import/find-people', {
    orcids: [...orcids],
    nameKeys: [...nameKeys],
  });
  const existing = [...targets.values()].filter((t) => !t.isNew).map((t) => t.id);
  const contributed = new Map<string, string[]>();
  if (existing.length)
    for (const row of await run<{ person: string; works: string[] }>('import/contributors', { works: existing }))
      contributed.set(row.person, row.works);
  const candidates = people.map((c) => ({ ...c, works: contributed.get(c.id) ?? [] }));
  // The candidates indexed once (the first with an ORCID or id wins, as a search in order would find).
  const byOrcid = new Map<string, (typeof candidates)[number]>();
  const byPersonId = new Map<string, (typeof candidates)[number]>();
  const byName = new Map<string | null, typeof candidates>();
  for (const c of candidates) {
    if (c.orcid && !byOrcid.has(c.orcid)) byOrcid.set(c.orcid, c);
    if (!byPersonId.has(c.id)) byPersonId.set(c.id, c);
    const same = byName.get(c.nameKey);
    if (same) same.push(c);
    else byName.set(c.nameKey, [c]);
  }
  const personRows = new Map<string, { id: string; create: Record<string, unknown>; set: Record<string, unknown>; provenance: string[] }>();
  const authorships: unknown[][] = [];
  for (const { record, target } of assigned) {
    for (const [position, author] of record.authors.entries()) {
      const nameKey = foldText(author.name);
      let person = author.orcid ? byOrcid.get(author.orcid)?.id : undefined;
      const sameName = (byName.get(nameKey) ?? []).filter((c) => !author.orcid || !c.orcid || c.orcid === author.orcid);
      if (!person) {
        // An author of this very work with the same name, or the same surname and first initial
        // ("Neil Rabinowitz" is the work's "Neil C. Rabinowitz").
        const sharing = sameName.filter((c) => c.works.includes(target.id)).map((c) => c.id);
        const similar = target.authors.filter((a) => sameInitialAndSurname(a.nameKey, nameKey)).map((a) => a.id);
        const matches = sharing.length ? sharing : [...new Set(similar)];
        if (matches.length === 1) person = matches[0];
        else if (matches.length > 1)
          result.ambiguous.push({ record: recordName(record), name: author.name, candidates: matches, created: '' });
      }
      person ??= result.people.get(nameKey) ?? context.people.get(nameKey);
      if (!person) {
        person = author.orcid ? `orcid-${author.orcid.toLowerCase()}` : `author-${slugOf(author.name) || hash(nameKey)}`;
        const others = sameName.filter((c) => c.id !== person);
        if (others.length)
          result.ambiguous.push({ record: recordName(record), name: author.name, candidates: others.map((c) => c.id), created: person });
      }
      result.people.set(nameKey, person);
      let row = personRows.get(person);
      if (!row) {
        const known = byPersonId.get(person) ?? (target.authors.some((a) => a.id === person) ? { orcid: null } : undefined);
        row = {
          id: person,
          create: {
            id: person,
            name: author.name,
            keys: [author.name.toLowerCase()],
            aliases: [],
            aliasText: '',
            nameKey,
            ...(author.orcid ? { orcid: author.orcid } : {}),
          },
          set: {},
          provenance: [],
        };
        personRows.set(person, row);
        if (known) count('peopleMerged');
        else if (!context.peopleIds.has(person)) count('peopleCreated');
        if (known && author.orcid && !known.orcid) {
          row.set.orcid = author.orcid;
          row.provenance.push(provenance(importId, 'orcid', record, record.fields.authors ?? 'authors'));
        }
      }
      authorships.push([
        person,
        target.id,
        position + 1,
        record.source.name,
        record.source.line ?? null,
        record.source.record,
        record.fields.authors ?? 'authors',
        author.name,
      ]);
    }
  }

  // 4. References: CITES when the cited work is known, else an unresolved reference.
  const cites: unknown[][] = [];
  const unresolved: unknown[][] = [];
  for (const { record, target } of assigned) {
    for (const reference of record.references) {
      const keys = idKeys(reference);
      const cited = keys.map((k) => byKey.get(k)).find(Boolean);
      const place = [record.source.name, record.source.line ?? null, record.source.record, record.fields.references ?? 'references'];
      if (cited) cites.push([target.id, cited.id, ...place, keys[0]]);
      else if (keys[0]) {
        unresolved.push([target.id, keys[0], ...place]);
        if (result.unresolved.length < 100) result.unresolved.push(keys[0]);
      }
    }
  }
  // Works of the batch that earlier imports cited before they were in the graph.
  const waitingKeys = new Set(waitedFor);
  const waiting = [...targets.values()].flatMap((t) => idKeys(t.state).flatMap((key) => (waitingKeys.has(key) ? [[key, t.id]] : [])));

  // 5. Concepts named in titles and abstracts.
  const discusses = assigned.flatMap(({ record, target }) =>
    context.matcher
      .match(record)
      .map((m) => [
        target.id,
        m.concept,
        record.source.name,
        record.source.line ?? null,
        record.source.record,
        m.field,
        m.quote,
        m.confidence,
        'WORDS',
      ]),
  );
  for (const { record, target } of assigned)
    if (!result.texts.has(target.id))
      result.texts.set(target.id, {
        document: record.source.name,
        line: record.source.line ?? null,
        record: record.source.record,
        title: record.title,
        titleField: record.fields.title ?? 'title',
        abstract: record.abstract,
        abstractField: record.fields.abstract ?? 'abstract',
      });

  const recordTargets = new Set(assigned.map((a) => a.target));
  const written = [...targets.values()].filter((t) => t.isNew || Object.keys(t.set).length || recordTargets.has(t));
  await run('import/merge-works', {
    import: importId,
    rows: written.map((t) => ({ id: t.id, create: t.create ?? {}, set: t.set, provenance: t.provenance, disagreements: t.disagreements })),
  });
  await run('import/merge-people', { import: importId, rows: [...personRows.values()] });
  const sum = async (statement: string, rows: unknown[][], key: CountKey) => {
    if (!rows.length) return;
    const [row] = await run<{ created?: number; resolved?: number }>(statement, { import: importId, rows });
    count(key, row?.created ?? row?.resolved ?? 0);
  };
  await sum('import/merge-authorships', authorships, 'authorshipsCreated');
  await sum('import/merge-cites', cites, 'citesCreated');
  await sum('import/merge-unresolved', unresolved, 'referencesUnresolved');
  await sum('import/resolve-references', waiting, 'referencesResolved');
  await sum('import/merge-automatic-discusses', discusses, 'conceptLinksCreated');
  const touched = [...new Set(assigned.map((a) => a.target.id))];
  await run('ingest/refresh-search-text', { ids: touched });
  // The related-work lists these works can change stop being served (src/graph/similarity.ts).
  if (context.listsInUse) await markStale(run, touched);
  return result;
}

function newTarget(record: WorkRecord): Target {
  const key = titleKey(record);
  const primary = idKeys(record.ids)[0] ?? `title:${key}|${record.year ?? ''}|${record.authors[0] ? surname(record.authors[0].name) : ''}`;
  const id = `paper-${slugOf(record.title).slice(0, 60).replace(/-+$/, '')}-${hash(primary)}`;
  const publicRecord = [
    'title',
    ...(record.year !== undefined ? ['year'] : []),
    ...(record.venue !== undefined ? ['venue'] : []),
    ...(record.ids.arxiv ? ['arxiv'] : []),
    ...(record.url !== undefined ? ['url'] : []),
  ];
  const create = {
    id,
    title: record.title,
    titleKey: key,
    publicRecord,
    sourceDocument: record.source.name,
    ...(record.source.line ? { sourceLine: record.source.line } : {}),
    sourceRecord: record.source.record,
    sourceField: record.fields.title ?? 'title',
    sourceQuote: record.title.slice(0, 240),
  };
  return { id, isNew: true, state: { ...create }, create, set: {}, provenance: [], disagreements: [], authorKeys: new Set(), authors: [] };
}

/** Fills the work's empty fields from the record (with provenance) and notes disagreements. */
function fill(target: Target, record: WorkRecord, importId: string, result: BatchResult, name: string): void {
  const values: Record<string, unknown> = {
    ...record.ids,
    year: record.year,
    venue: record.venue,
    url: record.url,
    abstract: record.abstract,
  };
  for (const field of fieldsFilled) {
    const value = values[field];
    if (value === undefined) continue;
    const current = target.state[field];
    const sourceField = isOneOf(idKinds, field) ? field : (record.fields[field] ?? field);
    if (current == null) {
      target.state[field] = value;
      target.set[field] = value;
      target.provenance.push(provenance(importId, field, record, sourceField));
    } else if (conflictFields.has(field) && String(current).toLowerCase() !== String(value).toLowerCase()) {
      const filler = replaceable.has(field) ? importedFrom(target, field) : undefined;
      if (filler && identifierRank(record.ids) < filler.rank) {
        // A record that names the work by a more specific identifier than the record that filled
        // the field: its value is shown, and the other is kept as a disagreement with its source,
        // marked so that taking this import back restores it (cypher/import/rollback.cypher).
        result.conflicts.push({ record: name, work: target.id, field, kept: String(value), other: String(current) });
        target.disagreements.push(disagreement(importId, field, String(current), [...filler.source, REPLACED]));
        target.state[field] = value;
        target.set[field] = value;
        target.provenance.push(provenance(importId, field, record, sourceField));
        continue;
      }
      result.conflicts.push({ record: name, work: target.id, field, kept: String(current), other: String(value) });
      // Both values are kept: the graph's, shown, and the record's, as a disagreement with its source.
      const place = [record.source.name, record.source.record, record.source.line ?? '', sourceField];
      const entry = disagreement(importId, field, String(value), place);
      const known = [...(Array.isArray(target.state.disagreements) ? target.state.disagreements : []), ...target.disagreements];
      if (!known.some((x) => typeof x === 'string' && sameDisagreement(x, entry))) target.disagreements.push(entry);
    }
  }
}

/** Fields a more specific record's value replaces when an import filled them (identifiers never are). */
const replaceable = new Set(['year', 'venue']);
/** The last column of a disagreement that an import's replaced value left: rollback puts it back. */
const REPLACED = 'replaced';

/**
 * How specific the identifier a record names its work by is: 0 for a DOI, then arXiv, OpenAlex,
 * Semantic Scholar and DBLP ids (idKinds' order), idKinds.length for none.
 */
function identifierRank(ids: WorkRecord['ids']): number {
  const rank = idKinds.findIndex((kind) => ids[kind]);
  return rank < 0 ? idKinds.length : rank;
}

/**
 * The import record that gave the work its value of `field`, when one did and no curator set it
 * since: its place ([file, record, line, source field]) and the rank of its identifier. Filled
 * before imports recorded that rank: unknown, so never replaced.
 */
function importedFrom(target: Target, field: string): { source: string[]; rank: number } | undefined {
  const curated = target.state.curatedFields;
  if (Array.isArray(curated) && curated.includes(field)) return undefined;
  const entries = [...(Array.isArray(target.state.provenance) ? target.state.provenance : []), ...target.provenance];
  const last = entries
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.split('\t'))
    .filter((x) => x[1] === field)
    .at(-1);
  if (!last || last[6] === undefined || last[6] === '') return undefined;
  return { source: last.slice(2, 6), rank: Number(last[6]) };
}

/**
 * A value a record gives for a field the work shows otherwise, as stored in the work's
 * `disagreements`: "<import>\t<field>\t<value>\t<file>\t<record>\t<line>\t<source field>", and
 * "\treplaced" after a value this import replaced (tabs and line breaks in the value become
 * spaces). `place`: the record's file, record id, line and source field (and the marker). The API
 * shows them beside the value it keeps.
 */
function disagreement(importId: string, field: string, value: string, place: (string | number)[]): string {
  return [importId, field, value.replace(/[\t\r\n]+/g, ' '), ...place].join('\t');
}

/**
 * The same value from the same record, whichever import brought it and whether or not it was
 * replaced: importing a file again adds nothing.
 */
function sameDisagreement(a: string, b: string): boolean {
  return a.split('\t').slice(1, 7).join('\t') === b.split('\t').slice(1, 7).join('\t');
}

/**
 * A field an import filled: "<import>\t<field>\t<file>\t<record>\t<line>\t<source field>\t<rank>",
 * the rank being how specific the record's identifier is (identifierRank), so that a later record
 * naming the work more specifically can replace the value.
 */
function provenance(importId: string, field: string, record: WorkRecord, sourceField: string): string {
  return [
    importId,
    field,
    record.source.name,
    record.source.record,
    record.source.line ?? '',
    sourceField,
    identifierRank(record.ids),
  ].join('\t');
}

/** "neil c rabinowitz" and "neil rabinowitz": the same first initial and surname. */
function sameInitialAndSurname(a: string, b: string): boolean {
  return a[0] === b[0] && surname(a) === surname(b);
}

function slugOf(text: string): string {
  return foldText(text).replace(/ /g, '-').slice(0, 80);
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 8);
}
