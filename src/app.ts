/**
 * The running product: Neo4j (the configured one, or the managed local one), the schema and
 * seed knowledge, and the HTTP server. The server starts even while Neo4j is unreachable:
 * /ready answers 503, queries fail fast with DATABASE_UNAVAILABLE, and the schema and seed are
 * applied as soon as Neo4j answers.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { connect } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { loadEmbedder, refreshWithProgress } from './embed/semantic.js';
import { DatabaseUnavailableError } from './errors.js';
import { formatCounts, seedIfEmpty } from './ingest/seed.js';
import { createServer } from './server/yoga.js';

export interface App {
  url: string;
  neo4jUri: string;
  server: Server;
  /** Resolves once the schema is applied and the seed loaded (retried while Neo4j is down). */
  prepared: Promise<void>;
  close: () => Promise<void>;
}

export async function startApp(config: Config, log: (line: string) => void = console.log, retryEveryMs = 5000): Promise<App> {
  const { db, uri, stop } = await connect(config);
  const embedder = await loadEmbedder(config, log);
  const server = createHttpServer(createServer({ db, config, embedder }));
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`;
  log(`GraphQL API on ${url} (Neo4j ${uri})`);

  let closed = false;
  const prepared = (async () => {
    for (let attempt = 1; !closed; attempt++) {
      try {
        await migrate(db);
        if (config.SEED_ON_START) {
          const counts = await seedIfEmpty(db);
          if (counts) log(`Seeded the empty database.\n${formatCounts(counts)}`);
        }
        if (embedder) await refreshWithProgress(db, embedder, log);
        if (attempt > 1) log(`Neo4j at ${uri} answers now; schema applied.`);
        return;
      } catch (error) {
        if (!(error instanceof DatabaseUnavailableError)) throw error;
        if (attempt === 1) log(`Neo4j at ${uri} is not reachable; serving anyway (/ready is 503) and retrying every ${retryEveryMs / 1000} s.`);
        await new Promise((resolve) => setTimeout(resolve, retryEveryMs));
      }
    }
  })();
  prepared.catch((error: Error) => log(`error: could not prepare the database: ${error.message}`));

  return {
    url,
    neo4jUri: uri,
    server,
    prepared,
    close: async () => {
      closed = true;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stop();
      await embedder?.close();
    },
  };
}
