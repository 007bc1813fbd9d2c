/**
 * The HTTP face of the API: graphql-yoga serving /graphql (GraphiQL on GET), /health (the
 * process is up), /ready (Neo4j answers; 503 while it does not) and the graph exports, with the
 * protections a public endpoint needs (README "Running it in production").
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, useReadinessCheck, type Plugin } from 'graphql-yoga';
import { exposesSchema, loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createLoaders } from '../db/loaders.js';
import type { Embedder } from '../embed/embedder.js';
import { useEmbeddingRefresh } from '../embed/refresh-plugin.js';
import type { Context } from '../schema/builder.js';
import { schema } from '../schema/index.js';
import { curatorFor } from './auth.js';
import { exampleOperations } from './examples.js';
import { useGraphExports } from './exports.js';
import { useExplorer } from './explorer/plugin.js';

export interface ServerOptions {
  db: Database;
  /** Defaults to the configuration of an empty environment. */
  config?: Config;
  /** The sentence-embedding model; without it search matches words only. */
  embedder?: Embedder | null;
}

/** The header a client must send with GET and form-encoded requests (CSRF prevention). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export function createServer({ db, config = loadConfig({}), embedder = null }: ServerOptions) {
  const { introspection, suggestions } = exposesSchema(config);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => ({
      db,
      loaders: createLoaders(db),
      curator: curatorFor(request, config.CURATOR_TOKENS),
      curationEnabled: config.CURATOR_TOKENS.size > 0,
      embedder,
    }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    maskedErrors: true,
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
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => db.ping(),
      }),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      EnvelopArmorPlugin({
        maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
        maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
        maxTokens: { n: config.GRAPHQL_MAX_TOKENS },
        maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
        costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true },
        blockFieldSuggestion: { enabled: !suggestions },
      }),
      ...(introspection ? [] : [useNoIntrospection()]),
      ...(embedder ? [useEmbeddingRefresh(db, embedder)] : []),
    ],
  });
}

/** Refuses introspection queries (graphql-js' own validation rule). */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
