/** `npm start`: reads the configuration and runs the app until Ctrl-C or SIGTERM. */
import { withoutSourceMaps } from './server/stack-traces.js';
import { startApp } from './app.js';
import { loadConfig } from './config.js';

withoutSourceMaps();
try {
  const app = await startApp(loadConfig());
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // A Neo4j this process started is stopped with it; one started by `npm run db:start` stays up.
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
