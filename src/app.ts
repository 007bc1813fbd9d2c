/**
 * The running product: Neo4j (the configured one, or the managed local one), the schema and
 * seed knowledge, and the HTTP server. The server starts even while Neo4j is unreachable:
 * /ready answers 503, queries fail fast with DATABASE_UNAVAILABLE, and the schema and seed are
 * applied as soon as Neo4j answers. /ready turns 200 only once both are in place.
 */
import { createServer, type Server } from 'node:http';
import type { Config } from './config.js';
import { connect } from './db/connect.js';
import { recoverInterruptedImports } from './db/import-runs.js';
import { migrate } from './db/migrate.js';
import { spreadRenames } from './db/search-text.js';
import { loadEmbedder, refreshWithProgress } from './embed/semantic.js';
import { DatabaseUnavailableError } from './errors.js';
import { formatCounts, seedIfEmpty } from './ingest/seed.js';
import { Readiness } from './server/readiness.js';
import { createApi } from './server/yoga.js';

export interface App {
  url: string;
  neo4jUri: string;
  server: Server;
  readiness: Readiness;
  /** Resolves once the schema is applied and the seed loaded (retried while Neo4j is down). */
  prepared: Promise<void>;
  /**
   * Stops taking requests, lets those in flight finish (up to `drainMs`), closes the driver and
   * stops the managed Neo4j if this app started it.
   */
  close: (drainMs?: number) => Promise<void>;
}

export async function startApp(config: Config, log: (line: string) => void = console.log, retryEveryMs = 5000): Promise<App> {
  const { db, uri, stop } = await connect(config);
  const readiness = new Readiness('pending', config.SEED_ON_START ? 'pending' : 'off', log, uri);
  const embedder = await loadEmbedder(config, log);
  const server = createServer(createApi({ db, config, readiness, embedder }));
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : config.PORT;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`;
  log(`GraphQL API on ${url} (Neo4j ${uri})`);

  let closed = false;
  const prepared = (async () => {
    for (let attempt = 1; !closed; attempt++) {
      try {
        await migrate(db);
        await recoverInterruptedImports(db, log);
        readiness.observeNeo4j(true);
        readiness.schema = 'applied';
        if (config.SEED_ON_START) {
          readiness.seed = 'loading';
          const counts = await seedIfEmpty(db);
          if (counts) log(`Seeded the empty database.\n${formatCounts(counts)}`);
          readiness.seed = 'loaded';
        }
        // Renames whose spread to their works' search text a stop cut short (src/db/search-text.ts).
        const spread = await spreadRenames(db);
        if (spread.renamed) log(`Search text of ${spread.works} works updated for ${spread.renamed} renamed concepts and people.`);
        if (embedder) await refreshWithProgress(db, embedder, log);
        if (attempt > 1) log(`Neo4j at ${uri} answers now; schema applied.`);
        log('Ready.');
        return;
      } catch (error) {
        if (!(error instanceof DatabaseUnavailableError)) {
          if (readiness.schema === 'pending') readiness.schema = 'failed';
          else readiness.seed = 'failed';
          throw error;
        }
        readiness.observeNeo4j(false);
        if (readiness.seed === 'loading') readiness.seed = 'pending';
        if (attempt === 1)
          log(`Neo4j at ${uri} is not reachable; serving anyway (/ready is 503) and retrying every ${retryEveryMs / 1000} s.`);
        await new Promise((resolve) => setTimeout(resolve, retryEveryMs));
      }
    }
  })();
  prepared.catch((error: Error) => log(`error: could not prepare the database: ${error.message}`));

  // Notices (and logs) Neo4j going away and coming back while nobody asks /ready.
  const monitor = setInterval(() => {
    if (readiness.schema === 'applied') void db.ping().then((up) => readiness.observeNeo4j(up));
  }, retryEveryMs);
  monitor.unref();

  return {
    url,
    neo4jUri: uri,
    server,
    readiness,
    prepared,
    close: async (drainMs = 3000) => {
      closed = true;
      clearInterval(monitor);
      const drained = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), drainMs);
      await drained;
      clearTimeout(timer);
      await stop();
      await embedder?.close();
    },
  };
}
