import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/server/yoga.js';
import { connectTestDb, gql } from './helpers.js';

const db = connectTestDb();
const yoga = createApi({ db });
afterAll(() => db.close());

/** A 3-level nested query: talks, their concepts and people, the concepts' works and their people. */
const nested = (first: number) => `{
  talks(first: ${first}) {
    edges { node {
      title
      people { name }
      concepts {
        name
        works(first: 5) { totalCount edges { node { title people { name } concepts { name } } } }
      }
    } }
  }
}`;

async function roundTripsFor(query: string) {
  const before = db.roundTrips;
  const result = await gql(yoga, query);
  expect(result.errors).toBeUndefined();
  return { trips: db.roundTrips - before, data: result.data };
}

describe('Cypher round trips per request', () => {
  it('are bounded by the depth of the query, not by the number of parents', async () => {
    const small = await roundTripsFor(nested(3));
    const large = await roundTripsFor(nested(40));
    const parents = large.data.talks.edges.length;
    const concepts = large.data.talks.edges.reduce((n: number, e: any) => n + e.node.concepts.length, 0);
    expect(parents).toBe(40);
    expect(concepts).toBeGreaterThan(40);
    // talks, people, concepts, works of concepts, their people, their concepts: one batch each.
    expect(large.trips).toBeLessThanOrEqual(6);
    expect(large.trips).toBe(small.trips);
  });
});

describe('Root fields that look ahead', () => {
  const talkQuery = (selection: string) => `{ talk(id: "principled-approaches-to-deep-learning-panel") { ${selection} } }`;

  it('answer a talk with its concepts and people in one statement, as the field-by-field loaders do', async () => {
    const both = await roundTripsFor(talkQuery('title concepts { name } people { name } contributions { role person { name } }'));
    expect(both.trips).toBe(1);
    expect(both.data.talk.concepts.length).toBeGreaterThan(0);
    expect(both.data.talk.people.length).toBeGreaterThan(0);
    // Reached through `node` (no look-ahead), the same talk needs a statement per level, and
    // gives the same lists in the same order.
    const { id } = (await gql(yoga, talkQuery('id'))).data.talk;
    const viaNode = await roundTripsFor(
      `{ node(id: "${id}") { ... on Talk { title concepts { name } people { name } contributions { role person { name } } } } }`,
    );
    expect(viaNode.trips).toBeGreaterThan(1);
    expect(viaNode.data.node).toEqual(both.data.talk);
  });

  it('fetch only the lists the query asks for', async () => {
    const titleOnly = await roundTripsFor(talkQuery('title'));
    expect(titleOnly.trips).toBe(1);
    // The lists not fetched ahead are loaded when asked for, through a fragment as well.
    const fragment = await roundTripsFor(
      `{ talk(id: "principled-approaches-to-deep-learning-panel") { title ...Lists } } fragment Lists on Work { concepts { name } }`,
    );
    expect(fragment.trips).toBe(1);
    expect(fragment.data.talk.concepts.length).toBeGreaterThan(0);
  });

  it('answer a concept, one page of its works and their people and concepts in one statement', async () => {
    const after = Buffer.from('OffsetConnection:0').toString('base64');
    const works = `works(first: 3, after: "${after}") { totalCount pageInfo { hasNextPage } edges { node { title people { name } concepts { name } } } }`;
    const ahead = await roundTripsFor(`{ concept(name: "wgan") { name ${works} } }`);
    expect(ahead.trips).toBe(1);
    expect(ahead.data.concept.works.edges.length).toBeGreaterThan(0);
    // Two aliases of `works` (which may ask for different pages) are not fetched ahead; the
    // answers are the same.
    const twice = await roundTripsFor(`{ concept(name: "wgan") { name works: ${works} other: works(first: 1) { totalCount } } }`);
    expect(twice.trips).toBeGreaterThan(1);
    expect(twice.data.concept.works).toEqual(ahead.data.concept.works);
  });
});
