/**
 * Search by words, by meaning, or both (HYBRID, the default when the model is loaded): the
 * full-text ranking and the vector ranking are fused by reciprocal rank (fusion.ts). A node whose
 * name, title or alias is exactly the query comes first whatever the mode. Every hit says why it
 * matched: the words (with Lucene's score), the meaning (with the cosine similarity), or both.
 */
import type { Database } from '../db/database.js';
import { luceneQueries } from '../db/lucene.js';
import { fulltextParams, luceneQuery, type PageParams, type SearchHit, search as wordSearch } from '../db/repository.js';
import { type ConceptNode, nameOf, type Page, type SearchableNode } from '../model/rows.js';
import type { Embedder } from './embedder.js';
import { reciprocalRankFusion } from './fusion.js';

export type SearchMode = 'LEXICAL' | 'SEMANTIC' | 'HYBRID';
export type MatchKind = 'EXACT_NAME' | 'WORDS' | 'MEANING' | 'CONCEPT';

export interface HybridHit {
  node: SearchableNode;
  /** LEXICAL: Lucene's score. SEMANTIC: the cosine similarity. HYBRID: the fused score. */
  score: number;
  matchedBy: MatchKind[];
  /** Lucene's score, when the words matched. */
  wordScore: number | null;
  /** Cosine similarity of the query and the node's text, when meaning was searched. */
  similarity: number | null;
  /** HYBRID: the concepts found by meaning that this work discusses (matchedBy CONCEPT). */
  concepts: ConceptNode[];
}

export interface SearchPage extends Page<HybridHit> {
  typosForgiven: boolean;
  /** The mode used: the one asked for, or LEXICAL when the model is missing. */
  mode: SearchMode;
}

/** Fitted on the tune split of tests/eval with bench/eval-semantic.ts (README "Search by meaning"). */
export const hybridTuning = {
  /** Word hits scoring below this share of the best one are left out of the fusion: Lucene's any-word clause brings a long tail. */
  wordsFloor: 0.2,
  /** Reciprocal-rank weights of the three rankings: words, meaning, works of the concepts found by meaning. */
  weights: [1, 1, 1],
  /** How many of the concepts found by meaning lend their works a ranking (0: none). */
  conceptsForWorks: 5,
  /** The most works each of those concepts lends (at least the depth read). */
  worksPerConcept: 50,
  /** How deep each ranking is read before fusing: the page asked for, and this much beyond it. */
  depthBeyondPage: 10,
};

/**
 * How many candidates the vector index is asked for. The index returns its nearest of every kind
 * and model, the filter runs after it, and its HNSW search misses close vectors when asked for few.
 * Lucene searches each segment of the index for that many, so the figures depend on the segments.
 * The managed Neo4j merges them two at a time (neo4j-local's Launcher); at 100,000 papers, 115,000
 * vectors in 5 segments, 120 candidates held 92.5% of the exact 20 nearest in 8.3 ms, and 400 held
 * 97.0% of the 5 nearest concepts (bench/RESULTS.md, "Vector index segments"). A Neo4j that merges
 * fifty at a time (Neo4j's default) has more segments: these numbers then find a little more for
 * more time.
 */
const SCAN = { perResult: 6, anyKind: 120, someKinds: 400 };

const MAX_DEPTH = 300;

/** The nodes nearest in meaning to `text`, at least `atLeast` similar (default: the model's "unrelated" line), best first. */
export async function nearestByMeaning(
  db: Database,
  embedder: Embedder,
  text: string,
  labels: string[],
  limit: number,
  atLeast: number = embedder.spec.unrelatedBelow,
  { conceptDefinitions = false }: MeaningOptions = {},
) {
  return (await meaningOf(db, embedder, { text, labels, limit, atLeast, withWorks: false, conceptDefinitions })).meaning;
}

type NearestRow = {
  meaning: { node: SearchableNode; similarity: number }[];
  works: { node: SearchableNode; via: string[] }[];
};

export interface MeaningOptions {
  /**
   * Take a concept at the nearer of its whole text and its definition alone. Free-text concepts do
   * (src/embed/resolve-concept.ts): 12 of 13 tune phrasings had their concept nearest, against 8 by
   * the whole text. Search does not: concepts then crowded the works out of its first ten
   * (nDCG@10 0.793 to 0.768 on tune; bench/RESULTS.md, 2026-12-08).
   */
  conceptDefinitions?: boolean;
}

interface NearestAsk extends Required<MeaningOptions> {
  text: string;
  labels: string[];
  limit: number;
  atLeast: number;
  withWorks: boolean;
}

/**
 * The parameters of semantic/nearest: the nodes nearest in meaning to `text`, and, when
 * `withWorks`, the works that discuss the first concepts among them as a ranking of its own.
 * Null when none of `labels` is embedded.
 */
async function nearestParams(embedder: Embedder, { text, labels, limit, atLeast, withWorks, conceptDefinitions }: NearestAsk) {
  const kinds = labels.filter((l) => l !== 'Person'); // people are not embedded
  const workKinds = labels.filter((l) => l === 'Talk' || l === 'Paper');
  if (labels.length > 0 && kinds.length === 0) return null;
  return {
    vector: Array.from(await embedder.embedQuery(text)),
    model: embedder.name,
    kinds,
    limit,
    atLeast,
    scan: Math.min(10_000, Math.max(kinds.length === 0 ? SCAN.anyKind : SCAN.someKinds, limit * SCAN.perResult)),
    conceptCount: withWorks && (labels.length === 0 || workKinds.length > 0) ? hybridTuning.conceptsForWorks : 0,
    workKinds,
    perConcept: Math.max(limit, hybridTuning.worksPerConcept),
    definitions: conceptDefinitions,
  };
}

/** semantic/nearest's row, with each work's concepts as nodes. */
function meaningFrom(row: NearestRow | undefined) {
  const meaning = row?.meaning ?? [];
  const concepts = new Map(meaning.flatMap((hit) => (hit.node.__type === 'Concept' ? [[hit.node.id, hit.node as ConceptNode]] : [])));
  const works = (row?.works ?? []).map((hit) => ({ node: hit.node, via: hit.via.map((id) => concepts.get(id)!) }));
  return { meaning, works };
}

async function meaningOf(db: Database, embedder: Embedder, ask: NearestAsk) {
  const params = await nearestParams(embedder, ask);
  return meaningFrom(params ? (await db.read<NearestRow>('semantic/nearest', params))[0] : undefined);
}

/**
 * HYBRID's two rankings of `depth` hits: by words and by meaning. The Lucene query is made while
 * the query is embedded; then the full-text search and the vector search run in one statement,
 * one round trip instead of two.
 */
async function wordsAndMeaning(
  db: Database,
  embedder: Embedder,
  text: string,
  labels: string[],
  depth: number,
  conceptDefinitions: boolean,
) {
  const queries = luceneQueries(text);
  const [lucene, nearest] = await Promise.all([
    queries ? luceneQuery(db, queries) : null,
    nearestParams(embedder, { text, labels, limit: depth, atLeast: embedder.spec.unrelatedBelow, withWorks: true, conceptDefinitions }),
  ]);
  if (lucene === null || nearest === null) {
    // One ranking only (no searchable words, or only people asked for): its statement alone, with
    // the Lucene query already made.
    const [words] = lucene
      ? await db.read<Page<SearchHit>>('search/fulltext', fulltextParams(text, lucene.query, labels, { offset: 0, limit: depth }))
      : [];
    return {
      words: words && lucene ? { total: words.total, items: words.items, typosForgiven: lucene.fuzzy } : null,
      ...meaningFrom(nearest ? (await db.read<NearestRow>('semantic/nearest', nearest))[0] : undefined),
    };
  }
  // Both statements read `limit` as the depth.
  const row = await db.readTogether<Page<SearchHit> & NearestRow>(['search/fulltext', 'semantic/nearest'], {
    ...fulltextParams(text, lucene.query, labels, { offset: 0, limit: depth }),
    ...nearest,
  });
  return { words: { total: row.total, items: row.items, typosForgiven: lucene.fuzzy }, ...meaningFrom(row) };
}

const isExactName = (node: SearchableNode, key: string) => (node.keys ?? []).includes(key) || nameOf(node).toLowerCase() === key;

export async function searchNodes(
  db: Database,
  embedder: Embedder | null,
  text: string,
  labels: string[],
  requested: SearchMode | null,
  { offset, limit }: PageParams,
  { conceptDefinitions = false }: MeaningOptions = {},
): Promise<SearchPage> {
  const mode: SearchMode = embedder ? (requested ?? 'HYBRID') : 'LEXICAL';
  if (mode === 'LEXICAL') {
    const page = await wordSearch(db, text, labels, { offset, limit });
    const key = text.trim().toLowerCase();
    return {
      ...page,
      mode,
      items: page.items.map((hit) => ({
        node: hit.node,
        score: hit.score,
        matchedBy: isExactName(hit.node, key) ? ['EXACT_NAME', 'WORDS'] : ['WORDS'],
        wordScore: hit.score,
        similarity: null,
        concepts: [],
      })),
    };
  }
  const depth = Math.min(MAX_DEPTH, offset + limit + hybridTuning.depthBeyondPage);
  const {
    words,
    meaning,
    works: viaConcepts,
  } = mode === 'HYBRID'
    ? await wordsAndMeaning(db, embedder!, text, labels, depth, conceptDefinitions)
    : {
        words: null,
        ...(await meaningOf(db, embedder!, {
          text,
          labels,
          limit: depth,
          atLeast: embedder!.spec.unrelatedBelow,
          withWorks: false,
          conceptDefinitions,
        })),
      };
  const best = words?.items[0]?.score ?? 0;
  const wordHits = (words?.items ?? []).filter((hit) => hit.score >= hybridTuning.wordsFloor * best);
  const fused = reciprocalRankFusion<{ node: SearchableNode }>(
    [wordHits, meaning, viaConcepts],
    (hit) => hit.node.id,
    undefined,
    hybridTuning.weights,
  );
  const conceptsOf = new Map(viaConcepts.map((hit) => [hit.node.id, hit.via]));
  const wordScore = new Map(wordHits.map((hit) => [hit.node.id, hit.score]));
  const similarity = new Map(meaning.map((hit) => [hit.node.id, hit.similarity]));
  const key = text.trim().toLowerCase();
  const hits: HybridHit[] = fused.map(({ item, score }) => {
    const id = item.node.id;
    const matchedBy: MatchKind[] = [];
    if (isExactName(item.node, key)) matchedBy.push('EXACT_NAME');
    if (wordScore.has(id)) matchedBy.push('WORDS');
    if (similarity.has(id)) matchedBy.push('MEANING');
    if (conceptsOf.has(id)) matchedBy.push('CONCEPT');
    return {
      node: item.node,
      score: mode === 'SEMANTIC' ? similarity.get(id)! : score,
      matchedBy,
      wordScore: wordScore.get(id) ?? null,
      similarity: similarity.get(id) ?? null,
      concepts: conceptsOf.get(id) ?? [],
    };
  });
  // Exact names first, the fused order otherwise (a stable sort keeps it).
  hits.sort((a, b) => Number(b.matchedBy[0] === 'EXACT_NAME') - Number(a.matchedBy[0] === 'EXACT_NAME'));
  // Word matches beyond the depth read are counted, though not ranked here.
  const unread = words ? Math.max(0, words.total - wordHits.length) : 0;
  return {
    total: hits.length + unread,
    items: hits.slice(offset, offset + limit),
    typosForgiven: words?.typosForgiven ?? false,
    mode,
  };
}
