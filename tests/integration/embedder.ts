import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { loadEmbedder } from '../../src/embed/semantic.js';
import { createApi } from '../../src/server/yoga.js';
import { connectTestDb } from './helpers.js';

/**
 * The real embedding model (the default one, fetched into .models/ when missing) for one test
 * file: loaded before its tests, released after. Read `.embedder` inside tests and hooks.
 */
export function useRealEmbedder(): { embedder: Embedder } {
  const holder = {} as { embedder: Embedder };
  beforeAll(async () => {
    const embedder = await loadEmbedder(loadConfig({}));
    if (!embedder) throw new Error('the embedding model could not be loaded (see the line above)');
    holder.embedder = embedder;
  }, 300_000);
  afterAll(() => holder.embedder?.close());
  return holder;
}

/** A test file's connection to the test Neo4j and an in-process API with the real model. */
export function useSemanticApi() {
  const api = { db: connectTestDb(), model: useRealEmbedder(), yoga: undefined as unknown as ReturnType<typeof createApi> };
  beforeAll(() => {
    api.yoga = createApi({ db: api.db, embedder: api.model.embedder });
  });
  afterAll(() => api.db.close());
  return api;
}
