/**
 * Writes a checked knowledge pack (see read-pack.ts) into Neo4j: UNWIND + MERGE on unique ids,
 * in batches, all inside one write transaction, so a pack lands whole or not at all (or, for a pack
 * too large for one transaction, in several: LoadOptions.transactionSize). Loading the
 * same pack again leaves the same nodes and relationships: the relationships the pack wrote
 * before (tagged with its id) are replaced, the nodes are merged.
 */
import type { Database } from '../db/database.js';
import { listsInUse, staleMarking } from '../graph/similarity.js';
import type { Row } from '../model/rows.js';
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
    ['ingest/merge-discusses', works.flatMap((w) => w.concepts.map((c) => [w.id, c.concept, ...evidenceList(c)]))],
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
    ['ingest/merge-references', works.flatMap((w) => w.references.map((r) => [w.id, r.to, r.type, ...evidenceList(r)]))],
  ];
}

/**
 * Writes the pack in one transaction (or, with `transactionSize`, in several). Resolves to the
 * database's counts afterwards.
 */
export async function loadPack(db: Database, loaded: LoadedPack, options: LoadOptions = {}): Promise<GraphCounts> {
  const batchSize = options.batchSize ?? 5000;
  const steps = packRows(loaded);
  const total = steps.reduce((sum, [, rows]) => sum + rows.length, 0);
  const pack = loaded.pack.event.id;

  // Every statement the load runs, in order; `rows` counts toward progress and transaction size.
  const units: { statement: string; params: Record<string, unknown>; rows: number }[] = [
    { statement: 'ingest/clear-pack-relationships', params: { pack }, rows: 0 },
  ];
  for (const [statement, rows] of steps) {
    if (statement === 'ingest/merge-event') {
      units.push({ statement, params: { row: rows[0], pack }, rows: 0 });
      continue;
    }
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      units.push({ statement, params: { rows: batch, pack }, rows: batch.length });
    }
  }
  const workIds = [...loaded.pack.talks, ...loaded.pack.papers].map((w) => w.id);
  for (let i = 0; i < workIds.length; i += batchSize) {
    const ids = workIds.slice(i, i + batchSize);
    units.push({ statement: 'ingest/refresh-search-text', params: { ids }, rows: ids.length });
  }

  // The related-work lists the pack can change stop being served (src/graph/similarity.ts), from
  // the first transaction to the last (a refresh in between computes lists that later ones change).
  if (await listsInUse(db)) {
    const marking = { ...staleMarking([...workIds, ...loaded.pack.concepts.map((c) => c.id)]), rows: 0 };
    units.splice(1, 0, marking);
    units.push(marking);
  }
  const transactions: (typeof units)[] = [];
  for (const step of options.finally ?? []) units.push({ ...step, rows: 0 });
  if (options.transactionSize === undefined) transactions.push(units);
  else {
    let current: typeof units = [];
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

  let done = 0;
  for (const [index, transaction] of transactions.entries()) {
    const operation = transactions.length === 1 ? `load-pack:${pack}` : `load-pack:${pack}:${index + 1}/${transactions.length}`;
    const before = done;
    await db.writeTransaction(
      operation,
      async (run) => {
        done = before; // a retried transaction starts its progress again
        // Sent one after another without waiting for each answer: the driver pipelines them on the
        // transaction's connection and Neo4j runs them in order, so encoding the next batch overlaps
        // running this one, and a small pack does not pay a round trip per statement.
        const sent = transaction.map((unit) =>
          run(unit.statement, unit.params).then(() => {
            if (unit.statement !== 'ingest/refresh-search-text' && unit.rows > 0) {
              done += unit.rows;
              options.onProgress?.(done, total);
            }
          }),
        );
        // Every answer is in before the transaction commits, or rolls back on the first failure.
        const failed = (await Promise.allSettled(sent)).find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
      },
      { bounded: false },
    );
  }
  return graphCounts(db);
}

export async function graphCounts(db: Database): Promise<GraphCounts> {
  const rows = await db.read('graph-counts');
  const pick = (kind: string) =>
    Object.fromEntries(rows.filter((r: Row) => r.kind === kind).map((r: Row) => [r.name as string, r.count as number]));
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

function stripUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export type { Pack };
