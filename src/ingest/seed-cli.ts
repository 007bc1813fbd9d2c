/** `npm run seed [-- pack.yaml ...]`: checks and loads knowledge packs (default: every pack under seeds/). */
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { embedChanged } from '../embed/semantic.js';
import { refreshChangedLists } from '../graph/similarity.js';
import { PackError } from './read-pack.js';
import { formatCounts, seed, seedPackFiles } from './seed.js';

const files = process.argv.slice(2);
const config = loadConfig();
const connection = await connect(config).catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
try {
  await migrate(connection.db);
  const packs = files.length > 0 ? files : seedPackFiles();
  const counts = await seed(connection.db, packs);
  console.log(`Loaded ${packs.join(', ')} into ${connection.uri}.`);
  if (counts) console.log(formatCounts(counts));
  await embedChanged(connection.db, config, console.log);
  await refreshChangedLists(connection.db, console.log);
} catch (error) {
  console.error(error instanceof PackError ? error.message : `error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await connection.stop();
}
