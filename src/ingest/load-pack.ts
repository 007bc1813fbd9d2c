/**
 * Writes a checked knowledge pack (see read-pack.ts) into Neo4j: UNWIND + MERGE on unique ids,
 * in batches, all inside one write transaction, so a pack lands whole or not at all (or, for a pack
 * too large for one transaction, in several: LoadOptions.transactionSize). Loading the
 * same pack again leaves the same nodes and relationships: the relationships the pack wrote
 * before (tagged with its id) are replaced, the nodes are merged, and what curators changed is
 * kept unless LoadOptions.overwriteCurated (src/ingest/curated.ts). An export's graph section and
 * curation log (src/ingest/export-pack.ts) are written last, in the same transaction.
 */
import type { Database, StatementRunner } from '../db/database.js';
import { spreadRenames } from '../db/search-text.js';
import { changedConceptsMarking, conceptStaleMarking, listsInUse, staleMarking } from '../db/stale-lists.js';
import { floatProperties, temporalProperties } from '../model/vocabulary.js';
import {
  type CuratedNode,
  type CuratedRelationship,
  type CurationDifference,
  type CurationReport,
  curatableIds,
  type MergedConcept,
  type Reconciled,
  reconcile,
} from './curated.js';
import { omitEmpty } from './omit.js';
import type { Evidence, Pack, PackPaper, PackTalk } from './pack-schema.js';
import type { LoadedPack } from './read-pack.js';

export interface LoadOptions {
  /**
   * Rows per UNWIND statement (default 5,000): large enough that a statement's fixed costs (a round
   * trip, the plan look-up, the Eager buffers) are spread thin, small enough to keep one
   * statement's parameters to a few MB.
   */
  batchSize?: number;
  /**
   * Rows per write transaction. Unset (the default): the whole pack in one transaction, so it lands
   * whole or not at all. Set it for a pack too large for one transaction's memory (Neo4j's
   * `dbms.memory.transaction.total.max`, 70% of the heap by default): the batches are then grouped
   * into transactions of about this many rows, each committed on its own, in the same order. A load
   * that fails part-way leaves part of the pack written; loading the pack again completes it.
   */
  transactionSize?: number;
  /** Called after each batch with the rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Named statements to run at the end of the (last) transaction, so that they commit with the
   * pack or not at all: an import's Change record, say.
   */
  finally?: { statement: string; params: Record<string, unknown> }[];
  /**
   * Write the pack's values over what curators changed (their fields, the relationships they
   * sourced, the links they removed), and report what was dropped. Off by default: curated values
   * are kept and the disagreements reported.
   */
  overwriteCurated?: boolean;
}

/** The counts after a load, and where the pack and the curated graph disagreed. */
export interface LoadResult extends GraphCounts {
  curation: CurationReport;
}

export interface GraphCounts {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

/** A statement's rows: maps, or for the largest statements lists (their .cypher file says which value is where). */
type Rows = (Record<string, unknown> | unknown[])[];

/** The statements of a load, in the order they must run, each with its rows. */
export function packRows({ pack, documents }: LoadedPack): [statement: string, rows: Rows][] {
  const defaultDocument = pack.documents[0]!.id;
  const source = (e: Evidence | undefined) =>
    e ? { sourceDocument: e.document ?? defaultDocument, sourceLine: e.line, sourceQuote: e.quote } : {};
  const evidence = (e: Evidence) => ({ document: e.document ?? defaultDocument, line: e.line, quote: e.quote });
  const evidenceList = (e: Evidence) => [e.document ?? defaultDocument, e.line, e.quote];
  const names = (name: string, aliases: string[]) => ({
    aliases,
    keys: [...new Set([name, ...aliases].map((n) => n.toLowerCase()))],
    aliasText: aliases.join(' | '),
  });
  const dayNumber = new Map(pack.days.map((d) => [d.id, d.number]));
  const eventYear = pack.event.startDate ? Number(pack.event.startDate.slice(0, 4)) : null;
  const works: (PackTalk | PackPaper)[] = [...pack.talks, ...pack.papers];

  return [
    // Documents keep their lines, so that a curator's quote can be checked against them later.
    [
      'ingest/merge-documents',
      pack.documents.map((d) => ({ ...d, lines: documents.get(d.id) ?? [], lineCount: documents.get(d.id)?.length ?? 0 })),
    ],
    ['ingest/merge-event', [{ ...stripUndefined({ ...pack.event, source: undefined }), ...source(pack.event.source) }]],
    [
      'ingest/merge-days',
      pack.days.map((d) => ({ event: pack.event.id, props: { id: d.id, number: d.number, title: d.title, ...source(d.source) } })),
    ],
    [
      'ingest/merge-sessions',
      pack.sessions.map((s) => ({
        day: s.day,
        props: { id: s.id, title: s.title, kind: s.kind, order: s.order, dayNumber: dayNumber.get(s.day), ...source(s.source) },
      })),
    ],
    [
      'ingest/merge-people',
      pack.people.map((p) => stripUndefined({ id: p.id, name: p.name, affiliation: p.affiliation, ...names(p.name, p.aliases) })),
    ],
    [
      'ingest/merge-concepts',
      pack.concepts.map((c) => ({ id: c.id, name: c.name, definition: c.definition, ...names(c.name, c.aliases) })),
    ],
    [
      'ingest/merge-concept-relations',
      [
        ...pack.concepts.flatMap((c) => c.broader.map((to) => ({ from: c.id, to, type: 'BROADER' }))),
        ...symmetricPairs(pack.concepts.flatMap((c) => c.related.map((to) => [c.id, to] as const))).map(([from, to]) => ({
          from,
          to,
          type: 'RELATED_TO',
        })),
      ],
    ],
    [
      'ingest/merge-papers',
      pack.papers.map((p) =>
        stripUndefined({
          id: p.id,
          kind: p.kind,
          title: p.title,
          titleAsWritten: p.titleAsWritten,
          citedAs: p.citedAs,
          year: p.year,
          venue: p.venue,
          arxiv: p.arxiv,
          doi: p.doi,
          url: p.url,
          publicRecord: p.publicRecord,
          noRecord: p.noRecord,
          ...source(p.source),
        }),
      ),
    ],
    [
      'ingest/merge-talks',
      pack.talks.map((t) => ({
        day: t.day,
        session: t.session,
        props: stripUndefined({
          id: t.id,
          title: t.title,
          titleInSource: t.titleInSource,
          kind: t.kind,
          order: t.order,
          dayNumber: dayNumber.get(t.day),
          year: eventYear ?? undefined,
          venue: pack.event.name,
          lineFrom: t.lines.from,
          lineTo: t.lines.to,
          summary: t.summary,
          ...source(t.source),
        }),
      })),
    ],
    ['ingest/merge-talk-parents', pack.talks.filter((t) => t.parent).map((t) => ({ from: t.id, to: t.parent }))],
    ['ingest/merge-presents', pack.talks.filter((t) => t.presents).map((t) => ({ from: t.id, to: t.presents }))],
    [
      'ingest/merge-contributions',
      works.flatMap((w) =>
        w.people.map((p) => [p.person, w.id, p.role, p.origin, ...(p.source ? evidenceList(p.source) : [null, null, null])]),
      ),
    ],
    // The three largest statements take their rows as lists (see merge-discusses.cypher).
    ['ingest/merge-discusses', works.flatMap((w) => w.concepts.map((c) => [w.id, c.concept, ...evidenceList(c), c.why ?? null]))],
    [
      'ingest/merge-links',
      works.flatMap((w) =>
        w.links.map((l) => ({
          work: w.id,
          link: stripUndefined({ url: l.url, kind: l.kind, label: l.label }),
          props: { ...evidence(l), asWritten: l.asWritten, corrected: l.asWritten !== l.url },
        })),
      ),
    ],
    ['ingest/merge-references', works.flatMap((w) => w.references.map((r) => [w.id, r.to, r.type, ...evidenceList(r), r.why ?? null]))],
  ];
}

/**
 * Writes the pack in one transaction (or, with `transactionSize`, in several). What curators
 * changed on the pack's nodes is read first, in the same (first) transaction, and kept unless
 * `overwriteCurated` (src/ingest/curated.ts). Resolves to the database's counts afterwards and the
 * places where the pack and the curation disagree.
 */
export async function loadPack(db: Database, loaded: LoadedPack, options: LoadOptions = {}): Promise<LoadResult> {
  const pack = loaded.pack.event.id;
  const overwriteCurated = options.overwriteCurated ?? false;
  let report: CurationReport = { kept: [], dropped: [] };
  const marksLists = await listsInUse(db);
  let transactions: Unit[][] = [];
  let total = 0;
  let done = 0;

  const runUnits = async (run: StatementRunner, units: Unit[]) => {
    // Sent one after another without waiting for each answer: the driver pipelines them on the
    // transaction's connection and Neo4j runs them in order, so encoding the next batch overlaps
    // running this one, and a small pack does not pay a round trip per statement.
    const sent = units.map((unit) =>
      run(unit.statement, unit.params).then(() => {
        if (unit.counts && unit.rows > 0) {
          done += unit.rows;
          options.onProgress?.(done, total);
        }
      }),
    );
    // Every answer is in before the transaction commits, or rolls back on the first failure.
    const failed = (await Promise.allSettled(sent)).find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  };

  for (let index = 0; index === 0 || index < transactions.length; index++) {
    const operation = index === 0 ? `load-pack:${pack}` : `load-pack:${pack}:${index + 1}/${transactions.length}`;
    const before = done;
    await db.writeTransaction(
      operation,
      async (run) => {
        done = before; // a retried transaction starts its progress again
        if (index === 0) {
          const ids = curatableIds(loaded.pack);
          const reconciled = reconcile(
            loaded.pack,
            await run<CuratedNode>('ingest/curated-nodes', { ids }),
            await run<CuratedRelationship>('ingest/curated-relationships', { ids }),
            await run<MergedConcept>('ingest/merged-concepts', { ids: loaded.pack.concepts.map((c) => c.id) }),
            overwriteCurated,
          );
          report = await withAuthors(run, reconciled.report);
          ({ transactions, total } = plan({ ...loaded, pack: reconciled.pack }, reconciled, options, marksLists));
        }
        await runUnits(run, transactions[index]!);
      },
      { bounded: false },
    );
  }
  // The pack's works have their text already; works from elsewhere that discuss a renamed concept get theirs.
  await spreadRenames(db);
  return { ...(await graphCounts(db)), curation: report };
}

/**
 * The report with who made each curated change and when, from the curation log where it names the
 * change's target (a removed link is logged under "work DISCUSSES concept"); else as the node says.
 */
async function withAuthors(run: StatementRunner, report: CurationReport): Promise<CurationReport> {
  const differences = [...report.kept, ...report.dropped];
  if (differences.length === 0) return report;
  const rows = await run<{ target: string; by: string; at: string }>('ingest/last-changes', {
    targets: [...new Set(differences.map((d) => d.target))],
  });
  const last = new Map(rows.map((r) => [r.target, r]));
  const author = (d: CurationDifference) => ({ ...d, by: last.get(d.target)?.by ?? d.by, at: last.get(d.target)?.at ?? d.at });
  return { kept: report.kept.map(author), dropped: report.dropped.map(author) };
}

/** One statement of a load; `rows` counts toward progress (when `counts`) and transaction size. */
interface Unit {
  statement: string;
  params: Record<string, unknown>;
  rows: number;
  counts: boolean;
}

/** Every statement of the load, in order, grouped into transactions. */
function plan(
  loaded: LoadedPack,
  { marks, unmerged }: Pick<Reconciled, 'marks' | 'unmerged'>,
  options: LoadOptions,
  /** Whether related-work lists are in use, so the load marks those it can change stale. */
  marksLists: boolean,
): { transactions: Unit[][]; total: number } {
  const batchSize = options.batchSize ?? 5000;
  const steps = packRows(loaded);
  const total = steps.reduce((sum, [, rows]) => sum + rows.length, 0);
  const pack = loaded.pack.event.id;
  const overwriteCurated = options.overwriteCurated ?? false;

  const units: Unit[] = [{ statement: 'ingest/clear-pack-relationships', params: { pack, overwriteCurated }, rows: 0, counts: false }];
  for (const [statement, rows] of steps) {
    if (statement === 'ingest/merge-event') {
      units.push({ statement, params: { row: rows[0], pack }, rows: 0, counts: false });
      continue;
    }
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      units.push({ statement, params: { rows: batch, pack }, rows: batch.length, counts: true });
    }
  }
  if (marks.length > 0) units.push({ statement: 'ingest/set-curation-marks', params: { rows: marks }, rows: 0, counts: false });
  if (unmerged.length > 0) units.push({ statement: 'ingest/unmerge-concepts', params: { ids: unmerged }, rows: 0, counts: false });
  const workIds = [...loaded.pack.talks, ...loaded.pack.papers].map((w) => w.id);
  for (let i = 0; i < workIds.length; i += batchSize) {
    const ids = workIds.slice(i, i + batchSize);
    units.push({ statement: 'ingest/refresh-search-text', params: { ids }, rows: ids.length, counts: false });
  }
  // An export's graph section and log (src/ingest/export-pack.ts), after the search text so that
  // the properties it holds are the ones that stay.
  const restore: [string, unknown[] | undefined][] = [
    ['export/restore-nodes', loaded.pack.graph?.nodes],
    ['export/restore-properties', loaded.pack.graph?.properties],
    ['export/restore-relationships', loaded.pack.graph?.relationships],
    ['export/restore-changes', loaded.pack.changes],
  ];
  for (const [statement, rows = []] of restore) {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      units.push({
        statement,
        params: { rows: batch, temporal: temporalProperties, floats: floatProperties },
        rows: batch.length,
        counts: false,
      });
    }
  }
  for (const step of options.finally ?? []) units.push({ ...step, rows: 0, counts: false });

  // The related-work lists the pack can change stop being served (src/graph/similarity.ts), from
  // the first transaction to the last (a refresh in between computes lists that later ones change):
  // first before its old relationships are cleared (the works related through those), last after
  // the new ones are in.
  if (marksLists) {
    const concepts = loaded.pack.concepts.map((c) => c.id);
    const touched = [...workIds, ...concepts];
    const markings = [staleMarking(touched), ...changedConceptsMarking(touched, { relinked: concepts }), conceptStaleMarking(touched)].map(
      (m) => ({
        ...m,
        rows: 0,
        counts: false,
      }),
    );
    units.unshift(...markings);
    units.push(...markings);
  }
  const transactions: Unit[][] = [];
  if (options.transactionSize === undefined) transactions.push(units);
  else {
    let current: Unit[] = [];
    let size = 0;
    for (const unit of units) {
      if (current.length > 0 && size + unit.rows > options.transactionSize) {
        transactions.push(current);
        current = [];
        size = 0;
      }
      current.push(unit);
      size += unit.rows;
    }
    if (current.length > 0) transactions.push(current);
  }
  return { transactions, total };
}

export async function graphCounts(db: Database): Promise<GraphCounts> {
  const rows = await db.read<{ kind: string; name: string; count: number }>('graph-counts');
  const pick = (kind: string) => Object.fromEntries(rows.filter((r) => r.kind === kind).map((r) => [r.name, r.count]));
  return { labels: pick('label'), relationships: pick('type') };
}

/** Each unordered pair once, in the direction it was first listed: two concepts that list each other are one RELATED_TO. */
function symmetricPairs(pairs: readonly (readonly [string, string])[]): (readonly [string, string])[] {
  const seen = new Map<string, readonly [string, string]>();
  for (const pair of pairs) {
    const key = [...pair].sort().join('\u0000');
    if (!seen.has(key)) seen.set(key, pair);
  }
  return [...seen.values()];
}

const stripUndefined = <T extends object>(value: T): T => omitEmpty(value);

export type { Pack };
