/**
 * Subgraphs for visualisation clients and exports: a flat list of nodes and edges, the shape
 * Cytoscape.js, sigma/graphology, vis-network and D3 take with a one-line mapping.
 */
import type { Database } from '../db/database.js';
import { type Entity, labelOf, nameOf } from '../model/rows.js';
import { type nodeTypes, referenceWeights, relationshipTypes } from '../model/vocabulary.js';

/** Node kinds a subgraph may hold, and the relationship types it may follow (a fixed allow-list). */
export const graphNodeTypes = [
  'Talk',
  'Paper',
  'Concept',
  'Person',
  'Session',
  'Day',
  'Event',
  'Link',
] as const satisfies readonly (typeof nodeTypes)[number][];
export const graphRelationships = relationshipTypes;

/**
 * A node as visualisation clients and the exports see it: a label that tells it apart, and the
 * attributes a desktop tool (Gephi, Cytoscape) can filter and colour by, null where they do not apply.
 */
export interface GraphNode {
  id: string;
  /** Tells nodes of the same name apart: "Wasserstein GAN · paper 2017" (labelOf). */
  label: string;
  /** The title or name as stored. */
  name: string;
  type: string;
  kind: string | null;
  /** The day number: a talk's or session's, a day's own, or for a paper the day a talk presented it. */
  day: number | null;
  /** The title of the session a talk was given in (a section: its talk's; a paper: its talk's). */
  session: string | null;
  year: number | null;
  /** A talk's summary (or a paper's abstract, where an import gave one). */
  summary: string | null;
  /** A concept's definition. */
  definition: string | null;
  /** A paper's address, arXiv id and DOI. */
  url: string | null;
  arxiv: string | null;
  doi: string | null;
  properties: Entity;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  weight: number;
  line: number | null;
  quote: string | null;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  totalNodes: number;
  totalEdges: number;
  truncated: boolean;
}

export interface SubgraphRequest {
  /** Plain ids of the centre nodes; none: the whole graph. */
  center?: string[];
  depth?: number;
  limit?: number;
  types?: readonly string[];
  relationships?: readonly string[];
}

const edgeWeights: Record<string, number> = { ...referenceWeights, DISCUSSES: 1, CONTRIBUTED_TO: 1, PRESENTS: 3, PART_OF: 1 };

export async function subgraph(db: Database, request: SubgraphRequest): Promise<Subgraph> {
  const limit = request.limit ?? 300;
  const params = {
    labels: [...(request.types ?? graphNodeTypes)],
    relationships: [...(request.relationships ?? graphRelationships)],
    limit,
  };
  const [row] = request.center?.length
    ? await db.read<SubgraphRow>('graph/neighbourhood', { ...params, center: request.center, depth: request.depth ?? 1 })
    : await db.read<SubgraphRow>('graph/whole', params);

  const nodes = (row?.nodes ?? []).map(toGraphNode);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = (row?.edges ?? []).filter((e) => kept.has(e.target)).map(toGraphEdge);
  const totalNodes = row?.totalNodes ?? 0;
  const totalEdges = row?.totalEdges ?? 0;
  return { nodes, edges, totalNodes, totalEdges, truncated: nodes.length < totalNodes || edges.length < totalEdges };
}

/** What graph/neighbourhood and graph/whole return: the nodes, the edges among them, and the totals before the limit. */
interface SubgraphRow {
  nodes: (Entity & { placedIn: { title: string; dayNumber: number | null } | null })[];
  edges: { source: string; target: string; type: string; role?: string; line?: number; quote?: string }[];
  totalNodes: number;
  totalEdges: number;
}

function toGraphNode({ placedIn, ...node }: SubgraphRow['nodes'][number]): GraphNode {
  const day =
    node.__type === 'Day' ? node.number : node.__type === 'Talk' || node.__type === 'Session' ? node.dayNumber : placedIn?.dayNumber;
  return {
    id: node.id,
    label: labelOf(node),
    name: nameOf(node),
    type: node.__type,
    kind: 'kind' in node ? (node.kind ?? null) : null,
    day: day ?? null,
    session: placedIn?.title ?? null,
    year: 'year' in node ? (node.year ?? null) : null,
    summary: 'summary' in node ? node.summary : (node.abstract ?? null),
    definition: node.__type === 'Concept' ? node.definition : null,
    url: node.__type === 'Paper' ? (node.url ?? null) : null,
    arxiv: node.__type === 'Paper' ? (node.arxiv ?? null) : null,
    doi: node.__type === 'Paper' ? (node.doi ?? null) : null,
    properties: node,
  };
}

function toGraphEdge(edge: SubgraphRow['edges'][number]): GraphEdge {
  const { type, role } = edge;
  return {
    id: `${edge.source}|${type}|${edge.target}${role ? `|${role}` : ''}`,
    source: edge.source,
    target: edge.target,
    type,
    label: role ? role.toLowerCase() : type.toLowerCase().replace(/_/g, ' '),
    weight: edgeWeights[type] ?? 1,
    line: edge.line ?? null,
    quote: edge.quote ?? null,
  };
}
