/**
 * The managed local Neo4j: Neo4j 5.26 community edition run embedded by the Java launcher in
 * neo4j-local/ (Maven Central does not serve the server distribution; see README). Used when
 * NEO4J_URI is not set, so that a fresh clone needs only Node.js, Java 17+ and Maven.
 *
 * Layout of `dir` (git-ignored): neo4j.pid, neo4j.log, and data/ and logs/ of the database.
 * Start is idempotent (a running instance is reused); stop is clean (SIGTERM, then the launcher's
 * shutdown hook flushes the stores) and leaves the data.
 */
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { errorField, errorMessage } from '../errors.js';
import { isAlive, isRunning, processStartTime } from '../processes.js';

const run = promisify(execFile);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const launcherDir = path.join(projectRoot, 'neo4j-local');
const launcherJar = path.join(launcherDir, 'target/neo4j-local-1.0.0.jar');
const launcherLibs = path.join(launcherDir, 'target/lib');
const launcherClass = 'kg.neo4jlocal.Launcher';

export interface LocalNeo4jOptions {
  /** Folder for the pid file, log and database files; relative paths are taken from the project root. */
  dir: string;
  port: number;
  password: string;
  /** JVM heap, such as "2g". */
  heap: string;
  pageCacheMiB: number;
  startTimeoutMs: number;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid: number | null;
  uri: string;
  dir: string;
}

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

const ALTERNATIVES = 'or set NEO4J_URI to a Neo4j you run yourself, or use `docker compose up`.';

export function localUri(port: number) {
  return `bolt://127.0.0.1:${port}`;
}

function resolveDir(dir: string) {
  return path.resolve(projectRoot, dir);
}

function pidFile(dir: string) {
  return path.join(resolveDir(dir), 'neo4j.pid');
}

function logFile(dir: string) {
  return path.join(resolveDir(dir), 'neo4j.log');
}

/** A launcher process: its pid and its start time (in clock ticks since boot), which tells it apart from a later process given the same pid. */
export interface LocalNeo4jProcess {
  pid: number;
  startTime: string;
}

function isLauncher(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(launcherClass);
  } catch {
    return false;
  }
}

/** The launcher recorded for `dir` ("pid startTime" in the pid file), if that process is still alive and is ours. */
function runningProcess(dir: string): LocalNeo4jProcess | null {
  const file = pidFile(dir);
  if (!existsSync(file)) return null;
  const [pidText, recordedStart] = readFileSync(file, 'utf8').trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const alive = isRunning({ pid, startTime: recordedStart ?? '' }) && isLauncher(pid);
  return alive ? { pid, startTime: processStartTime(pid) } : null;
}

function runningPid(dir: string): number | null {
  return runningProcess(dir)?.pid ?? null;
}

export async function localNeo4jStatus(options: Pick<LocalNeo4jOptions, 'dir' | 'port'>): Promise<LocalNeo4jStatus> {
  const pid = runningPid(options.dir);
  return { running: pid !== null, pid, uri: localUri(options.port), dir: resolveDir(options.dir) };
}

/**
 * Starts the managed Neo4j unless it already runs, and resolves once Bolt answers `RETURN 1`.
 * Builds the launcher with Maven first when needed (the first run downloads Neo4j's jars into
 * the local Maven repository; later runs reuse them).
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions, log: (line: string) => void = console.error) {
  const uri = localUri(options.port);
  const existing = runningProcess(options.dir);
  if (existing !== null) {
    try {
      await waitForBolt(uri, options.password, existing.pid, options);
      return { uri, pid: existing.pid, started: false, process: existing };
    } catch (error) {
      // A Neo4j on its way out (killed with -9 a moment ago, or stopping) still looks like the
      // running one; its clients may already have seen it go. Once it has gone, start another.
      if (isAlive(existing.pid)) throw error;
      log(`The managed Neo4j (pid ${existing.pid}) exited as it was found; starting it again.`);
    }
  }

  const javaVersion = await checkJava();
  await buildLauncher(log);
  // A Neo4j that did not stop cleanly (its pid file is still there) can hold its port a while
  // after it looks gone: its main thread is a zombie before its last thread lets go of the socket.
  await waitForFreePort(options.port, existsSync(pidFile(options.dir)) ? 30_000 : 0);

  const dir = resolveDir(options.dir);
  mkdirSync(dir, { recursive: true });
  const logOffset = existsSync(logFile(options.dir)) ? statSync(logFile(options.dir)).size : 0;
  const logFd = openSync(logFile(options.dir), 'a');
  log(`Starting the managed Neo4j (Java ${javaVersion}) on ${uri}, data in ${dir} ...`);
  const child = spawn(
    'java',
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      `-Dneo4j.home=${dir}`,
      `-Dneo4j.bolt.port=${options.port}`,
      `-Dneo4j.pagecache=${options.pageCacheMiB}`,
      '-cp',
      `${launcherJar}${path.delimiter}${launcherLibs}/*`,
      launcherClass,
    ],
    { detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, NEO4J_PASSWORD: options.password } },
  );
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new LocalNeo4jError('could not start java for the managed Neo4j');
  child.unref();
  const started: LocalNeo4jProcess = { pid, startTime: processStartTime(pid) };
  writeFileSync(pidFile(options.dir), `${pid} ${started.startTime}\n`);

  try {
    // The launcher sets the password after the databases start, and prints NEO4J_READY then;
    // before that line, Bolt may answer with the previous password.
    await waitForLog(pid, logOffset, 'NEO4J_READY', options);
    await waitForBolt(uri, options.password, pid, options);
  } catch (error) {
    killQuietly(pid);
    rmSync(pidFile(options.dir), { force: true });
    throw error;
  }
  return { uri, pid, started: true, process: started };
}

/**
 * Stops the managed Neo4j recorded for `dir`. Resolves to false when it was not running.
 * With `only`, stops it only if it is that very process (same pid and start time): a process
 * stops the Neo4j it started itself, never one that someone started after it in the same folder.
 */
export async function stopLocalNeo4j(
  options: Pick<LocalNeo4jOptions, 'dir'>,
  timeoutMs = 60_000,
  only?: LocalNeo4jProcess,
): Promise<boolean> {
  const running = runningProcess(options.dir);
  if (only && (running?.pid !== only.pid || running.startTime !== only.startTime)) return false;
  const pid = running?.pid ?? null;
  rmSync(pidFile(options.dir), { force: true });
  if (pid === null) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(200);
  }
  return true;
}

async function waitForLog(pid: number, offset: number, marker: string, options: LocalNeo4jOptions) {
  const deadline = Date.now() + options.startTimeoutMs;
  const file = logFile(options.dir);
  while (!readFileSync(file).subarray(offset).toString('utf8').includes(marker)) {
    if (!isAlive(pid)) {
      throw new LocalNeo4jError(`the managed Neo4j exited while starting. Last lines of ${file}:\n${tail(file)}`);
    }
    if (Date.now() > deadline) {
      throw new LocalNeo4jError(
        `the managed Neo4j did not start within ${options.startTimeoutMs / 1000} s (raise NEO4J_LOCAL_START_TIMEOUT_S). ` +
          `Last lines of ${file}:\n${tail(file)}`,
      );
    }
    await sleep(250);
  }
}

async function waitForBolt(uri: string, password: string, pid: number, options: LocalNeo4jOptions) {
  const deadline = Date.now() + options.startTimeoutMs;
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
  try {
    for (;;) {
      if (!isAlive(pid)) {
        throw new LocalNeo4jError(
          `the managed Neo4j exited while starting. Last lines of ${logFile(options.dir)}:\n${tail(logFile(options.dir))}`,
        );
      }
      // One attempt at a time (executeQuery would retry for 30 s), so that a process that exits meanwhile is seen.
      const session = driver.session();
      try {
        await session.run('RETURN 1');
        return;
      } catch (error) {
        const code = errorField(error, 'code') ?? '';
        if (code.includes('Security')) {
          throw new LocalNeo4jError(`the managed Neo4j at ${uri} refused the password: ${errorMessage(error)}`);
        }
      } finally {
        await session.close();
      }
      if (Date.now() > deadline) {
        throw new LocalNeo4jError(
          `the managed Neo4j did not answer on ${uri} within ${options.startTimeoutMs / 1000} s ` +
            `(raise NEO4J_LOCAL_START_TIMEOUT_S). Last lines of ${logFile(options.dir)}:\n${tail(logFile(options.dir))}`,
        );
      }
      await sleep(500);
    }
  } finally {
    await driver.close();
  }
}

/** Resolves to Java's major version, or fails with what to install. */
async function checkJava(): Promise<number> {
  let output: string;
  try {
    const { stdout, stderr } = await run('java', ['-version']);
    output = `${stdout}${stderr}`;
  } catch {
    throw new LocalNeo4jError(
      `Java 17 or newer is needed to run the managed local Neo4j, and "java" was not found. Install it ` +
        `(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), ${ALTERNATIVES}`,
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17) {
    throw new LocalNeo4jError(
      `Neo4j 5.26 needs Java 17 or newer, and "java" is version ${major || 'unknown'}. Install Java 17+, ${ALTERNATIVES}`,
    );
  }
  return major;
}

/** Builds neo4j-local/ with Maven unless its jar and libraries are newer than its sources. */
async function buildLauncher(log: (line: string) => void) {
  const sources = [path.join(launcherDir, 'pom.xml'), path.join(launcherDir, 'src/main/java/kg/neo4jlocal/Launcher.java')];
  const newestSource = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (existsSync(launcherJar) && existsSync(launcherLibs) && statSync(launcherJar).mtimeMs >= newestSource) return;

  try {
    await run('mvn', ['--version']);
  } catch {
    throw new LocalNeo4jError(
      `Maven is needed once to fetch Neo4j for the managed local Neo4j, and "mvn" was not found. Install it ` +
        `(Debian/Ubuntu: apt-get install maven), ${ALTERNATIVES}`,
    );
  }
  log('Building the managed Neo4j launcher with Maven (the first time downloads Neo4j 5.26 from Maven Central) ...');
  try {
    await run('mvn', ['-B', '-q', '-f', path.join(launcherDir, 'pom.xml'), 'package'], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stdout = errorField(error, 'stdout') ?? '';
    const stderr = errorField(error, 'stderr') ?? '';
    throw new LocalNeo4jError(`Maven could not build neo4j-local/:\n${`${stdout}${stderr}`.trim().split('\n').slice(-20).join('\n')}`);
  }
}

/** Resolves once `port` is free, trying until `graceMs` have passed; then fails as assertPortFree does. */
async function waitForFreePort(port: number, graceMs: number) {
  const deadline = Date.now() + graceMs;
  for (;;) {
    try {
      return await assertPortFree(port);
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await sleep(200);
    }
  }
}

function assertPortFree(port: number) {
  return new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new LocalNeo4jError(
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use, so the managed Neo4j cannot listen there. Set NEO4J_LOCAL_PORT to a free port, ` +
                `or stop the program using it (if it is a Neo4j of yours, set NEO4J_URI=bolt://127.0.0.1:${port} instead).`
            : `cannot listen on 127.0.0.1:${port}: ${error.message}`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

function killQuietly(pid: number) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function tail(file: string, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
