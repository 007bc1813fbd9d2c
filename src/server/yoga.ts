/**
 * The HTTP face of the API: graphql-yoga serving /graphql (GraphiQL on GET), /health and /ready
 * (src/server/readiness.ts) and the graph exports, with the
 * protections a public endpoint needs (README "Running it in production").
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { type Config, exposesSchema, loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { createLoaders } from '../db/loaders.js';
import type { Embedder } from '../embed/embedder.js';
import { embeddingRefresh } from '../embed/refresh-plugin.js';
import { DomainError } from '../errors.js';
import type { Context } from '../schema/builder.js';
import { schema } from '../schema/index.js';
import { curatorFor } from './auth.js';
import { BOOKMARKS_HEADER, bookmarksOf, useBookmarks } from './bookmarks.js';
import { exampleOperations } from './examples.js';
import { useExplorer } from './explorer/plugin.js';
import { useGraphExports } from './exports.js';
import { useOfflineGraphiQL } from './graphiql/plugin.js';
import { useErrorCodes, useTextGuard } from './input-guards.js';
import { useQueryLimits } from './limits.js';
import { Readiness, useHealthEndpoints } from './readiness.js';
import { useSearchTextSpread } from './search-text-spread.js';
import { useSimilarityRefresh } from './similarity-refresh.js';

export interface ServerOptions {
  db: Database;
  /** Defaults to the configuration of an empty environment. */
  config?: Config;
  /** The app's view of Neo4j, schema and seed; by default the database counts as prepared. */
  readiness?: Readiness;
  /** The sentence-embedding model; without it search matches words only. */
  embedder?: Embedder | null;
}

/** The header a client must send with GET and form-encoded requests (CSRF prevention). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export function createApi({ db, config = loadConfig({}), readiness = Readiness.prepared(), embedder = null }: ServerOptions) {
  const { introspection } = exposesSchema(config);
  const embeddings = embedder ? embeddingRefresh(db, embedder) : null;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => {
      // Bookmarks another app server's answer gave: this request reads only what has those writes.
      const requestDb = db.withBookmarks(bookmarksOf(request));
      return {
        db: requestDb,
        loaders: createLoaders(requestDb),
        curator: curatorFor(request, config.CURATOR_TOKENS),
        curationEnabled: config.CURATOR_TOKENS.size > 0,
        embedder,
      };
    },
    graphqlEndpoint: '/graphql',
    // Yoga always answers its own health check first, with an empty body; /health and /ready are
    // ours (useHealthEndpoints), with a body that says which part is up. Yoga's stays at /livez.
    healthCheckEndpoint: '/livez',
    landingPage: false,
    maskedErrors: { maskError: exposeDomainErrors },
    // Yoga's own limit, on the Content-Length and on the bytes read of a chunked body alike.
    maxRequestBodySize: config.GRAPHQL_MAX_BODY_BYTES,
    batching: config.GRAPHQL_BATCH_LIMIT > 0 ? { limit: config.GRAPHQL_BATCH_LIMIT } : false,
    cors: {
      origin: config.CORS_ORIGINS === '*' ? '*' : config.CORS_ORIGINS.split(',').map((o) => o.trim()),
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', CSRF_HEADER, BOOKMARKS_HEADER],
      exposedHeaders: [BOOKMARKS_HEADER],
    },
    // Yoga's own GraphiQL page loads from a CDN; useOfflineGraphiQL serves it from this server.
    graphiql: false,
    plugins: [
      ...(config.NODE_ENV === 'production'
        ? []
        : [useOfflineGraphiQL({ endpoint: '/graphql', title: 'ICML 2017 knowledge graph', defaultQuery: exampleOperations })]),
      useGraphExports(db, embedder),
      useExplorer(),
      useHealthEndpoints(readiness, () => db.ping()),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      useQueryLimits(config),
      useTextGuard(),
      useErrorCodes(),
      ...(introspection ? [] : [useNoIntrospection()]),
      ...(embeddings ? [embeddings.plugin] : []),
      useSearchTextSpread(db, () => void embeddings?.drain()),
      useSimilarityRefresh(db),
      useBookmarks(db),
    ],
  });
}

/**
 * Errors as clients see them: an expected failure (a DomainError, thrown by any layer) becomes a
 * GraphQL error with its message and `extensions.code`, at the place in the query it came from;
 * anything else is masked by graphql-yoga as "Unexpected error." (and logged). The refusals
 * graphql-js gives without a code get one before this (useErrorCodes, src/server/input-guards.ts).
 */
function exposeDomainErrors(error: unknown, message: string, isDev?: boolean): Error {
  // A DomainError thrown while a variable is coerced (a scalar's parseValue) arrives wrapped twice.
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  // Thrown in a resolver, it arrives located, with its extensions already (graphql-js copies them):
  // returned as it is, Yoga does not log it as a failure.
  if (error instanceof GraphQLError && original instanceof DomainError) return error;
  if (original instanceof DomainError) {
    const at = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError(original.message, {
      nodes: at?.nodes,
      source: at?.source,
      positions: at?.positions,
      path: at?.path,
      extensions: original.extensions,
    });
  }
  return maskError(error, message, isDev);
}

/** Refuses introspection queries (graphql-js' own validation rule). */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
