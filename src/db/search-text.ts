/**
 * A work's search text holds the names and aliases of its concepts and the names of its people
 * (cypher/ingest/refresh-search-text.cypher), so that `search` finds a paper by the concepts it
 * discusses. A curation that renames a concept or person, gives a concept an alias or merges two
 * concepts labels it NamesChanged in its own transaction; `spreadRenames` then derives again the
 * text of every work linked to it, CHUNK works per transaction, and takes the label off.
 *
 * It runs after every curation (src/db/curation.ts) and at start-up (src/app.ts): a spread cut
 * short (Neo4j went away, the process was killed) leaves the label, and the next one finishes it.
 * Works whose embedded text changed with it are queued for the embedding refresh, which embeds
 * them in the background (src/embed/refresh-plugin.ts): a concept with 10,000 works is minutes of
 * the model's time, where deriving their text took 1.3–1.8 s at 100,000 papers (bench/RESULTS.md).
 */
import type { Database } from './database.js';

/** Works whose text is derived again per transaction. */
const CHUNK = 2000;

export interface SpreadReport {
  /** Concepts and people whose names changed. */
  renamed: number;
  /** Works whose search text was derived again. */
  works: number;
  /** Of those, the works queued to be embedded again. */
  queued: number;
}

export async function spreadRenames(db: Database): Promise<SpreadReport> {
  const renamed = await db.read<{ id: string; version: number; works: string[] }>('curation/renamed');
  const report: SpreadReport = { renamed: renamed.length, works: 0, queued: 0 };
  for (const { id, version, works } of renamed) {
    for (let start = 0; start < works.length; start += CHUNK) {
      const ids = works.slice(start, start + CHUNK);
      report.queued += await db.writeTransaction('curation:spread-names', async (run) => {
        const [text] = await run<{ changed: string[] }>('ingest/refresh-search-text', { ids });
        const [marked] = await run<{ queued: number }>('semantic/mark-queued', { ids: text?.changed ?? [] });
        return marked?.queued ?? 0;
      });
      report.works += ids.length;
    }
    // Another curation that renamed it since the read above left it labelled, for its own spread.
    await db.write('curation/renamed-done', { id, version });
  }
  return report;
}
