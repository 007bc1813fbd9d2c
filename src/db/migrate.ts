/**
 * Applies cypher/schema.cypher (constraints and indexes, all IF NOT EXISTS), folds symmetric
 * relationships stored twice by older versions, removes related-work lists stored in an older
 * form, and waits until the indexes are online, so that
 * the first query after start-up can use them.
 */
import { cypher, splitStatements } from './cypher.js';
import type { Database } from './database.js';

export async function migrate(db: Database, indexWaitSeconds = 120): Promise<number> {
  const statements = splitStatements(cypher('schema'));
  for (const statement of statements) await db.runText(statement);
  await db.write('ingest/fold-symmetric-pairs', {}, { bounded: false });
  // Related-work lists stored as relationships by earlier versions give way to today's form.
  while (((await db.write<{ removed: number }>('similarity/drop-relationship-lists'))[0]?.removed ?? 0) > 0);
  await db.runText('CALL db.awaitIndexes($seconds)', { seconds: indexWaitSeconds }, 'READ');
  return statements.length;
}
