/** The managed local Neo4j's refusals: what a user sees when Java is missing or the port is taken. */
import { execFile } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LocalNeo4jError, startLocalNeo4j } from '../../src/db/local-neo4j.js';

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
});
