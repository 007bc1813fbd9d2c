/**
 * The product's life as a user runs it: `npm start` on a fresh, empty managed Neo4j, /ready
 * turning 200 only once the seed is in, Ctrl-C and SIGTERM sent to the process `npm start`
 * gave (not to a child found some other way), and the rule that a process stops only the Neo4j
 * it started itself. Real processes, a real second Neo4j in a folder of its own.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'kg-lifecycle-'));
let neo4jPort = 0;

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment of a user who configured only where the managed Neo4j lives. */
function env(): NodeJS.ProcessEnv {
  const { NEO4J_URI: _unused, ...rest } = process.env;
  return {
    ...rest,
    NEO4J_LOCAL_DIR: dir,
    NEO4J_LOCAL_PORT: String(neo4jPort),
    NEO4J_LOCAL_HEAP: '512m',
    NEO4J_LOCAL_PAGECACHE_MB: '64',
    PORT: '0',
  };
}

/** `npm start`, resolved once it prints the URL it serves. */
async function npmStart(): Promise<Started> {
  const child = spawn('npm', ['start'], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  await expect.poll(() => /GraphQL API on (\S+)/.test(output) || child.exitCode !== null, { timeout: 300_000, interval: 100 }).toBe(true);
  const url = /GraphQL API on (\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`npm start did not serve:\n${output}`);
  return { child, url, output: () => output, exited };
}

async function dbCli(command: 'start' | 'stop' | 'status') {
  return run('npm', ['run', '--silent', `db:${command}`], { cwd: root, env: env() }).then(
    (result) => ({ code: 0, ...result }),
    (error) => ({ code: error.code as number, stdout: error.stdout as string, stderr: error.stderr as string }),
  );
}

const readyOf = async (url: string) => {
  const response = await fetch(url.replace('/graphql', '/ready'));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const talkCount = async (url: string) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ talks { totalCount } }' }),
  });
  return ((await response.json()) as { data?: { talks: { totalCount: number } } }).data?.talks.totalCount ?? -1;
};
const refusesConnections = (url: string) =>
  fetch(url.replace('/graphql', '/health')).then(
    () => false,
    () => true,
  );

const children: ChildProcess[] = [];

afterAll(async () => {
  // A test that failed half way leaves its server running: stop it, then its Neo4j.
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await dbCli('stop');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start, from a fresh database to a clean stop', () => {
  it('answers /ready 200 only once the seed is loaded, with a body that says which part is up', async () => {
    neo4jPort = await freePort();
    const app = await npmStart();
    const seen: { status: number; body: Record<string, unknown>; talks: number }[] = [];
    for (;;) {
      const ready = await readyOf(app.url);
      // Asked after /ready answered: whatever /ready said must already hold.
      seen.push({ ...ready, talks: await talkCount(app.url) });
      if (ready.status === 200) break;
      if (Object.values(ready.body).includes('failed')) throw new Error(`start-up failed: ${JSON.stringify(ready.body)}\n${app.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const notReady = seen.filter((s) => s.status === 503);
    expect(notReady.length).toBeGreaterThan(0);
    expect(notReady[0]!.body).toMatchObject({ ready: false });
    expect(Object.keys(notReady[0]!.body).sort()).toEqual(['neo4j', 'ready', 'schema', 'seed']);
    expect(seen.at(-1)).toMatchObject({ status: 200, body: { ready: true, neo4j: 'up', schema: 'applied', seed: 'loaded' }, talks: 73 });
    const health = await fetch(app.url.replace('/graphql', '/health'));
    expect(await health.json()).toEqual({ ready: true, neo4j: 'up', schema: 'applied', seed: 'loaded' });

    // Ctrl-C, as the terminal sends it to npm: the server drains, closes the driver, stops its Neo4j.
    const sent = Date.now();
    app.child.kill('SIGINT');
    const exit = await app.exited;
    expect(exit.at - sent).toBeLessThan(5000);
    expect(exit.code).toBe(0);
    expect(app.output()).toMatch(/SIGINT: stopping/);
    expect(app.output()).toMatch(/stopped in \d+\.\d s/);
    expect(await refusesConnections(app.url)).toBe(true);
    expect((await dbCli('status')).code).toBe(3); // the Neo4j it started is stopped too
  }, 400_000);

  it('stops on SIGTERM, and leaves alone a Neo4j that someone else started after it', async () => {
    const app = await npmStart();
    await expect.poll(async () => (await readyOf(app.url)).status, { timeout: 120_000, interval: 250 }).toBe(200);
    // The user restarts the database under the running server.
    expect((await dbCli('stop')).code).toBe(0);
    expect((await dbCli('start')).code).toBe(0);

    const sent = Date.now();
    app.child.kill('SIGTERM');
    const exit = await app.exited;
    expect(exit.at - sent).toBeLessThan(5000);
    expect(app.output()).toMatch(/SIGTERM: stopping/);
    expect(await refusesConnections(app.url)).toBe(true);
    const status = await dbCli('status');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('running');
  }, 400_000);
});
