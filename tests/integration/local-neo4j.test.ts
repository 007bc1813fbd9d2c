/** The managed local Neo4j: what a user sees when Java is missing or the port is taken, and a start right after a kill -9. */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LocalNeo4jError, startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { isAlive, processStartTime } from '../../src/processes.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

describe('the managed local Neo4j', () => {
  it('says what to install when Java is missing', async () => {
    // A PATH with node and nothing else.
    const bin = mkdtempSync(path.join(tmpdir(), 'only-node-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const env = { PATH: bin, NEO4J_LOCAL_PORT: '7699', NEO4J_LOCAL_DIR: '.neo4j/no-java' };
    const failure = await run(tsx, ['src/db/local-neo4j-cli.ts', 'start'], { cwd: root, env }).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('Java 17 or newer is needed');
    expect(failure.stderr).toContain('NEO4J_URI');
    expect(failure.stderr).toContain('docker compose up');
  });

  it('says so when its port is already taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const attempt = startLocalNeo4j(
        { dir: '.neo4j/port-taken', port, password: 'knowledge-graph', heap: '512m', pageCacheMiB: 64, startTimeoutMs: 10_000 },
        () => {},
      );
      await expect(attempt).rejects.toThrow(LocalNeo4jError);
      await expect(attempt).rejects.toThrow(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  /**
   * A stand-in for a Neo4j killed a moment before: a process that the pid file names, that holds
   * the port and never answers on Bolt, and exits 1.5 s later. `args` end its command line.
   */
  async function startBesideExiting(args: string[]) {
    const options = {
      dir: '.neo4j/exiting',
      port: 7697,
      password: 'knowledge-graph',
      heap: '512m',
      pageCacheMiB: 64,
      startTimeoutMs: 180_000,
    };
    const dir = path.join(root, options.dir);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const script = `require('net').createServer().listen(${options.port}, '127.0.0.1'); setTimeout(() => process.exit(0), 1500)`;
    const exiting = spawn(process.execPath, ['-e', script, ...args], { stdio: 'ignore' });
    const pid = exiting.pid!;
    writeFileSync(path.join(dir, 'neo4j.pid'), `${pid} ${processStartTime(pid)}\n`);
    await new Promise((resolve) => setTimeout(resolve, 300)); // listening
    const lines: string[] = [];
    try {
      const started = await startLocalNeo4j(options, (line) => lines.push(line));
      expect(isAlive(pid)).toBe(false);
      expect(started.started).toBe(true);
      expect(started.pid).not.toBe(pid);
      return { pid, lines };
    } finally {
      await stopLocalNeo4j(options);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('starts another Neo4j when the one its pid file names exits as it is found (killed with -9 a moment before)', async () => {
    // Its command line still the launcher's: it is found, and seen to exit while Bolt is awaited.
    const { pid, lines } = await startBesideExiting(['kg.neo4jlocal.Launcher']);
    expect(lines.join('\n')).toContain(`The managed Neo4j (pid ${pid}) exited as it was found; starting it again.`);
  }, 240_000);

  it('waits for a Neo4j on its way out to let go of its port, then starts another', async () => {
    // A killed Neo4j can look gone (its command line gone, its main thread a zombie) before its
    // last thread lets go of the socket.
    const { lines } = await startBesideExiting([]);
    expect(lines.join('\n')).not.toMatch(/exited as it was found/);
  }, 240_000);
});
