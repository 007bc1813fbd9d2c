/** Ranked, explained related work: relatedWork and relatedToConcept, and their Reason type. */
import {
  isSimilarText,
  type RankedWithMeaning,
  relatedToConcepts,
  relatedToConceptText,
  relatedWorkWithMeaning,
} from '../embed/related.js';
import { describeReason } from '../graph/ranking.js';
import { nameOf, type Reason } from '../model/rows.js';
import { reasonKinds } from '../model/vocabulary.js';
import { builder } from './builder.js';
import { describedValues } from './described.js';
import { ConceptRef, isNodeOf, PaperRef, PersonRef, SessionRef, TalkRef, WorkRef } from './refs.js';
import { conceptsFromText, resolveIds, WORK, type WrongKindHint } from './resolve.js';
import { CONCEPT_TEXT, ResolvedConceptRef } from './resolved-concept.js';
import { SourceRef } from './source.js';
import { idList, requiredName, resultCount } from './validation.js';

const ReasonKindEnum = builder.enumType('ReasonKind', {
  description: 'Why a work is related. README "How related work is ranked" gives each weight.',
  values: describedValues(reasonKinds, {
    SHARED_CONCEPT: 'relatedWork: both discuss a concept; the rarer the concept, the more it weighs.',
    NEIGHBOURING_CONCEPT: 'relatedWork: the result discusses a concept related, broader or narrower to one the seed discusses.',
    FOLLOW_UP_READ:
      'A follow-up-read edge: between seed and result (relatedWork), or to or from a work that discusses the concept (relatedToConcept).',
    RELATED: 'A related-work edge: between seed and result, or to or from a work that discusses the concept.',
    SEE_ALSO: 'A "see also" edge: between seed and result, or to or from a work that discusses the concept.',
    BUILDS_ON: 'A builds-on edge: between seed and result, or to or from a work that discusses the concept.',
    CITES: 'A citation edge: between seed and result, or to or from a work that discusses the concept.',
    SAME_SESSION: 'relatedWork: given in the same session as the seed.',
    SAME_TALK: 'relatedWork: a section and the talk it belongs to.',
    SIBLING_SECTION: 'relatedWork: another section of the same talk.',
    SHARED_PERSON: 'relatedWork: a speaker or author in common (one reason per person).',
    BIBLIOGRAPHIC_COUPLING:
      'relatedWork: both cite the same paper (one reason per paper, in nodes); the more works cite it, the less it weighs. Its source is the result’s citation.',
    CO_CITATION:
      'relatedWork: a third work cites both (one reason per citing work, in nodes); the longer its reference list, the less it weighs. Its source is its citation of the result.',
    DISCUSSES: 'relatedToConcept: the work discusses the concept itself.',
    NARROWER_CONCEPT: 'relatedToConcept: the work discusses a narrower concept.',
    RELATED_CONCEPT: 'relatedToConcept: the work discusses a related concept.',
    BROADER_CONCEPT: 'relatedToConcept: the work discusses a broader concept.',
    SIMILAR_TEXT: 'Close in meaning (the embedding model compared their texts), not a link stated in the notes.',
  }),
});
const similarOf = (r: Reason) => (isSimilarText(r) ? r : null);

/** SIMILAR_TEXT says where it comes from: the model, not the notes. */
function describe(reason: Reason): string {
  const similar = similarOf(reason);
  if (!similar) return describeReason(reason);
  const other = similar.via[0];
  const name = other ? nameOf(other) : '';
  return `Close in meaning to “${name}” (cosine similarity ${similar.similarity.toFixed(2)}): found by the embedding model, not stated in the notes`;
}
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
    kind: t.field({
      type: ReasonKindEnum,
      description: 'What kind of link this is (a shared concept, a follow-up read, ...).',
      resolve: (r) => r.kind,
    }),
    weight: t.exposeFloat('weight', { description: 'What this reason adds to the score.' }),
    description: t.string({ description: 'The reason in one sentence.', resolve: (r) => describe(r) }),
    semantic: t.boolean({
      description: 'True when the embedding model found it (SIMILAR_TEXT), not a link stated in the notes.',
      resolve: (r) => similarOf(r) !== null,
    }),
    similarity: t.float({
      nullable: true,
      description: 'SIMILAR_TEXT: the cosine similarity of the two texts.',
      resolve: (r) => similarOf(r)?.similarity ?? null,
    }),
    comparedTexts: t.stringList({
      nullable: true,
      description: 'SIMILAR_TEXT: the two texts the model compared, the seed’s (or concept’s) first.',
      resolve: (r) => similarOf(r)?.texts ?? null,
    }),
    nodes: t.field({
      type: [ReasonNodeRef],
      description: 'The nodes the reason goes through: the shared concept, person, session, ...',
      resolve: (r) => r.via,
    }),
    seed: t.field({
      type: WorkRef,
      nullable: true,
      description: 'For relatedWork: the seed work this reason relates the result to.',
      resolve: async (r, _args, { loaders }) => {
        const seed = r.seed ? await loaders.entity.load(r.seed) : null;
        return isWork(seed) ? seed : null;
      },
    }),
    direction: t.field({
      type: DirectionEnum,
      nullable: true,
      description: 'For reference edges between seed and result: which way the edge points; null for other reasons.',
      resolve: (r) => r.direction,
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The line of the notes that supports it, where there is one.',
      resolve: (r) => r.source,
    }),
  }),
});

/** How many reasons a result lists unless all are asked for; the rest are counted in moreReasons. */
export const REASONS_SHOWN = 5;

const RelatedWorkRef = builder.objectRef<RankedWithMeaning>('RelatedWork').implement({
  description:
    'A related work, its score, and the reasons behind it. A talk and the paper it presents are one work: the talk is ' +
    '`work`, the paper is in `alsoAs`, and their evidence counts once.',
  fields: (t) => ({
    work: t.field({
      type: WorkRef,
      description: 'The related work: the talk when a talk presents it, otherwise the paper.',
      resolve: (r) => r.work,
    }),
    alsoAs: t.field({
      type: [WorkRef],
      description: 'The same work in its other form: the paper the talk presents (empty when there is none).',
      resolve: async (r, _args, { loaders }) => {
        if (r.work.__type === 'Talk') {
          const paper = (await loaders.talkPlacement.load(r.work.id))?.presents;
          return paper ? [paper] : [];
        }
        return loaders.talksPresentingPaper.load(r.work.id);
      },
    }),
    score: t.exposeFloat('score', {
      description:
        'Higher is more related: the weights of the links the notes state between the two (reference edges; for ' +
        'relatedToConcept, discussing the concept itself) added up, plus the weights of the inferred reasons (shared ' +
        'concepts, sessions, people, neighbouring concepts, similar text), which saturate below the weight of one ' +
        'follow-up read. README "How related work is ranked".',
    }),
    reasons: t.field({
      type: [ReasonRef],
      description: `Strongest first; each piece of evidence once. The ${REASONS_SHOWN} strongest unless all: true (moreReasons counts the rest).`,
      args: {
        all: t.arg.boolean({ required: false, defaultValue: false, description: `Every reason, not only the ${REASONS_SHOWN} strongest.` }),
      },
      resolve: (r, args) => {
        const sorted = [...r.reasons].sort((a, b) => b.weight - a.weight);
        return args.all ? sorted : sorted.slice(0, REASONS_SHOWN);
      },
    }),
    moreReasons: t.int({
      description: `How many weaker reasons reasons leaves out (beyond the ${REASONS_SHOWN} strongest); reasons(all: true) lists them.`,
      resolve: (r) => Math.max(0, r.reasons.length - REASONS_SHOWN),
    }),
    resolvedConcepts: t.field({
      type: [ResolvedConceptRef],
      description:
        'For relatedToConcept: the concept(s) the text was taken to stand for that this work is related through. Empty for relatedWork.',
      resolve: (r) => r.resolvedConcepts ?? [],
    }),
    computedAt: t.string({
      nullable: true,
      description:
        'When the precomputed lists this answer was read from were computed (ISO 8601, the oldest: of the seeds’ for ' +
        'relatedWork, of the resolved concepts’ for relatedToConcept). Null when it was computed on the fly: no list yet, or a write has made one stale (a stale ' +
        'list is never served). README "Precomputed related work".',
      resolve: (r) => (r.computedAt ? new Date(r.computedAt).toISOString() : null),
    }),
  }),
});

const isTalk = isNodeOf('Talk');
const isPaper = isNodeOf('Paper');
const isWork = (node: unknown) => isTalk(node) || isPaper(node);

/** For a concept given as a seed: the field that answers what the caller wants. */
const askRelatedToConcept: WrongKindHint = (found, value) =>
  found === 'Concept' ? `; for the works related to a concept, ask relatedToConcept(concept: ${JSON.stringify(value)})` : '';

const ConceptResolutionRef = builder.objectRef<Awaited<ReturnType<typeof relatedToConceptText>>>('ConceptTextResolution').implement({
  description: 'What free text resolved to, and the works related to it.',
  fields: (t) => ({
    text: t.string({ description: 'The text as it was given.', resolve: (r) => r.resolution.text }),
    resolved: t.boolean({
      description: 'False when no concept is close enough (see nearest).',
      resolve: (r) => r.resolution.resolved.length > 0,
    }),
    resolvedConcepts: t.field({ type: [ResolvedConceptRef], description: 'Best first.', resolve: (r) => r.resolution.resolved }),
    nearest: t.field({
      type: [ResolvedConceptRef],
      description: 'When nothing resolved: the closest concepts found, too far to use.',
      resolve: (r) => r.resolution.nearest,
    }),
    relatedWork: t.field({ type: [RelatedWorkRef], description: 'As relatedToConcept answers.', resolve: (r) => r.works }),
  }),
});

builder.queryFields((t) => ({
  relatedWork: t.field({
    type: [RelatedWorkRef],
    description:
      'For one or several seed talks or papers: related work ranked by shared concepts (weighted by rarity), ' +
      'reference edges in either direction, shared sessions and people.',
    args: {
      to: t.arg.idList({
        required: true,
        description:
          'The seed talks or papers: 1 to 50 ids, global or plain; an unknown one is NOT_FOUND (a concept: ask relatedToConcept).',
        validate: idList.min(1, 'must hold at least one id'),
      }),
      exclude: t.arg.idList({
        required: false,
        description:
          'Works to leave out of the results, at most 50 ids; the seeds, and the paper or talk each seed presents or is presented by, are always left out.',
        validate: idList.nullish(),
      }),
      first: t.arg.int({ required: false, defaultValue: 10, description: 'How many results, 1 to 100.', validate: resultCount }),
    },
    resolve: async (_root, args, { db, embedder }) => {
      const to = await resolveIds(db, 'to', args.to.map(String), WORK, askRelatedToConcept);
      const exclude = await resolveIds(db, 'exclude', (args.exclude ?? []).map(String), WORK);
      return relatedWorkWithMeaning(db, embedder, to, exclude, args.first ?? 10);
    },
  }),
  relatedToConcept: t.field({
    type: [RelatedWorkRef],
    description:
      'Works related to a concept: directly, through neighbouring concepts, through reference edges, and (with the ' +
      'embedding model) by the meaning of their text (SIMILAR_TEXT). Free text is resolved to concepts: exact name or ' +
      'alias, then close spelling, then meaning; each result says through which (resolvedConcepts). NOT_FOUND, naming ' +
      'the nearest concepts, when nothing is close enough.',
    args: {
      concept: t.arg.string({
        required: true,
        description: `The concept: ${CONCEPT_TEXT}; each result says what it was taken as (resolvedConcepts).`,
        validate: requiredName,
      }),
      first: t.arg.int({ required: false, defaultValue: 10, description: 'How many results, 1 to 100.', validate: resultCount }),
    },
    resolve: async (_root, args, { db, embedder }) =>
      relatedToConcepts(db, embedder, await conceptsFromText(db, embedder, 'concept', args.concept), args.first ?? 10),
  }),
  resolveConcept: t.field({
    type: ConceptResolutionRef,
    description:
      'What free text stands for (as relatedToConcept resolves it), with the related works; resolved: false instead of an error.',
    args: {
      text: t.arg.string({
        required: true,
        description: 'Free text naming a concept (a name, alias, misspelling or description), 1 to 300 characters.',
        validate: requiredName,
      }),
      first: t.arg.int({ required: false, defaultValue: 10, description: 'How many related works, 1 to 100.', validate: resultCount }),
    },
    resolve: (_root, args, { db, embedder }) => relatedToConceptText(db, embedder, args.text, args.first ?? 10),
  }),
}));
