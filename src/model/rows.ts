/**
 * The shapes of what the statements in cypher/ return and the API shows: plain objects, made
 * once from the driver's values at the repository boundary (src/db/values.ts). Each object type
 * of the schema is backed by one of these (Pothos' objectRef<Shape>).
 */
import type { ReasonKind } from './vocabulary.js';
/** A value as the statements return it once converted: what JSON can hold. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export type Row = Record<string, Plain>;

/** A node as the API sees it: its properties, and its kind in __type. */
export type Entity = Row & { id: string; __type: string };
export interface Source {
  document: string | null;
  line: number | null;
  quote: string;
  url?: string | null;
}

/** A code repository, demo or site a work links to, with the line of the notes that gives it. */
export interface WorkLink {
  url: string;
  kind: string;
  label?: string | null;
  asWritten: string;
  corrected: boolean;
  source: Source;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface TalkPlacement {
  day: Entity | null;
  session: Entity | null;
  parent: Entity | null;
  presents: Entity | null;
  sections: Entity[];
}

export interface ConceptLink {
  concept: Entity;
  source: Source;
}

export interface Contribution {
  person: Entity;
  role: string;
  origin: string;
  source: Source | null;
}

export interface ReferenceEdge {
  type: string;
  from: string;
  to: string;
  /** The work at the other end. */
  work: Entity;
  source: Source | null;
}

export interface ConceptRelations {
  broader: Entity[];
  narrower: Entity[];
  related: Entity[];
}

export interface TrailStep {
  depth: number;
  work: Entity;
  /** The edge that leads to this work from the step before. */
  reference: Omit<ReferenceEdge, 'work'>;
  /** The ids along the way, from the start. */
  route: string[];
}

export interface GraphPath {
  nodes: Entity[];
  edges: { type: string; from: string; to: string; source: ReferenceEdge['source'] }[];
}

export interface Reason {
  kind: ReasonKind;
  weight: number;
  /** The seed work this reason relates the result to (relatedWork only). */
  seed: string | null;
  /** For reference edges: OUT when the seed points at the result, IN when the result points at the seed. */
  direction: 'OUT' | 'IN' | null;
  /** The nodes the reason goes through: the shared concept, person, session, ... */
  via: Entity[];
  source: Source | null;
}

export interface RankedWork {
  work: Entity;
  score: number;
  reasons: Reason[];
}
