/**
 * Connects to the configured Neo4j, or starts the managed local one when NEO4J_URI is not set.
 * `stop()` closes the driver and stops the managed Neo4j only if this call started that process.
 */
import { type Config, localNeo4jSettings } from '../config.js';
import { Database } from './database.js';
import { type LocalNeo4jProcess, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j.js';

export function databaseOptions(config: Config, uri: string) {
  return {
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    retryMs: config.NEO4J_RETRY_MS,
    connectTimeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
    queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS,
  };
}

export async function connect(config: Config): Promise<{ db: Database; uri: string; stop: () => Promise<void> }> {
  const local = localNeo4jSettings(config);
  let uri = config.NEO4J_URI;
  let startedLocal: LocalNeo4jProcess | null = null;
  if (!uri) {
    const started = await startLocalNeo4j(local);
    uri = started.uri;
    if (started.started) startedLocal = started.process;
  }
  const db = Database.connect(databaseOptions(config, uri));
  return {
    db,
    uri,
    stop: async () => {
      await db.close();
      // Only the very Neo4j process started here: if someone stopped it and started another in
      // the same folder (`npm run db:stop`, `npm run db:start`), that one stays up.
      if (startedLocal) await stopLocalNeo4j(local, undefined, startedLocal);
    },
  };
}
