/**
 * The explorer's GraphQL documents, each beside the shape of its answer. Every exported string of
 * this file is a document: tests/unit/explorer-documents.test.ts validates each against the schema.
 */
import type { GraphEdge as SubgraphEdge } from '../../graph/subgraph.js';
import type { Labelled } from '../../model/rows.js';

const SOURCE = 'source { line quote document record field origin foundBy confidence }';
const REASONS = `score work { slug title kind } reasons { kind weight description ${SOURCE} }`;

export const SEARCH_QUERY = `query Search($query: String!) {
  search(query: $query, first: 25) { totalCount edges { score node {
    __typename
    ... on Talk { slug title kind day { number } }
    ... on Paper { slug title year }
    ... on Concept { slug name }
    ... on Person { slug name }
  } } } }`;

export const GRAPH_QUERY = `query Neighbourhood($center: [ID!], $limit: Int) {
  graph(center: $center, depth: 1, limit: $limit) {
    totalNodes truncated
    nodes { id nodeId type label name kind day year }
    edges { id source target type label line quote }
  } }`;

export const WORK_QUERY = `query Work($id: ID!, $slug: ID!) {
  node(id: $id) {
    __typename
    ... on Work {
      slug title kind year ${SOURCE}
      people { slug name }
      conceptLinks { concept { slug name } ${SOURCE} }
      links { url kind label corrected asWritten ${SOURCE} }
      referencesOut { type work { slug title } ${SOURCE} }
      referencesIn { type work { slug title } ${SOURCE} }
    }
    ... on Talk { summary lines { from to } day { number title } session { title } presents { slug title } parent { slug title } }
    ... on Paper { venue arxiv url presentedAt { slug title } }
  }
  relatedWork(to: [$slug], first: 8) { ${REASONS} } }`;

export const CONCEPT_QUERY = `query Concept($id: ID!, $name: String!) {
  node(id: $id) { ... on Concept { slug name aliases definition broader { slug name } narrower { slug name } related { slug name } } }
  relatedToConcept(concept: $name, first: 8) { ${REASONS} } }`;

export const OTHER_QUERY = `query Other($id: ID!) {
  node(id: $id) {
    __typename
    ... on Person { name aliases affiliation works(first: 50) { totalCount edges { node { slug title kind } } } }
    ... on Session { title kind day { number title } talks { slug title kind } }
    ... on Day { number title sessions { title kind } talks { slug title kind } }
    ... on Event { name fullName location startDate endDate days { number title } }
  } }`;

export const PATH_QUERY = `query Path($from: ID!, $to: ID!, $maxLength: Int) {
  paths(from: $from, to: $to, maxLength: $maxLength, first: 1) { searchedUpTo canSearchFurther message paths {
    length
    nodes {
      __typename id
      ... on Talk { title kind } ... on Paper { title kind year } ... on Concept { name } ... on Person { name }
      ... on Session { title sessionKind: kind day { number } } ... on Day { number title } ... on Event { name }
    }
    edges { type fromId toId reason ${SOURCE} }
  } } }`;

// ---------------------------------------------------------------------------------------------
// The answers, as the documents above select them

/** Where the notes say something: a line and its quote. */
export interface Source {
  line: number | null;
  quote: string;
  document?: string | null;
  record?: string | null;
  field?: string | null;
  origin?: string | null;
  foundBy?: string | null;
  confidence?: number | null;
}

export interface Named {
  slug: string;
  name: string;
}

export interface Titled {
  slug: string;
  title: string;
}

export interface SearchData {
  search: {
    totalCount: number;
    edges: {
      score: number;
      node: {
        __typename: string;
        slug: string;
        title?: string;
        name?: string;
        kind?: string;
        day?: { number: number };
        year?: number | null;
      };
    }[];
  };
}

/** A node of the drawing, as `graph` gives it: `id` is the plain id, `nodeId` the global one. */
export interface GraphNode {
  id: string;
  nodeId: string;
  type: string;
  /** Tells nodes of the same name apart ("Wasserstein GAN · paper 2017"). */
  label: string;
  /** The title or name as stored. */
  name: string;
  kind: string | null;
  day: number | null;
  year: number | null;
}

/** An edge of the drawing, as `graph` gives it (the fields GRAPH_QUERY selects). */
export type GraphEdge = Omit<SubgraphEdge, 'weight'>;

export interface GraphData {
  graph: { totalNodes: number; truncated: boolean; nodes: GraphNode[]; edges: GraphEdge[] };
}

export interface Related {
  score: number;
  work: Titled & { kind: string };
  reasons: { kind: string; weight: number; description: string; source: Source | null }[];
}

interface Reference {
  type: string;
  work: Titled;
  source: Source | null;
}

/** A talk or a paper: the Work fields, and those of its own type (absent for the other). */
export interface Work extends Titled {
  __typename: string;
  kind: string;
  year: number | null;
  source: Source | null;
  people: Named[];
  conceptLinks: { concept: Named; source: Source }[];
  links: { url: string; kind: string; label: string | null; corrected: boolean; asWritten: string; source: Source }[];
  referencesOut: Reference[];
  referencesIn: Reference[];
  summary?: string;
  lines?: { from: number; to: number };
  day?: { number: number; title: string };
  session?: { title: string } | null;
  presents?: Titled | null;
  parent?: Titled | null;
  venue?: string | null;
  arxiv?: string | null;
  url?: string | null;
  presentedAt?: Titled[];
}

export interface WorkData {
  node: Work;
  relatedWork: Related[];
}

export interface Concept extends Named {
  aliases: string[];
  definition: string;
  broader: Named[];
  narrower: Named[];
  related: Named[];
}

export interface ConceptData {
  node: Concept;
  relatedToConcept: Related[];
}

interface Listed extends Titled {
  kind: string;
}

/** A person, session, day or event, told apart by `__typename`. */
export type Other =
  | {
      __typename: 'Person';
      name: string;
      aliases: string[];
      affiliation: string | null;
      works: { totalCount: number; edges: { node: Listed }[] };
    }
  | { __typename: 'Session'; title: string; kind: string; day: { number: number; title: string }; talks: Listed[] }
  | { __typename: 'Day'; number: number; title: string; sessions: { title: string; kind: string }[]; talks: Listed[] }
  | {
      __typename: 'Event';
      name: string;
      fullName: string | null;
      location: string | null;
      startDate: string | null;
      endDate: string | null;
      days: { number: number; title: string }[];
    }
  | { __typename: 'Talk' | 'Paper' | 'Concept' };

export interface OtherData {
  node: Other;
}

export interface PathData {
  paths: {
    searchedUpTo: number;
    canSearchFurther: boolean;
    message: string | null;
    paths: {
      length: number;
      nodes: {
        /** A path's nodes are Nodes: a talk, paper, concept, person, session, day or event. */
        __typename: Labelled['__type'];
        id: string;
        title?: string;
        name?: string;
        kind?: string;
        sessionKind?: string;
        year?: number | null;
        number?: number;
        day?: { number: number };
      }[];
      edges: { type: string; fromId: string; toId: string; reason: string; source: Source | null }[];
    }[];
  };
}
