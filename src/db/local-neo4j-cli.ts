/** `npm run db:start | db:stop | db:status`: the managed local Neo4j, configured like the server. */
import { loadConfig, localNeo4jSettings } from '../config.js';
import { errorMessage } from '../errors.js';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j.js';

const command = process.argv[2];
try {
  const config = loadConfig();
  const settings = localNeo4jSettings(config);
  if (config.NEO4J_URI) console.error(`Note: NEO4J_URI is set (${config.NEO4J_URI}); the server uses that, not the managed Neo4j.`);
  if (command === 'start') {
    const started = await startLocalNeo4j(settings);
    console.log(
      started.started
        ? `Neo4j is up on ${started.uri} (pid ${started.pid}).`
        : `Neo4j was already running on ${started.uri} (pid ${started.pid}).`,
    );
  } else if (command === 'stop') {
    console.log((await stopLocalNeo4j(settings)) ? 'Neo4j stopped; its data is kept.' : 'Neo4j was not running.');
  } else if (command === 'status') {
    const status = await localNeo4jStatus(settings);
    console.log(
      status.running ? `running on ${status.uri} (pid ${status.pid}), data in ${status.dir}` : `not running (data in ${status.dir})`,
    );
    process.exitCode = status.running ? 0 : 3;
  } else {
    console.error('usage: local-neo4j-cli start|stop|status');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`error: ${errorMessage(error)}`);
  process.exitCode = 1;
}
