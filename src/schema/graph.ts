/** The `graph` query: a flat subgraph (nodes and edges) for visualisation clients. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { ResolvedConcept } from '../embed/resolve-concept.js';
import { type GraphEdge, type GraphNode, graphNodeTypes, graphRelationships, type Subgraph, subgraph } from '../graph/subgraph.js';
import { builder } from './builder.js';
import { describedValues } from './described.js';
import { nodesOrConcepts } from './resolve.js';
import { CONCEPT_TEXT, ResolvedConceptRef } from './resolved-concept.js';
import { graphDepth, graphLimit, idList } from './validation.js';

const nodeTypeDescriptions: Record<(typeof graphNodeTypes)[number], string> = {
  Talk: 'Talks, tutorials, panels and sections.',
  Paper: 'Papers.',
  Concept: 'Concepts.',
  Person: 'People.',
  Session: 'Sessions and workshops.',
  Day: 'Days of an event.',
  Event: 'Events (conferences).',
  Link: 'Code, demo and site links.',
};
const GraphNodeTypeEnum = builder.enumType('GraphNodeType', {
  description: 'A kind of node a subgraph may hold.',
  values: Object.fromEntries(graphNodeTypes.map((t) => [t.toUpperCase(), { value: t, description: nodeTypeDescriptions[t] }])),
});
const GraphRelationshipEnum = builder.enumType('GraphRelationship', {
  description: 'A kind of relationship a subgraph may follow, from its source node to its target.',
  values: describedValues(graphRelationships, {
    DISCUSSES: 'A talk or paper discusses a concept.',
    BROADER: 'A concept to a more general one.',
    RELATED_TO: 'A concept to a related one.',
    FOLLOW_UP_READ: 'The notes suggest the target paper as reading after the source work.',
    RELATED: 'The notes name the target paper as related work of the source.',
    SEE_ALSO: 'The notes point from the source to the target paper for more.',
    BUILDS_ON: 'The source work builds on the target paper.',
    CITES: 'The source work cites the target paper.',
    PRESENTS: 'A talk presents a paper.',
    CONTRIBUTED_TO: 'A person spoke at, wrote, sat on or organised a work, or is mentioned in it (the edge label says which).',
    PART_OF: 'A section is part of a talk.',
    IN_SESSION: 'A talk is given in a session.',
    ON_DAY: 'A talk is given on a day.',
    HAS_SESSION: 'A day holds a session.',
    HAS_DAY: 'An event holds a day.',
    HAS_LINK: 'A talk or paper has a code, demo or site link.',
  }),
});

const GraphNodeRef = builder.objectRef<GraphNode>('GraphNode').implement({
  description: 'A node of a subgraph. `id` is the plain id; `nodeId` the Relay global id for node(id).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The plain id (for a link, its URL); edges name their ends by it.' }),
    nodeId: t.id({
      description: 'The global id, for `node(id)` and the other queries; for a link, its URL.',
      resolve: (n) => (n.type === 'Link' ? n.id : encodeGlobalID(n.type, n.id)),
    }),
    label: t.exposeString('label', {
      description:
        'A label to draw that tells nodes of the same name apart: "Wasserstein GAN · talk", "Wasserstein GAN · paper 2017", ' +
        '"Wasserstein GAN · concept", "Day 2 · Conference". People, events and links keep their names.',
    }),
    name: t.exposeString('name', { description: 'The title or name as stored (a link: its URL).' }),
    type: t.exposeString('type', { description: 'Talk, Paper, Concept, Person, Session, Day, Event or Link.' }),
    kind: t.exposeString('kind', {
      nullable: true,
      description: 'For talks, papers and sessions: TUTORIAL, TALK, ... PAPER, BOOK, ... SESSION, WORKSHOP.',
    }),
    year: t.exposeInt('year', { nullable: true, description: 'For talks and papers: the year, where known.' }),
    day: t.exposeInt('day', {
      nullable: true,
      description: "The day number: a talk's or session's, a day's own, or for a paper the day a talk presented it.",
    }),
    session: t.exposeString('session', {
      nullable: true,
      description: "The title of the session a talk was given in (a section: its talk's; a paper: the session of a talk presenting it).",
    }),
    summary: t.exposeString('summary', {
      nullable: true,
      description: "A talk's summary, or a paper's abstract where an import gave one.",
    }),
    definition: t.exposeString('definition', { nullable: true, description: "A concept's definition." }),
    url: t.exposeString('url', { nullable: true, description: "A paper's address." }),
    arxiv: t.exposeString('arxiv', { nullable: true, description: "A paper's arXiv id." }),
    doi: t.exposeString('doi', { nullable: true, description: "A paper's DOI." }),
  }),
});

const GraphEdgeRef = builder.objectRef<GraphEdge>('GraphEdge').implement({
  description: 'A relationship of a subgraph, from `source` to `target` (plain ids).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'An id for the edge, unique within the subgraph.' }),
    source: t.exposeID('source', { description: 'The plain id of the node the edge leaves.' }),
    target: t.exposeID('target', { description: 'The plain id of the node the edge reaches.' }),
    type: t.exposeString('type', { description: 'The relationship type, as in GraphRelationship (DISCUSSES, CITES, ...).' }),
    label: t.exposeString('label', {
      description: 'A short label to draw: the role for CONTRIBUTED_TO ("speaker"), else the type in words ("follow up read").',
    }),
    weight: t.exposeFloat('weight', { description: 'How strongly it relates the two ends (reference edges weigh most).' }),
    line: t.exposeInt('line', { nullable: true, description: 'The line of the notes behind it, where there is one.' }),
    quote: t.exposeString('quote', { nullable: true, description: 'The words of the notes behind it, where there are any.' }),
  }),
});

const SubgraphRef = builder.objectRef<Subgraph & { resolvedConcepts?: ResolvedConcept[] }>('Subgraph').implement({
  description: 'Nodes and edges as flat lists, the shape Cytoscape.js, sigma, vis-network and D3 take.',
  fields: (t) => ({
    nodes: t.field({
      type: [GraphNodeRef],
      description: 'The nodes, at most `limit`: with `center`, the nearest first; without, the most connected first.',
      resolve: (g) => g.nodes,
    }),
    edges: t.field({
      type: [GraphEdgeRef],
      description: 'The relationships among the nodes returned, of the types asked for.',
      resolve: (g) => g.edges,
    }),
    truncated: t.exposeBoolean('truncated', { description: 'True when `limit` left nodes or edges out.' }),
    totalNodes: t.exposeInt('totalNodes', { description: 'Nodes within reach before the limit.' }),
    totalEdges: t.exposeInt('totalEdges', { description: 'Edges among them before the limit.' }),
    resolvedConcepts: t.field({
      type: [ResolvedConceptRef],
      description:
        'The concepts `center` named, and how each was taken (by id, name, alias, close spelling or meaning); a text ' +
        'may stand for several concepts, all of them centres. Empty without `center`.',
      resolve: (g) => g.resolvedConcepts ?? [],
    }),
  }),
});

builder.queryField('graph', (t) =>
  t.field({
    type: SubgraphRef,
    description:
      'A flat subgraph: the neighbourhood of `center` up to `depth` steps, or without `center` the whole graph ' +
      '(most connected nodes first), at most `limit` nodes, of the given node types and relationships.',
    args: {
      center: t.arg.idList({
        required: false,
        description:
          'The nodes to start from, at most 50: any node by global or plain id, a person by name or alias, or ' +
          `${CONCEPT_TEXT} (see \`resolvedConcepts\`). None: the whole graph.`,
        validate: idList.nullish(),
      }),
      depth: t.arg.int({ required: false, defaultValue: 1, description: 'How many steps from the centres, 0 to 3.', validate: graphDepth }),
      limit: t.arg.int({
        required: false,
        defaultValue: 300,
        description: 'The most nodes to return, 1 to 2000; `truncated` says when some were left out.',
        validate: graphLimit,
      }),
      types: t.arg({ type: [GraphNodeTypeEnum], required: false, description: 'Only nodes of these kinds (default: all).' }),
      relationships: t.arg({ type: [GraphRelationshipEnum], required: false, description: 'Only these relationships (default: all).' }),
    },
    resolve: async (_root, args, { db, embedder }) => {
      const center = args.center ? await nodesOrConcepts(db, embedder, 'center', args.center.map(String)) : null;
      const graph = await subgraph(db, {
        center: center?.ids,
        depth: args.depth ?? 1,
        limit: args.limit ?? 300,
        types: args.types ?? undefined,
        relationships: args.relationships ?? undefined,
      });
      return { ...graph, resolvedConcepts: center?.resolvedConcepts ?? [] };
    },
  }),
);
