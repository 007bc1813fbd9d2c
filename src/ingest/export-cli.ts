/**
 * `npm run export -- FILE`: writes the whole graph as knowledge packs (one per event; the first to
 * FILE, with the graph section and the curation log) and their documents beside FILE.
 * `npm run import -- FILE` (or `npm run seed -- FILE`) into an empty database restores the same
 * graph; the embeddings are computed again. See src/ingest/export-pack.ts.
 */
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { errorMessage } from '../errors.js';
import { ExportError, exportPacks, readSnapshot, writeExport } from './export-pack.js';

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length > 0 || !/\.ya?ml$/i.test(file)) {
  console.error('usage: npm run export -- FILE.yaml');
  process.exit(2);
}
const connection = await connect(loadConfig()).catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
try {
  const snapshot = await readSnapshot(connection.db);
  const packs = exportPacks(snapshot);
  const written = await writeExport(file, packs);
  const graph = packs[0]!.pack.graph!;
  console.log(
    `Exported ${connection.uri}: ${packs.length} pack(s) (${packs.map((p) => p.event).join(', ')}), ${snapshot.nodes.length} nodes, ` +
      `${snapshot.relationships.length} relationships, ${snapshot.changes.length} changes; in the graph section ${graph.nodes.length} nodes, ` +
      `${graph.properties.length} property sets, ${graph.relationships.length} relationships.\nWrote ${written.join(', ')}.`,
  );
} catch (error) {
  console.error(error instanceof ExportError ? `error: ${error.message}` : `error: ${errorMessage(error)}`);
  process.exitCode = 1;
} finally {
  await connection.stop();
}
