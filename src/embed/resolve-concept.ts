/**
 * Free text to concepts, in order: a concept's exact name or id (EXACT) or alias (ALIAS); a name or alias
 * within a few typos (FUZZY: edit similarity at least 0.8); else the concepts nearest in meaning
 * (SEMANTIC: the concepts hybrid search ranks first, words and meaning fused, a concept as near as
 * the nearer of its whole text and its definition alone; the first if its cosine similarity is at
 * least the model's line, or its "unrelated" line when the text shares words with it too, with
 * those of the next two within 0.03 of it and over their own line).
 * An empty list means nothing was close enough; `nearest` then says what came closest.
 */
import { distance } from 'fastest-levenshtein';
import type { Database } from '../db/database.js';
import { search as wordSearch } from '../db/repository.js';
import type { ConceptNode } from '../model/rows.js';
import type { Embedder } from './embedder.js';
import { nearestByMeaning, searchNodes } from './search.js';

export type Resolution = 'EXACT' | 'ALIAS' | 'FUZZY' | 'SEMANTIC';

export interface ResolvedConcept {
  /** The text that was resolved. */
  text: string;
  concept: ConceptNode;
  how: Resolution;
  /** 1 for EXACT and ALIAS; the edit similarity for FUZZY; the cosine similarity for SEMANTIC. */
  score: number;
}

export interface ConceptResolution {
  text: string;
  resolved: ResolvedConcept[];
  /** When nothing resolved: the closest concepts found, with their scores, for a hint. */
  nearest: ResolvedConcept[];
}

const FUZZY_AT_LEAST = 0.8;
const SEMANTIC_MARGIN = 0.03;
const SEMANTIC_MAX = 3;

/** 1 for equal strings, 0 for nothing in common (1 - edit distance / longer length). */
export function editSimilarity(a: string, b: string): number {
  return 1 - distance(a, b) / Math.max(a.length, b.length, 1);
}

export async function resolveConcept(db: Database, embedder: Embedder | null, text: string): Promise<ConceptResolution> {
  const key = text.trim().toLowerCase();
  const [exact] = await db.read<{ concept: ConceptNode }>('concept/by-name', { keys: [key] });
  if (exact) {
    const concept = exact.concept;
    const how = String(concept.name).toLowerCase() === key || concept.id === key ? 'EXACT' : 'ALIAS';
    return { text, resolved: [{ text, concept, how, score: 1 }], nearest: [] };
  }

  const candidates = await wordSearch(db, text, ['Concept'], { offset: 0, limit: 10 });
  const spelled = candidates.items
    .flatMap(({ node }) => (node.__type === 'Concept' ? [node] : []))
    .map((node) => ({
      text,
      concept: node,
      how: 'FUZZY' as const,
      score: Math.max(...(node.keys ?? [node.name.toLowerCase()]).map((k) => editSimilarity(key, k))),
    }))
    .sort((a, b) => b.score - a.score);
  if (spelled[0] && spelled[0].score >= FUZZY_AT_LEAST) return { text, resolved: [spelled[0]], nearest: [] };

  // Concepts ranked as hybrid search ranks them (words and meaning fused), scored by meaning.
  const ranked = embedder
    ? (await searchNodes(db, embedder, text, ['Concept'], 'HYBRID', { offset: 0, limit: SEMANTIC_MAX }, { conceptDefinitions: true })).items
    : [];
  const meaning = ranked.flatMap((hit) =>
    hit.similarity === null || hit.node.__type !== 'Concept'
      ? []
      : [{ text, concept: hit.node, how: 'SEMANTIC' as const, score: hit.similarity, words: hit.matchedBy.includes('WORDS') }],
  );
  const [first] = meaning;
  // A concept hybrid search matched by words as well as by meaning needs only the model's
  // "unrelated" line: the shared words are evidence of their own ("the generator keeps producing
  // the same output" and Mode collapse, 0.587 under BGE). By meaning alone it needs conceptAtLeast.
  const line = (m: { words: boolean }) => (m.words ? embedder!.spec.unrelatedBelow : embedder!.spec.conceptAtLeast);
  const resolved =
    embedder && first && first.score >= line(first)
      ? meaning.filter((m) => m === first || m.score >= Math.max(line(m), first.score - SEMANTIC_MARGIN)).map(({ words, ...m }) => m)
      : [];
  if (resolved.length > 0) return { text, resolved, nearest: [] };
  // Hybrid search leaves out what is unrelated in meaning; the hint names the nearest all the same.
  const closest =
    meaning.length > 0 || !embedder
      ? meaning.map(({ words, ...m }) => m)
      : (await nearestByMeaning(db, embedder, text, ['Concept'], 2, -1, { conceptDefinitions: true })).flatMap(({ node, similarity }) =>
          node.__type === 'Concept' ? [{ text, concept: node, how: 'SEMANTIC' as const, score: similarity }] : [],
        );
  return { text, resolved, nearest: [...spelled.slice(0, 1), ...closest.slice(0, 2)].sort((a, b) => b.score - a.score) };
}
