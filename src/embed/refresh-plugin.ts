/**
 * Keeps embeddings in step with curation: after a mutation, the texts it changed are embedded
 * again before the answer is sent (only changed texts are; see store.ts). Refreshes
 * run one at a time.
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import type { Embedder } from './embedder.js';
import { refreshEmbeddings } from './store.js';

export function useEmbeddingRefresh(db: Database, embedder: Embedder, log: (line: string) => void = console.error): Plugin {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return {
        onExecuteDone: async () => {
          queue = queue
            .then(() => refreshEmbeddings(db, embedder))
            .catch((error: Error) => log(`error: could not refresh the embeddings after a mutation: ${error.message}`));
          await queue;
        },
      };
    },
  };
}
