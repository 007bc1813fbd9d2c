/**
 * Downloads of the whole graph or of a neighbourhood, for desktop tools:
 *   GET /export/graph.graphml     GraphML (Gephi, yEd, Cytoscape desktop)
 *   GET /export/graph.cyjs        Cytoscape.js JSON (cytoscape, Cytoscape desktop "Import Network from File")
 * Query parameters: center (repeatable or comma-separated; each as the `graph` query's center
 * takes it: any node by id, a person by name, a concept by name or free text; one that names
 * nothing is a 404 with the query's NOT_FOUND message and extensions), depth (0-3), limit
 * (1-20000), types and relationships (comma-separated, as in the `graph` query, in any letter case).
 */
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { Embedder } from '../embed/embedder.js';
import { DomainError } from '../errors.js';
import { type GraphEdge, type GraphNode, graphNodeTypes, graphRelationships, type Subgraph, subgraph } from '../graph/subgraph.js';
import { nodesOrConcepts } from '../schema/resolve.js';

/** A comma-separated list of enum values, in any letter case (`concept`, `CONCEPT`, `Concept`). */
const list = <T extends readonly [string, ...string[]]>(values: T, normalise: (value: string) => string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => normalise(v.trim()))
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)))
    .optional();

const typeByLowercase = new Map(graphNodeTypes.map((t) => [t.toLowerCase(), t]));

const exportParams = z.strictObject({
  center: z.array(z.string().min(1).max(300)).max(50).optional(),
  depth: z.coerce.number().int().min(0).max(3).default(1),
  limit: z.coerce.number().int().min(1).max(20000).default(20000),
  types: list(graphNodeTypes, (v) => typeByLowercase.get(v.toLowerCase()) ?? v),
  relationships: list(graphRelationships, (v) => v.toUpperCase()),
});

function readParams(url: URL) {
  const center = url.searchParams
    .getAll('center')
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter(Boolean);
  const raw: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) if (key !== 'center') raw[key] = value;
  if (center.length) raw.center = center;
  return exportParams.safeParse(raw);
}

/** The plain ids of the centres, resolved as the graph query resolves them; null after answering a refusal. */
async function centreIds(db: Database, embedder: Embedder | null, center: string[] | undefined, refuse: (response: Response) => void) {
  if (!center) return undefined;
  try {
    return (await nodesOrConcepts(db, embedder, 'center', center)).ids;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refuse(Response.json({ error: error.message, ...error.extensions }, { status: error.code === 'NOT_FOUND' ? 404 : 400 }));
    return null;
  }
}

export function useGraphExports(db: Database, embedder: Embedder | null): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || !url.pathname.startsWith('/export/')) return;
      const format = url.pathname.slice('/export/'.length);
      if (format !== 'graph.graphml' && format !== 'graph.cyjs') {
        endResponse(new fetchAPI.Response('Unknown export; use /export/graph.graphml or /export/graph.cyjs\n', { status: 404 }));
        return;
      }
      const params = readParams(url);
      if (!params.success) {
        const message = params.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
        endResponse(Response.json({ error: `Invalid export parameters: ${message}` }, { status: 400 }));
        return;
      }
      const { depth, limit, types, relationships } = params.data;
      const center = await centreIds(db, embedder, params.data.center, endResponse);
      if (center === null) return;
      const graph = await subgraph(db, {
        center,
        depth,
        limit,
        types,
        relationships,
      });
      const name = center?.length ? `icml-graph-${center[0]!.replace(/[^a-z0-9-]/gi, '')}` : 'icml-graph';
      endResponse(
        format === 'graph.graphml'
          ? new fetchAPI.Response(toGraphML(graph), {
              headers: {
                'content-type': 'application/graphml+xml; charset=utf-8',
                'content-disposition': `attachment; filename="${name}.graphml"`,
              },
            })
          : new fetchAPI.Response(JSON.stringify(toCytoscapeJson(graph)), {
              headers: {
                'content-type': 'application/json; charset=utf-8',
                'content-disposition': `attachment; filename="${name}.cyjs"`,
              },
            }),
      );
    },
  };
}

/** A GraphML attribute type; the Cytoscape JSON gives int and double values as JSON numbers. */
type AttributeType = 'string' | 'int' | 'double';

/**
 * The attributes of nodes and edges the exports carry, with their types, so Gephi, networkx and
 * Cytoscape read day and year as numbers. A value that does not apply (null) is left out.
 */
export const nodeAttributes = [
  ['label', 'string'],
  ['name', 'string'],
  ['type', 'string'],
  ['kind', 'string'],
  ['day', 'int'],
  ['session', 'string'],
  ['year', 'int'],
  ['summary', 'string'],
  ['definition', 'string'],
  ['url', 'string'],
  ['arxiv', 'string'],
  ['doi', 'string'],
] as const satisfies readonly (readonly [keyof GraphNode, AttributeType])[];
export const edgeAttributes = [
  ['type', 'string'],
  ['label', 'string'],
  ['weight', 'double'],
  ['line', 'int'],
  ['quote', 'string'],
] as const satisfies readonly (readonly [keyof GraphEdge, AttributeType])[];

/** The attributes of `element` named in `attributes` that have a value, in their order. */
function present<T>(attributes: readonly (readonly [keyof T, AttributeType])[], element: T): [string, string | number][] {
  return attributes.flatMap(([key]) => {
    const value = element[key];
    return typeof value === 'string' || typeof value === 'number' ? [[String(key), value]] : [];
  });
}

/** Cytoscape.js elements JSON: what `cytoscape({ elements })` and `cy.json()` use. */
export function toCytoscapeJson(graph: Subgraph) {
  return {
    data: { name: 'ICML 2017 knowledge graph', truncated: graph.truncated, totalNodes: graph.totalNodes, totalEdges: graph.totalEdges },
    elements: {
      nodes: graph.nodes.map((n) => ({ data: { id: n.id, ...Object.fromEntries(present(nodeAttributes, n)) } })),
      edges: graph.edges.map((e) => ({
        data: { id: e.id, source: e.source, target: e.target, ...Object.fromEntries(present(edgeAttributes, e)) },
      })),
    },
  };
}

const xml = (value: unknown) =>
  String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 does not allow.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** GraphML 1.0 with typed attribute keys (`attr.type`), directed edges. */
export function toGraphML(graph: Subgraph): string {
  const data = (values: [string, string | number][], prefix: string) =>
    values.map(([key, value]) => `<data key="${prefix}_${key}">${xml(value)}</data>`).join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeAttributes.map(([key, type]) => `  <key id="n_${key}" for="node" attr.name="${key}" attr.type="${type}"/>`),
    ...edgeAttributes.map(([key, type]) => `  <key id="e_${key}" for="edge" attr.name="${key}" attr.type="${type}"/>`),
    '  <graph id="icml" edgedefault="directed">',
    ...graph.nodes.map((n) => `    <node id="${xml(n.id)}">${data(present(nodeAttributes, n), 'n')}</node>`),
    ...graph.edges.map(
      (e) =>
        `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${data(present(edgeAttributes, e), 'e')}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ];
  return lines.join('\n');
}
