/**
 * Applies cypher/schema.cypher (constraints and indexes, all IF NOT EXISTS), folds symmetric
 * relationships stored twice by older versions, removes related-work lists stored in an older
 * form, rebuilds a vector index that an older version built quantized, and waits until the
 * indexes are online, so that the first query after start-up can use them. A rebuilt vector index
 * takes about 40 s per 100,000 vectors on two cores, and is waited for up to an hour.
 */
import { cypher, splitStatements } from './cypher.js';
import type { Database } from './database.js';

export async function migrate(db: Database, indexWaitSeconds = 120): Promise<number> {
  const [vectorIndex] = await db.read<{ quantized: boolean | null }>('semantic/vector-index-quantized');
  const rebuildVectors = vectorIndex?.quantized === true;
  if (rebuildVectors) await db.runText(cypher('semantic/drop-vector-index'));
  const statements = splitStatements(cypher('schema'));
  for (const statement of statements) await db.runText(statement);
  await db.write('ingest/fold-symmetric-pairs', {}, { bounded: false });
  // Related-work lists stored as relationships by earlier versions give way to today's form.
  while (((await db.write<{ removed: number }>('similarity/drop-relationship-lists'))[0]?.removed ?? 0) > 0);
  const seconds = rebuildVectors ? Math.max(indexWaitSeconds, 3600) : indexWaitSeconds;
  await db.runText('CALL db.awaitIndexes($seconds)', { seconds }, 'READ');
  return statements.length;
}
