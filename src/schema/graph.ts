/** The `graph` query: a flat subgraph (nodes and edges) for visualisation clients. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { graphNodeTypes, graphRelationships, subgraph, type GraphEdge, type GraphNode, type Subgraph } from '../db/graph.js';
import { builder } from './builder.js';
import { ANY_NODE, resolveIds } from './resolve.js';
import { graphDepth, graphLimit, idList } from './validation.js';

const GraphNodeTypeEnum = builder.enumType('GraphNodeType', {
  values: Object.fromEntries(graphNodeTypes.map((t) => [t.toUpperCase(), { value: t }])) as Record<string, { value: string }>,
});
const GraphRelationshipEnum = builder.enumType('GraphRelationship', { values: graphRelationships });

const GraphNodeRef = builder.objectRef<GraphNode>('GraphNode').implement({
  description: 'A node of a subgraph. `id` is the plain id; `nodeId` the Relay global id for node(id).',
  fields: (t) => ({
    id: t.exposeID('id'),
    nodeId: t.id({ resolve: (n) => (n.type === 'Link' ? n.id : encodeGlobalID(n.type, n.id)) }),
    label: t.exposeString('label', { description: 'A title or name to draw.' }),
    type: t.exposeString('type', { description: 'Talk, Paper, Concept, Person, Session, Day, Event or Link.' }),
    kind: t.exposeString('kind', { nullable: true, description: 'For talks and sessions: TUTORIAL, TALK, ... SESSION, WORKSHOP.' }),
    year: t.exposeInt('year', { nullable: true }),
    day: t.int({ nullable: true, description: 'For talks and sessions: the day number.', resolve: (n) => (n.properties.dayNumber as number | undefined) ?? null }),
  }),
});

const GraphEdgeRef = builder.objectRef<GraphEdge>('GraphEdge').implement({
  description: 'A relationship of a subgraph, from `source` to `target` (plain ids).',
  fields: (t) => ({
    id: t.exposeID('id'),
    source: t.exposeID('source'),
    target: t.exposeID('target'),
    type: t.exposeString('type'),
    label: t.exposeString('label'),
    weight: t.exposeFloat('weight', { description: 'How strongly it relates the two ends (reference edges weigh most).' }),
    line: t.exposeInt('line', { nullable: true, description: 'The line of the notes behind it, where there is one.' }),
    quote: t.exposeString('quote', { nullable: true }),
  }),
});

const SubgraphRef = builder.objectRef<Subgraph>('Subgraph').implement({
  fields: (t) => ({
    nodes: t.field({ type: [GraphNodeRef], resolve: (g) => g.nodes }),
    edges: t.field({ type: [GraphEdgeRef], resolve: (g) => g.edges }),
    truncated: t.exposeBoolean('truncated', { description: 'True when `limit` left nodes or edges out.' }),
    totalNodes: t.exposeInt('totalNodes', { description: 'Nodes within reach before the limit.' }),
    totalEdges: t.exposeInt('totalEdges', { description: 'Edges among them before the limit.' }),
  }),
});

builder.queryField('graph', (t) =>
  t.field({
    type: SubgraphRef,
    description:
      'A flat subgraph: the neighbourhood of `center` up to `depth` steps, or without `center` the whole graph ' +
      '(most connected nodes first), at most `limit` nodes, of the given node types and relationships.',
    args: {
      center: t.arg.idList({ required: false, validate: idList.nullish() }),
      depth: t.arg.int({ required: false, defaultValue: 1, validate: graphDepth }),
      limit: t.arg.int({ required: false, defaultValue: 300, validate: graphLimit }),
      types: t.arg({ type: [GraphNodeTypeEnum], required: false }),
      relationships: t.arg({ type: [GraphRelationshipEnum], required: false }),
    },
    resolve: async (_root, args, { db }) =>
      subgraph(db, {
        center: args.center ? await resolveIds(db, 'center', args.center.map(String), ANY_NODE) : undefined,
        depth: args.depth ?? 1,
        limit: args.limit ?? 300,
        types: args.types ?? undefined,
        relationships: args.relationships ?? undefined,
      }),
  }),
);
