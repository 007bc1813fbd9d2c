/** The reading trail (followUpReads): from a work along the follow-up reads the notes give. */
import { followUpReads } from '../db/repository.js';
import type { TrailStep } from '../model/rows.js';
import { builder } from './builder.js';
import { WorkRef } from './refs.js';
import { resolveId, WORK } from './resolve.js';
import { SourceRef } from './source.js';
import { trailDepth } from './validation.js';
import { ReferenceTypeEnum } from './work.js';

const TrailStepRef = builder.objectRef<TrailStep>('TrailStep').implement({
  description: 'One work on a reading trail, and the edge of the notes that leads to it.',
  fields: (t) => ({
    depth: t.exposeInt('depth', { description: 'Steps from the start (1: the start points to it directly).' }),
    work: t.field({ type: WorkRef, description: 'The work this step reaches.', resolve: (s) => s.work }),
    type: t.field({
      type: ReferenceTypeEnum,
      description: 'The kind of edge that leads here: FOLLOW_UP_READ, RELATED or SEE_ALSO.',
      resolve: (s) => s.reference.type,
    }),
    fromId: t.string({ description: 'The plain id of the work the step comes from.', resolve: (s) => s.reference.from }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The line of the notes that gives the edge.',
      resolve: (s) => s.reference.source,
    }),
    route: t.stringList({ description: 'Plain ids from the start to this work.', resolve: (s) => s.route }),
  }),
});

builder.queryFields((t) => ({
  followUpReads: t.field({
    type: [TrailStepRef],
    description:
      'The reading trail from a talk or paper along the follow-up reads the notes give (then related work, then ' +
      '"see also"), up to `depth` steps, nearest first, each work once.',
    args: {
      from: t.arg.id({
        required: true,
        description: 'The talk or paper to start from: a global or plain id; an unknown one is NOT_FOUND.',
      }),
      depth: t.arg.int({ required: false, defaultValue: 3, description: 'How many steps to follow, 1 to 5.', validate: trailDepth }),
    },
    resolve: async (_root, args, { db }) => followUpReads(db, await resolveId(db, 'from', String(args.from), WORK), args.depth ?? 3),
  }),
}));
