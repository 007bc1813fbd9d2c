/**
 * `npm run seed [-- pack.yaml ...] [--overwrite-curated]`: checks and loads knowledge packs
 * (default: every pack under seeds/). Curated values are kept and every place where a pack
 * disagrees with them is printed; --overwrite-curated writes the packs' values instead and prints
 * what it dropped.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { recoverInterruptedImports } from '../db/import-runs.js';
import { migrate } from '../db/migrate.js';
import { embedChanged } from '../embed/semantic.js';
import { errorMessage } from '../errors.js';
import { refreshChangedLists } from '../graph/similarity.js';
import { formatCuration } from './curated.js';
import { PackError } from './read-pack.js';
import { formatCounts, seed, seedPackFiles } from './seed.js';

const usage = 'usage: npm run seed [-- pack.yaml ...] [--overwrite-curated]';
let args: { values: { 'overwrite-curated'?: boolean }; positionals: string[] };
try {
  args = parseArgs({ allowPositionals: true, options: { 'overwrite-curated': { type: 'boolean', default: false } } });
} catch (error) {
  console.error(`${errorMessage(error)}\n${usage}`);
  process.exit(2);
}
const files = args.positionals;
const config = loadConfig();
const connection = await connect(config).catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
try {
  await migrate(connection.db);
  await recoverInterruptedImports(connection.db);
  const packs = files.length > 0 ? files : seedPackFiles();
  const result = await seed(connection.db, packs, { overwriteCurated: args.values['overwrite-curated'] });
  console.log(`Loaded ${packs.join(', ')} into ${connection.uri}.`);
  if (result) {
    console.log(formatCounts(result));
    const curation = formatCuration(result.curation);
    if (curation) console.log(curation);
  }
  await embedChanged(connection.db, config, console.log);
  await refreshChangedLists(connection.db, console.log);
} catch (error) {
  console.error(error instanceof PackError ? error.message : `error: ${errorMessage(error)}`);
  process.exitCode = 1;
} finally {
  await connection.stop();
}
