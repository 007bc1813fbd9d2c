/**
 * `npm start`: Neo4j (the configured one, or the managed local one), the schema, the seed
 * knowledge, and the GraphQL server, wired together. Nothing else lives here.
 */
import { createServer as createHttpServer } from 'node:http';
import { loadConfig, localNeo4jSettings } from './config.js';
import { Database } from './db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from './db/local-neo4j.js';
import { migrate } from './db/migrate.js';
import { createServer } from './server/yoga.js';

async function main() {
  const config = loadConfig();
  const local = localNeo4jSettings(config);

  let uri = config.NEO4J_URI;
  let startedLocal = false;
  if (!uri) {
    const started = await startLocalNeo4j(local);
    uri = started.uri;
    startedLocal = started.started;
  }

  const db = Database.connect({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE });
  await migrate(db);

  const yoga = createServer({ db, production: config.NODE_ENV === 'production' });
  const server = createHttpServer(yoga);
  server.listen(config.PORT, config.HOST, () => {
    console.log(`GraphQL API on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}/graphql (Neo4j ${uri})`);
  });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await db.close();
    // A Neo4j this process started is stopped with it; one started by `npm run db:start` stays up.
    if (startedLocal) await stopLocalNeo4j(local);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
