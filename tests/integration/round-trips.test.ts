import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/yoga.js';
import { connectTestDb, gql } from './helpers.js';

const db = connectTestDb();
const yoga = createServer({ db });
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
