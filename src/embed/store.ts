/**
 * Embeddings in Neo4j: computed by the app (so a user's own Neo4j, Docker or Aura works the same)
 * and stored on one :Embedding node per talk, paper and concept (cypher/semantic/), with the model's
 * name and version (a hash of its file). Only texts whose hash, model or model version changed are
 * embedded again.
 */
import type { Database } from '../db/database.js';
import type { Progress } from '../progress.js';
import type { Embedder } from './embedder.js';
import { definitionText, type EmbeddableRow, embeddedText, textHash } from './text.js';

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

type StoredRow = EmbeddableRow & {
  model: string | null;
  modelVersion: string | null;
  textHash: string | null;
  /** Whether the stored embedding has a concept's definition vector (definitionVector). */
  definitionEmbedded: boolean;
};

/**
 * Texts read per statement when every text is read: a million works are never held at once (the
 * import of records runs in a 1 GiB heap), and a page is a few minutes of the model's work at most.
 */
const PAGE = 5000;

export interface RefreshOptions {
  /** Called as texts are checked (after each chunk embedded, too): texts checked so far, and in all. */
  onProgress?: Progress;
  /** What is embedded of each (the benchmarks embed titles alone at large scales). */
  textOf?: (row: EmbeddableRow) => string;
  /**
   * 'due': only the nodes a change labelled EmbeddingDue (src/db/curation.ts), which is what a
   * curation's refresh needs: reading every text costs seconds at 100,000 papers
   * (bench/RESULTS.md). It prunes nothing: the one curation that deletes a node (mergeConcepts)
   * deletes its embedding with it. 'queued': up to `page` of the works labelled EmbeddingQueued,
   * whose text changed with the name of a concept they discuss (src/db/search-text.ts); the
   * refresh plugin embeds them a page at a time in the background. Default 'all'.
   */
  scope?: 'all' | 'due' | 'queued';
  /** Texts read per statement when every text is read, or at most claimed when 'queued' (default PAGE). */
  page?: number;
}

/** Embeds every talk, paper and concept whose text or model changed, and drops orphaned embeddings. */
export async function refreshEmbeddings(
  db: Database,
  embedder: Embedder,
  { onProgress, textOf = embeddedText, scope = 'all', page = PAGE }: RefreshOptions = {},
): Promise<RefreshReport> {
  const started = performance.now();
  const report: RefreshReport = { embedded: 0, unchanged: 0, removed: 0, seconds: 0, embedSeconds: 0, writeSeconds: 0 };
  if (scope !== 'all') {
    const claim = scope === 'queued' ? { queued: true, limit: page } : { queued: false, limit: Number.MAX_SAFE_INTEGER };
    const rows = await db.write<StoredRow>('semantic/claim-due', claim);
    try {
      await embedStale(db, embedder, rows, textOf, report, (done) => onProgress?.(done, rows.length));
    } catch (error) {
      // The claimed nodes are still due; the label is put back so that the next refresh tries again.
      const ids = rows.map((row) => row.id);
      if (ids.length) await db.write(scope === 'queued' ? 'semantic/mark-queued' : 'semantic/mark-due', { ids }).catch(() => undefined);
      throw error;
    }
  } else {
    // Cleared first: a change that commits after it labels its node again, for the next refresh.
    await db.write('semantic/clear-due');
    const [count] = await db.read<{ texts: number }>('semantic/count-texts');
    const total = count?.texts ?? 0;
    let after = '';
    for (let checked = 0; ; ) {
      onProgress?.(checked, total);
      const rows = await db.read<StoredRow>('semantic/texts', { after, limit: page });
      const before = checked;
      await embedStale(db, embedder, rows, textOf, report, (done) => onProgress?.(before + done, total));
      checked += rows.length;
      if (rows.length < page) break;
      after = rows.at(-1)!.id;
    }
    onProgress?.(total, total);
    const [pruned] = await db.write<{ removed: number }>('semantic/prune');
    report.removed = pruned?.removed ?? 0;
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Embeds and writes those of `rows` whose text, model or model version changed, counting into `report`. */
async function embedStale(
  db: Database,
  embedder: Embedder,
  rows: StoredRow[],
  textOf: (row: EmbeddableRow) => string,
  report: RefreshReport,
  onChunk: (done: number) => void,
): Promise<void> {
  const stale: { id: string; kind: EmbeddableRow['kind']; text: string; definition: string | null; hash: string }[] = [];
  // Stored before versions were recorded, by the model file the project pins: only the version is written.
  const versionless: string[] = [];
  for (const row of rows) {
    const text = textOf(row);
    const hash = textHash(text);
    // A concept's definition has a vector of its own (the benchmarks' titles-only texts have none);
    // one stored before there were two is embedded again.
    const definition = textOf === embeddedText ? definitionText(row) : null;
    const current = row.model === embedder.name && row.textHash === hash && row.definitionEmbedded === (definition !== null);
    if (current && row.modelVersion === embedder.version) continue;
    if (current && row.modelVersion == null) versionless.push(row.id);
    else stale.push({ id: row.id, kind: row.kind, text, definition, hash });
  }
  if (versionless.length) await db.write('semantic/set-version', { model: embedder.name, version: embedder.version, ids: versionless });
  for (let start = 0; start < stale.length; start += CHUNK) {
    const chunk = stale.slice(start, start + CHUNK);
    const embedStart = performance.now();
    const definitions = chunk.flatMap((item) => (item.definition === null ? [] : [item.definition]));
    const vectors = await embedder.embed([...chunk.map((item) => item.text), ...definitions]);
    const writeStart = performance.now();
    let next = chunk.length;
    await db.write('semantic/write', {
      model: embedder.name,
      version: embedder.version,
      rows: chunk.map((item, i) => ({
        id: item.id,
        kind: item.kind,
        textHash: item.hash,
        vector: Array.from(vectors[i]!),
        definitionVector: item.definition === null ? null : Array.from(vectors[next++]!),
      })),
    });
    report.embedSeconds += (writeStart - embedStart) / 1000;
    report.writeSeconds += (performance.now() - writeStart) / 1000;
    // Counted among the texts checked: those already current, then the ones embedded so far.
    onChunk(rows.length - stale.length + start + chunk.length);
  }
  report.embedded += stale.length;
  report.unchanged += rows.length - stale.length;
}

export function formatRefresh(report: RefreshReport, model: string): string {
  return `Embeddings (${model}): ${report.embedded} embedded, ${report.unchanged} unchanged, ${report.removed} removed, in ${report.seconds.toFixed(1)} s.`;
}
