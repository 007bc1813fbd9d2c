/**
 * Finishes after a mutation's answer what its curation left of a rename's spread to the works'
 * search text (src/db/search-text.ts): a curation waits for the first IN_REQUEST works only. One
 * spread runs at a time (src/server/passes.ts). When a pass queues works to be embedded again,
 * `onQueued` is called (the embedding refresh's drain).
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { spreadRenames } from '../db/search-text.js';
import { inPasses } from './passes.js';

export function useSearchTextSpread(db: Database, onQueued: () => void = () => {}, log: (line: string) => void = console.error): Plugin {
  const spread = inPasses(
    async () => {
      const report = await spreadRenames(db);
      if (report.queued > 0) onQueued();
    },
    // The label stays on what is left: the next mutation or start-up spreads it.
    (error) => log(`error: could not update the works' search text after a rename: ${error.message}`),
  );
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => void spread() };
    },
  };
}
