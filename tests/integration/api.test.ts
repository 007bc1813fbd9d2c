import { type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../../src/server/examples.js';
import { gql, TestHelper } from './helpers.js';

const helper = new TestHelper('api');
const { yoga } = helper;
afterAll(() => helper.close());

/** Runs a query that must succeed and returns its data. */
async function data<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await gql<T>(yoga, query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

async function errorOf(query: string, variables: Record<string, unknown> = {}) {
  const result = await gql(yoga, query, variables);
  expect(result.errors).toBeDefined();
  return result.errors![0]!;
}

const DISCOGAN = 'learning-to-discover-cross-domain-relations-with-gans';

describe('works and their facts', () => {
  it('gives a talk its day, session, people, concepts, links and sources', async () => {
    const { talk } = await data(`{
      talk(id: "${DISCOGAN}") {
        id title kind year summary
        day { number title } session { title } parent { title }
        source { document line quote }
        presents { title }
        concepts { name aliases }
        conceptLinks { concept { name } source { line quote } }
        links { url kind asWritten corrected source { line } }
        referencesOut { type work { title ... on Paper { arxiv } } source { line quote } }
      }
    }`);
    expect(talk).toMatchObject({
      title: 'Learning to Discover Cross-Domain Relations with GANs',
      kind: 'TALK',
      year: 2017,
      day: { number: 2 },
      session: { title: 'Session 2 - Deep Generative Models 2' },
      parent: null,
      source: { document: 'icml-2017-notes', line: 148, quote: 'Learning to Discover Cross-Domain Relations with GANs' },
    });
    expect(talk.links).toContainEqual({
      url: 'https://github.com/SKTBrain/DiscoGAN',
      kind: 'CODE',
      asWritten: 'https//github.com/SKTBrain/DiscoGAN',
      corrected: true,
      source: { line: 158 },
    });
    expect(talk.referencesOut).toContainEqual(
      expect.objectContaining({
        type: 'FOLLOW_UP_READ',
        work: { title: 'Unsupervised Visual Attribute Transfer with Reconfigurable Generative Adversarial Networks', arxiv: '1707.09798' },
      }),
    );
    expect(talk.referencesOut.find((r: any) => r.type === 'RELATED').work.arxiv).toBe('1703.10593');
    expect(talk.conceptLinks.length).toBeGreaterThan(0);
    for (const link of talk.conceptLinks) expect(link.source.line).toBeGreaterThanOrEqual(148);
  });

  it('resolves a global id and a plain id to the same node, and an unknown id to null', async () => {
    const { talk } = await data(`{ talk(id: "wasserstein-gan") { id title } }`);
    const byGlobal = await data(`query($id: ID!) { node(id: $id) { id ... on Talk { title } } talk(id: $id) { title } }`, { id: talk.id });
    expect(byGlobal).toEqual({ node: { id: talk.id, title: 'Wasserstein GAN' }, talk: { title: 'Wasserstein GAN' } });
    const unknown = await data(
      `query($id: ID!) { talk(id: "no-such-talk") { id } paper(id: "wasserstein-gan") { id } node(id: "VGFsazpub3BlCg==") { id } nodes(ids: ["VGFsazpub3BlCg==", $id]) { id } }`,
      { id: talk.id },
    );
    expect(unknown).toEqual({ talk: null, paper: null, node: null, nodes: [null, { id: talk.id }] });
  });

  it('links sections to their invited talk', async () => {
    const { talks } = await data(
      `{ talks(kind: SECTION, first: 50) { totalCount edges { node { title parent { title kind sections { title } } } } } }`,
    );
    expect(talks.totalCount).toBeGreaterThanOrEqual(5);
    const montezuma = talks.edges.find((e: any) => e.node.title.startsWith('Montezuma'));
    expect(montezuma.node.parent.title).toBe('Deep Reinforcement Learning in Complex Environments');
    expect(montezuma.node.parent.sections.map((s: any) => s.title)).toContain(montezuma.node.title);
  });

  it('finds concepts and people by name or alias, whatever the case', async () => {
    const result = await data(`{
      ewc: concept(name: "ewc") { name aliases works { totalCount } }
      wgan: concept(name: "WGAN") { name }
      nobody: concept(name: "no such idea") { name }
      arora: person(name: "sanjeev arora") { name works { edges { node { title } } } }
    }`);
    expect(result.ewc.name).toMatch(/^Elastic weight consolidation$/i);
    expect(result.ewc.aliases).toContain('EWC');
    expect(result.ewc.works.totalCount).toBeGreaterThan(0);
    expect(result.wgan.name).toBe('Wasserstein GAN');
    expect(result.nobody).toBeNull();
    expect(result.arora.works.edges.map((e: any) => e.node.title)).toContain(
      'Do GANs Actually Learn the Distribution? Some Theory and Empirics',
    );
  });
});

describe('lists', () => {
  it('filters talks by day, session, kind, concept, person and text, and pages them', async () => {
    const r = await data(`{
      day2: talks(day: 2, first: 100) { totalCount }
      session: talks(session: "Deep Generative Models 2") { edges { node { title } } }
      tutorials: talks(kind: TUTORIAL) { totalCount }
      lipschitz: talks(concept: "Lipschitz constraint") { edges { node { title } } }
      arora: talks(person: "Sanjeev Arora") { edges { node { title } } }
      text: talks(text: "wasserstein") { edges { node { title } } }
      page1: talks(first: 5) { totalCount edges { cursor node { title } } pageInfo { hasNextPage endCursor } }
    }`);
    expect(r.day2.totalCount).toBeGreaterThan(15);
    expect(r.session.edges.map((e: any) => e.node.title)).toContain('Wasserstein GAN');
    expect(r.tutorials.totalCount).toBe(3);
    expect(r.lipschitz.edges.map((e: any) => e.node.title)).toContain('Wasserstein GAN');
    expect(r.arora.edges.map((e: any) => e.node.title)).toContain('Do GANs Actually Learn the Distribution? Some Theory and Empirics');
    expect(r.text.edges.map((e: any) => e.node.title)).toContain('Wasserstein GAN');
    expect(r.page1.edges).toHaveLength(5);
    expect(r.page1.pageInfo.hasNextPage).toBe(true);

    const next = await data(`query($after: String) { talks(first: 5, after: $after) { edges { node { title } } } }`, {
      after: r.page1.pageInfo.endCursor,
    });
    const firstTitles = r.page1.edges.map((e: any) => e.node.title);
    expect(next.talks.edges).toHaveLength(5);
    for (const e of next.talks.edges) expect(firstTitles).not.toContain(e.node.title);
  });

  it('lists papers, concepts and people with totals', async () => {
    const r = await data(`{
      papers(year: 2017, first: 3, orderBy: TITLE) { totalCount edges { node { title year } } }
      concepts(text: "gan", orderBy: WORKS, first: 3) { totalCount edges { node { name } } }
      people(text: "ganguli") { edges { node { name aliases } } }
    }`);
    expect(r.papers.totalCount).toBeGreaterThan(20);
    for (const e of r.papers.edges) expect(e.node.year).toBe(2017);
    expect(r.concepts.totalCount).toBeGreaterThan(3);
    expect(r.people.edges[0].node.name).toBe('Surya Ganguli');
  });

  it('gives the schedule: days in order, sessions in order, all talks in order', async () => {
    const { schedule } = await data(`{ schedule { number title sessions { title order } talks { order title } } }`);
    expect(schedule.map((d: any) => d.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(schedule[1].sessions[0].title).toBe('Session 1 - Deep Generative Models 1');
    for (const day of schedule) {
      expect(day.talks.map((t: any) => t.order)).toEqual(day.talks.map((_: unknown, i: number) => i + 1));
      expect(day.sessions.map((s: any) => s.order)).toEqual(day.sessions.map((_: unknown, i: number) => i + 1));
    }
    expect(schedule.reduce((n: number, d: any) => n + d.talks.length, 0)).toBe(73);
  });
});

describe('search', () => {
  const search = (query: string, extra = '') =>
    data(
      `query($q: String!) { search(query: $q${extra}) { totalCount typosForgiven edges { score node { __typename ... on Talk { title } ... on Paper { title } ... on Concept { name } ... on Person { name } } } } }`,
      { q: query },
    );

  it('finds Sanjeev Arora\'s workshop talk first for "birthday paradox"', async () => {
    const { search: result } = await search('birthday paradox');
    expect(result.edges[0].node).toEqual({
      __typename: 'Talk',
      title: 'Do GANs Actually Learn the Distribution? Some Theory and Empirics',
    });
    const scores = result.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('takes Lucene special characters as plain text', async () => {
    for (const query of ['GAN (Wasserstein', 'wasserstein~~ AND OR "', 'EWC) || NOT [', '*', 'a:b/c\\d']) {
      const result = await gql(yoga, `query($q: String!) { search(query: $q) { totalCount } }`, { q: query });
      expect(result.errors, query).toBeUndefined();
    }
    const { search: result } = await search('GAN (Wasserstein');
    expect(result.edges.map((e: any) => e.node.title ?? e.node.name)).toContain('Wasserstein GAN');
  });

  it('forgives small typos', async () => {
    const { search: result } = await search('Wasserstien', ', types: [TALK]');
    expect(result.typosForgiven).toBe(true);
    expect(result.edges[0].node.title).toBe('Wasserstein GAN');
    const { search: temperature } = await search('temprature scaling');
    expect(temperature.edges.slice(0, 3).map((e: any) => e.node.title ?? e.node.name)).toContain(
      'On Calibration of Modern Neural Networks',
    );
  });

  it('matches the words as typed when they occur together, without typos', async () => {
    // "network" is one typo away from "networks": only the exact word matches.
    const { search: exact } = await search('network');
    expect(exact.typosForgiven).toBe(false);
    const { search: misspelt } = await search('networkz');
    expect(misspelt.typosForgiven).toBe(true);
    expect(misspelt.totalCount).toBeGreaterThan(exact.totalCount);
  });

  it('restricts results to the requested kinds', async () => {
    const { search: result } = await search('wasserstein', ', types: [CONCEPT, PERSON]');
    expect(result.totalCount).toBeGreaterThan(0);
    for (const e of result.edges) expect(['Concept', 'Person']).toContain(e.node.__typename);
  });
});

describe('related work, trails and paths', () => {
  it('ranks the talks about the Lipschitz constraint, Wasserstein GAN among them', async () => {
    const { relatedToConcept } = await data(
      `{ relatedToConcept(concept: "Lipschitz constraint", first: 10) { score work { title kind } reasons { kind weight source { line quote } } } }`,
    );
    const wgan = relatedToConcept.find((r: any) => r.work.title === 'Wasserstein GAN' && r.work.kind === 'TALK');
    expect(wgan).toBeDefined();
    expect(wgan.reasons[0]).toMatchObject({ kind: 'DISCUSSES', weight: 1 });
    expect(wgan.reasons[0].source.line).toBeGreaterThanOrEqual(168);
    const scores = relatedToConcept.map((r: any) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('ranks CycleGAN and the Reconfigurable GAN follow-up near the top for the DiscoGAN talk, with their quotes', async () => {
    const { relatedWork } = await data(
      `query($to: [ID!]!) { relatedWork(to: $to, first: 10) { score work { title } reasons { kind description source { line quote } } } }`,
      { to: [DISCOGAN] },
    );
    const titles = relatedWork.map((r: any) => r.work.title);
    const followUp = titles.indexOf('Unsupervised Visual Attribute Transfer with Reconfigurable Generative Adversarial Networks');
    const cycleGan = titles.findIndex((t: string) => /Cycle-Consistent/.test(t));
    expect(followUp).toBeGreaterThanOrEqual(0);
    expect(followUp).toBeLessThan(3);
    expect(cycleGan).toBeGreaterThanOrEqual(0);
    expect(cycleGan).toBeLessThan(3);
    expect(relatedWork[followUp].reasons).toContainEqual(
      expect.objectContaining({
        kind: 'FOLLOW_UP_READ',
        source: { line: 158, quote: expect.stringContaining('Reconfigurable GAN') },
      }),
    );
    expect(relatedWork[cycleGan].reasons).toContainEqual(
      expect.objectContaining({
        kind: 'RELATED',
        source: { line: 162, quote: expect.stringContaining('CycleGAN') },
      }),
    );
    expect(titles).not.toContain('Learning to Discover Cross-Domain Relations with GANs');
  });

  it('leaves out excluded works and takes several seeds', async () => {
    const cycle = (await data(`{ papers(text: "cycle-consistent") { edges { node { id } } } }`)).papers.edges[0].node.id;
    const { relatedWork } = await data(
      `query($exclude: [ID!]) { relatedWork(to: ["${DISCOGAN}", "wasserstein-gan"], exclude: $exclude, first: 20) { work { id title } reasons { seed { title } } } }`,
      { exclude: [cycle] },
    );
    expect(relatedWork.map((r: any) => r.work.id)).not.toContain(cycle);
    const seeds = new Set(relatedWork.flatMap((r: any) => r.reasons.map((reason: any) => reason.seed?.title)));
    expect(seeds.has('Wasserstein GAN') || seeds.has('Learning to Discover Cross-Domain Relations with GANs')).toBe(true);
    expect(relatedWork.map((r: any) => r.work.title)).not.toContain('Wasserstein GAN');
  });

  it('follows the reading trail with a quote at each step, without repeats', async () => {
    const { followUpReads } = await data(
      `{ followUpReads(from: "generalization-and-equilibrium-in-gans", depth: 5) { depth type work { id title } source { line quote } route } }`,
    );
    expect(followUpReads[0]).toMatchObject({
      depth: 1,
      type: 'FOLLOW_UP_READ',
      work: { title: 'Do GANs actually learn the distribution? An empirical study' },
      source: { line: 129 },
    });
    const ids = followUpReads.map((s: any) => s.work.id);
    expect(new Set(ids).size).toBe(ids.length);
    const depths = followUpReads.map((s: any) => s.depth);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    for (const step of followUpReads) expect(step.route).toHaveLength(step.depth + 1);
  });

  it('connects Wasserstein GAN and McGan, and Wasserstein GAN and Elastic Weight Consolidation', async () => {
    const { mcgan, ewc } = await data(`{
      mcgan: path(from: "wasserstein-gan", to: "mcgan-mean-and-covariance-feature-matching-gan") { length nodes { id } edges { type fromId toId } }
      ewc: path(from: "wasserstein-gan", to: "elastic-weight-consolidation", maxLength: 8) { length nodes { __typename } }
    }`);
    expect(mcgan.length).toBeGreaterThan(0);
    for (const p of mcgan) {
      expect(p.nodes).toHaveLength(p.length + 1);
      expect(p.edges).toHaveLength(p.length);
    }
    expect(ewc.length).toBeGreaterThan(0);
    expect(ewc[0].nodes.at(-1).__typename).toBe('Concept');
  });
});

describe('invalid arguments', () => {
  it.each([
    ['{ talks(first: 101) { totalCount } }', 'first'],
    ['{ search(query: "gan", first: 500) { totalCount } }', 'first'],
    ['{ search(query: "   ") { totalCount } }', 'query'],
    ['{ followUpReads(from: "wasserstein-gan", depth: 6) { depth } }', 'depth'],
    ['{ relatedWork(to: ["wasserstein-gan"], first: 0) { score } }', 'first'],
    ['{ relatedWork(to: []) { score } }', 'to'],
    ['{ path(from: "a", to: "b", maxLength: 11) { length } }', 'maxLength'],
    ['{ concept(name: "") { name } }', 'name'],
  ])('%s is refused with an error naming %s', async (query, argument) => {
    const error = await errorOf(query);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(argument);
  });
});

describe('arguments that name nodes', () => {
  it.each([
    ['{ relatedWork(to: ["nope"]) { score } }', 'to', 'no talk or paper is named "nope"'],
    ['{ relatedWork(to: ["wasserstein-gan"], exclude: ["nope"]) { score } }', 'exclude', 'no talk or paper is named "nope"'],
    ['{ followUpReads(from: "nope") { depth } }', 'from', 'no talk or paper is named "nope"'],
    ['{ paths(from: "nope", to: "wasserstein-gan") { searchedUpTo } }', 'from', 'no node is named "nope"'],
    ['{ path(from: "wasserstein-gan", to: "nope") { length } }', 'to', 'no node is named "nope"'],
    ['{ graph(center: ["nope"]) { totalNodes } }', 'center', 'no node is named "nope"'],
  ])('%s is NOT_FOUND naming %s and the id', async (query, argument, message) => {
    const error = await errorOf(query);
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', argument });
    // Arguments that take any node take a concept in free text too: they add why no concept was taken.
    const anyNode = /^\{ (paths?|graph)\(/.test(query);
    if (anyNode) expect(error.message.startsWith(`${argument}: ${message}, and no concept is close enough to it`)).toBe(true);
    else expect(error.message).toBe(`${argument}: ${message}`);
  });

  it('says relatedToConcept found no concept close enough, naming the argument', async () => {
    const error = await errorOf('{ relatedToConcept(concept: "qqxzvvkjw wwqqz") { score } }');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'concept', value: 'qqxzvvkjw wwqqz' });
    expect(error.message).toMatch(/^concept: no concept is close enough to “qqxzvvkjw wwqqz”/);
  });

  it('tells a caller who gives relatedWork a concept to ask relatedToConcept', async () => {
    const error = await errorOf('{ relatedWork(to: ["elastic-weight-consolidation"]) { score } }');
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.message).toContain('is a concept, not a talk or paper');
    expect(error.message).toContain('relatedToConcept(concept: "elastic-weight-consolidation")');
  });

  it('takes a global id, a plain id, or for concepts and people a name or alias, everywhere', async () => {
    const { concept } = await data('{ concept(name: "ewc") { id slug } }');
    const byGlobalId = await data(`{ concept(name: "${concept.id}") { slug } }`);
    const byPlainId = await data(`{ concept(name: "${concept.slug}") { slug } }`);
    expect(byGlobalId.concept.slug).toBe(concept.slug);
    expect(byPlainId.concept.slug).toBe(concept.slug);
    const ranked = await data(`{
      byAlias: relatedToConcept(concept: "ewc", first: 3) { work { id } }
      byId: relatedToConcept(concept: "${concept.slug}", first: 3) { work { id } }
      byGlobalId: relatedToConcept(concept: "${concept.id}", first: 3) { work { id } }
    }`);
    expect(ranked.byAlias.length).toBeGreaterThan(0);
    expect(ranked.byId).toEqual(ranked.byAlias);
    expect(ranked.byGlobalId).toEqual(ranked.byAlias);
    const { paths } = await data('{ paths(from: "WGAN", to: "ewc") { paths { length } } }');
    expect(paths.paths.length).toBeGreaterThan(0);
  });
});

describe('paths that say how far they looked', () => {
  it('answers an empty search with the length it searched and a way to look further', async () => {
    const { near, far } = await data(`{
      near: paths(from: "wasserstein-distance", to: "elastic-weight-consolidation", maxLength: 2) { paths { length } searchedUpTo canSearchFurther message }
      far: paths(from: "wasserstein-distance", to: "elastic-weight-consolidation", maxLength: 10, first: 1) { paths { length } searchedUpTo canSearchFurther message }
    }`);
    expect(near).toEqual({
      paths: [],
      searchedUpTo: 2,
      canSearchFurther: true,
      message: 'No connection of at most 2 steps; ask again with maxLength up to 10 to look further.',
    });
    expect(far.paths[0].length).toBeGreaterThan(2);
    expect(far).toMatchObject({ searchedUpTo: 10, canSearchFurther: false, message: null });
  });
});

describe('GraphiQL examples', () => {
  const operations = parse(exampleOperations).definitions.map((d) => (d as OperationDefinitionNode).name!.value);

  it.each(operations)('%s returns results from the ICML 2017 graph', async (name) => {
    const result = await gql(yoga, exampleOperations, {}, name);
    expect(result.errors).toBeUndefined();
    const [value] = Object.values(result.data!);
    const size = Array.isArray(value) ? value.length : ((value as any)?.totalCount ?? (value ? 1 : 0));
    expect(size).toBeGreaterThan(0);
  });
});

describe('the audited pack, as the API serves it', () => {
  it('gives each paper its identifiers and an address to open, and keeps the notes’ words apart from the record', async () => {
    const found = await data(`{
      feudal: paper(id: "paper-feudal-reinforcement-learning") { title citedAs year venue url publicRecord }
      memories: paper(id: "paper-making-memories-last") { year doi url citedAs }
      wgan: paper(id: "paper-wasserstein-gan") { title titleAsWritten arxiv url }
      perceptrons: paper(id: "paper-perceptrons") { kind url noRecord }
    }`);
    expect(found.feudal).toMatchObject({
      citedAs: 'Feudal RL (NIPS ‘93)',
      year: 1993,
      venue: 'Advances in Neural Information Processing Systems 5 (NIPS 1992)',
      url: 'https://papers.nips.cc/paper/714-feudal-reinforcement-learning',
    });
    expect(found.memories).toEqual({
      year: 2011,
      doi: '10.1038/nrn2963',
      url: 'https://doi.org/10.1038/nrn2963',
      citedAs: 'Redondo and Morris (2010)',
    });
    expect(found.wgan).toEqual({
      title: 'Wasserstein Generative Adversarial Networks',
      titleAsWritten: 'Wasserstein GAN',
      arxiv: '1701.07875',
      url: 'https://proceedings.mlr.press/v70/arjovsky17a.html',
    });
    expect(found.perceptrons).toMatchObject({ kind: 'BOOK', url: null, noRecord: expect.stringContaining('1969') });
  });

  it('answers a name with the concept it names, not one it was an example of', async () => {
    const found = await data(`{
      adam: concept(name: "Adam") { slug broader { slug } }
      pixelRnn: concept(name: "PixelRNN") { slug }
      pixelCnn: concept(name: "PixelCNN") { aliases }
    }`);
    expect(found).toEqual({
      adam: { slug: 'adam', broader: [{ slug: 'adaptive-gradient-methods' }] },
      pixelRnn: { slug: 'pixelrnn' },
      pixelCnn: { aliases: [] },
    });
  });

  it('reaches a library and a discussion thread the notes suggest reading, through referencesOut and followUpReads', async () => {
    const found = await data(`{
      spn: talk(id: "the-sum-product-theorem-a-foundation-for-learning-tractable-deep-models") {
        referencesOut(type: FOLLOW_UP_READ) { work { slug kind ... on Paper { url } } source { line } }
      }
      trail: followUpReads(from: "wasserstein-gan", depth: 1) { work { slug kind } type source { line } }
    }`);
    expect(found.spn.referencesOut).toEqual([
      { work: { slug: 'libspn', kind: 'SOFTWARE', url: 'https://github.com/pronobis/libspn' }, source: { line: 715 } },
    ]);
    expect(found.trail).toContainEqual({
      work: { slug: 'reddit-wasserstein-gan-thread', kind: 'THREAD' },
      type: 'FOLLOW_UP_READ',
      source: { line: 172 },
    });
  });
});
