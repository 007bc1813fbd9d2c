/**
 * `npm run import -- <pack.yaml>`: checks a knowledge pack, then writes it all or nothing, with
 * a progress bar. Importing the same pack again changes nothing.
 */
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { loadPack } from './load-pack.js';
import { PackError, readPack } from './read-pack.js';
import { formatCounts } from './seed.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run import -- <pack.yaml>');
  process.exit(2);
}

let loaded: Awaited<ReturnType<typeof readPack>>;
try {
  loaded = await readPack(file);
} catch (error) {
  console.error(error instanceof PackError ? error.message : `error: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`${file}: valid (${loaded.pack.talks.length} talks, ${loaded.pack.papers.length} papers, ${loaded.pack.concepts.length} concepts, ${loaded.pack.people.length} people).`);

const connection = await connect(loadConfig()).catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
const bar = new SingleBar({ format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {duration}s', hideCursor: true }, Presets.shades_classic);
try {
  await migrate(connection.db);
  bar.start(1, 0);
  const counts = await loadPack(connection.db, loaded, {
    onProgress: (done, total) => {
      bar.setTotal(total);
      bar.update(done);
    },
  });
  bar.stop();
  console.log(`Imported into ${connection.uri}.\n${formatCounts(counts)}`);
} catch (error) {
  bar.stop();
  console.error(`error: the import was rolled back, nothing was written: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await connection.stop();
}
