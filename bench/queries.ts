/**
 * The fixed query mix of the load tests. Each query has its inputs (drawn by the generator, see
 * generate.ts Samples), our GraphQL operation, the @neo4j/graphql operation when both can answer
 * it, and its floor: the hand-written Cypher that answers it in one statement through the driver.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import type { Driver } from 'neo4j-driver';
import { cypher } from '../src/db/cypher.js';
import { luceneQueries } from '../src/db/lucene.js';
import { rankingParams } from '../src/graph/ranking.js';
import type { Samples } from './generate.js';
import type { CypherRequest, GraphQLBody } from './load.js';
import { projectRoot } from './neo4j.js';

export interface BenchQuery {
  name: string;
  /** What it asks, for the report. */
  what: string;
  inputs: (samples: Samples) => unknown[];
  ours: (input: unknown) => GraphQLBody;
  /** The same question to @neo4j/graphql, for the queries both can answer. */
  theirs?: (input: unknown) => GraphQLBody;
  /** Compares the two answers to the same input; a sentence when they differ in substance. */
  compare?: (ours: any, theirs: any) => string | null;
  /** The floor: one statement through the driver. */
  floor: { kind: 'hand-written' | 'the same statement'; request: (input: unknown) => CypherRequest } | null;
  /** A proposed rewrite of our statement (bench/proposals/), measured like the floor. */
  proposal?: { file: string; request: (input: unknown) => CypherRequest };
  /** Runs once per scale, after the import and before anything is measured. */
  prepare?: (driver: Driver, inputs: unknown[]) => Promise<void>;
}

const benchCypher = (name: string) => readFileSync(path.join(projectRoot, 'bench/cypher', `${name}.cypher`), 'utf8');
const proposalFile = (name: string) => path.join(projectRoot, 'bench/proposals', `${name}.cypher`);
const proposal = (name: string) => readFileSync(proposalFile(name), 'utf8');
const withoutComments = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();
/** A proposal is measured only while it differs from the statement in cypher/ (once adopted, it is the floor). */
const pending = (name: string, current: string) =>
  existsSync(proposalFile(name)) && withoutComments(proposal(name)) !== withoutComments(cypher(current));
const gql = (query: string, variables: Record<string, unknown>): GraphQLBody => ({ query: query.replace(/\s+/g, ' ').trim(), variables });
const sorted = (values: string[]) => [...values].sort().join(' | ');

function define<I>(
  query: Omit<BenchQuery, 'inputs' | 'ours' | 'theirs' | 'floor' | 'proposal' | 'prepare'> & {
    inputs: (samples: Samples) => I[];
    ours: (input: I) => GraphQLBody;
    theirs?: (input: I) => GraphQLBody;
    floor: { kind: 'hand-written' | 'the same statement'; request: (input: I) => CypherRequest } | null;
    proposal?: { file: string; request: (input: I) => CypherRequest };
    prepare?: (driver: Driver, inputs: I[]) => Promise<void>;
  },
): BenchQuery {
  return query as unknown as BenchQuery;
}

export const talkById = define<string>({
  name: 'talkById',
  what: 'a talk by id with its concepts and people',
  inputs: (s) => s.talks,
  ours: (id) => gql('query TalkById($id: ID!) { talk(id: $id) { title summary kind concepts { name } people { name } } }', { id }),
  theirs: (id) =>
    gql('query TalkById($id: ID!) { talks(where: { id: { eq: $id } }) { title summary kind concepts { name } people { name } } }', { id }),
  compare: (ours, theirs) => {
    const a = ours.talk;
    const b = theirs.talks[0];
    if (!a || !b) return `talk missing (ours ${!!a}, theirs ${!!b})`;
    const names = (t: any) => `${sorted(t.concepts.map((c: any) => c.name))} / ${sorted(t.people.map((p: any) => p.name))}`;
    return names(a) === names(b) ? null : `ours ${names(a)} vs theirs ${names(b)}`;
  },
  floor: { kind: 'hand-written', request: (id) => ({ text: benchCypher('talk-by-id'), params: { id } }) },
});

export const nested = define<string>({
  name: 'nested',
  what: 'a concept, its first 10 works, their people and concepts (3 levels)',
  inputs: (s) => s.concepts,
  ours: (name) =>
    gql(
      `query Nested($name: String!) { concept(name: $name) { name
         works(first: 10) { edges { node { title people { name } concepts { name } } } } } }`,
      { name },
    ),
  theirs: (name) =>
    gql(
      `query Nested($name: String!) { concepts(where: { name: { eq: $name } }) { name
         works(limit: 10, sort: [{ year: DESC }, { title: ASC }]) { title people { name } concepts { name } } } }`,
      { name },
    ),
  compare: (ours, theirs) => {
    const a = ours.concept?.works.edges.length;
    const b = theirs.concepts[0]?.works.length;
    return a === b ? null : `ours ${a} works vs theirs ${b}`;
  },
  floor: { kind: 'hand-written', request: (name) => ({ text: benchCypher('concept-nested'), params: { key: name.toLowerCase() } }) },
});

/**
 * The Lucene query our search runs for each text (search/lucene-query: the words as typed, or
 * with a typo forgiven in a word that occurs nowhere), decided once per scale by `prepare`, so that
 * @neo4j/graphql is asked exactly the same question.
 */
const luceneFor = new Map<string, string>();

export const search = define<string>({
  name: 'search',
  what: 'full-text search, papers, first 10',
  inputs: (s) => s.searches,
  prepare: async (driver, texts) => {
    luceneFor.clear();
    for (const text of texts) {
      const { records } = await driver.executeQuery(cypher('search/lucene-query'), { ...luceneQueries(text)! });
      luceneFor.set(text, records[0]!.get('query') as string);
    }
  },
  ours: (text) =>
    gql(
      'query Search($text: String!) { search(query: $text, types: [PAPER], first: 10) { edges { score node { ... on Paper { title } } } } }',
      { text },
    ),
  theirs: (text) =>
    gql('query Search($phrase: String!) { searchPapers(phrase: $phrase, first: 10) { edges { score node { title } } } }', {
      phrase: luceneFor.get(text)!,
    }),
  // Equal scores tie in any order, so the hits are compared by their scores.
  compare: (ours, theirs) => {
    const scores = (edges: any[]) => edges.map((e) => e.score.toFixed(3)).join(' ');
    const a = scores(ours.search.edges);
    const b = scores(theirs.searchPapers.edges);
    return a === b ? null : `scores ${a} vs ${b}`;
  },
  floor: {
    kind: 'the same statement',
    request: (text) => ({
      text: cypher('search/fulltext'),
      params: { query: luceneFor.get(text)!, key: text.toLowerCase(), labels: ['Paper'], offset: 0, limit: 10, scanLimit: 1000 },
    }),
  },
});

const reasonFields = 'score work { title } reasons { kind weight description source { line quote } }';

export const relatedToConcept = define<string>({
  name: 'relatedToConcept',
  what: 'works related to a concept, ranked, with reasons',
  inputs: (s) => s.concepts,
  ours: (name) =>
    gql(`query RelatedToConcept($name: String!) { relatedToConcept(concept: $name, first: 10) { ${reasonFields} } }`, { name }),
  floor: {
    kind: 'the same statement',
    request: (name) => ({
      text: cypher('related/related-to-concept'),
      params: { key: name.toLowerCase(), limit: 10, ...rankingParams() },
    }),
  },
  proposal: pending('related-to-concept', 'related/related-to-concept')
    ? {
        file: 'bench/proposals/related-to-concept.cypher',
        request: (name) => ({
          text: proposal('related-to-concept'),
          params: { key: name.toLowerCase(), limit: 10, ...rankingParams() },
        }),
      }
    : undefined,
});

export const relatedWork = define<string>({
  name: 'relatedWork',
  what: 'related work for one talk or paper, ranked, with reasons',
  inputs: (s) => s.works,
  ours: (id) => gql(`query RelatedWork($id: ID!) { relatedWork(to: [$id], first: 10) { ${reasonFields} } }`, { id }),
  floor: {
    kind: 'the same statement',
    request: (id) => ({
      text: cypher('related/related-work'),
      params: { ids: [id], exclude: [], limit: 10, withReasons: true, ...rankingParams() },
    }),
  },
  proposal: pending('related-work', 'related/related-work')
    ? {
        file: 'bench/proposals/related-work.cypher',
        request: (id) => ({
          text: proposal('related-work'),
          params: { ids: [id], exclude: [], limit: 10, withReasons: true, ...rankingParams() },
        }),
      }
    : undefined,
});

export const followUpReads = define<string>({
  name: 'followUpReads',
  what: 'the reading trail from a work, depth 3',
  inputs: (s) => s.trails,
  ours: (id) =>
    gql('query FollowUpReads($id: ID!) { followUpReads(from: $id, depth: 3) { depth type fromId work { title } source { line quote } } }', {
      id,
    }),
  floor: { kind: 'the same statement', request: (id) => ({ text: cypher('related/follow-up-reads'), params: { id, depth: 3 } }) },
});

export const shortestPath = define<[string, string]>({
  name: 'path',
  what: 'shortest connections between two papers (max length 6, first 5)',
  inputs: (s) => s.pairs,
  ours: ([from, to]) =>
    gql(
      'query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: 6, first: 5) { length nodes { id } edges { type fromId toId } } }',
      { from, to },
    ),
  floor: {
    kind: 'the same statement',
    request: ([from, to]) => ({ text: cypher('graph/shortest-paths'), params: { from, to, maxLength: 6, limit: 5 } }),
  },
});

/** The queries every run has; `graph` joins them when the schema has it (graphQuery). */
export const fixedQueries: BenchQuery[] = [talkById, nested, search, relatedToConcept, relatedWork, followUpReads, shortestPath];

/**
 * The `graph` query, when our schema has a `graph` field taking `center` (and no other required
 * argument): the neighbourhood of one work with the field's default depth and limit, selecting
 * every scalar two levels down. Its floor is cypher/graph/neighbourhood.cypher with the
 * parameters src/graph/subgraph.ts gives it, when both exist. Null when there is no such field.
 */
export async function graphQuery(schema: GraphQLSchema): Promise<{ query: BenchQuery | null; note: string }> {
  const field = schema.getQueryType()?.getFields().graph;
  if (!field) return { query: null, note: 'skipped: the schema has no `graph` field' };
  const center = field.args.find((arg) => arg.name === 'center');
  const required = field.args.filter((arg) => arg.name !== 'center' && isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (!center || required.length > 0) return { query: null, note: 'skipped: `graph` takes arguments the benchmark cannot fill' };
  const centerIsList = isListType(getNullableType(center.type));
  const defaults = Object.fromEntries(field.args.map((arg) => [arg.name, arg.defaultValue]));
  const selection = selectionOf(getNamedType(field.type), 2);
  const body = (id: string) =>
    gql(`query Graph($center: ${String(center.type)}) { graph(center: $center) ${selection} }`, { center: centerIsList ? [id] : id });

  let floor: BenchQuery['floor'] = null;
  let note = `center: one work, depth ${String(defaults.depth ?? 'default')}, limit ${String(defaults.limit ?? 'default')}`;
  try {
    const graph = (await import(path.join(projectRoot, 'src/graph/subgraph.ts'))) as {
      graphNodeTypes?: string[];
      graphRelationships?: string[];
    };
    const text = cypher('graph/neighbourhood');
    if (graph.graphNodeTypes && graph.graphRelationships) {
      const params = {
        labels: [...graph.graphNodeTypes],
        relationships: [...graph.graphRelationships],
        limit: defaults.limit ?? 300,
        depth: defaults.depth ?? 1,
      };
      floor = { kind: 'the same statement', request: (input) => ({ text, params: { ...params, center: [input as string] } }) };
    }
  } catch {
    note += '; no floor (cypher/graph/neighbourhood.cypher or src/graph/subgraph.ts not found)';
  }
  return {
    query: {
      name: 'graph',
      what: 'the neighbourhood subgraph of one work',
      inputs: (s) => s.works,
      ours: (input) => body(input as string),
      floor,
    },
    note,
  };
}

/** A selection set of every field without required arguments, `depth` object levels down. */
function selectionOf(type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type) || isInterfaceType(type)) return '{ __typename }';
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields())
    .filter((f) => !f.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined))
    .flatMap((f) => {
      const named = getNamedType(f.type);
      if (isObjectType(named) || isUnionType(named) || isInterfaceType(named))
        return depth > 1 ? [`${f.name} ${selectionOf(named, depth - 1)}`] : [];
      return [f.name];
    });
  return `{ ${fields.join(' ')} }`;
}
