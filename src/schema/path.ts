/** Paths between any two nodes (paths, and the older path), with how far the search looked. */
import type { Database } from '../db/database.js';
import { shortestPaths } from '../db/repository.js';
import type { GraphPath } from '../model/rows.js';
import { builder } from './builder.js';
import { ANY_NODE, resolveId } from './resolve.js';
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
      description: 'The line of the notes behind the relationship, where there is one.',
      resolve: (e) => e.source,
    }),
  }),
});

const PathRef = builder.objectRef<GraphPath>('Path').implement({
  description: 'A sequence of nodes and the relationships between them.',
  fields: (t) => ({
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
}

const PathSearchRef = builder.objectRef<PathSearch>('PathSearch').implement({
  description: 'The shortest connections found, and how far the search looked, so that an empty answer says what it means.',
  fields: (t) => ({
    paths: t.field({
      type: [PathRef],
      description: 'The shortest paths found, all of the same length; empty when none is at most `searchedUpTo` steps long.',
      resolve: (s) => s.paths,
    }),
    searchedUpTo: t.exposeInt('searchedUpTo', { description: 'The longest path looked for (the `maxLength` used).' }),
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

/** The arguments of `paths` and of the older `path`. */
const pathArgs = builder.args((t) => ({
  from: t.id({
    required: true,
    description: 'Where the paths start: any node by global or plain id, or a concept or person by name or alias.',
  }),
  to: t.id({
    required: true,
    description: 'Where the paths end: any node by global or plain id, or a concept or person by name or alias.',
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
    description: 'How many paths at most, 1 to 10; all of them have the shortest length.',
    validate: pathLength,
  }),
}));

/** Both ends resolved by the one naming rule (unknown: NOT_FOUND), then the shortest paths. */
async function findPaths(
  db: Database,
  args: { from: string | number; to: string | number; maxLength?: number | null; first?: number | null },
) {
  const from = await resolveId(db, 'from', String(args.from), ANY_NODE);
  const to = await resolveId(db, 'to', String(args.to), ANY_NODE);
  const searchedUpTo = args.maxLength ?? 6;
  return { paths: await shortestPaths(db, from, to, searchedUpTo, args.first ?? 5), searchedUpTo };
}

builder.queryFields((t) => ({
  paths: t.field({
    type: PathSearchRef,
    description:
      'The shortest connections between any two nodes (by id, or a concept or person by name), through concepts, ' +
      'references, people and sessions, and how far the search looked.',
    args: pathArgs,
    resolve: (_root, args, { db }) => findPaths(db, args),
  }),
  path: t.field({
    type: [PathRef],
    deprecationReason: 'Use paths, whose answer also says how far it looked when it finds nothing.',
    description: 'The shortest connections between any two nodes; an empty list when none is at most `maxLength` steps long.',
    args: pathArgs,
    resolve: async (_root, args, { db }) => (await findPaths(db, args)).paths,
  }),
}));
