/**
 * Keeps the precomputed related-work lists (src/graph/similarity.ts) in step with curation: a
 * mutation marks the lists it can change stale in its own transaction (so they are no longer
 * served); after it, up to IN_REQUEST of them are computed again before the answer is sent, and
 * the rest right after it, one refresh at a time.
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { refreshSimilarity } from '../graph/similarity.js';

/** Lists refreshed (in id order) before a mutation's answer is sent; the rest follow it. */
export const IN_REQUEST = 20;

export function useSimilarityRefresh(db: Database, log: (line: string) => void = console.error): Plugin {
  let queue: Promise<unknown> = Promise.resolve();
  const refresh = (atMost?: number) => {
    queue = queue
      .then(() => refreshSimilarity(db, { atMost }))
      .catch((error: Error) => log(`error: could not refresh the related-work lists after a mutation: ${error.message}`));
    return queue;
  };
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return {
        onExecuteDone: async () => {
          await refresh(IN_REQUEST);
          void refresh();
        },
      };
    },
  };
}
