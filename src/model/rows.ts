/**
 * The shapes of what the statements in cypher/ return and the API shows: plain objects, made
 * once from the driver's values at the repository boundary (src/db/values.ts). Each object type
 * of the schema is backed by one of these (Pothos' objectRef<Shape>).
 */
import type {
  LinkKind,
  Origin,
  PaperKind,
  PathRelationshipType,
  PersonRole,
  ReasonKind,
  ReferenceType,
  SessionKind,
  TalkKind,
} from './vocabulary.js';
/** A value as the statements return it once converted: what JSON can hold. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export type Row = Record<string, Plain>;

/**
 * The nodes as the API sees them: their properties, and their kind in __type. The statements
 * return every property of a node (`n {.*, __type: ...}`); these name the ones the API reads.
 */
interface Node<T extends string> {
  __type: T;
  id: string;
  /** Incremented by every write (curation, import, re-seed); absent on a node not written since versions came. */
  version?: number;
  /** Where the notes give it (nodes read from a pack's document). */
  sourceDocument?: string;
  sourceLine?: number;
  sourceQuote?: string;
  /** For a node an import brought: the record and field its name or title comes from. */
  sourceRecord?: string;
  sourceField?: string;
  /** The lowercased names and aliases it is looked up by, where a statement returns them. */
  keys?: string[];
  /** For works: the abstract (from an import) and the names of their concepts, for search by meaning. */
  abstract?: string;
  conceptText?: string;
}

export interface TalkNode extends Node<'Talk'> {
  title: string;
  kind: TalkKind;
  order: number;
  dayNumber: number;
  lineFrom: number;
  lineTo: number;
  summary: string;
  /** False when the notes give the talk no heading and the curators wrote its title. */
  titleInSource?: boolean;
  year?: number;
}

export interface PaperNode extends Node<'Paper'> {
  title: string;
  /** PAPER, or BOOK, SOFTWARE, THREAD for other works the notes suggest reading; absent: PAPER. */
  kind?: PaperKind;
  /** The title exactly as the notes write it, where it differs from the record's. */
  titleAsWritten?: string;
  /** How the notes cite it, where that differs from the record. */
  citedAs?: string;
  /** Why there is no identifier to open it by. */
  noRecord?: string;
  year?: number;
  venue?: string;
  arxiv?: string;
  doi?: string;
  /** Identifiers an import brought: OpenAlex, Semantic Scholar, DBLP. */
  openalex?: string;
  s2?: string;
  dblp?: string;
  url?: string;
  /** The fields taken from the public record rather than the notes. */
  publicRecord?: string[];
  /** Fields a curator set (src/ingest/curated.ts). */
  curatedFields?: string[];
  /** Fields an import filled: "<import>\t<field>\t<file>\t<record>\t<line>\t<source field>". */
  provenance?: string[];
  /** Values records gave for fields the paper has otherwise: "<import>\t<field>\t<value>\t<file>\t<record>\t<line>\t<source field>". */
  disagreements?: string[];
}

export interface ConceptNode extends Node<'Concept'> {
  name: string;
  aliases?: string[];
  definition: string;
}

export interface PersonNode extends Node<'Person'> {
  name: string;
  aliases?: string[];
  affiliation?: string;
}

export interface SessionNode extends Node<'Session'> {
  title: string;
  kind: SessionKind;
  order: number;
  dayNumber: number;
}

export interface DayNode extends Node<'Day'> {
  number: number;
  title: string;
}

export interface EventNode extends Node<'Event'> {
  name: string;
  fullName?: string;
  location?: string;
  startDate?: string;
  endDate?: string;
}

export interface LinkNode extends Node<'Link'> {
  url: string;
  kind: LinkKind;
  label?: string;
}

export interface DocumentNode extends Node<'Document'> {
  title: string;
  file: string;
}

export type WorkNode = TalkNode | PaperNode;
/** What search finds. */
export type SearchableNode = TalkNode | PaperNode | ConceptNode | PersonNode;

/** What a node is called: a work's or session's title, a concept's, person's or event's name, a day's title, a link's address. */
export function nameOf(node: Entity): string {
  switch (node.__type) {
    case 'Concept':
    case 'Person':
    case 'Event':
      return node.name;
    case 'Link':
      return node.url;
    default:
      return node.title;
  }
}
/** The words for a kind of talk, paper or session in a label ("invited talk", "book"). */
const kindWords: Record<string, string | undefined> = {
  TUTORIAL: 'tutorial',
  TALK: 'talk',
  INVITED_TALK: 'invited talk',
  WORKSHOP_TALK: 'workshop talk',
  PANEL: 'panel',
  SECTION: 'section',
  PAPER: 'paper',
  BOOK: 'book',
  SOFTWARE: 'software',
  THREAD: 'thread',
  SESSION: 'session',
  WORKSHOP: 'workshop',
} satisfies Record<TalkKind | PaperKind | SessionKind, string>;

/** What labelOf needs of a node: its kind in __type and the fields that name it. */
export type Labelled = Pick<Entity, '__type'> & {
  title?: string;
  name?: string;
  url?: string;
  kind?: string | null;
  year?: number | null;
  number?: number;
  dayNumber?: number;
};

/**
 * A label that tells nodes apart where their names are the same: "Wasserstein GAN · talk",
 * "Wasserstein GAN · paper 2017", "Wasserstein GAN · concept", "Day 2 · Conference",
 * "Deep generative models 2 · session, day 2". People, events and links keep their names.
 * The `graph` query, the exports and the explorer draw it; `name`/`title` fields stay as they are.
 */
export function labelOf(node: Labelled): string {
  const kind = node.kind ? (kindWords[node.kind] ?? node.kind.toLowerCase()) : null;
  switch (node.__type) {
    case 'Day':
      return `Day ${node.number} · ${node.title}`;
    case 'Talk':
      return `${node.title} · ${kind ?? 'talk'}`;
    case 'Paper':
      return `${node.title} · ${kind ?? 'paper'}${node.year ? ` ${node.year}` : ''}`;
    case 'Concept':
      return `${node.name} · concept`;
    case 'Session':
      return `${node.title} · ${kind ?? 'session'}${node.dayNumber ? `, day ${node.dayNumber}` : ''}`;
    case 'Link':
      return node.url ?? '';
    default:
      return node.name ?? node.title ?? '';
  }
}
/** Any node of the graph; `__type` tells which. */
export type Entity = WorkNode | ConceptNode | PersonNode | SessionNode | DayNode | EventNode | LinkNode | DocumentNode;
export interface Source {
  document: string | null;
  line: number | null;
  quote: string;
  url?: string | null;
  /** For a fact imported from a bibliographic record: the record's id in its file, and the field. */
  record?: string | null;
  field?: string | null;
  /** AUTOMATIC (found by an import in a title or abstract) or PUBLIC_RECORD; absent for the notes and curators. */
  origin?: string | null;
  confidence?: number | null;
  /** For an AUTOMATIC concept link: WORDS or MEANING (absent on links imported before there were two). */
  matchedBy?: string | null;
}

/** A code repository, demo or site a work links to, with the line of the notes that gives it. */
export interface WorkLink {
  url: string;
  kind: LinkKind;
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
  day: DayNode | null;
  session: SessionNode | null;
  parent: TalkNode | null;
  presents: PaperNode | null;
  sections: TalkNode[];
}

export interface ConceptLink {
  concept: ConceptNode;
  source: Source;
}

export interface Contribution {
  person: PersonNode;
  role: PersonRole;
  origin: Origin;
  source: Source | null;
}

export interface ReferenceEdge {
  type: ReferenceType;
  from: string;
  to: string;
  /** The work at the other end. */
  work: WorkNode;
  source: Source | null;
}

export interface ConceptRelations {
  broader: ConceptNode[];
  narrower: ConceptNode[];
  related: ConceptNode[];
}

export interface TrailStep {
  depth: number;
  work: WorkNode;
  /** The edge that leads to this work from the step before. */
  reference: Omit<ReferenceEdge, 'work'>;
  /** The ids along the way, from the start. */
  route: string[];
  /** The work the edge leaves. */
  fromWork: WorkNode;
  /** The works the notes lead to from this one (or from its talk or paper), on the trail or not. */
  next: string[];
}

/** One step of a path: a relationship in its stored direction, what it costs and what it means. */
export interface PathStep {
  type: PathRelationshipType;
  from: string;
  to: string;
  /** For CONTRIBUTED_TO: the person's role. */
  role: string | null;
  source: Source | null;
  /** What the step adds to the path's cost (pathStepCosts). */
  cost: number;
  /** The step in a sentence. */
  reason: string;
}

export interface GraphPath {
  /** The sum of the steps' costs, plus pathPanelCost for each panel passed through: lower explains more. */
  cost: number;
  nodes: Entity[];
  edges: PathStep[];
}

export interface Reason {
  kind: ReasonKind;
  weight: number;
  /** The seed work this reason relates the result to (relatedWork only). */
  seed: string | null;
  /** For reference edges: OUT when the seed points at the result, IN when the result points at the seed. */
  direction: 'OUT' | 'IN' | null;
  /** The nodes the reason goes through: the shared concept, person, session, ... */
  via: (ConceptNode | PersonNode | SessionNode | WorkNode)[];
  source: Source | null;
}

export interface RankedWork {
  work: WorkNode;
  score: number;
  /** The sums of the weights of its stated and of its inferred reasons (src/model/vocabulary.ts scoreTuning). */
  stated: number;
  inferred: number;
  /** Strongest first. */
  reasons: Reason[];
}
