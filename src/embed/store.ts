/**
 * Embeddings in Neo4j: computed by the app (so a user's own Neo4j, Docker or Aura works the same)
 * and stored on one :Embedding node per talk, paper and concept (cypher/semantic/), with the model's
 * name and version (a hash of its file). Only texts whose hash, model or model version changed are
 * embedded again.
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

type StoredRow = EmbeddableRow & { model: string | null; modelVersion: string | null; textHash: string | null };

/**
 * Embeds every talk, paper and concept whose text or model changed, and drops orphaned embeddings.
 * `textOf` is what is embedded of each (the benchmarks embed titles alone at large scales).
 *
 * `scope: 'due'` reads only the nodes a change labelled EmbeddingDue (src/db/curation.ts), which is
 * what a curation's refresh needs: reading every text costs seconds at 100,000 papers
 * (bench/RESULTS.md). It prunes nothing: the one curation that deletes a node (mergeConcepts)
 * deletes its embedding with it.
 */
export async function refreshEmbeddings(
  db: Database,
  embedder: Embedder,
  onProgress?: Progress,
  textOf: (row: EmbeddableRow) => string = embeddedText,
  scope: 'all' | 'due' = 'all',
): Promise<RefreshReport> {
  const started = performance.now();
  let rows: StoredRow[];
  if (scope === 'due') rows = await db.write<StoredRow>('semantic/claim-due');
  else {
    // Cleared first: a change that commits after it labels its node again, for the next refresh.
    await db.write('semantic/clear-due');
    rows = await db.read<StoredRow>('semantic/texts');
  }
  try {
    return await embedStale(db, embedder, rows, started, scope, onProgress, textOf);
  } catch (error) {
    // The claimed nodes are still due; the label is put back so that the next refresh tries again.
    if (scope === 'due' && rows.length) await db.write('semantic/mark-due', { ids: rows.map((row) => row.id) }).catch(() => undefined);
    throw error;
  }
}

async function embedStale(
  db: Database,
  embedder: Embedder,
  rows: StoredRow[],
  started: number,
  scope: 'all' | 'due',
  onProgress: Progress | undefined,
  textOf: (row: EmbeddableRow) => string,
): Promise<RefreshReport> {
  const stale: { id: string; kind: EmbeddableRow['kind']; text: string; hash: string }[] = [];
  // Stored before versions were recorded, by the model file the project pins: only the version is written.
  const versionless: string[] = [];
  for (const row of rows) {
    const text = textOf(row);
    const hash = textHash(text);
    const current = row.model === embedder.name && row.textHash === hash;
    if (current && row.modelVersion === embedder.version) continue;
    if (current && row.modelVersion == null) versionless.push(row.id);
    else stale.push({ id: row.id, kind: row.kind, text, hash });
  }
  if (versionless.length) await db.write('semantic/set-version', { model: embedder.name, version: embedder.version, ids: versionless });
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
      version: embedder.version,
      rows: chunk.map((item, i) => ({ id: item.id, kind: item.kind, textHash: item.hash, vector: Array.from(vectors[i]!) })),
    });
    embedMs += writeStart - embedStart;
    writeMs += performance.now() - writeStart;
  }
  onProgress?.(stale.length, stale.length);
  const [pruned] = scope === 'all' ? await db.write<{ removed: number }>('semantic/prune') : [];
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
