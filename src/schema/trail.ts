/**
 * Reading trails: followUpReads (the follow-up reads the notes give) and readingTrail (the same,
 * going on through the strongest related work where the notes' edges run out).
 */
import { notesTrail, type ReadingStep, type ReadingTrail, readingTrail, trailVias } from '../graph/trail.js';
import { builder } from './builder.js';
import { describedValues } from './described.js';
import { WorkRef } from './refs.js';
import { resolveId, WORK } from './resolve.js';
import { SourceRef } from './source.js';
import { trailDepth } from './validation.js';
import { ReferenceTypeEnum } from './work.js';

const TrailViaEnum = builder.enumType('TrailVia', {
  description: 'How a step of a reading trail was found.',
  values: describedValues(trailVias, {
    NOTES: 'An edge of the notes: a follow-up read, related work or "see also" (`type` says which).',
    RELATED_WORK: "The strongest related work (relatedWork's ranking) of the work before, where the notes lead nowhere new.",
  }),
});

const TrailStepRef = builder.objectRef<ReadingStep>('TrailStep');
const ReadingTrailStepRef = builder.objectRef<ReadingStep>('ReadingTrailStep');

// The fields both kinds of trail step have.
for (const ref of [TrailStepRef, ReadingTrailStepRef]) {
  builder.objectFields(ref, (t) => ({
    depth: t.exposeInt('depth', { description: 'Steps from the start (1: the start points to it directly).' }),
    work: t.field({ type: WorkRef, description: 'The work this step reaches.', resolve: (s) => s.work }),
    fromId: t.string({ description: 'The plain id of the work the step comes from.', resolve: (s) => s.from.id }),
    route: t.stringList({ description: 'Plain ids from the start to this work.', resolve: (s) => s.route }),
    exhausted: t.exposeBoolean('exhausted', {
      description:
        'True when the notes lead nowhere new from this work (no follow-up read, related work or "see also" from it, ' +
        'or from its talk or paper, to a work not already on the trail): the trail of the notes ends here.',
    }),
    reason: t.exposeString('reason', { description: 'The step in a sentence.' }),
  }));
}

TrailStepRef.implement({
  description: 'One work on a reading trail, and the edge of the notes that leads to it.',
  fields: (t) => ({
    type: t.field({
      type: ReferenceTypeEnum,
      description: 'The kind of edge that leads here: FOLLOW_UP_READ, RELATED or SEE_ALSO.',
      resolve: (s) => s.reference!.type,
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The line of the notes that gives the edge.',
      resolve: (s) => s.reference!.source,
    }),
  }),
});

ReadingTrailStepRef.implement({
  description: 'One work on a reading trail: reached by an edge of the notes, or by the related-work ranking where the notes ran out.',
  fields: (t) => ({
    via: t.field({ type: TrailViaEnum, description: 'How the step was found.', resolve: (s) => s.via }),
    type: t.field({
      type: ReferenceTypeEnum,
      nullable: true,
      description: 'For a step of the notes: the kind of edge (FOLLOW_UP_READ, RELATED or SEE_ALSO); null for related work.',
      resolve: (s) => s.reference?.type ?? null,
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'For a step of the notes: the line that gives the edge.',
      resolve: (s) => s.reference?.source ?? null,
    }),
    score: t.float({
      nullable: true,
      description: "For related work: its score in relatedWork's ranking for the work before it; null for a step of the notes.",
      resolve: (s) => s.related?.score ?? null,
    }),
  }),
});

const ReadingTrailRef = builder.objectRef<ReadingTrail>('ReadingTrail').implement({
  description: 'A reading trail, and whether the notes alone reach as deep as was asked.',
  fields: (t) => ({
    steps: t.field({ type: [ReadingTrailStepRef], description: 'Nearest first, each work once.', resolve: (r) => r.steps }),
    notesDepth: t.exposeInt('notesDepth', { description: "The deepest step the notes' own edges reach (0: none leaves the start)." }),
    exhausted: t.exposeBoolean('exhausted', {
      description: "True when the notes' edges run out before the depth asked for; the steps beyond are related work.",
    }),
    message: t.string({
      nullable: true,
      description: 'When the notes run out: where, in a sentence to show.',
      resolve: (r) => {
        if (!r.exhausted) return null;
        const where =
          r.notesDepth === 0
            ? 'The notes give no follow-up read, related work or "see also" from this work'
            : `The notes' follow-up reads run out after ${r.notesDepth} step${r.notesDepth === 1 ? '' : 's'}`;
        return where + (r.steps.some((s) => s.via === 'RELATED_WORK') ? '; the steps after that are the strongest related work.' : '.');
      },
    }),
  }),
});

const depthArg = builder.args((t) => ({
  from: t.id({
    required: true,
    description: 'The talk or paper to start from: a global or plain id; an unknown one is NOT_FOUND.',
  }),
  depth: t.int({ required: false, defaultValue: 3, description: 'How many steps to follow, 1 to 5.', validate: trailDepth }),
}));

builder.queryFields((t) => ({
  followUpReads: t.field({
    type: [TrailStepRef],
    description:
      'The reading trail from a talk or paper along the follow-up reads the notes give (then related work, then ' +
      '"see also"), up to `depth` steps, nearest first, each work once. Each step says whether the notes lead on ' +
      'from it (`exhausted`); readingTrail goes on through related work where they do not.',
    args: depthArg,
    resolve: async (_root, args, { db }) =>
      (await notesTrail(db, await resolveId(db, 'from', String(args.from), WORK), args.depth ?? 3)).steps,
  }),
  readingTrail: t.field({
    type: ReadingTrailRef,
    description:
      'The reading trail from a talk or paper: the notes\' follow-up reads, related work and "see also" edges first; ' +
      'where they lead nowhere new, the strongest related work of the work reached (marked `via: RELATED_WORK`), ' +
      'and from there the notes again; up to `depth` steps. `exhausted` says whether the notes alone ran out.',
    args: depthArg,
    resolve: async (_root, args, { db, loaders }) => {
      const start = await loaders.entity.load(await resolveId(db, 'from', String(args.from), WORK));
      if (start?.__type !== 'Talk' && start?.__type !== 'Paper') throw new Error(`${args.from} resolved to no work`);
      return readingTrail(db, start, args.depth ?? 3);
    },
  }),
}));
