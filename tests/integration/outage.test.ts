/**
 * Neo4j outages, against the real managed Neo4j: stopped before the server starts, and stopped
 * while it serves. The server must keep serving, answer fast with DATABASE_UNAVAILABLE, report
 * 503 on /ready, and recover by itself when Neo4j returns.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type App, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';

const neo4j = inject('neo4j');
let app: App | undefined;

afterAll(async () => {
  if (neo4j.managed) await startLocalNeo4j(neo4j.managed);
  await app?.close();
});

const base = () => app!.url.replace('/graphql', '');
const ready = async () => (await fetch(`${base()}/ready`)).status;
const query = async () => {
  const started = Date.now();
  const response = await fetch(app!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ talk(id: "wasserstein-gan") { title } }' }),
  });
  return { body: (await response.json()) as any, ms: Date.now() - started };
};

/** A server on the test Neo4j, on a free port, that gives up on an unreachable Neo4j after a second. */
const serverConfig = () =>
  loadConfig({
    NEO4J_URI: neo4j.uri,
    NEO4J_PASSWORD: neo4j.password,
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_ON_START: 'false',
    NEO4J_RETRY_MS: '1000',
    NEO4J_CONNECT_TIMEOUT_MS: '1000',
  });

describe.runIf(neo4j.managed !== null)('when Neo4j goes away', () => {
  it('starts without Neo4j, serves 503 on /ready and DATABASE_UNAVAILABLE fast, then connects when it comes up', async () => {
    await stopLocalNeo4j(neo4j.managed!);
    const config = serverConfig();
    const lines: string[] = [];
    app = await startApp(config, (line) => lines.push(line), 1000);

    expect((await fetch(`${base()}/health`)).status).toBe(200);
    expect(await ready()).toBe(503);
    const down = await query();
    expect(down.body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.ms).toBeLessThan(15_000); // the configured bound, not the driver's 30 s of retries
    await expect.poll(() => lines.some((l) => l.includes('is not reachable')), { timeout: 10_000 }).toBe(true);

    await startLocalNeo4j(neo4j.managed!);
    await app.prepared;
    expect(await ready()).toBe(200);
    expect((await query()).body).toEqual({ data: { talk: { title: 'Wasserstein GAN' } } });
    expect(lines.some((l) => l.includes('answers now'))).toBe(true);
  }, 240_000);

  it('logs when Neo4j goes away while serving and when it comes back', async () => {
    const lines: string[] = [];
    const config = serverConfig();
    const watched = await startApp(config, (line) => lines.push(line), 500);
    try {
      await watched.prepared;
      await stopLocalNeo4j(neo4j.managed!);
      await expect.poll(() => lines.some((l) => l.includes('stopped answering')), { timeout: 15_000 }).toBe(true);
      const down = await fetch(watched.url.replace('/graphql', '/ready'));
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ready: false, neo4j: 'down', schema: 'applied', seed: 'off' });
      await startLocalNeo4j(neo4j.managed!);
      await expect.poll(() => lines.some((l) => l.includes('answers again')), { timeout: 30_000 }).toBe(true);
    } finally {
      await watched.close();
    }
  }, 240_000);

  it('fails fast while Neo4j is down under a running server, and recovers without a restart', async () => {
    await stopLocalNeo4j(neo4j.managed!);
    expect(await ready()).toBe(503);
    const down = await query();
    expect(down.body.errors[0]).toMatchObject({
      message: 'The database is unavailable; try again shortly.',
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
    expect(down.ms).toBeLessThan(15_000);

    await startLocalNeo4j(neo4j.managed!);
    await expect.poll(ready, { timeout: 30_000, interval: 500 }).toBe(200);
    expect((await query()).body).toEqual({ data: { talk: { title: 'Wasserstein GAN' } } });
  }, 240_000);
});
