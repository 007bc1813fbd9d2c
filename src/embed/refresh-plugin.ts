/**
 * Keeps embeddings in step with curation: after a mutation, the texts it changed are embedded
 * again before the answer is sent. A curation labels the nodes it touched EmbeddingDue in its
 * transaction, and only those are read again; an import writes too many nodes to label, so after
 * one every text is read (only changed texts are embedded either way; see store.ts). Refreshes
 * run one at a time.
 */
import { getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import type { Embedder } from './embedder.js';
import { refreshEmbeddings } from './store.js';

/** The mutations that write more than a curation's few nodes, after which every text is read. */
const BULK = new Set(['importPack', 'importRecords']);

export function useEmbeddingRefresh(db: Database, embedder: Embedder, log: (line: string) => void = console.error): Plugin {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const bulk = operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || BULK.has(s.name.value));
      return {
        onExecuteDone: async () => {
          queue = queue
            .then(() => refreshEmbeddings(db, embedder, { scope: bulk ? 'all' : 'due' }))
            .catch((error: Error) => log(`error: could not refresh the embeddings after a mutation: ${error.message}`));
          await queue;
        },
      };
    },
  };
}
