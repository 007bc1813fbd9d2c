/**
 * What a public endpoint needs: GraphQL over HTTP conformance, query limits that stop a hostile
 * query before any Cypher runs, and schema exposure that production can turn off.
 */
import { auditServer } from 'graphql-http';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { CSRF_HEADER, createApi } from '../../src/server/yoga.js';
import { connectTestDb, gql } from './helpers.js';

const db = connectTestDb();
const yoga = createApi({ db });
afterAll(() => db.close());

/** Runs a query and reports the Cypher round trips it caused. */
async function tripsFor(server: ReturnType<typeof createApi>, query: string) {
  const before = db.roundTrips;
  const result = await gql(server, query);
  return { result, trips: db.roundTrips - before };
}

describe('GraphQL over HTTP', () => {
  it('passes every MUST and SHOULD server audit of graphql-http', async () => {
    // A browser client sends the CSRF header with GET requests; the audits' fetch does the same.
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set(CSRF_HEADER, '1');
      return yoga.fetch(String(input instanceof Request ? input.url : input), { ...init, headers });
    };
    const results = await auditServer({ url: 'http://localhost/graphql', fetchFn });
    const failed = results.filter((r) => r.status !== 'ok' && !r.name.startsWith('MAY'));
    expect(failed.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });

  it('refuses a GET query without the CSRF header', async () => {
    const response = await yoga.fetch('http://localhost/graphql?query=%7B__typename%7D', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(403);
  });
});

describe('query limits', () => {
  const nest = (depth: number) => {
    let selection = 'name';
    for (let i = 0; i < depth; i++) selection = `related { ${selection} }`;
    return `{ concept(name: "EWC") { ${selection} } }`;
  };

  it.each([
    ['too deep', nest(20), 'depth', /depth is over the limit of 12: \d+\./],
    [
      'an alias bomb',
      `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: concept(name: "EWC") { name }`).join(' ')} }`,
      'aliases',
      /number of aliases is over the limit of 15: \d+\./,
    ],
    [
      'too many tokens',
      `{ search(query: "${'gan '.repeat(10)}") { totalCount ${'__typename '.repeat(3000)} } }`,
      'tokens',
      /number of tokens is over the limit of 2500/,
    ],
    [
      'too many directives',
      `{ __typename ${'@include(if: true) '.repeat(40)} }`,
      'directives',
      /number of directives is over the limit of 20: \d+\./,
    ],
    [
      'too costly',
      `{ talks(first: 100) { edges { node { concepts { works { edges { node { concepts { works { edges { node { people { works { edges { node { title } } } } } } } } } } } } } } } }`,
      'cost',
      /cost is over the limit of 50000: \d+/,
    ],
  ])('refuses a query that is %s with QUERY_TOO_COMPLEX, before any Cypher runs', async (_label, query, limit, message) => {
    const { result, trips } = await tripsFor(yoga, query);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.message).not.toMatch(/Syntax Error/);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, max: expect.any(Number) });
    expect(result.data).toBeUndefined();
    expect(trips).toBe(0);
  });

  it('says `first` is too large, whatever the cost limit says', async () => {
    const { result, trips } = await tripsFor(yoga, '{ talks(first: 100000) { edges { node { title } } } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'Invalid argument first: must be at most 100 (got 100000)',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    expect(trips).toBe(0);
  });

  it('lets the nested traversals clients need through', async () => {
    const { result } = await tripsFor(
      yoga,
      `{ concept(name: "EWC") { works(first: 5) { edges { node { concepts { related { works(first: 3) { edges { node { title people { name } } } } } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
  });
});

describe('schema exposure', () => {
  const production = createApi({ db, config: loadConfig({ NODE_ENV: 'production' }) });

  it('answers introspection by default and refuses it in production', async () => {
    expect((await gql(yoga, '{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const refused = await tripsFor(production, '{ __schema { queryType { name } } }');
    expect(refused.result.errors?.[0]?.message).toMatch(/introspection/i);
    expect(refused.trips).toBe(0);
  });

  it('suggests field names by default and not in production', async () => {
    expect((await gql(yoga, '{ talkz { totalCount } }')).errors?.[0]?.message).toMatch(/Did you mean/);
    expect((await gql(production, '{ talkz { totalCount } }')).errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('turns GraphiQL off in production', async () => {
    const page = await production.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('masks unexpected errors and keeps expected ones', async () => {
    const expected = await gql(yoga, '{ talks(first: 1000) { totalCount } }');
    expect(expected.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('routing URIs', () => {
  it('accepts a neo4j:// URI and reads through it (reads go to readers in a cluster)', async () => {
    const { Database } = await import('../../src/db/database.js');
    const { inject } = await import('vitest');
    const settings = inject('neo4j');
    const uri = settings.uri.replace(/^bolt:/, 'neo4j:');
    expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    const routed = Database.connect({ ...settings, uri });
    try {
      const [row] = await routed.read('talk/list', {
        day: 2,
        session: null,
        kind: null,
        year: null,
        conceptIds: null,
        personKey: null,
        text: null,
        orderBy: 'SCHEDULE',
        offset: 0,
        limit: 1,
      });
      expect(row!.total).toBeGreaterThan(10);
    } finally {
      await routed.close();
    }
  });
});
