/**
 * A GraphQL server for the load tests, run as a child process of run.ts so that the load
 * generator never shares its event loop: `tsx bench/serve.ts ours 4101` (createApi from
 * src/server/yoga.ts) or `tsx bench/serve.ts theirs 4102` (@neo4j/graphql served by
 * graphql-yoga). Both listen on 127.0.0.1 only, use the bench Neo4j, and send {ready: port} to
 * the parent once listening. They stop on "stop", or when the parent goes away.
 */
import { createServer as createHttpServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { loadConfig } from '../src/config.js';
import { withoutSourceMaps } from '../src/server/stack-traces.js';
import { createApi } from '../src/server/yoga.js';
import { benchDatabase, benchDriver } from './neo4j.js';
import { neo4jGraphQLSchema } from './neo4j-graphql.js';

async function main() {
  // Both servers run as `npm start` runs ours: without source-mapped stack traces.
  withoutSourceMaps();
  const which = process.argv[2];
  const port = Number(process.argv[3]);
  if ((which !== 'ours' && which !== 'theirs') || !Number.isInteger(port)) throw new Error('usage: serve.ts ours|theirs <port>');

  const close: (() => Promise<void>)[] = [];
  let handler: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void;
  if (which === 'ours') {
    const db = benchDatabase();
    close.push(() => db.close());
    handler = createApi({ db, config: loadConfig({ NODE_ENV: 'production' }) });
  } else {
    const driver = benchDriver();
    close.push(() => driver.close());
    handler = createYoga({
      schema: await neo4jGraphQLSchema(driver),
      graphqlEndpoint: '/graphql',
      landingPage: false,
      graphiql: false,
      maskedErrors: true,
    });
  }
  const server = createHttpServer(handler);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close();
    for (const fn of close) await fn().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  server.listen(port, '127.0.0.1', () => process.send?.({ ready: port }));
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
