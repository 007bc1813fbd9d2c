/**
 * Curators' changes to the knowledge, one function per change: each runs in one write
 * transaction that checks its source, writes, and records a Change node (who, when, what, from
 * what source). Ids arrive resolved (src/schema/resolve.ts); a target that vanished meanwhile
 * is NOT_FOUND and writes nothing.
 *
 * Concurrent curators: the transaction first write-locks the node the change is about, so two
 * changes to one node run one after the other and neither overwrites what the other wrote
 * unseen (50 concurrent alias additions all land). Every change increments the node's
 * `version`; a change that names the version its client read (`expectedVersion`) fails with
 * CONFLICT, writing nothing, when the locked node is at another version.
 */
import { BadUserInputError, DomainError, NotFoundError, VersionConflictError } from '../errors.js';
import type { ConceptNode, Entity, PaperNode, PersonNode, TalkNode, WorkNode } from '../model/rows.js';
import type { NodeType } from '../model/vocabulary.js';
import type { Database, Row, StatementRunner } from './database.js';
import { IN_REQUEST, spreadRenames } from './search-text.js';
import { markStale } from './stale-lists.js';

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

/** The node a change writes, and the version its client last read of it, when the client gave one. */
export interface Versioned {
  id: string;
  /** The labels it may carry: ['Concept'], or ['Talk', 'Paper'] for a work. */
  labels: readonly NodeType[];
  /** Absent: the change is applied to whatever version is there (still after the lock, so nothing is lost). */
  expectedVersion?: number | null;
}

export interface Change {
  by: string;
  action: string;
  target: string;
  details?: object;
  source?: CurationSource | null;
  /** The node whose version the change checks and increments. */
  node?: Versioned;
}

/** The curations that can change a concept's RELATED_TO and BROADER links (cypher/similarity/mark-changed-concepts.cypher). */
const RELINKING = new Set(['upsertConcept', 'mergeConcepts']);
/** The curations that can change a work's title, which breaks ties in the lists it is in through its concepts. */
const RETITLING = new Set(['upsertPaper', 'upsertTalk']);

/** Thrown inside the transaction when a node expected absent was created by another request meanwhile; see `curate`. */
class CreatedMeanwhile extends Error {}

/**
 * Runs `work` in one write transaction after checking the source and locking `change.node`,
 * and records the change. `work` returns the result (the changed node, say), or null when its
 * target does not exist (NOT_FOUND, and nothing is written), or false when it found nothing to
 * change (the version stays). A node the result carries is given its new version.
 */
export async function curate<T>(db: Database, change: Change, work: (run: Run) => Promise<T | null>): Promise<T> {
  const node = change.node;
  try {
    const result = await db.writeTransaction(`curation:${change.action}`, async (run) => {
      await checkSource(run, change.source);
      const seen = node ? await lockAndCheck(run, node) : 0;
      // The related-work lists this change can make wrong stop being served (src/graph/similarity.ts):
      // those related to its targets before it (through a link it may remove) and after it.
      const targets = change.target.split(' ');
      // The concept of a DISCUSSES link a curation adds or removes is among its targets.
      const changes = { relinked: RELINKING.has(change.action) ? targets : [], discussesKept: !RETITLING.has(change.action) };
      await markStale(run, targets, changes);
      const result = await work(run);
      if (result === null) throw new NotFoundError(`${change.action}: nothing found for ${change.target}`);
      await markStale(run, targets, changes);
      // Their text may have changed: the embedding refresh after the mutation reads them (src/embed/store.ts).
      await run('semantic/mark-due', { ids: targets });
      await run('curation/record-change', {
        by: change.by,
        action: change.action,
        target: change.target,
        details: JSON.stringify(change.details ?? {}),
        source: change.source ? JSON.stringify(change.source) : null,
      });
      if (!node || result === false) return result;
      const [bumped] = await run<{ version: number }>('curation/bump-version', { id: node.id });
      // Locked, the node can only have moved on if it did not exist yet: another request created it.
      if (node.expectedVersion != null && bumped?.version !== seen + 1) throw new CreatedMeanwhile();
      return withVersion(result, node.id, bumped?.version);
    });
    // A concept or person it renamed: their works' search text names them anew, the first
    // IN_REQUEST before the answer (the server spreads the rest after it; src/db/search-text.ts).
    // The change is committed either way: a spread that fails here is left labelled for the
    // server's pass after the answer, which logs the error, or for the next start.
    await spreadRenames(db, { atMost: IN_REQUEST }).catch(() => undefined);
    return result;
  } catch (error) {
    if (!(error instanceof CreatedMeanwhile) || !node) throw error;
    const [row] = await db.read<{ node: Row }>('curation/current-node', { id: node.id, labels: node.labels });
    throw new VersionConflictError(node.id, node.expectedVersion ?? 0, Number(row?.node.version ?? 0), presentFields(row?.node));
  }
}

/** Write-locks the node (if it exists) and resolves to its version, 0 when absent; CONFLICT when not the expected one. */
async function lockAndCheck(run: Run, node: Versioned): Promise<number> {
  const [locked] = await run<{ version: number }>('curation/lock-node', { id: node.id, labels: node.labels });
  const version = locked?.version ?? 0;
  if (node.expectedVersion == null || node.expectedVersion === version) return version;
  const [current] = await run<{ node: Row }>('curation/current-node', { id: node.id, labels: node.labels });
  throw new VersionConflictError(node.id, node.expectedVersion, version, presentFields(current?.node));
}

/** The fields a node has (the statement gives null for those it lacks), or null for no node. */
const presentFields = (node: Row | undefined) =>
  node ? Object.fromEntries(Object.entries(node).filter(([, value]) => value !== null)) : null;

/** The result with the node's new version, when the result is that node. */
function withVersion<T>(result: T, id: string, version: number | undefined): T {
  if (version === undefined || typeof result !== 'object' || result === null || !('id' in result) || result.id !== id) return result;
  return { ...result, version };
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

/** The labels of the nodes each kind of change writes. */
const CONCEPT: NodeType[] = ['Concept'];
const PERSON: NodeType[] = ['Person'];
const PAPER: NodeType[] = ['Paper'];
const TALK: NodeType[] = ['Talk'];
const WORK: NodeType[] = ['Talk', 'Paper'];

export function upsertConcept(
  db: Database,
  by: string,
  input: ConceptInput,
  source: CurationSource | null,
  expectedVersion?: number | null,
) {
  const node = { id: input.id, labels: CONCEPT, expectedVersion };
  return curate(db, { by, action: 'upsertConcept', target: input.id, details: input, source, node }, async (run) => {
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

export function addConceptAlias(db: Database, by: string, concept: string, alias: string, expectedVersion?: number | null) {
  const node = { id: concept, labels: CONCEPT, expectedVersion };
  return curate(db, { by, action: 'addConceptAlias', target: concept, details: { alias }, node }, async (run) => {
    await assertNameFree(run, concept, [alias]);
    if (!nodeOf(await nodeRows<ConceptNode>(run, 'curation/add-concept-alias', { concept, alias, by }))) return null;
    return nodeOf(await nodeRows<ConceptNode>(run, 'curation/refresh-names', { id: concept }));
  });
}

/** Folds `remove` into `keep`: its works and links move over, its names become aliases. */
export function mergeConcepts(db: Database, by: string, keep: string, remove: string, expectedVersion?: number | null) {
  if (keep === remove) throw new BadUserInputError('remove: cannot merge a concept into itself', 'remove');
  const node = { id: keep, labels: CONCEPT, expectedVersion };
  return curate(db, { by, action: 'mergeConcepts', target: keep, details: { remove }, node }, async (run) => {
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

export function upsertPerson(db: Database, by: string, input: PersonInput, source: CurationSource | null, expectedVersion?: number | null) {
  const node = { id: input.id, labels: PERSON, expectedVersion };
  return curate(db, { by, action: 'upsertPerson', target: input.id, details: input, source, node }, async (run) => {
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

export function upsertPaper(db: Database, by: string, input: PaperInput, source: CurationSource | null, expectedVersion?: number | null) {
  const node = { id: input.id, labels: PAPER, expectedVersion };
  return curate(db, { by, action: 'upsertPaper', target: input.id, details: input, source, node }, async (run) =>
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

export function upsertTalk(db: Database, by: string, input: TalkInput, source: CurationSource | null, expectedVersion?: number | null) {
  const node = { id: input.id, labels: TALK, expectedVersion };
  return curate(db, { by, action: 'upsertTalk', target: input.id, details: input, source, node }, async (run) =>
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
export function linkWorkToConcept(
  db: Database,
  by: string,
  work: string,
  concept: string,
  source: CurationSource,
  expectedVersion?: number | null,
) {
  const node = { id: work, labels: WORK, expectedVersion };
  return curate(db, { by, action: 'linkWorkToConcept', target: `${work} DISCUSSES ${concept}`, source, node }, async (run) => {
    const linked = nodeOf(
      await nodeRows<WorkNode>(run, 'curation/link-work-concept', {
        work,
        concept,
        by,
        source: { document: null, line: null, url: null, ...source },
      }),
    );
    // The work's search text (and so its embedding) names the concept from now on.
    if (linked) await run('ingest/refresh-search-text', { ids: [work] });
    return linked;
  });
}

/** A typed reference from a work to a paper, as the source says. Resolves to the citing work, whose version it increments. */
export function addReference(
  db: Database,
  by: string,
  from: string,
  to: string,
  type: string,
  source: CurationSource,
  expectedVersion?: number | null,
) {
  const node = { id: from, labels: WORK, expectedVersion };
  return curate(db, { by, action: 'addReference', target: `${from} ${type} ${to}`, source, node }, async (run) => {
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

/** What removing an edge takes: who, why, and the version of the work it leaves, if the client gave one. */
export interface Removal {
  by: string;
  reason: string | null | undefined;
  expectedVersion?: number | null;
}

/** Resolves to true when a reference was removed (the citing work's version increments), false when there was none. */
export function removeReference(db: Database, removal: Removal, from: string, to: string, type: string) {
  return removeEdge(db, removal, 'removeReference', from, `${from} ${type} ${to}`, 'curation/remove-reference', { from, to, type });
}

/** Resolves to true when a "discusses" link was removed (the work's version increments), false when there was none. */
export function removeConceptLink(db: Database, removal: Removal, work: string, concept: string) {
  const params = { work, concept };
  return removeEdge(db, removal, 'removeConceptLink', work, `${work} DISCUSSES ${concept}`, 'curation/remove-concept-link', params, (run) =>
    // The work's search text (and so its embedding) no longer names the concept.
    run('ingest/refresh-search-text', { ids: [work] }),
  );
}

function removeEdge(
  db: Database,
  removal: Removal,
  action: string,
  work: string,
  target: string,
  statement: string,
  params: Record<string, unknown>,
  afterRemoval?: (run: Run) => Promise<unknown>,
) {
  const { by, reason, expectedVersion } = removal;
  const node = { id: work, labels: WORK, expectedVersion };
  return curate(db, { by, action, target, details: { reason: reason ?? null }, node }, async (run) => {
    const [row] = await run<{ removed: number }>(statement, params);
    const removed = (row?.removed ?? 0) > 0;
    if (removed) await afterRemoval?.(run);
    return removed;
  });
}
