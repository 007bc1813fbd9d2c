/**
 * The benchmarks' own Neo4j: the managed local Neo4j (src/db/local-neo4j.ts) in .neo4j/bench on
 * port 7691 (BENCH_NEO4J_DIR, BENCH_NEO4J_PORT), never the development or test instance. Each run
 * starts from an empty store.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { Database } from '../src/db/database.js';
import { type LocalNeo4jOptions, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrate.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const benchNeo4j: LocalNeo4jOptions = {
  dir: process.env.BENCH_NEO4J_DIR ?? '.neo4j/bench',
  port: Number(process.env.BENCH_NEO4J_PORT ?? 7691),
  password: 'knowledge-graph',
  heap: '4g',
  pageCacheMiB: 2048,
  startTimeoutMs: 600_000,
};

export const benchUri = `bolt://127.0.0.1:${benchNeo4j.port}`;
export const connection = { uri: benchUri, user: 'neo4j', password: benchNeo4j.password, database: 'neo4j' };

/**
 * Starts the bench Neo4j. When it is not already running, its store is deleted first, so a run
 * never inherits the previous run's 100k graph. Resolves to whether this call started it.
 */
export async function startBenchNeo4j(log: (line: string) => void): Promise<boolean> {
  const status = await localNeo4jStatus(benchNeo4j);
  if (!status.running) rmSync(path.join(status.dir, 'data'), { recursive: true, force: true });
  const started = await startLocalNeo4j(benchNeo4j, log);
  return started.started;
}

export function stopBenchNeo4j(): Promise<boolean> {
  return stopLocalNeo4j(benchNeo4j);
}

export function benchDriver(maxConnectionPoolSize = 100): Driver {
  return neo4j.driver(benchUri, neo4j.auth.basic('neo4j', benchNeo4j.password), { maxConnectionPoolSize, userAgent: 'icml-kg-bench' });
}

export function benchDatabase(): Database {
  return Database.connect(connection);
}

/**
 * Deletes every node and relationship (in transactions of 10,000 nodes, auto-commit as CALL ...
 * IN TRANSACTIONS requires), then applies the schema. Bounded: the statement ends when no node is left.
 */
export async function emptyDatabase(driver: Driver, db: Database): Promise<void> {
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await migrate(db);
}
