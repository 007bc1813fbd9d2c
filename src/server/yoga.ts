/**
 * The HTTP face of the API: graphql-yoga serving /graphql (GraphiQL on GET), /health (the
 * process is up) and /ready (Neo4j answers; 503 while it does not).
 */
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { createLoaders } from '../db/loaders.js';
import type { Context } from '../schema/builder.js';
import { schema } from '../schema/index.js';
import { exampleOperations } from './examples.js';
import { useGraphExports } from './exports.js';

export interface ServerOptions {
  db: Database;
  production?: boolean;
}

export function createServer({ db, production = false }: ServerOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => ({ db, loaders: createLoaders(db) }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    maskedErrors: true,
    graphiql: production ? false : { title: 'ICML 2017 knowledge graph', defaultQuery: exampleOperations },
    plugins: [
      useGraphExports(db),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => db.ping(),
      }),
    ],
  });
}
