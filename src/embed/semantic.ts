/**
 * Start-up of search by meaning: the configured model, loaded once, or null with one log line
 * saying why (no model configured, Maven missing, files unreadable). Without it the API serves
 * words-only search and says so (search { semantic: false }); nothing fails.
 */
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { errorMessage } from '../errors.js';
import { withProgressBar } from '../progress.js';
import { Embedder } from './embedder.js';
import { locateModel } from './models.js';
import { formatRefresh, refreshEmbeddings } from './store.js';

export async function loadEmbedder(config: Config, log: (line: string) => void = console.error): Promise<Embedder | null> {
  if (config.EMBED_MODEL === 'none') {
    log('Search by meaning is off (EMBED_MODEL=none): search matches words only.');
    return null;
  }
  try {
    return await Embedder.load(await locateModel(config.EMBED_MODEL, config.MODEL_DIR, log), config.EMBED_THREADS);
  } catch (error) {
    log(`Search by meaning is off, search matches words only: ${errorMessage(error)}`);
    return null;
  }
}

/**
 * For the seed and import commands and the tests' set-up: embeds what changed with the configured
 * model (a progress bar on a terminal), then releases the model. Does nothing when it is off.
 */
export async function embedChanged(db: Database, config: Config, log: (line: string) => void = console.error) {
  const embedder = await loadEmbedder(config, log);
  if (!embedder) return null;
  try {
    return await refreshWithProgress(db, embedder, log);
  } finally {
    await embedder.close();
  }
}

/** Embeds what changed, with a progress bar on a terminal, and logs one line of counts. */
export async function refreshWithProgress(db: Database, embedder: Embedder, log: (line: string) => void) {
  const report = await withProgressBar('embedding', (onProgress) => refreshEmbeddings(db, embedder, { onProgress }));
  log(formatRefresh(report, embedder.name));
  return report;
}
