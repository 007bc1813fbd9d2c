/** The graph the evaluation scripts score: NEO4J_URI, or the managed local Neo4j, migrated and seeded when empty. */
import type { Config } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { seedIfEmpty } from '../src/ingest/seed.js';

export async function seededGraph(config: Config) {
  const connection = await connect(config);
  await migrate(connection.db);
  await seedIfEmpty(connection.db);
  return connection;
}
