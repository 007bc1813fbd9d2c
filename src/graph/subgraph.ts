/**
 * Subgraphs for visualisation clients and exports: a flat list of nodes and edges, the shape
 * Cytoscape.js, sigma/graphology, vis-network and D3 take with a one-line mapping.
 */
import type { Database } from '../db/database.js';
import { type Entity, nameOf } from '../model/rows.js';
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

export interface GraphNode {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  year: number | null;
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
  nodes: Entity[];
  edges: { source: string; target: string; type: string; role?: string; line?: number; quote?: string }[];
  totalNodes: number;
  totalEdges: number;
}

function toGraphNode(node: Entity): GraphNode {
  return {
    id: node.id,
    label: nameOf(node),
    type: node.__type,
    kind: 'kind' in node ? (node.kind ?? null) : null,
    year: 'year' in node ? (node.year ?? null) : null,
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
