import { createHash, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { createApi } from '../../src/server/yoga.js';

/** A connection to the test Neo4j that global-setup.ts provides. Close it in afterAll. */
export function connectTestDb(): Database {
  return Database.connect(inject('neo4j'));
}

/** A prefix unique to one test file's run, for ids of the data that file creates and removes. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

/**
 * The nodes there are now, to remove everything added after (removeNodesAddedSince). Neo4j reuses
 * the element id of a deleted node, so a node is known by its element id, labels and `id` together:
 * by element id alone, a node added later in a deleted node's place would be kept.
 */
const nodeKey = "elementId(n) + '|' + reduce(s = '', l IN labels(n) | s + l + ',') + '|' + coalesce(toString(n.id), '')";

export async function nodesNow(db: Database): Promise<string[]> {
  const rows = await db.runText<{ key: string }>(`MATCH (n) RETURN ${nodeKey} AS key`, {}, 'READ');
  return rows.map((row) => row.key);
}

export async function removeNodesAddedSince(db: Database, nodes: string[]): Promise<void> {
  await db.runText(`MATCH (n) WHERE NOT ${nodeKey} IN $nodes DETACH DELETE n`, { nodes });
}

/** Node and relationship counts, for asserting that a failed operation wrote nothing. */
export async function totalCounts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.runText(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    'READ',
  );
  return { nodes: row!.nodes as number, relationships: row!.relationships as number };
}

/** JSON with object keys sorted at every depth, so that equal values give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A SHA-256 over every node (its labels and properties) and every relationship (its type, the
 * ids of its ends, its properties) of the graph, in an order that does not depend on storage:
 * equal before and after an operation means the operation changed nothing at all. An embedding
 * `vector` (most of the bytes) enters as its length and three sums computed in Neo4j, which any
 * rewrite of it changes, so that the hash stays fast enough to take around every hostile input.
 * `normalise` may rewrite each node's or relationship's line first (say, to read the ids a repeated
 * operation makes anew as the same).
 */
export async function graphHash(db: Database, normalise: (line: string) => string = (line) => line): Promise<string> {
  const nodes = await db.runText<{ labels: string[]; props: Record<string, unknown> }>(
    `MATCH (n)
     WITH n, coalesce(n.vector, []) AS v
     RETURN labels(n) AS labels, n {.*, vector: CASE WHEN n.vector IS NULL THEN null ELSE [
       size(v), reduce(s = 0.0, x IN v | s + x), reduce(s = 0.0, x IN v | s + x * x),
       reduce(s = [0.0, 1], x IN v | [s[0] + s[1] * x, s[1] + 1])[0]
     ] END} AS props`,
    {},
    'READ',
  );
  const relationships = await db.runText<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, coalesce(a.id, a.url, elementId(a)) AS from, coalesce(b.id, b.url, elementId(b)) AS to, properties(r) AS props`,
    {},
    'READ',
  );
  const lines = [
    ...nodes.map((n) => `node ${canonical([...n.labels].sort())} ${canonical(n.props)}`),
    ...relationships.map((r) => `rel ${r.type} ${canonical(r.from)} ${canonical(r.to)} ${canonical(r.props)}`),
  ]
    .map(normalise)
    .sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** Counts and content hash together: what a refused operation must leave exactly as it was. */
export async function graphState(db: Database): Promise<{ nodes: number; relationships: number; hash: string }> {
  return { ...(await totalCounts(db)), hash: await graphHash(db) };
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

/**
 * What an integration test file needs, in one place (after neo4j/graphql's TestHelper): a
 * connection to the test Neo4j, the API in-process with a curator token, requests with and
 * without that token, and ids under a prefix unique to this run. `close()` removes the data the
 * file owns: what it registered with `onClose` (an import to roll back, say), every node whose id
 * starts with the prefix or whose URL holds it, and the Change records that name the prefix;
 * then it closes the connection.
 */
export class TestHelper {
  readonly db = connectTestDb();
  readonly prefix: string;
  readonly curatorToken = `curator-token-for-tests-${randomUUID()}`;
  private readonly config: Config;
  private readonly embedder: () => Embedder | null;
  private api: ReturnType<typeof createApi> | undefined;
  private readonly cleanups: (() => Promise<unknown>)[] = [];

  /**
   * @param config extra environment for the server's configuration (the curator is "alice").
   * @param options.embedder the embedding model for the API, read when the API is first used
   *   (a model that useRealEmbedder loads in beforeAll); by default none.
   */
  constructor(name: string, config: Record<string, string> = {}, options: { embedder?: () => Embedder | null } = {}) {
    this.prefix = uniquePrefix(name);
    this.config = loadConfig({ CURATOR_TOKENS: `alice:${this.curatorToken}`, ...config });
    this.embedder = options.embedder ?? (() => null);
  }

  /** The API in-process, made when first used. */
  get yoga(): ReturnType<typeof createApi> {
    this.api ??= createApi({ db: this.db, config: this.config, embedder: this.embedder() });
    return this.api;
  }

  /** An id this file owns: removed by close(). */
  id(suffix: string): string {
    return `${this.prefix}-${suffix}`;
  }

  /** Something else close() must undo, before it removes the prefix's data; the last registered runs first. */
  onClose(cleanup: () => Promise<unknown>): void {
    this.cleanups.push(cleanup);
  }

  /** A GraphQL request without a token. */
  request<T = any>(query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<GraphQLResponse<T>> {
    return gql<T>(this.yoga, query, variables, operationName);
  }

  /** A GraphQL request with an Authorization header as given (null: none). */
  async requestWith<T = any>(
    authorization: string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await this.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** A GraphQL request without a token that must succeed: its data. */
  async data<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors) throw new Error(`The request failed: ${JSON.stringify(result.errors)}`);
    return result.data!;
  }

  /** A GraphQL request as the curator. */
  requestAsCurator<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    return this.requestWith<T>(`Bearer ${this.curatorToken}`, query, variables);
  }

  /** Removes the data this file owns (see the class), leaving the connection open. */
  async removeOwnData(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
    const prefix = this.prefix;
    await this.db.runText(
      'MATCH (n) WHERE n.id STARTS WITH $prefix OR n.url CONTAINS $prefix OPTIONAL MATCH (n)-[:HAS_SIMILAR]->(l:SimilarList) DETACH DELETE n, l',
      { prefix },
    );
    await this.db.runText(
      'MATCH (c:Change) WHERE c.target CONTAINS $prefix OR c.details CONTAINS $prefix OR c.source CONTAINS $prefix DETACH DELETE c',
      { prefix },
    );
  }

  async close(): Promise<void> {
    try {
      await this.removeOwnData();
    } finally {
      await this.db.close();
    }
  }
}

/**
 * Removes the precomputed lists (the works' and the concepts', src/graph/similarity.ts and
 * concept-lists.ts) and the SimilarityBuild node: derived state the whole graph shares, not data a
 * test file owns, reset before and after the files that build them.
 */
export async function clearLists(db: Database): Promise<void> {
  await db.runText('MATCH (l:SimilarList) DETACH DELETE l');
  await db.runText(
    'MATCH (n) WHERE n:Work OR n:Concept REMOVE n.similarAt, n.similarEpoch, n.similarBuiltEpoch, n.similarChangeSeen, n.similarChange, n:SimilarDue, n:SimilarChanged',
  );
  await db.runText('MATCH (b:SimilarityBuild) DELETE b');
}
