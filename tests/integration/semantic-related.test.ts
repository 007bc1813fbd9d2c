/** Free-text concepts and related work by meaning, with the real model, through the API. */
import { describe, expect, it } from 'vitest';
import { rankingScore, scoreTuning } from '../../src/model/vocabulary.js';
import { createApi } from '../../src/server/yoga.js';
import { useSemanticApi } from './embedder.js';
import { gql } from './helpers.js';

const api = useSemanticApi();
const { db, model } = api;

const related = `query($concept: String!) {
  relatedToConcept(concept: $concept, first: 5) {
    work { ... on Talk { title } ... on Paper { title } }
    resolvedConcepts { concept { name } how score }
    reasons { kind semantic }
  }
}`;
const resolve = `query($text: String!) {
  resolveConcept(text: $text) { text resolved resolvedConcepts { concept { name } how score } nearest { concept { name } how score } relatedWork { score } }
}`;

describe('relatedToConcept with free text', () => {
  it('resolves "primal-dual" to "Primal-dual formulation" and says how', async () => {
    const result = await gql(api.yoga, related, { concept: 'primal-dual' });
    expect(result.errors).toBeUndefined();
    expect(result.data.relatedToConcept.length).toBeGreaterThan(0);
    const [first] = result.data.relatedToConcept[0].resolvedConcepts;
    expect(first.concept.name).toBe('Primal-dual formulation');
    expect(['FUZZY', 'SEMANTIC']).toContain(first.how);
    expect(result.data.relatedToConcept.map((r: any) => r.work.title)).toContain('Wasserstein GAN');
  });

  it.each([
    ['Primal-dual formulation', 'EXACT', 1],
    ['dual form', 'ALIAS', 1],
  ])('takes "%s" as a stored name (%s)', async (text, how, score) => {
    const result = await gql(api.yoga, resolve, { text });
    expect(result.data.resolveConcept.resolvedConcepts).toEqual([{ concept: { name: 'Primal-dual formulation' }, how, score }]);
  });

  it('forgives a typo (FUZZY, with its edit similarity)', async () => {
    const result = await gql(api.yoga, resolve, { text: 'Wasserstien distance' });
    const [first] = result.data.resolveConcept.resolvedConcepts;
    expect(first).toMatchObject({ concept: { name: 'Wasserstein distance' }, how: 'FUZZY' });
    expect(first.score).toBeGreaterThanOrEqual(0.8);
  });

  it('finds a concept by meaning when no word is shared (SEMANTIC, with its cosine similarity)', async () => {
    const result = await gql(api.yoga, resolve, { text: 'generating speech from text' });
    const [first] = result.data.resolveConcept.resolvedConcepts;
    expect(first).toMatchObject({ concept: { name: 'Text-to-speech' }, how: 'SEMANTIC' });
    expect(result.data.resolveConcept.relatedWork.length).toBeGreaterThan(0);
  });

  it('takes a concept the text also shares words with under the line that meaning alone needs', async () => {
    const result = await gql(api.yoga, resolve, { text: 'the generator keeps producing the same output' });
    const [first] = result.data.resolveConcept.resolvedConcepts;
    expect(first).toMatchObject({ concept: { name: 'Mode collapse' }, how: 'SEMANTIC' });
    // Under the line a text needs by meaning alone: the shared word ("generator") carries it.
    expect(first.score).toBeLessThan(model.embedder.spec.conceptAtLeast);
    expect(first.score).toBeGreaterThanOrEqual(model.embedder.spec.unrelatedBelow);
  });

  it('takes a concept at its definition alone when that is nearer than its whole text', async () => {
    // Model calibration's whole text is not among the 6 nearest; its definition ("... modern
    // networks tend to be overconfident") is the nearest of all.
    const result = await gql(api.yoga, resolve, { text: 'overconfident neural networks' });
    const [first] = result.data.resolveConcept.resolvedConcepts;
    expect(first).toMatchObject({ concept: { name: 'Model calibration' }, how: 'SEMANTIC' });
  });

  it('says so when nothing is close enough: NOT_FOUND naming the nearest, or resolved: false', async () => {
    const failed = await gql(api.yoga, related, { concept: 'banana bread recipe' });
    expect(failed.data).toBeNull();
    expect(failed.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(failed.errors![0]!.message).toMatch(/no concept is close enough to “banana bread recipe”; the nearest: “/);
    const explicit = await gql(api.yoga, resolve, { text: 'banana bread recipe' });
    expect(explicit.data.resolveConcept).toMatchObject({ resolved: false, resolvedConcepts: [], relatedWork: [] });
    expect(explicit.data.resolveConcept.nearest.length).toBeGreaterThan(0);
  });

  it('without the model, still takes names, aliases and typos, and says NOT_FOUND for the rest', async () => {
    const wordsOnly = createApi({ db });
    const byName = await gql(wordsOnly, related, { concept: 'Primal-dual formulation' });
    expect(byName.data.relatedToConcept[0].resolvedConcepts[0].how).toBe('EXACT');
    const byMeaning = await gql(wordsOnly, related, { concept: 'generating speech from text' });
    expect(byMeaning.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('SIMILAR_TEXT', () => {
  const relatedWork = `query($to: [ID!]!) {
    relatedWork(to: $to, first: 10) {
      work { ... on Talk { id title } ... on Paper { id title } }
      score
      reasons(all: true) { kind weight semantic similarity comparedTexts description nodes { ... on Talk { title } } }
    }
  }`;

  it('relates works by the meaning of their text, marked as the model’s and not the notes’', async () => {
    const result = await gql(api.yoga, relatedWork, { to: ['deep-voice-real-time-neural-text-to-speech'] });
    expect(result.errors).toBeUndefined();
    const reasons = result.data.relatedWork.flatMap((r: any) => r.reasons.filter((reason: any) => reason.kind === 'SIMILAR_TEXT'));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(reason).toMatchObject({ semantic: true, nodes: [{ title: 'Deep Voice: Real-time Neural Text-to-Speech' }] });
      expect(reason.similarity).toBeGreaterThan(model.embedder.spec.similarAbove);
      expect(reason.weight).toBeGreaterThan(0);
      expect(reason.comparedTexts).toHaveLength(2);
      expect(reason.comparedTexts[0]).toMatch(/^Deep Voice: Real-time Neural Text-to-Speech\. A fully neural text-to-speech/);
      expect(reason.description).toMatch(/found by the embedding model, not stated in the notes/);
    }
    const others = result.data.relatedWork.flatMap((r: any) => r.reasons.filter((reason: any) => reason.kind !== 'SIMILAR_TEXT'));
    expect(others.every((reason: any) => reason.semantic === false)).toBe(true);
  });

  it('adds its weight to the inferred reasons of the score and never returns the seed or its paper', async () => {
    const result = await gql(api.yoga, relatedWork, { to: ['deep-voice-real-time-neural-text-to-speech'] });
    const sum = (reasons: any[]) => reasons.reduce((total: number, reason: any) => total + reason.weight, 0);
    for (const r of result.data.relatedWork) {
      const stated = r.reasons.filter((reason: any) => scoreTuning.stated.includes(reason.kind));
      const inferred = r.reasons.filter((reason: any) => !scoreTuning.stated.includes(reason.kind));
      expect(r.score).toBeCloseTo(rankingScore(sum(stated), sum(inferred)), 6);
      expect(r.work.title).not.toBe('Deep Voice: Real-time Neural Text-to-Speech');
    }
  });
});

describe('SIMILAR_TEXT in relatedToConcept', () => {
  const query = `query($concept: String!) {
    relatedToConcept(concept: $concept, first: 20) {
      work { ... on Talk { slug } ... on Paper { slug } }
      resolvedConcepts { concept { name } }
      reasons(all: true) { kind weight semantic similarity comparedTexts nodes { ... on Concept { name } } }
    }
  }`;

  it('relates works whose text is close to the concept’s, including works the notes never link to it', async () => {
    const result = await gql(api.yoga, query, { concept: 'DiscoGAN' });
    expect(result.errors).toBeUndefined();
    const works = result.data.relatedToConcept;
    const similar = works.flatMap((r: any) => r.reasons.filter((reason: any) => reason.kind === 'SIMILAR_TEXT'));
    expect(similar.length).toBeGreaterThan(0);
    for (const reason of similar) {
      expect(reason).toMatchObject({ semantic: true, nodes: [{ name: 'DiscoGAN' }] });
      expect(reason.similarity).toBeGreaterThan(model.embedder.spec.similarAbove);
      expect(reason.weight).toBeGreaterThan(0);
      expect(reason.comparedTexts).toHaveLength(2);
      expect(reason.comparedTexts[0]).toMatch(/^DiscoGAN/);
    }
    // A work with no stated link to the concept, found by meaning alone, still says which concept
    // it was found through.
    const byMeaningAlone = works.filter((r: any) => r.reasons.every((reason: any) => reason.kind === 'SIMILAR_TEXT'));
    expect(byMeaningAlone.length).toBeGreaterThan(0);
    for (const r of byMeaningAlone) expect(r.resolvedConcepts).toEqual([{ concept: { name: 'DiscoGAN' } }]);
    const [linked] = await db.runText(
      `MATCH (c:Concept {name: 'DiscoGAN'}) UNWIND $ids AS id MATCH (w:Work {id: id})
       RETURN sum(count { (w)-[:DISCUSSES]->(c) } + count { (w)-[:PRESENTS]-(:Work)-[:DISCUSSES]->(c) }) AS links`,
      { ids: byMeaningAlone.map((r: any) => r.work.slug) },
      'READ',
    );
    expect(Number(linked!.links)).toBe(0);
  });
});
