/**
 * Every read argument that takes a concept resolves free text as relatedToConcept does (id, name
 * or alias; a close spelling; the meaning), says how (resolvedConcepts), and is NOT_FOUND naming
 * the nearest concepts when nothing is close enough; writes never guess. Real Neo4j, real model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApi } from '../../src/server/yoga.js';
import { useRealEmbedder } from './embedder.js';
import { gql, TestHelper } from './helpers.js';

const helper = new TestHelper('concept-arguments');
const model = useRealEmbedder();
let yoga: ReturnType<typeof createApi>;
beforeAll(() => {
  yoga = createApi({
    db: helper.db,
    embedder: model.embedder,
    config: loadConfig({ CURATOR_TOKENS: `alice:${helper.curatorToken}` }),
  });
});
afterAll(() => helper.close());

const ask = (query: string, variables: Record<string, unknown>) => gql(yoga, query, variables);
const RESOLVED = 'resolvedConcepts { text concept { slug name } how score }';

/**
 * The five kinds of text each argument is tried with: the concept each stands for, and how it is
 * taken. The works named are ones that discuss that concept in the seeded notes.
 */
const wasserstein = { slug: 'wasserstein-distance', talk: 'Wasserstein GAN', paper: 'Wasserstein Generative Adversarial Networks' };
const texts = [
  { kind: 'an exact name', text: 'Wasserstein distance', how: 'EXACT', ...wasserstein },
  { kind: 'an id', text: 'wasserstein-distance', how: 'EXACT', ...wasserstein },
  {
    kind: 'an alias',
    text: 'ewc',
    slug: 'elastic-weight-consolidation',
    how: 'ALIAS',
    talk: 'Continual Learning Through Synaptic Intelligence',
    paper: 'Overcoming catastrophic forgetting in neural networks',
  },
  { kind: 'a typo', text: 'Wasserstien distance', how: 'FUZZY', ...wasserstein },
  {
    kind: 'a paraphrase',
    text: 'generating speech from text',
    slug: 'text-to-speech',
    how: 'SEMANTIC',
    talk: 'Deep Voice: Real-time Neural Text-to-Speech',
    paper: 'Deep Voice: Real-time Neural Text-to-Speech',
  },
] as const;
const NONSENSE = 'banana bread recipe';

/** The score each kind of resolution gives: 1 by name, at least 0.8 for a typo, above the model's line by meaning. */
function expectScore(how: string, score: number) {
  if (how === 'EXACT' || how === 'ALIAS') expect(score).toBe(1);
  else if (how === 'FUZZY') expect(score).toBeGreaterThanOrEqual(0.8);
  else expect(score).toBeGreaterThanOrEqual(model.embedder.spec.conceptAtLeast);
}

/** The NOT_FOUND a text no concept is close to gives: naming the argument, the value and the nearest concepts. */
function expectNotCloseEnough(result: Awaited<ReturnType<typeof ask>>, argument: string, value: string, anyNode = false) {
  expect(result.data ?? null).toBeNull();
  const [error] = result.errors!;
  expect(error!.extensions).toMatchObject({ code: 'NOT_FOUND', argument, value });
  const what = anyNode ? `no node is named "${value}", and no concept is close enough to it` : `no concept is close enough to “${value}”`;
  expect(error!.message.startsWith(`${argument}: ${what}; the nearest: “`)).toBe(true);
  const nearest = error!.extensions!.nearest as { concept: string; how: string; score: number }[];
  expect(nearest.length).toBeGreaterThan(0);
  for (const n of nearest) expect(n.how === 'SEMANTIC' ? n.score < model.embedder.spec.conceptAtLeast : n.score < 0.8).toBe(true);
}

describe.each([
  ['talks', 'talks(concept: $c, first: 50)'],
  ['papers', 'papers(concept: $c, first: 50)'],
])('%s(concept)', (field, call) => {
  const query = `query($c: String) { ${call} { totalCount ${RESOLVED} edges { node { title } } } }`;

  it.each(texts)('takes $kind ("$text") as $slug ($how) and lists its works', async ({ text, slug, how, talk, paper }) => {
    const result = await ask(query, { c: text });
    expect(result.errors).toBeUndefined();
    const connection = result.data[field];
    expect(connection.resolvedConcepts).toHaveLength(1);
    const [resolved] = connection.resolvedConcepts;
    expect(resolved).toMatchObject({ text, concept: { slug }, how });
    expectScore(how, resolved.score);
    expect(connection.totalCount).toBeGreaterThan(0);
    expect(connection.edges.map((e: any) => e.node.title)).toContain(field === 'talks' ? talk : paper);
  });

  it('lists exactly the works that discuss the concept, whatever text named it', async () => {
    const lists = await Promise.all(
      ['Wasserstein distance', 'Wasserstien distance'].map(async (c) =>
        (await ask(query, { c })).data[field].edges.map((e: any) => e.node.title),
      ),
    );
    expect(lists[0].length).toBeGreaterThan(0);
    expect(lists[1]).toEqual(lists[0]);
  });

  it(`is NOT_FOUND naming the nearest concepts for "${NONSENSE}", not an empty list`, async () => {
    expectNotCloseEnough(await ask(query, { c: NONSENSE }), 'concept', NONSENSE);
  });

  it('says nothing was resolved when no concept is asked for', async () => {
    const result = await ask(query, { c: null });
    expect(result.data[field].resolvedConcepts).toEqual([]);
    expect(result.data[field].totalCount).toBeGreaterThan(10);
  });
});

describe('graph(center)', () => {
  const query = `query($center: [ID!]) { graph(center: $center, depth: 1, limit: 2000) { ${RESOLVED} nodes { id type name } } }`;

  it.each(texts)('takes $kind ("$text") as $slug ($how) and centres on it', async ({ text, slug, how, talk }) => {
    const result = await ask(query, { center: [text] });
    expect(result.errors).toBeUndefined();
    const { graph } = result.data;
    const [resolved] = graph.resolvedConcepts;
    expect(graph.resolvedConcepts).toHaveLength(1);
    expect(resolved).toMatchObject({ text, concept: { slug }, how });
    expectScore(how, resolved.score);
    expect(graph.nodes[0]).toMatchObject({ id: slug, type: 'Concept' });
    // Its neighbourhood: the works that discuss it.
    expect(graph.nodes.filter((n: any) => n.type === 'Talk').map((n: any) => n.name)).toContain(talk);
  });

  it('takes talks by id as before and reports only the concepts among the centres', async () => {
    const result = await ask(query, { center: ['wasserstein-gan', 'Wasserstien distance'] });
    expect(result.errors).toBeUndefined();
    const ids = result.data.graph.nodes.map((n: any) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['wasserstein-gan', 'wasserstein-distance']));
    expect(result.data.graph.resolvedConcepts).toEqual([
      expect.objectContaining({ text: 'Wasserstien distance', concept: { slug: 'wasserstein-distance', name: 'Wasserstein distance' } }),
    ]);
    const onlyTalk = await ask(query, { center: ['wasserstein-gan'] });
    expect(onlyTalk.data.graph.resolvedConcepts).toEqual([]);
  });

  it(`is NOT_FOUND naming the nearest concepts for "${NONSENSE}"`, async () => {
    expectNotCloseEnough(await ask(query, { center: ['wasserstein-gan', NONSENSE] }), 'center', NONSENSE, true);
  });
  it('resolves the centres of the graph downloads the same way, and refuses nonsense with a 404 that says why', async () => {
    for (const text of ['Wasserstien distance', 'generating speech from text']) {
      const response = await yoga.fetch(`http://localhost/export/graph.cyjs?center=${encodeURIComponent(text)}&depth=1`);
      expect(response.status).toBe(200);
      const ids = (await response.json()).elements.nodes.map((n: any) => n.data.id).sort();
      const { graph } = (await ask(query, { center: [text] })).data;
      expect(ids).toEqual(graph.nodes.map((n: any) => n.id).sort());
    }
    const refused = await yoga.fetch(`http://localhost/export/graph.graphml?center=${encodeURIComponent(NONSENSE)}`);
    expect(refused.status).toBe(404);
    const body = await refused.json();
    expect(body).toMatchObject({ code: 'NOT_FOUND', argument: 'center', value: NONSENSE });
    expect(body.error).toMatch(/^center: no node is named "banana bread recipe", and no concept is close enough to it; the nearest: “/);
  });
});

describe('paths(from, to) and path(from, to)', () => {
  const query = `query($from: ID!, $to: ID!) {
    paths(from: $from, to: $to, first: 1) { ${RESOLVED} paths { nodes { __typename ... on Concept { slug } ... on Talk { slug } } } }
  }`;

  it.each(texts)('takes $kind ("$text") in `from` as $slug ($how) and starts there', async ({ text, slug, how }) => {
    const result = await ask(query, { from: text, to: 'wasserstein-gan' });
    expect(result.errors).toBeUndefined();
    const { paths } = result.data;
    expect(paths.resolvedConcepts).toHaveLength(1);
    expect(paths.resolvedConcepts[0]).toMatchObject({ text, concept: { slug }, how });
    expectScore(how, paths.resolvedConcepts[0].score);
    expect(paths.paths[0].nodes[0]).toEqual({ __typename: 'Concept', slug });
    expect(paths.paths[0].nodes.at(-1)).toEqual({ __typename: 'Talk', slug: 'wasserstein-gan' });
  });

  it.each(texts)('takes $kind ("$text") in `to` as $slug ($how) and ends there', async ({ text, slug, how }) => {
    const result = await ask(query, { from: 'wasserstein-gan', to: text });
    expect(result.errors).toBeUndefined();
    expect(result.data.paths.resolvedConcepts).toEqual([
      expect.objectContaining({ text, concept: expect.objectContaining({ slug }), how }),
    ]);
    expect(result.data.paths.paths[0].nodes.at(-1)).toEqual({ __typename: 'Concept', slug });
  });

  it('reports both ends, from first, when both are concepts given as free text', async () => {
    const result = await ask(query, { from: 'generating speech from text', to: 'ewc' });
    expect(result.errors).toBeUndefined();
    expect(result.data.paths.resolvedConcepts.map((r: any) => [r.text, r.concept.slug, r.how])).toEqual([
      ['generating speech from text', 'text-to-speech', 'SEMANTIC'],
      ['ewc', 'elastic-weight-consolidation', 'ALIAS'],
    ]);
  });

  it(`is NOT_FOUND naming the nearest concepts for "${NONSENSE}" at either end`, async () => {
    expectNotCloseEnough(await ask(query, { from: NONSENSE, to: 'wasserstein-gan' }), 'from', NONSENSE, true);
    expectNotCloseEnough(await ask(query, { from: 'wasserstein-gan', to: NONSENSE }), 'to', NONSENSE, true);
  });

  it('resolves the older path the same way', async () => {
    const older = 'query($from: ID!, $to: ID!) { path(from: $from, to: $to, first: 1) { nodes { ... on Concept { slug } } } }';
    const typo = await ask(older, { from: 'Wasserstien distance', to: 'wasserstein-gan' });
    expect(typo.data.path[0].nodes[0]).toEqual({ slug: 'wasserstein-distance' });
    const meaning = await ask(older, { from: 'generating speech from text', to: 'wasserstein-gan' });
    expect(meaning.data.path[0].nodes[0]).toEqual({ slug: 'text-to-speech' });
    expectNotCloseEnough(await ask(older, { from: NONSENSE, to: 'wasserstein-gan' }), 'from', NONSENSE, true);
  });
});

describe('relatedToConcept(concept)', () => {
  const query = `query($c: String!) { relatedToConcept(concept: $c, first: 3) { ${RESOLVED} } }`;

  it.each(texts)('takes $kind ("$text") as $slug ($how)', async ({ text, slug, how }) => {
    const result = await ask(query, { c: text });
    expect(result.errors).toBeUndefined();
    expect(result.data.relatedToConcept.length).toBeGreaterThan(0);
    expect(result.data.relatedToConcept[0].resolvedConcepts[0]).toMatchObject({ text, concept: { slug }, how });
  });

  it(`is NOT_FOUND naming the nearest concepts for "${NONSENSE}"`, async () => {
    expectNotCloseEnough(await ask(query, { c: NONSENSE }), 'concept', NONSENSE);
  });
});

describe('without the embedding model', () => {
  it('still takes names, aliases and typos, and says NOT_FOUND for a paraphrase', async () => {
    const wordsOnly = createApi({ db: helper.db });
    const query = `query($c: String) { talks(concept: $c) { ${RESOLVED} } }`;
    const typo = await gql(wordsOnly, query, { c: 'Wasserstien distance' });
    expect(typo.data.talks.resolvedConcepts[0]).toMatchObject({ concept: { slug: 'wasserstein-distance' }, how: 'FUZZY' });
    const paraphrase = await gql(wordsOnly, query, { c: 'generating speech from text' });
    expect(paraphrase.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'concept' });
  });
});

describe('curation never guesses a concept', () => {
  const curator = (query: string, variables: Record<string, unknown>) =>
    gql(
      { fetch: (url, init) => yoga.fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${helper.curatorToken}` } }) },
      query,
      variables,
    );
  const upsert = `mutation($id: String!, $b: [String!], $r: [String!]) {
    upsertConcept(id: $id, name: $id, broader: $b, related: $r) { slug broader { slug } related { slug } }
  }`;
  const alias = 'mutation($c: ID!) { addConceptAlias(concept: $c, alias: "a name no concept has") { slug } }';
  const link = `mutation($c: ID!) {
    linkWorkToConcept(work: "wasserstein-gan", concept: $c, source: { url: "https://example.org", quote: "q" }) { title }
  }`;
  const unlink = 'mutation($c: ID!) { removeConceptLink(work: "wasserstein-gan", concept: $c) }';
  const merge = 'mutation($c: ID!) { mergeConcepts(keep: "wasserstein-distance", remove: $c) { slug } }';

  it.each(['Wasserstien distance', 'generating speech from text', NONSENSE])(
    'refuses "%s" with NOT_FOUND and writes nothing',
    async (text) => {
      const id = helper.id('never-guessed');
      const attempts = [
        [await curator(upsert, { id, b: [text] }), 'broader'],
        [await curator(upsert, { id, r: [text] }), 'related'],
        [await curator(alias, { c: text }), 'concept'],
        [await curator(link, { c: text }), 'concept'],
        [await curator(unlink, { c: text }), 'concept'],
        [await curator(merge, { c: text }), 'remove'],
      ] as const;
      for (const [result, argument] of attempts) {
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument, value: text });
        expect(result.errors![0]!.message).toBe(`${argument}: no concept is named "${text}"`);
      }
      const [row] = await helper.db.runText('MATCH (c:Concept {id: $id}) RETURN count(c) AS n', { id }, 'READ');
      expect(Number(row!.n)).toBe(0);
    },
  );

  it('links broader and related concepts named exactly, by id, name or alias', async () => {
    const id = helper.id('exactly-named');
    // (Without the model: a concept this file creates leaves no embedding behind when it is removed.)
    const result = await helper.requestWith(`Bearer ${helper.curatorToken}`, upsert, { id, b: ['Wasserstein distance'], r: ['ewc'] });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertConcept).toEqual({
      slug: id,
      broader: [{ slug: 'wasserstein-distance' }],
      related: [{ slug: 'elastic-weight-consolidation' }],
    });
  });
});
