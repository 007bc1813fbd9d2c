/**
 * Embeddings in Neo4j: computed by the app (so a user's own Neo4j, Docker or Aura works the same)
 * and stored on one :Embedding node per talk, paper and concept (cypher/semantic/). Only texts
 * whose hash or model changed are embedded again.
 */
import type { Database } from '../db/database.js';
import type { Progress } from '../progress.js';
import type { Embedder } from './embedder.js';
import { type EmbeddableRow, embeddedText, textHash } from './text.js';

/** Texts embedded and written per transaction. */
const CHUNK = 256;

export interface RefreshReport {
  embedded: number;
  unchanged: number;
  removed: number;
  seconds: number;
  /** Of `seconds`: in the model (tokenising and pooling included), and writing the vectors to Neo4j. */
  embedSeconds: number;
  writeSeconds: number;
}

/**
 * Embeds every talk, paper and concept whose text or model changed, and drops orphaned embeddings.
 * `textOf` is what is embedded of each (the benchmarks embed titles alone at large scales).
 */
export async function refreshEmbeddings(
  db: Database,
  embedder: Embedder,
  onProgress?: Progress,
  textOf: (row: EmbeddableRow) => string = embeddedText,
): Promise<RefreshReport> {
  const started = performance.now();
  const rows = await db.read<EmbeddableRow & { model: string | null; textHash: string | null }>('semantic/texts');
  const stale = rows.flatMap((row) => {
    const text = textOf(row);
    const hash = textHash(text);
    return row.model === embedder.name && row.textHash === hash ? [] : [{ id: row.id, kind: row.kind, text, hash }];
  });
  let embedMs = 0;
  let writeMs = 0;
  for (let start = 0; start < stale.length; start += CHUNK) {
    onProgress?.(start, stale.length);
    const chunk = stale.slice(start, start + CHUNK);
    const embedStart = performance.now();
    const vectors = await embedder.embed(chunk.map((item) => item.text));
    const writeStart = performance.now();
    await db.write('semantic/write', {
      model: embedder.name,
      rows: chunk.map((item, i) => ({ id: item.id, kind: item.kind, textHash: item.hash, vector: Array.from(vectors[i]!) })),
    });
    embedMs += writeStart - embedStart;
    writeMs += performance.now() - writeStart;
  }
  onProgress?.(stale.length, stale.length);
  const [pruned] = await db.write<{ removed: number }>('semantic/prune');
  return {
    embedded: stale.length,
    unchanged: rows.length - stale.length,
    removed: pruned?.removed ?? 0,
    seconds: (performance.now() - started) / 1000,
    embedSeconds: embedMs / 1000,
    writeSeconds: writeMs / 1000,
  };
}

export function formatRefresh(report: RefreshReport, model: string): string {
  return `Embeddings (${model}): ${report.embedded} embedded, ${report.unchanged} unchanged, ${report.removed} removed, in ${report.seconds.toFixed(1)} s.`;
}
