/**
 * The one SchemaBuilder of the API. Plugins are listed here once; types and their fields live in
 * their own files beside this one, and index.ts imports them all.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Database } from '../db/database.js';
import type { Loaders } from '../db/loaders.js';
import type { Embedder } from '../embed/embedder.js';
import { BadUserInputError, describeIssues, ForbiddenError, UnauthenticatedError } from '../errors.js';

export interface Context {
  db: Database;
  /** Created per request (see server/yoga.ts), so nothing is cached across requests. */
  loaders: Loaders;
  /** The name of the curator whose bearer token came with the request, or null. */
  curator: string | null;
  /** False when no curator tokens are configured: mutations are off. */
  curationEnabled: boolean;
  /** The sentence-embedding model, or null when search by meaning is off (words only). */
  embedder: Embedder | null;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Connection: { totalCount: number };
  AuthScopes: { curator: boolean };
}>({
  // Scope auth goes first, so a refused request runs nothing else.
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin, ValidationPlugin],
  scopeAuth: {
    authScopes: (context) => ({ curator: context.curator !== null }),
    unauthorizedError: (_parent, context) =>
      context.curationEnabled
        ? new UnauthenticatedError()
        : new ForbiddenError('Mutations are off: no curator tokens are configured (CURATOR_TOKENS).'),
  },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'Any node by its global id; null for an unknown id.' },
    nodesQueryOptions: { description: 'Nodes by global id, in order; null for each unknown id.' },
  },
  validation: {
    validationError: (failure) => {
      const { message, argument } = describeIssues(failure.issues);
      return new BadUserInputError(message, argument);
    },
  },
});

builder.queryType({});
builder.mutationType({ description: 'Curation: adding and fixing knowledge. Needs a curator bearer token.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items match, across all pages.', resolve: (parent) => parent.totalCount }),
);
