/** Ranked, explained related work: relatedWork and relatedToConcept, and their Reason type. */
import type { Entity } from '../db/loaders.js';
import { relatedToConcept, relatedWork } from '../db/repository.js';
import { describeReason, type RankedWork, type Reason } from '../graph/ranking.js';
import { builder } from './builder.js';
import { CONCEPT, resolveId, resolveIds, WORK, type WrongKindHint } from './resolve.js';
import { ConceptRef, PaperRef, PersonRef, SessionRef, TalkRef, WorkRef } from './refs.js';
import { SourceRef } from './source.js';
import { idList, requiredName, resultCount } from './validation.js';

const ReasonKindEnum = builder.enumType('ReasonKind', {
  description: 'Why a work is related. README "How related work is ranked" gives each weight.',
  values: [
    'SHARED_CONCEPT', 'NEIGHBOURING_CONCEPT', 'FOLLOW_UP_READ', 'RELATED', 'SEE_ALSO', 'BUILDS_ON', 'CITES',
    'SAME_SESSION', 'SAME_TALK', 'SIBLING_SECTION', 'SHARED_PERSON',
    'DISCUSSES', 'NARROWER_CONCEPT', 'RELATED_CONCEPT', 'BROADER_CONCEPT', 'PRESENTED_TOGETHER',
  ] as const,
});
const DirectionEnum = builder.enumType('ReferenceDirection', {
  description: 'OUT: the seed points to the result. IN: the result points to the seed.',
  values: ['OUT', 'IN'] as const,
});

const ReasonNodeRef = builder.unionType('ReasonNode', {
  types: [ConceptRef, PersonRef, SessionRef, TalkRef, PaperRef],
  resolveType: (node) => node.__type,
});

const ReasonRef = builder.objectRef<Reason>('Reason').implement({
  description: 'One reason a work is related, as data a client can render.',
  fields: (t) => ({
    kind: t.field({ type: ReasonKindEnum, resolve: (r) => r.kind as never }),
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
    direction: t.field({ type: DirectionEnum, nullable: true, resolve: (r) => r.direction }),
    source: t.field({ type: SourceRef, nullable: true, description: 'The line of the notes that supports it, where there is one.', resolve: (r) => r.source }),
  }),
});

const RelatedWorkRef = builder.objectRef<RankedWork>('RelatedWork').implement({
  description: 'A related work, its score, and every reason behind it.',
  fields: (t) => ({
    work: t.field({ type: WorkRef, resolve: (r) => r.work }),
    score: t.exposeFloat('score'),
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
      to: t.arg.idList({ required: true, validate: idList.min(1, 'must hold at least one id') }),
      exclude: t.arg.idList({ required: false, validate: idList.nullish() }),
      first: t.arg.int({ required: false, defaultValue: 10, validate: resultCount }),
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
      concept: t.arg.string({ required: true, validate: requiredName }),
      first: t.arg.int({ required: false, defaultValue: 10, validate: resultCount }),
    },
    resolve: async (_root, args, { db }) => relatedToConcept(db, await resolveId(db, 'concept', args.concept, CONCEPT), args.first ?? 10),
  }),
}));
