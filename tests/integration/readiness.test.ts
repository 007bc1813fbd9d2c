import { afterAll, describe, expect, it } from 'vitest';
import { TestHelper } from './helpers.js';

const helper = new TestHelper('readiness');
const { yoga } = helper;
const status = async (path: string) => (await yoga.fetch(`http://localhost${path}`)).status;

afterAll(() => helper.close());

describe('health and readiness', () => {
  it('answers /health and /ready, and a GraphQL query', async () => {
    expect(await status('/health')).toBe(200);
    expect(await status('/ready')).toBe(200);
    const ready = await yoga.fetch('http://localhost/ready');
    expect(ready.headers.get('content-type')).toContain('application/json');
    expect(await ready.json()).toEqual({ ready: true, neo4j: 'up', schema: 'applied', seed: 'off' });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  // Stopping and starting Neo4j under a running server: see outage.test.ts.
});
