import { afterAll, describe, expect, it } from 'vitest';
import { pathPanelCost, pathStepCosts } from '../../src/model/vocabulary.js';
import { TestHelper } from './helpers.js';

const helper = new TestHelper('paths');
afterAll(() => helper.close());

const data = <T = any>(query: string) => helper.data<T>(query);

const PATH = `paths { cost length nodes { __typename id ... on Talk { slug kind } ... on Session { title } } edges { type fromId toId cost reason source { line quote } } }`;

/** True when a path passes through a session or a panel. */
const throughSessionOrPanel = (path: any) =>
  path.nodes.slice(1, -1).some((n: any) => n.__typename === 'Session' || (n.__typename === 'Talk' && n.kind === 'PANEL'));

describe('paths that explain', () => {
  it('leads WGAN → EWC with a path through concepts, not a session or panel, and ranks those after it', async () => {
    const { paths } = await data(`{ paths(from: "wasserstein-gan", to: "elastic-weight-consolidation", first: 10) { ${PATH} } }`);
    const found = paths.paths;
    const [first] = found;
    expect(throughSessionOrPanel(first)).toBe(false);
    expect(first.nodes[0].slug).toBe('wasserstein-gan');
    // The shortest connections include ones through the Principled Approaches session and panel; they come later.
    const weak = found.filter(throughSessionOrPanel);
    expect(weak.length).toBeGreaterThan(0);
    for (const path of weak) expect(path.cost).toBeGreaterThan(first.cost);
    const costs = found.map((p: any) => p.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    // Each node sequence once.
    const sequences = found.map((p: any) => p.nodes.map((n: any) => n.id).join(' '));
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('prefers a concept path one step longer to a shorter one through a session', async () => {
    const { paths } = await data(
      `{ paths(from: "wasserstein-gan", to: "elastic-weight-consolidation", maxLength: 7, first: 10) { ${PATH} } }`,
    );
    const lengths = new Set(paths.paths.map((p: any) => p.length));
    expect(lengths).toEqual(new Set([6, 7]));
    const firstLonger = paths.paths.findIndex((p: any) => p.length === 7);
    const firstWeak = paths.paths.findIndex(throughSessionOrPanel);
    expect(firstLonger).toBeGreaterThan(-1);
    expect(firstWeak === -1 || firstLonger < firstWeak).toBe(true);
  });

  it('explains every step in a sentence, with its quote where the notes give one, and costs add up', async () => {
    const { paths } = await data(`{ paths(from: "wasserstein-gan", to: "elastic-weight-consolidation", first: 10) { ${PATH} } }`);
    for (const path of paths.paths) {
      expect(path.edges).toHaveLength(path.length);
      for (const edge of path.edges) {
        expect(edge.reason).toMatch(/^.+\.$/);
        expect(edge.cost).toBe(pathStepCosts[edge.type as keyof typeof pathStepCosts]);
      }
      const panels = path.nodes.slice(1, -1).filter((n: any) => n.kind === 'PANEL').length;
      const sum = path.edges.reduce((total: number, e: any) => total + e.cost, 0);
      expect(path.cost).toBeCloseTo(sum + panels * pathPanelCost);
    }
    const [first] = paths.paths;
    expect(first.edges[0]).toMatchObject({
      type: 'DISCUSSES',
      reason: '"Wasserstein GAN" discusses the concept "Kullback-Leibler divergence".',
      source: { line: 178 },
    });
    const quoted = paths.paths.flatMap((p: any) => p.edges).filter((e: any) => e.source);
    expect(quoted.length).toBeGreaterThan(0);
    for (const edge of quoted) expect(edge.source.quote.length).toBeGreaterThan(0);
  });

  it('keeps to the relationship types asked for', async () => {
    const { onlyConcepts, withSessions } = await data(`{
      onlyConcepts: paths(from: "wasserstein-gan", to: "elastic-weight-consolidation", maxLength: 8, first: 5, relationships: [DISCUSSES, BROADER, RELATED_TO]) { ${PATH} }
      withSessions: paths(from: "wasserstein-gan", to: "mcgan-mean-and-covariance-feature-matching-gan", first: 10, relationships: [IN_SESSION]) { ${PATH} }
    }`);
    expect(onlyConcepts.paths.length).toBeGreaterThan(0);
    for (const edge of onlyConcepts.paths.flatMap((p: any) => p.edges)) expect(['DISCUSSES', 'BROADER', 'RELATED_TO']).toContain(edge.type);
    expect(withSessions.paths.length).toBeGreaterThan(0);
    for (const path of withSessions.paths) {
      for (const edge of path.edges) expect(edge.type).toBe('IN_SESSION');
      expect(path.edges[0].reason).toMatch(/^The talk "Wasserstein GAN" was given in the session ".+"\.$/);
    }
  });

  it.each([
    ['relationships: []', /give at least one relationship type/],
    ['relationships: [IN_SESSION, CONTRIBUTED_TO]', /IN_SESSION, CONTRIBUTED_TO never lead from a Talk to a Concept/],
    ['relationships: [BROADER, CITES]', /never lead from a Talk to a Concept/],
  ])('refuses %s from a talk to a concept with BAD_USER_INPUT', async (argument, message) => {
    const result = await helper.request(
      `{ paths(from: "wasserstein-gan", to: "elastic-weight-consolidation", ${argument}) { searchedUpTo } }`,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'relationships' });
    expect(result.errors?.[0]?.message).toMatch(message);
  });
});
