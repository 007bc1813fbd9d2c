import * as curation from '../db/curation.js';
import { listTalks } from '../db/repository.js';
import { talkKinds } from '../model/vocabulary.js';
import { builder } from './builder.js';
import { asSource, curatorOf, curatorOnly, newId, SourceInput, versionArgs } from './curation.js';
import { describedValues } from './described.js';
import { workById } from './lookahead.js';
import { pageParams, toConnection } from './pagination.js';
import { DayRef, nodeOptions, PaperRef, SessionRef, TalkRef, WorkRef } from './refs.js';
import { conceptFilter, resolveId } from './resolve.js';
import { CONCEPT_TEXT, RESOLVED_CONCEPTS_OF_FILTER, ResolvedConceptRef, resolvedConceptsOf } from './resolved-concept.js';
import { dayNumber, idRef, optionalText, requiredName, shortText, sourceSchema, talkOrder, year } from './validation.js';
import { talkKindDescriptions } from './work.js';

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
    summary: t.string({ description: 'One sentence on what the notes say about the talk.', resolve: (talk) => talk.summary }),
    titleInSource: t.boolean({
      description: 'False when the notes give no heading and the title was written by the curators.',
      resolve: (talk) => talk.titleInSource !== false,
    }),
    order: t.int({ description: 'Position within its day, in the order of the notes.', resolve: (talk) => talk.order }),
    lines: t.field({
      type: LinesRef,
      description: 'The lines of the notes that cover the talk.',
      resolve: (talk) => ({ from: talk.lineFrom, to: talk.lineTo }),
    }),
    day: t.field({
      type: DayRef,
      description: 'The day it was given.',
      resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))!.day!,
    }),
    session: t.field({
      type: SessionRef,
      nullable: true,
      description:
        'The session or workshop it was part of; null when the notes place it in none (tutorials, some invited talks and sections).',
      resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.session ?? null,
    }),
    parent: t.field({
      type: TalkRef,
      nullable: true,
      description: 'The talk this one is a section of.',
      resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.parent ?? null,
    }),
    sections: t.field({
      type: [TalkRef],
      description: 'Its headed sections, in order; empty for most talks.',
      resolve: async (talk, _args, { loaders }) => (await loaders.talkPlacement.load(talk.id))?.sections ?? [],
    }),
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
    args: {
      id: t.arg.id({
        required: true,
        description: 'A global id, or the plain id of the pack ("wasserstein-gan"); at most 300 characters.',
        validate: idRef,
      }),
    },
    resolve: workById('Talk'),
  }),
  talks: t.connection(
    {
      type: TalkRef,
      description: 'Talks, filtered and ordered (default: in schedule order).',
      args: {
        day: t.arg.int({ description: 'The day number, from 1.', validate: dayNumber }),
        session: t.arg.string({ description: 'A session id, or part of its title (case-insensitive).', validate: shortText }),
        kind: t.arg({ type: TalkKindEnum, description: 'Only talks of this kind.' }),
        concept: t.arg.string({
          description: `Only talks that discuss this concept: ${CONCEPT_TEXT}.`,
          validate: shortText,
        }),
        person: t.arg.string({
          description: 'Only talks this person took part in or is mentioned in: the exact name or an alias, any case.',
          validate: shortText,
        }),
        year: t.arg.int({ description: 'Only talks of this year.', validate: year }),
        text: t.arg.string({
          description: 'Only talks whose title or summary contains this text (case-insensitive; not a word search: see `search`).',
          validate: shortText,
        }),
        orderBy: t.arg({ type: TalkOrderEnum, defaultValue: 'SCHEDULE', description: 'The order of the list.' }),
      },
      resolve: async (_root, args, { db, embedder }) => {
        const { offset, limit } = pageParams(args);
        const { conceptIds, resolvedConcepts } = await conceptFilter(db, embedder, args.concept);
        const page = await listTalks(db, { ...args, conceptIds }, args.orderBy ?? 'SCHEDULE', { offset, limit });
        return { ...toConnection(page, offset), resolvedConcepts };
      },
    },
    {
      fields: (c) => ({
        resolvedConcepts: c.field({ type: [ResolvedConceptRef], description: RESOLVED_CONCEPTS_OF_FILTER, resolve: resolvedConceptsOf }),
      }),
    },
  ),
}));

const TalkKindInput = builder.enumType('TalkKindInput', {
  description: 'The kind of a talk a curator creates or updates (the values of TalkKind).',
  values: describedValues(talkKinds, talkKindDescriptions),
});

builder.mutationFields((t) => ({
  upsertTalk: t.field({
    type: TalkRef,
    authScopes: curatorOnly,
    description: 'Creates or updates a talk on a day (and in a session of that day). A new talk goes last on its day.',
    args: {
      id: t.arg.string({
        description: 'The talk\'s plain id, a lowercase slug such as "wasserstein-gan"; default: a slug of `title`.',
        validate: idRef.nullish(),
      }),
      title: t.arg.string({ required: true, description: 'The title, 1 to 300 characters.', validate: requiredName }),
      kind: t.arg({ type: TalkKindInput, required: true, description: 'What kind of talk it is.' }),
      day: t.arg.id({ required: true, description: 'The day id, such as "icml-2017-day-2".', validate: idRef }),
      session: t.arg.id({ description: 'The id of a session of that day; omitted: in no session.', validate: idRef.nullish() }),
      summary: t.arg.string({
        description: 'One sentence on what the talk says, at most 600 characters; omitted: kept.',
        validate: optionalText(600),
      }),
      order: t.arg.int({
        description: 'Its position within the day, 1 to 10,000; omitted: kept, or last for a new talk.',
        validate: talkOrder,
      }),
      source: t.arg({
        type: SourceInput,
        description: 'Where the facts come from; kept in the change record.',
        validate: sourceSchema.nullish(),
      }),
      ...versionArgs,
    },
    resolve: async (_root, args, ctx) => {
      const day = await resolveId(ctx.db, 'day', String(args.day), ['Day']);
      const session = args.session ? await resolveId(ctx.db, 'session', String(args.session), ['Session']) : null;
      const { title, kind, summary, order } = args;
      return curation.upsertTalk(
        ctx.db,
        curatorOf(ctx),
        { id: newId(args.id, title), title, kind, day, session, summary, order },
        asSource(args.source),
        args.expectedVersion,
      );
    },
  }),
}));
