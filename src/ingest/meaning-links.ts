/**
 * Links an import's works to concepts by meaning, once their batches are written and before the
 * import finishes (src/ingest/import-records.ts), so that a failed or interrupted import takes them
 * back with the rest.
 *
 * Contract:
 * - What changed is embedded first (store.ts: the works the import wrote, and anything else stale),
 *   so every work has the embedding of the text the graph stores for it.
 * - A work gets up to the model's `conceptLinkTopK` concepts at `conceptLinkAtLeast` cosine or more,
 *   among the concepts it is not linked to yet and that no curator removed from it (concept-links.ts).
 *   These links are left out of the works' search text (cypher/ingest/refresh-search-text.cypher),
 *   so the embedding they were found from stays the same: importing the file again adds nothing.
 * - Each link is a DISCUSSES with origin AUTOMATIC, matchedBy MEANING, confidence = the cosine
 *   (rounded to 3 decimals), the record it came from, and as quote the sentence of the record's
 *   title or abstract closest in meaning to the concept, with that field. Only the sentences of
 *   works with a link are embedded. A link that exists (curated, or found by words) is never changed.
 */
import type { Database } from '../db/database.js';
import { type ConceptVector, closestIndex, nearestConcepts, sentencesOf } from '../embed/concept-links.js';
import type { Embedder, Vector } from '../embed/embedder.js';
import { refreshEmbeddings } from '../embed/store.js';

/** The words a work's link by meaning can quote: the title and abstract of the record it came from. */
export interface RecordText {
  document: string;
  line: number | null;
  record: string;
  title: string;
  titleField: string;
  abstract?: string;
  abstractField: string;
}

const QUOTE_MAX = 240;
/** Works read and linked per transaction. */
const CHUNK = 500;
/** The import says it still runs at least this often while it embeds (ImportRun.heartbeatAt). */
const HEARTBEAT_MS = 30_000;

/** Embeds what changed, then links each of `works` to the concepts nearest in meaning; returns the links created. */
export async function linkByMeaning(
  db: Database,
  embedder: Embedder,
  importId: string,
  works: ReadonlyMap<string, RecordText>,
): Promise<number> {
  let beat = Date.now();
  const stillRunning = async () => {
    if (Date.now() - beat < HEARTBEAT_MS) return;
    beat = Date.now();
    await db.write('import/still-running', { import: importId });
  };
  // A heartbeat lost here is harmless (the next one, or the link writes, say the import runs).
  await refreshEmbeddings(db, embedder, {
    onProgress: () => {
      stillRunning().catch(() => undefined);
    },
  });
  const model = embedder.name;
  const concepts: ConceptVector[] = (await db.read<{ id: string; vector: number[] }>('import/concept-vectors', { model })).map((c) => ({
    id: c.id,
    vector: Float32Array.from(c.vector),
  }));
  if (concepts.length === 0) return 0;
  const conceptVectors = new Map(concepts.map((c) => [c.id, c.vector]));
  const tuning = { topK: embedder.spec.conceptLinkTopK, atLeast: embedder.spec.conceptLinkAtLeast };
  const ids = [...works.keys()];
  let created = 0;
  for (let start = 0; start < ids.length; start += CHUNK) {
    await stillRunning();
    const rows = await db.read<{ id: string; vector: number[]; skip: string[] }>('import/meaning-candidates', {
      ids: ids.slice(start, start + CHUNK),
      model,
    });
    const links: unknown[][] = [];
    for (const row of rows) {
      const found = nearestConcepts(Float32Array.from(row.vector), concepts, new Set(row.skip), tuning);
      if (found.length === 0) continue;
      const text = works.get(row.id)!;
      const sentences = [
        { field: text.titleField, sentence: text.title },
        ...sentencesOf(text.abstract ?? '').map((sentence) => ({ field: text.abstractField, sentence })),
      ];
      const vectors: Vector[] = sentences.length > 1 ? await embedder.embed(sentences.map((s) => s.sentence)) : [];
      for (const { concept, score } of found) {
        const best = sentences.length > 1 ? sentences[closestIndex(conceptVectors.get(concept)!, vectors)]! : sentences[0]!;
        links.push([
          row.id,
          concept,
          text.document,
          text.line,
          text.record,
          best.field,
          best.sentence.slice(0, QUOTE_MAX),
          Math.round(score * 1000) / 1000,
          'MEANING',
        ]);
      }
    }
    if (links.length === 0) continue;
    const [result] = await db.writeTransaction(`import-records:meaning:${importId}:${start / CHUNK + 1}`, async (run) => {
      await run('import/still-running', { import: importId });
      return run<{ created: number }>('import/merge-automatic-discusses', { import: importId, rows: links });
    });
    created += result?.created ?? 0;
  }
  return created;
}
