/**
 * Subgraphs for visualisation clients and exports: a flat list of nodes and edges, the shape
 * Cytoscape.js, sigma/graphology, vis-network and D3 take with a one-line mapping.
 */
import type { Database } from '../db/database.js';
import { type nodeTypes, referenceWeights, relationshipTypes } from '../model/vocabulary.js';
import type { Entity } from '../model/rows.js';

/** Node kinds a subgraph may hold, and the relationship types it may follow (a fixed allow-list). */
export const graphNodeTypes = ['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event', 'Link'] as const satisfies readonly (typeof nodeTypes)[number][];
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
    ? await db.read('graph/neighbourhood', { ...params, center: request.center, depth: request.depth ?? 1 })
    : await db.read('graph/whole', params);

  const nodes = ((row?.nodes as Entity[] | undefined) ?? []).map(toGraphNode);
  const kept = new Set(nodes.map((n) => n.id));
  const rawEdges = (row?.edges as Record<string, unknown>[] | undefined) ?? [];
  const edges = rawEdges.filter((e) => kept.has(e.target as string)).map(toGraphEdge);
  const totalNodes = (row?.totalNodes as number | undefined) ?? 0;
  const totalEdges = (row?.totalEdges as number | undefined) ?? 0;
  return { nodes, edges, totalNodes, totalEdges, truncated: nodes.length < totalNodes || edges.length < totalEdges };
}

function toGraphNode(node: Entity): GraphNode {
  return {
    id: node.id,
    label: String(node.title ?? node.name ?? node.url ?? node.id),
    type: node.__type,
    kind: (node.kind as string | undefined) ?? null,
    year: (node.year as number | undefined) ?? null,
    properties: node,
  };
}

function toGraphEdge(edge: Record<string, unknown>): GraphEdge {
  const type = edge.type as string;
  const role = edge.role as string | undefined;
  return {
    id: `${edge.source as string}|${type}|${edge.target as string}${role ? `|${role}` : ''}`,
    source: edge.source as string,
    target: edge.target as string,
    type,
    label: role ? role.toLowerCase() : type.toLowerCase().replace(/_/g, ' '),
    weight: edgeWeights[type] ?? 1,
    line: (edge.line as number | undefined) ?? null,
    quote: (edge.quote as string | undefined) ?? null,
  };
}
