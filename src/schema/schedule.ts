/** The calendar of an event: Event, Day and Session, and the `schedule` root field. */
import { allDays, allEvents } from '../db/repository.js';
import { sessionKinds } from '../model/vocabulary.js';
import { builder } from './builder.js';
import { describedValues } from './described.js';
import { DayRef, EventRef, nodeOptions, SessionRef, TalkRef } from './refs.js';
import { nodeSource, SourceRef } from './source.js';

const SessionKindEnum = builder.enumType('SessionKind', {
  description: 'A session of the main conference, or a workshop.',
  values: describedValues(sessionKinds, {
    SESSION: 'A session of the main conference: talks on one theme, one after another.',
    WORKSHOP: 'A workshop beside the main conference.',
  }),
});

builder.node(EventRef, {
  ...nodeOptions('Event'),
  description: 'A conference or other event the knowledge comes from.',
  fields: (t) => ({
    name: t.string({ description: 'The short name ("ICML 2017").', resolve: (e) => e.name }),
    fullName: t.string({ nullable: true, description: 'The full name, where the pack gives one.', resolve: (e) => e.fullName ?? null }),
    location: t.string({
      nullable: true,
      description: 'Where it took place ("Sydney, Australia"), where the pack gives one.',
      resolve: (e) => e.location ?? null,
    }),
    startDate: t.string({
      nullable: true,
      description: 'The first day, as an ISO date (2017-08-06).',
      resolve: (e) => e.startDate ?? null,
    }),
    endDate: t.string({ nullable: true, description: 'The last day, as an ISO date.', resolve: (e) => e.endDate ?? null }),
    days: t.field({
      type: [DayRef],
      description: 'Its days, in order.',
      resolve: (e, _args, { loaders }) => loaders.daysOfEvent.load(e.id),
    }),
  }),
});

builder.node(DayRef, {
  ...nodeOptions('Day'),
  description: 'A day of an event.',
  fields: (t) => ({
    number: t.int({ description: 'The day of the event, from 1.', resolve: (d) => d.number }),
    title: t.string({ description: 'What the day held ("Tutorials", "Conference", "Workshops").', resolve: (d) => d.title }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The line of the notes that heads the day.',
      resolve: (d) => nodeSource(d),
    }),
    event: t.field({
      type: EventRef,
      description: 'The event the day belongs to.',
      resolve: async (d, _args, { loaders }) => (await loaders.eventOfDay.load(d.id))!,
    }),
    sessions: t.field({
      type: [SessionRef],
      description: 'Sessions and workshops, in order.',
      resolve: (d, _args, { loaders }) => loaders.sessionsOfDay.load(d.id),
    }),
    talks: t.field({
      type: [TalkRef],
      description: 'All talks of the day, in the order of the notes.',
      resolve: (d, _args, { loaders }) => loaders.talksOfDay.load(d.id),
    }),
  }),
});

builder.node(SessionRef, {
  ...nodeOptions('Session'),
  description: 'A session or workshop.',
  fields: (t) => ({
    title: t.string({ description: 'The title, as the notes give it.', resolve: (s) => s.title }),
    kind: t.field({ type: SessionKindEnum, description: 'A session of the main conference, or a workshop.', resolve: (s) => s.kind }),
    order: t.int({ description: 'Position within its day.', resolve: (s) => s.order }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The line of the notes that heads the session.',
      resolve: (s) => nodeSource(s),
    }),
    day: t.field({
      type: DayRef,
      description: 'The day of the session.',
      resolve: async (s, _args, { loaders }) => (await loaders.dayOfSession.load(s.id))!,
    }),
    talks: t.field({
      type: [TalkRef],
      description: 'Its talks, in the order of the notes.',
      resolve: (s, _args, { loaders }) => loaders.talksInSession.load(s.id),
    }),
  }),
});

builder.queryFields((t) => ({
  schedule: t.field({
    type: [DayRef],
    description: 'The days in order, each with its sessions in order and all its talks in order.',
    resolve: (_root, _args, { db }) => allDays(db),
  }),
  events: t.field({
    type: [EventRef],
    description: 'The events the graph holds knowledge of (for now, ICML 2017).',
    resolve: (_root, _args, { db }) => allEvents(db),
  }),
}));
