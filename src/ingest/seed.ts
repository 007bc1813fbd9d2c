/**
 * The seed knowledge: every pack under seeds/ (seeds/<name>/pack.yaml), loaded by
 * `npm run seed` and by the first `npm start` on a database that holds no event yet.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import type { CurationReport } from './curated.js';
import { type GraphCounts, type LoadOptions, type LoadResult, loadPack } from './load-pack.js';
import { readPack } from './read-pack.js';

export const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seeds');

export function seedPackFiles(dir = seedsDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(dir, entry.name, 'pack.yaml'))
    .filter((file) => existsSync(file))
    .sort();
}

/**
 * Checks every pack first, then loads them one by one. Nothing is written if any pack is invalid.
 * Resolves to the counts after the last pack and, for all of them, where a pack and the curated
 * graph disagreed (see LoadOptions.overwriteCurated).
 */
export async function seed(db: Database, files = seedPackFiles(), options: LoadOptions = {}): Promise<LoadResult | null> {
  const packs = [];
  for (const file of files) packs.push(await readPack(file));
  let result: LoadResult | null = null;
  const curation: CurationReport = { kept: [], dropped: [] };
  for (const pack of packs) {
    result = await loadPack(db, pack, options);
    curation.kept.push(...result.curation.kept);
    curation.dropped.push(...result.curation.dropped);
  }
  return result && { ...result, curation };
}

/** Seeds when the database holds no event yet. Resolves to the counts when it seeded. */
export async function seedIfEmpty(db: Database): Promise<LoadResult | null> {
  const [row] = await db.read<{ events: number }>('ingest/event-count');
  return (row?.events ?? 0) > 0 ? null : seed(db);
}

export function formatCounts(counts: GraphCounts): string {
  const line = (record: Record<string, number>) =>
    Object.entries(record)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
  return `nodes: ${line(counts.labels)}\nrelationships: ${line(counts.relationships)}`;
}
