/**
 * A work's search text holds the names and aliases of its concepts and the names of its people
 * (cypher/ingest/refresh-search-text.cypher), so that `search` finds a paper by the concepts it
 * discusses. A curation that renames a concept or person, gives a concept an alias or merges two
 * concepts labels it NamesChanged in its own transaction, with a cursor at the start of its works;
 * `spreadRenames` then derives again the text of its works in id order, CHUNK per transaction,
 * moving the cursor, and takes the label off after the last.
 *
 * A curation waits for the first IN_REQUEST works (src/db/curation.ts); the server finishes the
 * rest after the answer (src/server/search-text-spread.ts), and start-up finishes a spread that a
 * stop cut short (src/app.ts). A concept that half of a million imported papers discuss took 44 s
 * to spread, against 1 s for one of 10,000 works (bench/RESULTS.md).
 *
 * Works whose embedded text changed with it are queued for the embedding refresh, which embeds
 * them in the background too (src/embed/refresh-plugin.ts).
 */
import type { Database } from './database.js';

/** Works whose text is derived again per transaction. */
const CHUNK = 2000;

/** Works of renamed concepts and people a curation's answer waits for; about a second of Neo4j's time. */
export const IN_REQUEST = 10_000;

export interface SpreadReport {
  /** Concepts and people whose works' text was derived again. */
  renamed: number;
  /** Works whose search text was derived again. */
  works: number;
  /** Of those, the works queued to be embedded again. */
  queued: number;
  /** Whether renames are left to spread (atMost was reached). */
  left: boolean;
}

/** Spreads every pending rename to its works, or stops after the chunk that reaches `atMost` works. */
export async function spreadRenames(db: Database, { atMost = Number.POSITIVE_INFINITY, chunk = CHUNK } = {}): Promise<SpreadReport> {
  const report: SpreadReport = { renamed: 0, works: 0, queued: 0, left: false };
  const seen = new Set<string>();
  for (;;) {
    const renamed = await db.read<{ id: string; version: number; works: string[] }>('curation/renamed', { limit: chunk });
    if (renamed.length === 0) return report;
    if (report.works >= atMost) return { ...report, left: true };
    for (const { id, version, works } of renamed) {
      seen.add(id);
      if (works.length > 0) {
        report.queued += await db.writeTransaction('curation:spread-names', async (run) => {
          const [text] = await run<{ changed: string[] }>('ingest/refresh-search-text', { ids: works });
          const [marked] = await run<{ queued: number }>('semantic/mark-queued', { ids: text?.changed ?? [] });
          return marked?.queued ?? 0;
        });
        report.works += works.length;
      }
      // A curation that renamed it since the read above reset its cursor: its version moved on, and nothing is written.
      await db.write('curation/renamed-done', { id, version, after: works.at(-1) ?? '', done: works.length < chunk });
    }
    report.renamed = seen.size;
  }
}
