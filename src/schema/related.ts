/** Ranked, explained related work: relatedWork and relatedToConcept, and their Reason type. */
import type { Entity } from '../db/loaders.js';
import { relatedToConceptText, relatedWorkWithMeaning, type RankedWithMeaning, type SimilarTextReason } from '../embed/related.js';
import type { ResolvedConcept } from '../embed/resolve-concept.js';
import { DomainError } from '../errors.js';
import { describeReason, type Reason } from '../graph/ranking.js';
import { builder } from './builder.js';
import { localId } from './ids.js';
import { ConceptRef, PaperRef, PersonRef, SessionRef, TalkRef, WorkRef } from './refs.js';
import { SourceRef } from './source.js';
import { idList, requiredName, resultCount } from './validation.js';

const ReasonKindEnum = builder.enumType('ReasonKind', {
  description: 'Why a work is related. README "How related work is ranked" gives each weight.',
  values: [
    'SHARED_CONCEPT', 'NEIGHBOURING_CONCEPT', 'FOLLOW_UP_READ', 'RELATED', 'SEE_ALSO', 'BUILDS_ON', 'CITES',
    'SAME_SESSION', 'SAME_TALK', 'SIBLING_SECTION', 'SHARED_PERSON',
    'DISCUSSES', 'NARROWER_CONCEPT', 'RELATED_CONCEPT', 'BROADER_CONCEPT', 'PRESENTED_TOGETHER',
    'SIMILAR_TEXT',
  ] as const,
});
const ResolutionEnum = builder.enumType('ConceptResolution', {
  description: 'How free text was taken to stand for a concept, in the order they are tried.',
  values: {
    EXACT: { description: "The concept's name, ignoring case." },
    ALIAS: { description: 'One of its aliases, ignoring case.' },
    FUZZY: { description: 'A name or alias within a few typos (score: edit similarity, at least 0.8).' },
    SEMANTIC: { description: 'Close in meaning to its name, aliases and definition (score: cosine similarity).' },
  },
});

const similarOf = (r: Reason) => (r.kind === 'SIMILAR_TEXT' ? (r as SimilarTextReason) : null);

/** SIMILAR_TEXT says where it comes from: the model, not the notes. */
function describe(reason: Reason): string {
  const similar = similarOf(reason);
  if (!similar) return describeReason(reason);
  const other = similar.via[0];
  const name = (other?.title ?? other?.name ?? other?.id) as string;
  return `Close in meaning to “${name}” (cosine similarity ${similar.similarity.toFixed(2)}): found by the embedding model, not stated in the notes`;
}
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
    description: t.string({ description: 'The reason in one sentence.', resolve: (r) => describe(r) }),
    semantic: t.boolean({
      description: 'True when the embedding model found it (SIMILAR_TEXT), not a link stated in the notes.',
      resolve: (r) => similarOf(r) !== null,
    }),
    similarity: t.float({ nullable: true, description: 'SIMILAR_TEXT: the cosine similarity of the two texts.', resolve: (r) => similarOf(r)?.similarity ?? null }),
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
      resolve: (r, _args, { loaders }) => (r.seed ? (loaders.entity.load(r.seed) as Promise<Entity | null>) : null),
    }),
    direction: t.field({ type: DirectionEnum, nullable: true, resolve: (r) => r.direction }),
    source: t.field({ type: SourceRef, nullable: true, description: 'The line of the notes that supports it, where there is one.', resolve: (r) => r.source }),
  }),
});

const ResolvedConceptRef = builder.objectRef<ResolvedConcept>('ResolvedConcept').implement({
  description: 'A concept that free text was taken to stand for, and how.',
  fields: (t) => ({
    concept: t.field({ type: ConceptRef, resolve: (r) => r.concept }),
    how: t.field({ type: ResolutionEnum, resolve: (r) => r.how }),
    score: t.exposeFloat('score', { description: '1 for EXACT and ALIAS; edit similarity for FUZZY; cosine similarity for SEMANTIC.' }),
  }),
});

const RelatedWorkRef = builder.objectRef<RankedWithMeaning>('RelatedWork').implement({
  description: 'A related work, its score, and every reason behind it.',
  fields: (t) => ({
    work: t.field({ type: WorkRef, resolve: (r) => r.work }),
    score: t.exposeFloat('score'),
    reasons: t.field({
      type: [ReasonRef],
      description: 'Strongest first.',
      resolve: (r) => [...r.reasons].sort((a, b) => b.weight - a.weight),
    }),
    resolvedConcepts: t.field({
      type: [ResolvedConceptRef],
      description: 'relatedToConcept: the concept(s) the text was taken to stand for that this work is related through. Empty for relatedWork.',
      resolve: (r) => r.resolvedConcepts ?? [],
    }),
  }),
});

const ConceptResolutionRef = builder
  .objectRef<Awaited<ReturnType<typeof relatedToConceptText>>>('ConceptTextResolution')
  .implement({
    description: 'What free text resolved to, and the works related to it.',
    fields: (t) => ({
      text: t.string({ resolve: (r) => r.resolution.text }),
      resolved: t.boolean({ description: 'False when no concept is close enough (see nearest).', resolve: (r) => r.resolution.resolved.length > 0 }),
      resolvedConcepts: t.field({ type: [ResolvedConceptRef], description: 'Best first.', resolve: (r) => r.resolution.resolved }),
      nearest: t.field({
        type: [ResolvedConceptRef],
        description: 'When nothing resolved: the closest concepts found, too far to use.',
        resolve: (r) => r.resolution.nearest,
      }),
      relatedWork: t.field({ type: [RelatedWorkRef], description: 'As relatedToConcept answers.', resolve: (r) => r.works }),
    }),
  });

/** The nearest concepts, named, for a message that says nothing was close enough. */
const nearestText = (nearest: ResolvedConcept[]) =>
  nearest.length ? `; the nearest: ${nearest.map((n) => `“${n.concept.name as string}” (${n.how} ${n.score.toFixed(2)})`).join(', ')}` : '';

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
    resolve: (_root, args, { db, embedder }) =>
      relatedWorkWithMeaning(db, embedder, args.to.map((id) => localId(String(id))), (args.exclude ?? []).map((id) => localId(String(id))), args.first ?? 10),
  }),
  relatedToConcept: t.field({
    type: [RelatedWorkRef],
    description:
      'Works related to a concept: directly, through neighbouring concepts, through reference edges, and (with the ' +
      'embedding model) by the meaning of their text (SIMILAR_TEXT). Free text is resolved to concepts: exact name or ' +
      'alias, then close spelling, then meaning; each result says through which (resolvedConcepts). NOT_FOUND, naming ' +
      'the nearest concepts, when nothing is close enough.',
    args: {
      concept: t.arg.string({ required: true, validate: requiredName }),
      first: t.arg.int({ required: false, defaultValue: 10, validate: resultCount }),
    },
    resolve: async (_root, args, { db, embedder }) => {
      const { resolution, works } = await relatedToConceptText(db, embedder, args.concept, args.first ?? 10);
      if (resolution.resolved.length === 0) {
        throw new DomainError(`no concept is close enough to “${args.concept}”${nearestText(resolution.nearest)}`, 'NOT_FOUND', {
          nearest: resolution.nearest.map((n) => ({ concept: n.concept.id, how: n.how, score: n.score })),
        });
      }
      return works;
    },
  }),
  resolveConcept: t.field({
    type: ConceptResolutionRef,
    description: 'What free text stands for (as relatedToConcept resolves it), with the related works; resolved: false instead of an error.',
    args: {
      text: t.arg.string({ required: true, validate: requiredName }),
      first: t.arg.int({ required: false, defaultValue: 10, validate: resultCount }),
    },
    resolve: (_root, args, { db, embedder }) => relatedToConceptText(db, embedder, args.text, args.first ?? 10),
  }),
}));
