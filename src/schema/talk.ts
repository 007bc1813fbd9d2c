import type { Entity } from '../db/loaders.js';
import { listTalks } from '../db/repository.js';
import { talkKinds } from '../ingest/pack-schema.js';
import { builder } from './builder.js';
import { workById } from './lookahead.js';
import { pageParams, toConnection } from './pagination.js';
import { dayNumber, shortText, year } from './validation.js';
import { DayRef, nodeOptions, PaperRef, SessionRef, TalkRef, WorkRef } from './refs.js';

export const TalkKindEnum = builder.enumType('TalkKind', { values: talkKinds });
export const TalkOrderEnum = builder.enumType('TalkOrder', {
  description: 'SCHEDULE: by day, then in the order of the notes. TITLE: alphabetical.',
  values: ['SCHEDULE', 'TITLE'] as const,
});

const LinesRef = builder.objectRef<{ from: number; to: number }>('LineRange').implement({
  description: 'The lines of the source document about a talk.',
  fields: (t) => ({ from: t.exposeInt('from'), to: t.exposeInt('to') }),
});

builder.node(TalkRef, {
  ...nodeOptions('Talk'),
  description: 'A talk, tutorial, invited talk, workshop talk, panel, or a headed section of a talk, as the notes cover it.',
  interfaces: [WorkRef],
  fields: (t) => ({
    summary: t.string({ description: 'One sentence on what the notes say about the talk.', resolve: (talk) => talk.summary as string }),
    titleInSource: t.boolean({
      description: 'False when the notes give no heading and the title was written by the curators.',
      resolve: (talk) => talk.titleInSource !== false,
    }),
    order: t.int({ description: 'Position within its day, in the order of the notes.', resolve: (talk) => talk.order as number }),
    lines: t.field({ type: LinesRef, resolve: (talk) => ({ from: talk.lineFrom as number, to: talk.lineTo as number }) }),
    day: t.field({ type: DayRef, resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))!.day! }),
    session: t.field({ type: SessionRef, nullable: true, resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.session ?? null }),
    parent: t.field({
      type: TalkRef,
      nullable: true,
      description: 'The talk this one is a section of.',
      resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.parent ?? null,
    }),
    sections: t.field({ type: [TalkRef], resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.sections ?? [] }),
    presents: t.field({
      type: PaperRef,
      nullable: true,
      description: 'The paper the talk presents.',
      resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.presents ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  talk: t.field({
    type: TalkRef,
    nullable: true,
    description: 'A talk by its id (global or plain); null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: workById('Talk'),
  }),
  talks: t.connection({
    type: TalkRef,
    description: 'Talks, filtered and ordered (default: in schedule order).',
    args: {
      day: t.arg.int({ validate: dayNumber }),
      session: t.arg.string({ description: 'A session id, or part of its title.', validate: shortText }),
      kind: t.arg({ type: TalkKindEnum }),
      concept: t.arg.string({ description: 'A concept name or alias.', validate: shortText }),
      person: t.arg.string({ description: "A person's name or alias.", validate: shortText }),
      year: t.arg.int({ validate: year }),
      text: t.arg.string({ description: 'Words in the title or summary.', validate: shortText }),
      orderBy: t.arg({ type: TalkOrderEnum, defaultValue: 'SCHEDULE' }),
    },
    resolve: async (_root, args, { db }) => {
      const { offset, limit } = pageParams(args);
      const page = await listTalks(db, args, args.orderBy ?? 'SCHEDULE', { offset, limit });
      return toConnection<Entity>(page, offset);
    },
  }),
}));
