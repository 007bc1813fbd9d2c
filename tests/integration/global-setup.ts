/**
 * Gives the integration tests a real Neo4j: the one NEO4J_URI names, or else a managed local one
 * on its own port and data folder (never the developer's .neo4j/dev), stopped afterwards if this
 * run started it. The schema is applied and the ICML 2017 pack seeded once for every file.
 */
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { migrate } from '../../src/db/migrate.js';
import { embedChanged } from '../../src/embed/semantic.js';
import { seed } from '../../src/ingest/seed.js';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Set when the tests run against the managed local Neo4j, which they may stop and start. */
  managed: { dir: string; port: number; password: string; heap: string; pageCacheMiB: number; startTimeoutMs: number } | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export default async function setup(project: TestProject) {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  let neo4j: TestNeo4j;
  let startedHere = false;
  if (config.NEO4J_URI) {
    neo4j = {
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      managed: null,
    };
  } else {
    const managed = {
      dir: process.env.NEO4J_TEST_DIR ?? '.neo4j/test',
      port: Number(process.env.NEO4J_TEST_PORT ?? 7688),
      password: config.NEO4J_PASSWORD,
      heap: '1g',
      pageCacheMiB: 256,
      startTimeoutMs: config.NEO4J_LOCAL_START_TIMEOUT_S * 1000,
    };
    const started = await startLocalNeo4j(managed);
    startedHere = started.started;
    neo4j = { uri: started.uri, user: 'neo4j', password: managed.password, database: 'neo4j', managed };
  }

  const db = Database.connect(neo4j);
  try {
    await migrate(db);
    await seed(db);
    // The real model (fetched by Maven into .models/ when missing) embeds the seed once.
    await embedChanged(db, config);
  } finally {
    await db.close();
  }
  project.provide('neo4j', neo4j);

  return async () => {
    if (startedHere && neo4j.managed) await stopLocalNeo4j(neo4j.managed);
  };
}
