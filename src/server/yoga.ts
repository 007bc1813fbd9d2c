/**
 * The HTTP face of the API: graphql-yoga serving /graphql (GraphiQL on GET), /health and /ready
 * (src/server/readiness.ts) and the graph exports, with the
 * protections a public endpoint needs (README "Running it in production").
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { exposesSchema, loadConfig, type Config } from '../config.js';
import { DomainError } from '../errors.js';
import type { Database } from '../db/database.js';
import { createLoaders } from '../db/loaders.js';
import type { Context } from '../schema/builder.js';
import { schema } from '../schema/index.js';
import { curatorFor } from './auth.js';
import { exampleOperations } from './examples.js';
import { useGraphExports } from './exports.js';
import { useExplorer } from './explorer/plugin.js';
import { useQueryLimits } from './limits.js';
import { Readiness, useHealthEndpoints } from './readiness.js';

export interface ServerOptions {
  db: Database;
  /** Defaults to the configuration of an empty environment. */
  config?: Config;
  /** The app's view of Neo4j, schema and seed; by default the database counts as prepared. */
  readiness?: Readiness;
}

/** The header a client must send with GET and form-encoded requests (CSRF prevention). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export function createApi({ db, config = loadConfig({}), readiness = Readiness.prepared() }: ServerOptions) {
  const { introspection } = exposesSchema(config);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => ({
      db,
      loaders: createLoaders(db),
      curator: curatorFor(request, config.CURATOR_TOKENS),
      curationEnabled: config.CURATOR_TOKENS.size > 0,
    }),
    graphqlEndpoint: '/graphql',
    // Yoga always answers its own health check first, with an empty body; /health and /ready are
    // ours (useHealthEndpoints), with a body that says which part is up. Yoga's stays at /livez.
    healthCheckEndpoint: '/livez',
    landingPage: false,
    maskedErrors: { maskError: exposeDomainErrors },
    batching: config.GRAPHQL_BATCH_LIMIT > 0 ? { limit: config.GRAPHQL_BATCH_LIMIT } : false,
    cors: {
      origin: config.CORS_ORIGINS === '*' ? '*' : config.CORS_ORIGINS.split(',').map((o) => o.trim()),
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', CSRF_HEADER],
    },
    graphiql: config.NODE_ENV === 'production' ? false : { title: 'ICML 2017 knowledge graph', defaultQuery: exampleOperations },
    plugins: [
      useGraphExports(db),
      useExplorer(),
      useHealthEndpoints(readiness, () => db.ping()),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      useQueryLimits(config),
      ...(introspection ? [] : [useNoIntrospection()]),
    ],
  });
}

/**
 * Errors as clients see them: an expected failure (a DomainError, thrown by any layer) becomes a
 * GraphQL error with its message and `extensions.code`, at the place in the query it came from;
 * anything else is masked by graphql-yoga as "Unexpected error." (and logged).
 */
function exposeDomainErrors(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    const at = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError(original.message, { nodes: at?.nodes, source: at?.source, positions: at?.positions, path: at?.path, extensions: original.extensions });
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
