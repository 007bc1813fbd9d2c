/**
 * Reading your own write through another app server: two APIs in one process, each with its own
 * driver and bookmark manager (as two servers behind a load balancer), both through `neo4j://`
 * routing to the managed Neo4j.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { BOOKMARKS_HEADER } from '../../src/server/bookmarks.js';
import { createApi } from '../../src/server/yoga.js';
import { TestHelper } from './helpers.js';

const helper = new TestHelper('bookmarks');
const neo4j = inject('neo4j');
const routed = () => Database.connect({ ...neo4j, uri: neo4j.uri.replace(/^bolt:/, 'neo4j:') });
const serverA = routed();
const serverB = routed();
const config = loadConfig({ CURATOR_TOKENS: `alice:${helper.curatorToken}` });
const apiA = createApi({ db: serverA, config });
const apiB = createApi({ db: serverB, config });

afterAll(async () => {
  await Promise.all([serverA.close(), serverB.close()]);
  await helper.close();
});

async function post(api: ReturnType<typeof createApi>, query: string, headers: Record<string, string> = {}) {
  const response = await api.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${helper.curatorToken}`, ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, bookmarks: response.headers.get(BOOKMARKS_HEADER), body: (await response.json()) as any };
}

describe('X-Neo4j-Bookmarks', () => {
  const id = helper.id('written-on-a');
  const write = `mutation { upsertConcept(id: "${id}", name: "${id}", definition: "Written through server A.") { slug } }`;
  const read = `{ concept(name: "${id}") { slug definition } }`;

  it("answers a mutation with the bookmarks of server A's write, and server B reads that write with them", async () => {
    const written = await post(apiA, write);
    expect(written.body.errors).toBeUndefined();
    expect(written.bookmarks).toBeTruthy();
    expect([...(await serverA.lastBookmarks())].join(',')).toBe(written.bookmarks);
    expect(await serverB.lastBookmarks()).toEqual([]);

    const readOnB = await post(apiB, read, { [BOOKMARKS_HEADER]: written.bookmarks! });
    expect(readOnB.status).toBe(200);
    expect(readOnB.body).toEqual({ data: { concept: { slug: id, definition: 'Written through server A.' } } });
  });

  it('gives no bookmarks with the answer to a query', async () => {
    const answer = await post(apiA, read);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.bookmarks).toBeNull();
  });

  it('refuses a header that is not bookmarks with BAD_BOOKMARK and HTTP 400, before reading anything', async () => {
    const before = serverB.roundTrips;
    const refused = await post(apiB, read, { [BOOKMARKS_HEADER]: 'not a bookmark; DROP' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.code).toBe('BAD_BOOKMARK');
    expect(refused.body.errors[0].message).toMatch(/"not a bookmark; DROP" is not a bookmark/);
    const tooMany = await post(apiB, read, { [BOOKMARKS_HEADER]: Array.from({ length: 17 }, (_, i) => `FB:${i}`).join(',') });
    expect(tooMany.body.errors[0].extensions.code).toBe('BAD_BOOKMARK');
    expect(serverB.roundTrips).toBe(before);
  });

  it('refuses a well-formed bookmark this database never gave with BAD_BOOKMARK, from Neo4j', async () => {
    const refused = await post(apiB, read, { [BOOKMARKS_HEADER]: 'FB:not-one-of-ours' });
    expect(refused.body.data?.concept ?? null).toBeNull();
    expect(refused.body.errors[0].extensions.code).toBe('BAD_BOOKMARK');
  });
});
