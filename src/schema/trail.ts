import { followUpReads, shortestPaths, type GraphPath, type TrailStep } from '../db/repository.js';
import { builder } from './builder.js';
import { localId } from './ids.js';
import { WorkRef } from './refs.js';
import { SourceRef } from './source.js';
import { ReferenceTypeEnum } from './work.js';
import { pathLength, trailDepth } from './validation.js';

const TrailStepRef = builder.objectRef<TrailStep>('TrailStep').implement({
  description: 'One work on a reading trail, and the edge of the notes that leads to it.',
  fields: (t) => ({
    depth: t.exposeInt('depth', { description: 'Steps from the start (1: the start points to it directly).' }),
    work: t.field({ type: WorkRef, description: 'The work this step reaches.', resolve: (s) => s.work }),
    type: t.field({ type: ReferenceTypeEnum, description: 'The kind of edge that leads here: FOLLOW_UP_READ, RELATED or SEE_ALSO.', resolve: (s) => s.reference.type as never }),
    fromId: t.string({ description: 'The plain id of the work the step comes from.', resolve: (s) => s.reference.from }),
    source: t.field({ type: SourceRef, nullable: true, description: 'The line of the notes that gives the edge.', resolve: (s) => s.reference.source }),
    route: t.stringList({ description: 'Plain ids from the start to this work.', resolve: (s) => s.route }),
  }),
});

const PathEdgeRef = builder.objectRef<GraphPath['edges'][number]>('PathEdge').implement({
  description: 'A relationship on a path, in its stored direction.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The relationship type: DISCUSSES, FOLLOW_UP_READ, CONTRIBUTED_TO, ...' }),
    fromId: t.exposeString('from', { description: 'The plain id of the node the relationship leaves.' }),
    toId: t.exposeString('to', { description: 'The plain id of the node the relationship reaches.' }),
    source: t.field({ type: SourceRef, nullable: true, description: 'The line of the notes behind the relationship, where there is one.', resolve: (e) => e.source }),
  }),
});

const PathRef = builder.objectRef<GraphPath>('Path').implement({
  description: 'A sequence of nodes and the relationships between them.',
  fields: (t) => ({
    length: t.int({ description: 'The number of relationships (steps) on the path.', resolve: (p) => p.edges.length }),
    nodes: t.field({ type: [builder.nodeInterfaceRef()], description: 'The nodes from `from` to `to`, in order (one more than the edges).', resolve: (p) => p.nodes as never }),
    edges: t.field({ type: [PathEdgeRef], description: 'The relationships between consecutive nodes, in order.', resolve: (p) => p.edges }),
  }),
});

builder.queryFields((t) => ({
  followUpReads: t.field({
    type: [TrailStepRef],
    description:
      'The reading trail from a talk or paper along the follow-up reads the notes give (then related work, then ' +
      '"see also"), up to `depth` steps, nearest first, each work once.',
    args: {
      from: t.arg.id({ required: true, description: 'The talk or paper to start from: a global or plain id.' }),
      depth: t.arg.int({ required: false, defaultValue: 3, description: 'How many steps to follow, 1 to 5.', validate: trailDepth }),
    },
    resolve: (_root, args, { db }) => followUpReads(db, localId(String(args.from)), args.depth ?? 3),
  }),
  path: t.field({
    type: [PathRef],
    description: 'The shortest connections between any two nodes, through concepts, references, people and sessions.',
    args: {
      from: t.arg.id({ required: true, description: 'Where the paths start: any node, by global or plain id.' }),
      to: t.arg.id({ required: true, description: 'Where the paths end: any node, by global or plain id.' }),
      maxLength: t.arg.int({ required: false, defaultValue: 6, description: 'The longest path to look for, in steps, 1 to 10: when the shortest is longer, the answer is empty.', validate: pathLength }),
      first: t.arg.int({ required: false, defaultValue: 5, description: 'How many paths at most, 1 to 10; all of them have the shortest length.', validate: pathLength }),
    },
    resolve: (_root, args, { db }) => shortestPaths(db, localId(String(args.from)), localId(String(args.to)), args.maxLength ?? 6, args.first ?? 5),
  }),
}));
