import type { Entity } from '../db/loaders.js';
import { listTalks } from '../db/repository.js';
import { talkKinds } from '../ingest/pack-schema.js';
import { builder } from './builder.js';
import { describedValues } from './described.js';
import { talkKindDescriptions } from './work.js';
import { workById } from './lookahead.js';
import { pageParams, toConnection } from './pagination.js';
import { dayNumber, shortText, year } from './validation.js';
import { DayRef, nodeOptions, PaperRef, SessionRef, TalkRef, WorkRef } from './refs.js';

export const TalkKindEnum = builder.enumType('TalkKind', {
  description: 'What kind of talk: a talk, tutorial, invited talk, workshop talk, panel, or a section of one of these.',
  values: describedValues(talkKinds, talkKindDescriptions),
});
export const TalkOrderEnum = builder.enumType('TalkOrder', {
  description: 'The order of a list of talks.',
  values: {
    SCHEDULE: { description: 'By day, then in the order of the notes (the default).' },
    TITLE: { description: 'By title, alphabetically, ignoring case.' },
  },
});

const LinesRef = builder.objectRef<{ from: number; to: number }>('LineRange').implement({
  description: 'The lines of the source document about a talk.',
  fields: (t) => ({
    from: t.exposeInt('from', { description: 'The first line (1-based).' }),
    to: t.exposeInt('to', { description: 'The last line, included.' }),
  }),
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
    lines: t.field({ type: LinesRef, description: 'The lines of the notes that cover the talk.', resolve: (talk) => ({ from: talk.lineFrom as number, to: talk.lineTo as number }) }),
    day: t.field({ type: DayRef, description: 'The day it was given.', resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))!.day! }),
    session: t.field({ type: SessionRef, nullable: true, description: 'The session or workshop it was part of; null when the notes place it in none (tutorials, some invited talks and sections).', resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.session ?? null }),
    parent: t.field({
      type: TalkRef,
      nullable: true,
      description: 'The talk this one is a section of.',
      resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.parent ?? null,
    }),
    sections: t.field({ type: [TalkRef], description: 'Its headed sections, in order; empty for most talks.', resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.sections ?? [] }),
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
    args: { id: t.arg.id({ required: true, description: 'A global id, or the plain id of the pack ("wasserstein-gan").' }) },
    resolve: workById('Talk'),
  }),
  talks: t.connection({
    type: TalkRef,
    description: 'Talks, filtered and ordered (default: in schedule order).',
    args: {
      day: t.arg.int({ description: 'The day number, from 1.', validate: dayNumber }),
      session: t.arg.string({ description: 'A session id, or part of its title (case-insensitive).', validate: shortText }),
      kind: t.arg({ type: TalkKindEnum, description: 'Only talks of this kind.' }),
      concept: t.arg.string({ description: 'Only talks that discuss this concept: its exact name or an alias, any case ("ewc").', validate: shortText }),
      person: t.arg.string({ description: "Only talks this person took part in or is mentioned in: the exact name or an alias, any case.", validate: shortText }),
      year: t.arg.int({ description: 'Only talks of this year.', validate: year }),
      text: t.arg.string({ description: 'Only talks whose title or summary contains this text (case-insensitive; not a word search: see `search`).', validate: shortText }),
      orderBy: t.arg({ type: TalkOrderEnum, defaultValue: 'SCHEDULE', description: 'The order of the list.' }),
    },
    resolve: async (_root, args, { db }) => {
      const { offset, limit } = pageParams(args);
      const page = await listTalks(db, args, args.orderBy ?? 'SCHEDULE', { offset, limit });
      return toConnection<Entity>(page, offset);
    },
  }),
}));
