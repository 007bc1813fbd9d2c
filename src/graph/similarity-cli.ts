/**
 * `npm run similarity:rebuild`: computes every work's related-work list (src/graph/similarity.ts)
 * with a progress bar. Stopped half way (Ctrl-C, a crash), it resumes where it stopped when run
 * again; `-- --restart` starts over, `-- --refresh` computes only the stale and missing lists.
 */
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { recoverInterruptedImports } from '../db/import-runs.js';
import { migrate } from '../db/migrate.js';
import { errorMessage } from '../errors.js';
import { withProgressBar } from '../progress.js';
import { type RefreshResult, refreshSimilarity } from './similarity.js';

const counted = (result: RefreshResult) => `${result.computed} related-work lists and ${result.concepts ?? 0} related-to-concept lists`;

const args = new Set(process.argv.slice(2));
const connection = await connect(loadConfig()).catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
const { db } = connection;
try {
  await migrate(db);
  await recoverInterruptedImports(db);
  if (args.has('--refresh')) {
    const result = await withProgressBar('related-work lists', (onProgress) => refreshSimilarity(db, { onProgress }), 0, 'works');
    console.log(`Refreshed ${counted(result)} in ${result.seconds.toFixed(1)} s.`);
  } else {
    const [begun] = await db.write<{ since: number; resume: boolean }>('similarity/build-begin', {
      now: Date.now(),
      restart: args.has('--restart'),
    });
    if (begun!.resume) console.log(`Resuming the rebuild started at ${new Date(begun!.since).toISOString()}.`);
    const result = await withProgressBar(
      'related-work lists',
      (onProgress) => refreshSimilarity(db, { all: true, since: begun!.since, onProgress }),
      0,
      'works',
    );
    await db.write('similarity/build-end', { now: Date.now() });
    console.log(`Computed ${counted(result)} in ${result.seconds.toFixed(1)} s.`);
  }
} catch (error) {
  // Every list written so far is kept: the works' lists are written before the concepts'.
  console.error(`error: ${errorMessage(error)}`);
  console.error('The lists written so far are kept and served; run the command again to resume where it stopped.');
  process.exitCode = 1;
} finally {
  await connection.stop();
}
