/**
 * Keeps embeddings in step with curation: after a mutation, the texts it changed are embedded
 * again before the answer is sent. A curation labels the nodes it touched EmbeddingDue in its
 * transaction, and only those are read again; an import writes too many nodes to label, so after
 * one every text is read (only changed texts are embedded either way; see store.ts).
 *
 * A concept's new name or alias changes the text of every work that discusses it: those works are
 * labelled EmbeddingQueued (src/db/search-text.ts) and embedded after the answer, ROUND at a time.
 * Refreshes run one at a time, so a mutation's own refresh waits for one round at most.
 */
import { getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { inPasses } from '../server/passes.js';
import type { Embedder } from './embedder.js';
import { refreshEmbeddings } from './store.js';

/** The mutations that write more than a curation's few nodes, after which every text is read. */
const BULK = new Set(['importPack', 'importRecords']);

/** Queued works embedded per round in the background: about two seconds of the model's time at abstract length. */
const ROUND = 64;

/** The plugin, and `drain` to embed what is queued (src/server/search-text-spread.ts calls it after a spread). */
export function embeddingRefresh(
  db: Database,
  embedder: Embedder,
  log: (line: string) => void = console.error,
): { plugin: Plugin; drain: () => Promise<void> } {
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (scope: 'all' | 'due' | 'queued') => {
    const refresh = queue.then(() => refreshEmbeddings(db, embedder, { scope, page: scope === 'queued' ? ROUND : undefined }));
    queue = refresh.catch((error: Error) => log(`error: could not refresh the embeddings after a mutation: ${error.message}`));
    return refresh;
  };

  // The background rounds, until one claims less than a full round.
  const drain = inPasses(
    async () => {
      for (let round = await enqueue('queued'); round.embedded + round.unchanged === ROUND; ) round = await enqueue('queued');
    },
    // Logged by enqueue; what was claimed is queued again (store.ts) for the next mutation's rounds.
    () => {},
  );

  const plugin: Plugin = {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const bulk = operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || BULK.has(s.name.value));
      return {
        onExecuteDone: async () => {
          await enqueue(bulk ? 'all' : 'due').catch(() => undefined);
          if (!bulk) void drain();
        },
      };
    },
  };
  return { plugin, drain };
}
