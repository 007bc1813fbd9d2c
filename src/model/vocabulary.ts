/**
 * The graph's vocabulary, defined once: node labels, relationship and reference types, the kinds
 * of talks, sessions, links, roles and origins, and the reasons related work is ranked by with
 * their weights. The pack format (src/ingest), the statements' parameters (src/db), the GraphQL
 * enums (src/schema) and the explorer all take it from here; tests/unit/vocabulary.test.ts
 * checks that every label and relationship type written in cypher/ is one of these.
 */

/** The kinds of node a client sees. Every one also carries :Entity and a unique `id`. */
export const nodeTypes = ['Event', 'Day', 'Session', 'Talk', 'Paper', 'Concept', 'Person', 'Link', 'Document'] as const;
export type NodeType = (typeof nodeTypes)[number];

/** Labels that group or annotate the kinds above: every node is an Entity, talks and papers are Works. */
export const groupLabels = ['Entity', 'Work', 'Change'] as const;

/**
 * What the app stores beside the graph for itself, never shown as nodes or edges: a work's or
 * concept's sentence embedding (src/embed) linked by EMBEDS, and a reference an import could not
 * resolve yet (src/ingest/import-records.ts) linked by CITES_UNRESOLVED, and a work's precomputed
 * related-work list (src/graph/similarity.ts) on a SimilarList node (HAS_SIMILAR), with the
 * state of its last full rebuild in a SimilarityBuild node and a label on each work whose list is
 * due (SimilarDue) and on each concept whose change is still to reach its works' lists (SimilarChanged), an import of records while it writes (ImportRun), so that one killed part-way
 * is taken back at the next start, the report of each finished one (ImportReport), and a label on
 * each talk, paper and concept a curation touched until its embedding is refreshed (EmbeddingDue),
 * on each work whose embedded text a concept's new name changed, until it is embedded again in the
 * background (EmbeddingQueued), and on each concept or person a curation renamed until its works'
 * search text names it anew (NamesChanged, src/db/search-text.ts).
 */
export const storageLabels = [
  'Embedding',
  'UnresolvedReference',
  'SimilarList',
  'SimilarityBuild',
  'SimilarDue',
  'SimilarChanged',
  'ImportRun',
  'ImportReport',
  'EmbeddingDue',
  'EmbeddingQueued',
  'NamesChanged',
] as const;
// SIMILAR: a list as earlier versions stored it, one relationship per result (removed at start-up, src/db/migrate.ts).
export const storageRelationshipTypes = ['EMBEDS', 'CITES_UNRESOLVED', 'HAS_SIMILAR', 'SIMILAR'] as const;

/** Typed references between works, from the notes (or a curator): what to read next, and why. */
export const referenceTypes = ['FOLLOW_UP_READ', 'RELATED', 'SEE_ALSO', 'BUILDS_ON', 'CITES'] as const;
export type ReferenceType = (typeof referenceTypes)[number];

/** How much a typed reference between two works says about their relatedness. */
export const referenceWeights: Record<ReferenceType, number> = {
  FOLLOW_UP_READ: 3.0,
  RELATED: 2.5,
  BUILDS_ON: 2.5,
  SEE_ALSO: 2.0,
  CITES: 1.5,
};

/** The relationship types a path between two nodes may follow (`paths`): those that carry meaning, not the calendar or links. */
export const pathRelationshipTypes = [
  'DISCUSSES',
  'BROADER',
  'RELATED_TO',
  ...referenceTypes,
  'PRESENTS',
  'CONTRIBUTED_TO',
  'PART_OF',
  'IN_SESSION',
] as const;
export type PathRelationshipType = (typeof pathRelationshipTypes)[number];

/** Every relationship type of the graph, in the order visualisation clients list them. */
export const relationshipTypes = [...pathRelationshipTypes, 'ON_DAY', 'HAS_SESSION', 'HAS_DAY', 'HAS_LINK'] as const;
export type RelationshipType = (typeof relationshipTypes)[number];

/** The labels and relationship types an export (src/ingest/export-pack.ts) may write back: all but the embeddings, which are derived. */
export const exportLabels = [...nodeTypes, 'Entity', 'Work', 'UnresolvedReference'] as const;
export const exportRelationshipTypes = [...relationshipTypes, 'CITES_UNRESOLVED'] as const;
/** Properties that hold date-times (written by datetime() in cypher/curation) and floats: an export writes them as text and numbers, a restore converts them back. */
export const temporalProperties = ['at', 'createdAt', 'updatedAt', 'curatedAt'] as const;
export const floatProperties = ['confidence'] as const;

export const talkKinds = ['TUTORIAL', 'TALK', 'INVITED_TALK', 'WORKSHOP_TALK', 'PANEL', 'SECTION'] as const;
export type TalkKind = (typeof talkKinds)[number];
export const sessionKinds = ['SESSION', 'WORKSHOP'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const linkKinds = ['CODE', 'DEMO', 'SITE', 'PAPER', 'DATA'] as const;
export type LinkKind = (typeof linkKinds)[number];
export const personRoles = ['SPEAKER', 'AUTHOR', 'PANELIST', 'ORGANIZER', 'MENTIONED'] as const;
export type PersonRole = (typeof personRoles)[number];
/** Where a fact comes from: the notes themselves, or the public record (a paper's authors, its arXiv id). */
export const origins = ['NOTES', 'PUBLIC_RECORD'] as const;
export type Origin = (typeof origins)[number];
/**
 * What a "paper" entry is: a paper, or another work the notes suggest reading that is not one
 * (a book, a software library, a discussion thread). All are read the same way and can be the
 * target of a reference.
 */
export const paperKinds = ['PAPER', 'BOOK', 'SOFTWARE', 'THREAD'] as const;
export type PaperKind = (typeof paperKinds)[number];
/** Fields of a paper whose values can come from the public record (`publicRecord`). */
export const publicRecordFields = ['title', 'year', 'venue', 'arxiv', 'doi', 'url'] as const;

/** Why a work is related to a seed work (relatedWork) or to a concept (relatedToConcept). */
export const reasonKinds = [
  'SHARED_CONCEPT',
  'NEIGHBOURING_CONCEPT',
  ...referenceTypes,
  'SAME_SESSION',
  'SAME_TALK',
  'SIBLING_SECTION',
  'SHARED_PERSON',
  // Bibliometric: both works cite the same paper; a third work cites both.
  'BIBLIOGRAPHIC_COUPLING',
  'CO_CITATION',
  'DISCUSSES',
  'NARROWER_CONCEPT',
  'RELATED_CONCEPT',
  'BROADER_CONCEPT',
  // Found by the embedding model (src/embed), not stated in the notes.
  'SIMILAR_TEXT',
] as const;
export type ReasonKind = (typeof reasonKinds)[number];

/**
 * The weights of the reasons that are not references (those weigh `referenceWeights`), passed
 * to cypher/related/ as `$reasonWeights`. README "How related work is ranked" explains them.
 * SHARED_CONCEPT is 1 / ln(works discussing the concept) and NEIGHBOURING_CONCEPT this weight
 * / ln(1 + works discussing the neighbour): a rare concept says more than a common one.
 * REFERENCE_OF_DISCUSSING_WORK scales `referenceWeights` for relatedToConcept's reference reasons.
 * BIBLIOGRAPHIC_COUPLING (both works cite a paper) and CO_CITATION (a third work cites both) are
 * damped as SHARED_CONCEPT is, this weight / ln(degree): the degree of a shared reference is the
 * number of works citing it, that of a co-citing work the length of its reference list (its CITES).
 * Half a shared concept's: on the ICML pack they add a little without moving the evaluation's
 * floors, and a paper cited by two works (0.72) still counts for less than a concept two discuss.
 */
export const reasonWeights = {
  SAME_SESSION: 0.5,
  SAME_TALK: 1.0,
  SIBLING_SECTION: 0.5,
  SHARED_PERSON: 1.0,
  NEIGHBOURING_CONCEPT: 0.3,
  DISCUSSES: 1.0,
  NARROWER_CONCEPT: 0.6,
  RELATED_CONCEPT: 0.4,
  BROADER_CONCEPT: 0.25,
  REFERENCE_OF_DISCUSSING_WORK: 0.15,
  BIBLIOGRAPHIC_COUPLING: 0.5,
  CO_CITATION: 0.5,
};

/** The reason kinds whose weights add up without saturating (scoreTuning). */
const statedKinds: string[] = [...referenceTypes, 'SAME_TALK', 'DISCUSSES'];

/**
 * How the reasons of a ranked work add up to its score. Reasons of the `stated` kinds (links the
 * notes state between the two works, and the work discussing the concept itself) add up; the
 * others, inferred from what the works share, add up to at most `saturation`, approached as
 * saturation * (1 - e^(-sum / saturation)). `saturation` stays below the weight of a follow-up
 * read, so no number of weak reasons outranks one follow-up read the notes give.
 */
export const scoreTuning = {
  stated: statedKinds,
  saturation: 2.0,
  /**
   * Hub damping: a concept, session or person shared by more works than this relates none of
   * them (a shared concept of 1,000 works weighs 1 / ln(1000) = 0.14), so a seed reads a bounded
   * number of rows however large the graph.
   */
  hubLimit: 1000,
  /** NEIGHBOURING_CONCEPT reasons come through a seed's rarest neighbouring concepts, at most this many. */
  neighbours: 20,
  /**
   * CO_CITATION reasons come through the works citing a seed with the shortest reference lists,
   * at most this many: a paper cited by 12,000 works still reads a bounded number of rows.
   */
  coCiting: 50,
};

/** Every weight of the related-work rankings, in one object that bench/eval-ranking.ts can override. */
export const rankingTuning = { referenceWeights, reasonWeights, scoreTuning };

/** The score of a work from the sums of its stated and its inferred reasons' weights (see scoreTuning). */
export function rankingScore(stated: number, inferred: number): number {
  const cap = scoreTuning.saturation;
  return stated + cap * (1 - Math.exp(-inferred / cap));
}

/** The kinds of node each path relationship joins, in its stored direction (from, to). */
export const pathRelationshipEnds: Record<PathRelationshipType, readonly [readonly NodeType[], readonly NodeType[]]> = {
  DISCUSSES: [['Talk', 'Paper'], ['Concept']],
  BROADER: [['Concept'], ['Concept']],
  RELATED_TO: [['Concept'], ['Concept']],
  FOLLOW_UP_READ: [['Talk', 'Paper'], ['Paper']],
  RELATED: [['Talk', 'Paper'], ['Paper']],
  SEE_ALSO: [['Talk', 'Paper'], ['Paper']],
  BUILDS_ON: [['Talk', 'Paper'], ['Paper']],
  CITES: [['Talk', 'Paper'], ['Paper']],
  PRESENTS: [['Talk'], ['Paper']],
  CONTRIBUTED_TO: [['Person'], ['Talk', 'Paper']],
  PART_OF: [['Talk'], ['Talk']],
  IN_SESSION: [['Talk'], ['Session']],
};

/**
 * What one step along a path costs: paths are ranked by their total, lowest first, so a path
 * that explains (references between works, the concepts they discuss) comes before one that only
 * says two works shared a session or a person, even when it is a step longer. A talk and the
 * paper it presents, and a section and its talk, are nearly one work: half a step.
 */
export const pathStepCosts: Record<PathRelationshipType, number> = {
  FOLLOW_UP_READ: 1,
  RELATED: 1,
  BUILDS_ON: 1,
  SEE_ALSO: 1,
  CITES: 1,
  DISCUSSES: 1,
  BROADER: 1,
  RELATED_TO: 1,
  PRESENTS: 0.5,
  PART_OF: 0.5,
  CONTRIBUTED_TO: 2,
  IN_SESSION: 2.5,
};

/** What passing through a panel costs on top of its two steps: a panel touches many topics and says little about how two of them meet. */
export const pathPanelCost = 2;

/** True when `value` is one of the vocabulary `list`'s values, which it then has the type of. */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return list.some((item) => item === value);
}
