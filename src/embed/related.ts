/**
 * Related work by meaning: the structural rankings of cypher/related/ plus a SIMILAR_TEXT reason
 * for works whose embedded text is close to the seed's (a work, or a concept's name and
 * definition). Its weight grows linearly from 0 at the model's `similarAbove` to
 * relatedTuning.weight at identical texts, so a near-duplicate counts about as much as a shared
 * rare concept; it is an inferred reason, so it saturates with the others (rankingScore). Works with no shared link can
 * so be found; the reason says it comes from the model, not from the notes.
 */
import type { Database } from '../db/database.js';
import { rankedRelatedToConcept } from '../graph/concept-lists.js';
import { rankedRelatedWork } from '../graph/similarity.js';
import type { ConceptNode, RankedWork, Reason, WorkNode } from '../model/rows.js';
import { rankingScore } from '../model/vocabulary.js';
import type { Embedder } from './embedder.js';
import { type ConceptResolution, type ResolvedConcept, resolveConcept } from './resolve-concept.js';
import { embeddedText } from './text.js';

/** Fitted on the tune split of tests/eval with bench/eval-semantic.ts. */
export const relatedTuning = {
  /** What a SIMILAR_TEXT reason weighs for identical texts (at cosine 0.9 under bge, 2.4: about a shared rare concept plus a shared session). */
  weight: 4.0,
  /** Added to the model's `similarAbove`: similarities below this give no reason. */
  floorShift: 0,
};
/** Structural candidates read beyond the page, so that a semantic reason can lift one into it. */
const EXTRA_CANDIDATES = 20;

export interface SimilarTextReason extends Reason {
  kind: 'SIMILAR_TEXT';
  similarity: number;
  /** The two texts the model compared: the seed's, then the result's. */
  texts: [string, string];
}

/** True for a SIMILAR_TEXT reason, which carries the similarity and the texts compared (withSimilarText makes them all). */
export function isSimilarText(reason: Reason): reason is SimilarTextReason {
  return reason.kind === 'SIMILAR_TEXT';
}

/** A ranked work, and for relatedToConcept the resolved concepts it is related through. */
export interface RankedWithMeaning extends RankedWork {
  resolvedConcepts?: ResolvedConcept[];
  /** When the precomputed lists it was read from were computed (epoch ms, the oldest); null: on the fly. */
  computedAt?: number | null;
}

export function similarTextWeight(similarity: number, similarAbove: number): number {
  return relatedTuning.weight * Math.max(0, (similarity - similarAbove) / (1 - similarAbove));
}

const textOf = (node: WorkNode | ConceptNode): string =>
  embeddedText(
    node.__type === 'Concept'
      ? { id: node.id, kind: 'Concept', name: node.name, aliases: node.aliases, definition: node.definition }
      : {
          id: node.id,
          kind: node.__type,
          title: node.title,
          summary: 'summary' in node ? node.summary : null,
          abstract: node.abstract,
          conceptText: node.conceptText,
        },
  );

/** Adds SIMILAR_TEXT reasons to `ranked` (new works for those not in it), ranks, and cuts at `limit`. */
async function withSimilarText(
  db: Database,
  embedder: Embedder | null,
  ranked: RankedWork[],
  ids: string[],
  exclude: string[],
  limit: number,
) {
  if (!embedder || ids.length === 0) return ranked.slice(0, limit);
  const similarAbove = embedder.spec.similarAbove + relatedTuning.floorShift;
  const rows = await db.read<{ work: WorkNode; matched: WorkNode; seed: WorkNode | ConceptNode; similarity: number }>(
    'semantic/similar-works',
    {
      ids,
      exclude,
      model: embedder.name,
      atLeast: similarAbove,
      limit: limit + EXTRA_CANDIDATES,
      scan: 200,
    },
  );
  const byId = new Map(ranked.map((r) => [r.work.id, { ...r, reasons: [...r.reasons] }]));
  for (const row of rows) {
    const { work, matched, seed, similarity } = row;
    const reason: SimilarTextReason = {
      kind: 'SIMILAR_TEXT',
      weight: similarTextWeight(similarity, similarAbove),
      seed: seed.__type === 'Concept' ? null : seed.id,
      direction: null,
      via: [seed],
      source: null,
      similarity,
      texts: [textOf(seed), textOf(matched)],
    };
    const entry = byId.get(work.id) ?? { work, score: 0, stated: 0, inferred: 0, reasons: [] };
    // Inferred, not stated: it saturates with the other inferred reasons.
    entry.reasons.push(reason);
    entry.reasons.sort((a, b) => b.weight - a.weight);
    entry.inferred += reason.weight;
    entry.score = rankingScore(entry.stated, entry.inferred);
    byId.set(work.id, entry);
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || String(a.work.title).localeCompare(String(b.work.title))).slice(0, limit);
}

/** relatedWork (from the precomputed lists when fresh, src/graph/similarity.ts) with SIMILAR_TEXT reasons when the model is loaded. */
export async function relatedWorkWithMeaning(
  db: Database,
  embedder: Embedder | null,
  ids: string[],
  exclude: string[],
  limit: number,
): Promise<RankedWithMeaning[]> {
  const { works, computedAt } = await rankedRelatedWork(db, ids, exclude, embedder ? limit + EXTRA_CANDIDATES : limit);
  const ranked = await withSimilarText(db, embedder, works, ids, exclude, limit);
  return ranked.map((work) => ({ ...work, computedAt }));
}

/**
 * relatedToConcept for concepts already resolved from free text (resolve-concept.ts), from their
 * precomputed lists when fresh (src/graph/concept-lists.ts): their ranked works merged (a work related to two of them adds both scores), with SIMILAR_TEXT reasons
 * for works whose text is close to a concept's. No works for no concepts.
 */
export async function relatedToConcepts(
  db: Database,
  embedder: Embedder | null,
  resolved: ResolvedConcept[],
  limit: number,
): Promise<RankedWithMeaning[]> {
  const merged = new Map<string, RankedWithMeaning>();
  // The oldest list read, or null as soon as one concept's answer was computed on the fly.
  let computedAt: number | null = resolved.length > 0 ? Number.POSITIVE_INFINITY : null;
  for (const concept of resolved) {
    const answer = await rankedRelatedToConcept(db, String(concept.concept.id), limit + EXTRA_CANDIDATES);
    computedAt = answer.computedAt === null || computedAt === null ? null : Math.min(computedAt, answer.computedAt);
    const works = answer.works;
    for (const work of works) {
      const entry: RankedWithMeaning = merged.get(work.work.id) ?? {
        work: work.work,
        score: 0,
        stated: 0,
        inferred: 0,
        reasons: [],
        resolvedConcepts: [],
      };
      entry.stated += work.stated;
      entry.inferred += work.inferred;
      entry.score = rankingScore(entry.stated, entry.inferred);
      entry.reasons.push(...work.reasons);
      entry.reasons.sort((a, b) => b.weight - a.weight);
      entry.resolvedConcepts!.push(concept);
      merged.set(work.work.id, entry);
    }
  }
  const conceptIds = resolved.map((r) => r.concept.id);
  const ranked = await withSimilarText(db, embedder, [...merged.values()], conceptIds, [], limit);
  const resolvedById = new Map(resolved.map((r) => [r.concept.id, r]));
  return ranked.map((work: RankedWithMeaning) => ({
    ...work,
    computedAt,
    // A work found by meaning alone is related through the concept it resembles.
    resolvedConcepts: work.resolvedConcepts?.length
      ? work.resolvedConcepts
      : work.reasons.flatMap((r) => (r.kind === 'SIMILAR_TEXT' ? [resolvedById.get(r.via[0]!.id)!] : [])),
  }));
}

/** resolveConcept's answer: what free text resolves to (resolve-concept.ts), and relatedToConcepts of that. */
export async function relatedToConceptText(
  db: Database,
  embedder: Embedder | null,
  text: string,
  limit: number,
): Promise<{ resolution: ConceptResolution; works: RankedWithMeaning[] }> {
  const resolution = await resolveConcept(db, embedder, text);
  return { resolution, works: await relatedToConcepts(db, embedder, resolution.resolved, limit) };
}
