/** Ranked, explained related work: relatedWork and relatedToConcept, and their Reason type. */
import type { Entity } from '../model/rows.js';
import { relatedToConcept, relatedWork } from '../db/repository.js';
import { describeReason } from '../graph/ranking.js';
import type { RankedWork, Reason } from '../model/rows.js';
import { reasonKinds } from '../model/vocabulary.js';
import { builder } from './builder.js';
import { describedValues } from './described.js';
import { CONCEPT, resolveId, resolveIds, WORK, type WrongKindHint } from './resolve.js';
import { ConceptRef, PaperRef, PersonRef, SessionRef, TalkRef, WorkRef } from './refs.js';
import { SourceRef } from './source.js';
import { idList, requiredName, resultCount } from './validation.js';

const ReasonKindEnum = builder.enumType('ReasonKind', {
  description: 'Why a work is related. README "How related work is ranked" gives each weight.',
  values: describedValues(reasonKinds, {
    SHARED_CONCEPT: 'relatedWork: both discuss a concept; the rarer the concept, the more it weighs.',
    NEIGHBOURING_CONCEPT: 'relatedWork: the result discusses a concept related, broader or narrower to one the seed discusses.',
    FOLLOW_UP_READ: 'A follow-up-read edge: between seed and result (relatedWork), or to or from a work that discusses the concept (relatedToConcept).',
    RELATED: 'A related-work edge: between seed and result, or to or from a work that discusses the concept.',
    SEE_ALSO: 'A "see also" edge: between seed and result, or to or from a work that discusses the concept.',
    BUILDS_ON: 'A builds-on edge: between seed and result, or to or from a work that discusses the concept.',
    CITES: 'A citation edge: between seed and result, or to or from a work that discusses the concept.',
    SAME_SESSION: 'relatedWork: given in the same session as the seed.',
    SAME_TALK: 'relatedWork: a section and the talk it belongs to.',
    SIBLING_SECTION: 'relatedWork: another section of the same talk.',
    SHARED_PERSON: 'relatedWork: a speaker or author in common (one reason per person).',
    DISCUSSES: 'relatedToConcept: the work discusses the concept itself.',
    NARROWER_CONCEPT: 'relatedToConcept: the work discusses a narrower concept.',
    RELATED_CONCEPT: 'relatedToConcept: the work discusses a related concept.',
    BROADER_CONCEPT: 'relatedToConcept: the work discusses a broader concept.',
    PRESENTED_TOGETHER: 'relatedToConcept: the talk that presents, or the paper presented by, a work that discusses the concept.',
  }),
});
const DirectionEnum = builder.enumType('ReferenceDirection', {
  description: 'Which way a reference edge behind a reason points.',
  values: {
    OUT: { description: 'The seed points to the result (the seed suggests, cites, ... the result).' },
    IN: { description: 'The result points to the seed.' },
  },
});

const ReasonNodeRef = builder.unionType('ReasonNode', {
  description: 'A node a reason goes through: a concept, person, session, talk or paper.',
  types: [ConceptRef, PersonRef, SessionRef, TalkRef, PaperRef],
  resolveType: (node) => node.__type,
});

const ReasonRef = builder.objectRef<Reason>('Reason').implement({
  description: 'One reason a work is related, as data a client can render.',
  fields: (t) => ({
    kind: t.field({ type: ReasonKindEnum, description: 'What kind of link this is (a shared concept, a follow-up read, ...).', resolve: (r) => r.kind }),
    weight: t.exposeFloat('weight', { description: 'What this reason adds to the score.' }),
    description: t.string({ description: 'The reason in one sentence.', resolve: (r) => describeReason(r) }),
    nodes: t.field({
      type: [ReasonNodeRef],
      description: 'The nodes the reason goes through: the shared concept, person, session, ...',
      resolve: (r) => r.via,
    }),
    seed: t.field({
      type: WorkRef,
      nullable: true,
      description: 'For relatedWork: the seed work this reason relates the result to.',
      resolve: (r, _args, { loaders }) => (r.seed ? (loaders.entity.load(r.seed) as Promise<Entity | null>) : null),
    }),
    direction: t.field({ type: DirectionEnum, nullable: true, description: 'For reference edges between seed and result: which way the edge points; null for other reasons.', resolve: (r) => r.direction }),
    source: t.field({ type: SourceRef, nullable: true, description: 'The line of the notes that supports it, where there is one.', resolve: (r) => r.source }),
  }),
});

const RelatedWorkRef = builder.objectRef<RankedWork>('RelatedWork').implement({
  description: 'A related work, its score, and every reason behind it.',
  fields: (t) => ({
    work: t.field({ type: WorkRef, description: 'The related talk or paper.', resolve: (r) => r.work }),
    score: t.exposeFloat('score', { description: 'The sum of the weights of its reasons; higher is more related.' }),
    reasons: t.field({
      type: [ReasonRef],
      description: 'Strongest first.',
      resolve: (r) => [...r.reasons].sort((a, b) => b.weight - a.weight),
    }),
  }),
});

/** For a concept given as a seed: the field that answers what the caller wants. */
const askRelatedToConcept: WrongKindHint = (found, value) =>
  found === 'Concept' ? `; for the works related to a concept, ask relatedToConcept(concept: ${JSON.stringify(value)})` : '';

builder.queryFields((t) => ({
  relatedWork: t.field({
    type: [RelatedWorkRef],
    description:
      'For one or several seed talks or papers: related work ranked by shared concepts (weighted by rarity), ' +
      'reference edges in either direction, shared sessions and people.',
    args: {
      to: t.arg.idList({ required: true, description: 'The seed talks or papers: 1 to 50 ids, global or plain; an unknown one is NOT_FOUND (a concept: ask relatedToConcept).', validate: idList.min(1, 'must hold at least one id') }),
      exclude: t.arg.idList({ required: false, description: 'Works to leave out of the results, at most 50 ids; the seeds, and the paper or talk each seed presents or is presented by, are always left out.', validate: idList.nullish() }),
      first: t.arg.int({ required: false, defaultValue: 10, description: 'How many results, 1 to 100.', validate: resultCount }),
    },
    resolve: async (_root, args, { db }) => {
      const to = await resolveIds(db, 'to', args.to.map(String), WORK, askRelatedToConcept);
      const exclude = await resolveIds(db, 'exclude', (args.exclude ?? []).map(String), WORK);
      return relatedWork(db, to, exclude, args.first ?? 10);
    },
  }),
  relatedToConcept: t.field({
    type: [RelatedWorkRef],
    description: 'Works related to a concept (name or alias): directly, through neighbouring concepts, and through reference edges.',
    args: {
      concept: t.arg.string({ required: true, description: 'A concept name or alias, any case ("ewc"), or its id; an unknown one is NOT_FOUND.', validate: requiredName }),
      first: t.arg.int({ required: false, defaultValue: 10, description: 'How many results, 1 to 100.', validate: resultCount }),
    },
    resolve: async (_root, args, { db }) => relatedToConcept(db, await resolveId(db, 'concept', args.concept, CONCEPT), args.first ?? 10),
  }),
}));
