/** Paths between any two nodes (paths, and the older path), with how far the search looked. */
import type { Database } from '../db/database.js';
import type { Embedder } from '../embed/embedder.js';
import type { ResolvedConcept } from '../embed/resolve-concept.js';
import { connections } from '../graph/paths.js';
import type { GraphPath } from '../model/rows.js';
import { type PathRelationshipType, pathPanelCost, pathRelationshipTypes, pathStepCosts } from '../model/vocabulary.js';
import { builder } from './builder.js';
import { describedValues } from './described.js';
import { nodesOrConcepts } from './resolve.js';
import { CONCEPT_TEXT, ResolvedConceptRef } from './resolved-concept.js';
import { SourceRef } from './source.js';
import { pathLength } from './validation.js';

const PathEdgeRef = builder.objectRef<GraphPath['edges'][number]>('PathEdge').implement({
  description: 'A relationship on a path, in its stored direction.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The relationship type: DISCUSSES, FOLLOW_UP_READ, CONTRIBUTED_TO, ...' }),
    fromId: t.exposeString('from', { description: 'The plain id of the node the relationship leaves.' }),
    toId: t.exposeString('to', { description: 'The plain id of the node the relationship reaches.' }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The line of the notes behind the relationship, with its quote, where there is one.',
      resolve: (e) => e.source,
    }),
    reason: t.exposeString('reason', {
      description: 'What the step means, in a sentence (such as: "Wasserstein GAN" discusses the concept "Lipschitz constraint".).',
    }),
    cost: t.exposeFloat('cost', {
      description: "What the step adds to the path's cost: references and concepts cost least, people and sessions most.",
    }),
  }),
});

const stepCostList = pathRelationshipTypes.map((t) => `${t} ${pathStepCosts[t]}`).join(', ');

const PathRelationshipEnum = builder.enumType('PathRelationship', {
  description: `A kind of relationship a path may follow, with what one step along it costs: ${stepCostList}.`,
  values: describedValues(pathRelationshipTypes, {
    DISCUSSES: 'A talk or paper discusses a concept.',
    BROADER: 'A concept to a more general one.',
    RELATED_TO: 'A concept to a related one.',
    FOLLOW_UP_READ: 'The notes suggest a paper as reading after a work.',
    RELATED: 'The notes name a paper as related work of a work.',
    SEE_ALSO: 'The notes point from a work to a paper for more.',
    BUILDS_ON: 'A work builds on a paper.',
    CITES: 'A work cites a paper.',
    PRESENTS: 'A talk presents a paper.',
    CONTRIBUTED_TO: 'A person spoke at, wrote, sat on or organised a work, or is mentioned in it.',
    PART_OF: 'A section is part of a talk.',
    IN_SESSION: 'A talk is given in a session.',
  }),
});

const PathRef = builder.objectRef<GraphPath>('Path').implement({
  description: 'A sequence of nodes and the relationships between them.',
  fields: (t) => ({
    cost: t.exposeFloat('cost', {
      description: `How little the path explains: its steps' costs, plus ${pathPanelCost} for each panel it passes through. Paths come cheapest first.`,
    }),
    length: t.int({ description: 'The number of relationships (steps) on the path.', resolve: (p) => p.edges.length }),
    nodes: t.field({
      type: [builder.nodeInterfaceRef()],
      description: 'The nodes from `from` to `to`, in order (one more than the edges).',
      resolve: (p) => p.nodes.filter((n) => n.__type !== 'Link' && n.__type !== 'Document'),
    }),
    edges: t.field({ type: [PathEdgeRef], description: 'The relationships between consecutive nodes, in order.', resolve: (p) => p.edges }),
  }),
});

/** The longest path `paths` and `path` look for (`maxLength` at most). */
const MAX_PATH_LENGTH = 10;

interface PathSearch {
  paths: GraphPath[];
  searchedUpTo: number;
  resolvedConcepts: ResolvedConcept[];
}

const PathSearchRef = builder.objectRef<PathSearch>('PathSearch').implement({
  description: 'The connections found that explain the most, and how far the search looked, so that an empty answer says what it means.',
  fields: (t) => ({
    paths: t.field({
      type: [PathRef],
      description:
        'The paths that explain the most, cheapest first (see `Path.cost`), among those of the shortest length and one step ' +
        'longer; empty when none is at most `searchedUpTo` steps long.',
      resolve: (s) => s.paths,
    }),
    searchedUpTo: t.exposeInt('searchedUpTo', { description: 'The longest path looked for (the `maxLength` used).' }),
    resolvedConcepts: t.field({
      type: [ResolvedConceptRef],
      description:
        'The concepts `from` and `to` named (in that order, `text` saying which), and how each was taken: by id, name, ' +
        'alias, close spelling or meaning. Empty when neither end is a concept.',
      resolve: (s) => s.resolvedConcepts,
    }),
    canSearchFurther: t.boolean({
      description: `True when nothing was found and a larger \`maxLength\` (at most ${MAX_PATH_LENGTH}) could still find a path.`,
      resolve: (s) => s.paths.length === 0 && s.searchedUpTo < MAX_PATH_LENGTH,
    }),
    message: t.string({
      nullable: true,
      description: 'When nothing was found: what was searched, in a sentence to show.',
      resolve: (s) =>
        s.paths.length > 0
          ? null
          : `No connection of at most ${s.searchedUpTo} steps` +
            (s.searchedUpTo < MAX_PATH_LENGTH ? `; ask again with maxLength up to ${MAX_PATH_LENGTH} to look further.` : '.'),
    }),
  }),
});

/** A path's end given as a concept: free text, and when it stands for several concepts, the closest. */
const ENDPOINT_CONCEPT = `${CONCEPT_TEXT}; when the text stands for several concepts, the first (paths' \`resolvedConcepts\` says which)`;

/** The arguments of `paths` and of the older `path`. */
const pathArgs = builder.args((t) => ({
  from: t.id({
    required: true,
    description: `Where the paths start: any node by global or plain id, a person by name or alias, or ${ENDPOINT_CONCEPT}.`,
  }),
  to: t.id({
    required: true,
    description: `Where the paths end: any node by global or plain id, a person by name or alias, or ${ENDPOINT_CONCEPT}.`,
  }),
  maxLength: t.int({
    required: false,
    defaultValue: 6,
    description: 'The longest path to look for, in steps, 1 to 10 (default 6): when the shortest is longer, no path is found.',
    validate: pathLength,
  }),
  first: t.int({
    required: false,
    defaultValue: 5,
    description: 'How many paths at most, 1 to 10; of the shortest length or one step longer, cheapest first.',
    validate: pathLength,
  }),
  relationships: t.field({
    type: [PathRelationshipEnum],
    required: false,
    description:
      'Only these relationship types (default: all). An empty list, or types that can never join the two ends ' +
      '(only IN_SESSION from a concept), is BAD_USER_INPUT.',
  }),
}));

/** Both ends resolved by the one naming rule, concepts also from free text (unknown: NOT_FOUND), then the paths that explain the most. */
async function findPaths(
  db: Database,
  embedder: Embedder | null,
  args: {
    from: string | number;
    to: string | number;
    maxLength?: number | null;
    first?: number | null;
    relationships?: readonly PathRelationshipType[] | null;
  },
) {
  const from = await nodesOrConcepts(db, embedder, 'from', [String(args.from)], { bestOnly: true });
  const to = await nodesOrConcepts(db, embedder, 'to', [String(args.to)], { bestOnly: true });
  const searchedUpTo = args.maxLength ?? 6;
  const relationships = args.relationships ?? undefined;
  const ends = { from: from.ids[0]!, to: to.ids[0]! };
  return {
    paths: await connections(db, { ...ends, maxLength: searchedUpTo, limit: args.first ?? 5, relationships }),
    searchedUpTo,
    resolvedConcepts: [...from.resolvedConcepts, ...to.resolvedConcepts],
  };
}

builder.queryFields((t) => ({
  paths: t.field({
    type: PathSearchRef,
    description:
      'The connections between any two nodes (by id, a person by name, a concept by name or free text) that explain the most: through ' +
      'references and concepts before people and sessions, each step with its reason and quote; and how far the search looked.',
    args: pathArgs,
    resolve: (_root, args, { db, embedder }) => findPaths(db, embedder, args),
  }),
  path: t.field({
    type: [PathRef],
    deprecationReason: 'Use paths, whose answer also says how far it looked when it finds nothing.',
    description:
      'The connections between any two nodes that explain the most, cheapest first; an empty list when none is at most ' +
      '`maxLength` steps long. Its ends are resolved as `paths` resolves them; only `paths` says how (`resolvedConcepts`).',
    args: pathArgs,
    resolve: async (_root, args, { db, embedder }) => (await findPaths(db, embedder, args)).paths,
  }),
}));
