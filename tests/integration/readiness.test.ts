import { afterAll, describe, expect, inject, it } from 'vitest';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { createServer } from '../../src/server/yoga.js';
import { connectTestDb } from './helpers.js';

const neo4j = inject('neo4j');
const db = connectTestDb();
const yoga = createServer({ db });
const status = async (path: string) => (await yoga.fetch(`http://localhost${path}`)).status;

afterAll(async () => {
  if (neo4j.managed) await startLocalNeo4j(neo4j.managed);
  await db.close();
});

describe('health and readiness', () => {
  it('answers /health and /ready, and a GraphQL query', async () => {
    expect(await status('/health')).toBe(200);
    expect(await status('/ready')).toBe(200);
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it.runIf(neo4j.managed !== null)(
    'turns /ready to 503 while Neo4j is down and back to 200 when it returns, without a restart',
    async () => {
      await stopLocalNeo4j(neo4j.managed!);
      expect(await status('/ready')).toBe(503);
      expect(await status('/health')).toBe(200);

      await startLocalNeo4j(neo4j.managed!);
      expect(await status('/ready')).toBe(200);
    },
    180_000,
  );
});
