/**
 * The one SchemaBuilder of the API. Plugins are listed here once; types and their fields live in
 * their own files beside this one, and index.ts imports them all.
 */
import SchemaBuilder from '@pothos/core';
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
  /** An uploaded file (GraphQL multipart request), as graphql-yoga hands it over. */
  Scalars: { File: { Input: File; Output: never } };
}>({
  // Scope auth goes first, so a refused request runs nothing else.
  plugins: [ScopeAuthPlugin, RelayPlugin, ValidationPlugin],
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
    nodeQueryOptions: {
      description: 'Any node by its global id; null for an unknown id.',
      args: { id: { description: 'A global id, as the `id` field of any node gives it.' } },
    },
    nodesQueryOptions: {
      description: 'Nodes by global id, in order; null for each unknown id.',
      args: { ids: { description: 'Global ids, as the `id` field of any node gives them.' } },
    },
    // Descriptions of what the Relay plugin generates, which GraphiQL's Docs pane shows.
    nodeTypeOptions: {
      description: 'Anything with a global id that `node(id)` fetches back: a talk, paper, concept, person, event, day or session.',
    },
    idFieldOptions: { description: 'The global id: stable, opaque, and accepted by `node(id)` and by every argument that takes an id.' },
    pageInfoTypeOptions: {
      description: 'Where a page sits in its list: the cursors to pass as `after` or `before` for the next or previous page.',
    },
    hasNextPageFieldOptions: { description: 'True when more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items come before this page.' },
    startCursorFieldOptions: { description: "The first item's cursor; null on an empty page." },
    endCursorFieldOptions: { description: "The last item's cursor (pass it as `after` for the next page); null on an empty page." },
    defaultConnectionTypeOptions: { description: 'One page of a list, with the total count across all pages.' },
    defaultEdgeTypeOptions: { description: 'One item of a page, with its cursor.' },
    edgesFieldOptions: { description: 'The items of this page, in order.' },
    pageInfoFieldOptions: { description: 'Cursors and whether more pages follow.' },
    nodeFieldOptions: { description: 'The item.' },
    cursorFieldOptions: { description: 'Where this item sits in the list: pass it as `after` to read on from here.' },
    firstArgOptions: { description: 'How many items to return from the start (default 20, at most 100).' },
    afterArgOptions: { description: "Start after this cursor (an edge's `cursor`, or `pageInfo.endCursor`)." },
    lastArgOptions: { description: 'How many items to return from the end (at most 100).' },
    beforeArgOptions: { description: 'End before this cursor.' },
  },
  validation: {
    validationError: (failure) => {
      const { message, argument } = describeIssues(failure.issues);
      return new BadUserInputError(message, argument);
    },
  },
});

builder.queryType({ description: 'Reads: public, no token needed.' });
builder.mutationType({ description: 'Curation: adding and fixing knowledge. Needs a curator bearer token.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items match, across all pages.', resolve: (parent) => parent.totalCount }),
);
