/**
 * The API with the embedding model, as a child process of bench/embed.ts (so that the load
 * generator never shares its event loop): `tsx bench/serve-semantic.ts <bolt uri> <port>`.
 * Listens on 127.0.0.1 only; sends {ready: port} once listening; stops on "stop" or when the
 * parent goes away.
 */
import { createServer as createHttpServer } from 'node:http';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { loadEmbedder } from '../src/embed/semantic.js';
import { withoutSourceMaps } from '../src/server/stack-traces.js';
import { createApi } from '../src/server/yoga.js';

withoutSourceMaps();
const [uri, port] = [process.argv[2]!, Number(process.argv[3])];
const config = loadConfig({ ...process.env, NODE_ENV: 'production' });
const db = Database.connect({ uri, user: 'neo4j', password: config.NEO4J_PASSWORD, database: 'neo4j' });
const embedder = await loadEmbedder(config);
const server = createHttpServer(createApi({ db, config, embedder }));
const stop = async () => {
  server.closeAllConnections();
  server.close();
  await db.close();
  await embedder?.close();
  process.exit(0);
};
process.on('message', (message) => message === 'stop' && void stop());
process.on('disconnect', () => void stop());
server.listen(port, '127.0.0.1', () => process.send?.({ ready: port }));
