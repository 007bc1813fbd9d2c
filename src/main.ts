/**
 * `npm start`: reads the configuration and runs the app until SIGINT (Ctrl-C) or SIGTERM. This
 * process is the one that receives the signal (`npm start` execs node), so it is the one that
 * stops: it drains the requests in flight, closes the driver and stops the Neo4j it started.
 * A second signal while stopping exits at once.
 */

import { startApp } from './app.js';
import { loadConfig } from './config.js';
import { errorMessage } from './errors.js';
import { withoutSourceMaps } from './server/stack-traces.js';

withoutSourceMaps();
try {
  const app = await startApp(loadConfig());
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    console.log(`${signal}: stopping ...`);
    try {
      await app.close();
      console.log(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      process.exit(0);
    } catch (error) {
      console.error(`error while stopping: ${errorMessage(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error(`error: ${errorMessage(error)}`);
  process.exit(1);
}
