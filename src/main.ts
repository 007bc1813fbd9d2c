/**
 * `npm start`: Neo4j (the configured one, or the managed local one), the schema, the seed
 * knowledge, and the GraphQL server, wired together. Nothing else lives here.
 */
import { createServer as createHttpServer } from 'node:http';
import { loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { formatCounts, seedIfEmpty } from './ingest/seed.js';
import { createServer } from './server/yoga.js';

async function main() {
  const config = loadConfig();
  const { db, uri, stop } = await connect(config);
  await migrate(db);
  if (config.SEED_ON_START) {
    const counts = await seedIfEmpty(db);
    if (counts) console.log(`Seeded the empty database.\n${formatCounts(counts)}`);
  }

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
    // A Neo4j this process started is stopped with it; one started by `npm run db:start` stays up.
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
