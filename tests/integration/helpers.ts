import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { Database } from '../../src/db/database.js';

/** A connection to the test Neo4j that global-setup.ts provides. Close it in afterAll. */
export function connectTestDb(): Database {
  return Database.connect(inject('neo4j'));
}

/** A prefix unique to one test file's run, for ids of the data that file creates and removes. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

/** Node and relationship counts, for asserting that a failed operation wrote nothing. */
export async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.runText(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    'READ',
  );
  return { nodes: row!.nodes as number, relationships: row!.relationships as number };
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Sends a GraphQL operation to a Yoga instance in-process, no port needed. */
export async function gql<T = any>(
  yoga: { fetch: (url: string, init: RequestInit) => Promise<Response> | Response },
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}
