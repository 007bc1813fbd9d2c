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
    work: t.field({ type: WorkRef, resolve: (s) => s.work }),
    type: t.field({ type: ReferenceTypeEnum, resolve: (s) => s.reference.type as never }),
    fromId: t.string({ description: 'The plain id of the work the step comes from.', resolve: (s) => s.reference.from }),
    source: t.field({ type: SourceRef, nullable: true, resolve: (s) => s.reference.source }),
    route: t.stringList({ description: 'Plain ids from the start to this work.', resolve: (s) => s.route }),
  }),
});

const PathEdgeRef = builder.objectRef<GraphPath['edges'][number]>('PathEdge').implement({
  description: 'A relationship on a path, in its stored direction.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The relationship type: DISCUSSES, FOLLOW_UP_READ, CONTRIBUTED_TO, ...' }),
    fromId: t.exposeString('from'),
    toId: t.exposeString('to'),
    source: t.field({ type: SourceRef, nullable: true, resolve: (e) => e.source }),
  }),
});

const PathRef = builder.objectRef<GraphPath>('Path').implement({
  description: 'A sequence of nodes and the relationships between them.',
  fields: (t) => ({
    length: t.int({ resolve: (p) => p.edges.length }),
    nodes: t.field({ type: [builder.nodeInterfaceRef()], resolve: (p) => p.nodes as never }),
    edges: t.field({ type: [PathEdgeRef], resolve: (p) => p.edges }),
  }),
});

builder.queryFields((t) => ({
  followUpReads: t.field({
    type: [TrailStepRef],
    description:
      'The reading trail from a talk or paper along the follow-up reads the notes give (then related work, then ' +
      '"see also"), up to `depth` steps, nearest first, each work once.',
    args: {
      from: t.arg.id({ required: true }),
      depth: t.arg.int({ required: false, defaultValue: 3, validate: trailDepth }),
    },
    resolve: (_root, args, { db }) => followUpReads(db, localId(String(args.from)), args.depth ?? 3),
  }),
  path: t.field({
    type: [PathRef],
    description: 'The shortest connections between any two nodes, through concepts, references, people and sessions.',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxLength: t.arg.int({ required: false, defaultValue: 6, validate: pathLength }),
      first: t.arg.int({ required: false, defaultValue: 5, validate: pathLength }),
    },
    resolve: (_root, args, { db }) => shortestPaths(db, localId(String(args.from)), localId(String(args.to)), args.maxLength ?? 6, args.first ?? 5),
  }),
}));
