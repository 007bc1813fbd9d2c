/** Search by meaning with the real model, through the API: the examples, modes, fallbacks. */
import { describe, expect, it } from 'vitest';
import { localId } from '../../src/schema/ids.js';
import { createApi } from '../../src/server/yoga.js';
import { useSemanticApi } from './embedder.js';
import { gql } from './helpers.js';

const api = useSemanticApi();
const { db } = api;

const searchQuery = `query($q: String!, $mode: SearchMode, $types: [SearchType!]) {
  search(query: $q, mode: $mode, types: $types, first: 5) {
    semantic mode typosForgiven
    edges { score matchedBy similarity wordScore node { __typename ... on Talk { id title } ... on Paper { id title } ... on Concept { id name } ... on Person { id name } } }
  }
}`;
const search = async (server: typeof api.yoga, q: string, mode?: string, types?: string[]) => {
  const result = await gql(server, searchQuery, { q, mode, types });
  expect(result.errors).toBeUndefined();
  return result.data.search;
};
const titles = (edges: any[]) => edges.map((e) => e.node.title ?? e.node.name);

describe('search by meaning (default HYBRID)', () => {
  it('finds Deep Voice for "turning written text into spoken audio", saying it matched by meaning', async () => {
    const answer = await search(api.yoga, 'turning written text into spoken audio');
    expect(answer).toMatchObject({ semantic: true, mode: 'HYBRID' });
    const deepVoice = answer.edges.find((e: any) => e.node.title === 'Deep Voice: Real-time Neural Text-to-Speech');
    expect(deepVoice, titles(answer.edges).join(' | ')).toBeDefined();
    expect(deepVoice.matchedBy).toContain('MEANING');
    expect(deepVoice.similarity).toBeGreaterThan(0.6);
  });

  it('finds neural message passing for "predicting properties of molecules", which shares no word with its title', async () => {
    const answer = await search(api.yoga, 'predicting properties of molecules');
    expect(titles(answer.edges), titles(answer.edges).join(' | ')).toContain('Neural Message Passing for Quantum Chemistry');
  });

  it('puts an exact name or alias first, marked EXACT_NAME', async () => {
    const answer = await search(api.yoga, 'WaveNet');
    expect(answer.edges[0].node).toMatchObject({ __typename: 'Concept', name: 'WaveNet' });
    expect(answer.edges[0].matchedBy).toEqual(['EXACT_NAME', 'WORDS', 'MEANING']);
  });

  it('ranks the works of the concepts found by meaning, each naming the concepts it discusses', async () => {
    const result = await gql(
      api.yoga,
      `query($q: String!) { search(query: $q, first: 30) { edges { matchedBy concepts { id } node { ... on Talk { id } ... on Paper { id } } } } }`,
      { q: 'pitting a generator network against a discriminator' },
    );
    expect(result.errors).toBeUndefined();
    const viaConcepts = result.data.search.edges.filter((e: any) => e.matchedBy.includes('CONCEPT'));
    expect(viaConcepts.length).toBeGreaterThan(0);
    for (const edge of viaConcepts) {
      const ids = edge.concepts.map((c: any) => localId(c.id));
      expect(ids.length).toBeGreaterThan(0);
      const [row] = await db.runText<{ n: number }>(
        'MATCH (w:Work {id: $work})-[:DISCUSSES]->(c:Concept) WHERE c.id IN $ids RETURN count(DISTINCT c) AS n',
        { work: localId(edge.node.id), ids },
        'READ',
      );
      expect(row!.n, `${localId(edge.node.id)} discusses ${ids.join(', ')}`).toBe(ids.length);
    }
  });

  it('reads words and meaning in two round trips, scoring the words as LEXICAL does', async () => {
    const query = 'generative adversarial networks';
    await search(api.yoga, query); // the query's vector is cached from here on
    const before = db.roundTrips;
    const hybrid = await search(api.yoga, query);
    expect(db.roundTrips - before).toBe(2); // the Lucene query, then full-text and vector search in one statement
    const lexical = await search(api.yoga, query, 'LEXICAL');
    const wordScores = new Map(lexical.edges.map((e: any) => [e.node.id, e.wordScore]));
    const shared = hybrid.edges.filter((e: any) => wordScores.has(e.node.id));
    expect(shared.length).toBeGreaterThan(0);
    for (const edge of shared) expect(edge.wordScore).toBeCloseTo(wordScores.get(edge.node.id) as number, 6);
  });

  it('finds people by their words, since people are not embedded', async () => {
    const answer = await search(api.yoga, 'Yoshua Bengio', 'HYBRID', ['PERSON']);
    expect(answer.edges[0].node.name).toBe('Yoshua Bengio');
    expect(answer.edges[0].matchedBy).toContain('WORDS');
  });
});

describe('search modes', () => {
  it('LEXICAL matches words only and says so', async () => {
    const answer = await search(api.yoga, 'turning written text into spoken audio', 'LEXICAL');
    expect(answer).toMatchObject({ semantic: false, mode: 'LEXICAL' });
    for (const edge of answer.edges) {
      expect(edge.matchedBy).not.toContain('MEANING');
      expect(edge.similarity).toBeNull();
    }
  });

  it('SEMANTIC ranks by cosine similarity, best first', async () => {
    const answer = await search(api.yoga, 'turning written text into spoken audio', 'SEMANTIC');
    const scores = answer.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(answer.edges.every((e: any) => e.matchedBy.includes('MEANING') && e.score === e.similarity)).toBe(true);
    expect(titles(answer.edges)).toContain('Deep Voice: Real-time Neural Text-to-Speech');
  });

  it('falls back to words, and says so, when the model is missing', async () => {
    const wordsOnly = createApi({ db });
    const answer = await search(wordsOnly, 'turning written text into spoken audio', 'HYBRID');
    expect(answer).toMatchObject({ semantic: false, mode: 'LEXICAL' });
    expect(answer.edges.length).toBeGreaterThan(0);
  });
});
