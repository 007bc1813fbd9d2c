import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from './helpers.js';

const helper = new TestHelper('trails');
afterAll(() => helper.close());

const data = <T = any>(query: string) => helper.data<T>(query);

const STEP = 'depth via type fromId route exhausted reason score source { line quote } work { ... on Talk { slug } ... on Paper { slug } }';

describe('trails on the seeded notes', () => {
  it('stop after one step because the notes give no reading after a suggested one', async () => {
    // Every follow-up read, related work and "see also" edge reaches a work the notes lead on from
    // only back into the start's own talk or paper.
    const [row] = await helper.db.runText(
      `MATCH (a:Work)-[:FOLLOW_UP_READ|RELATED|SEE_ALSO]->(b:Work)-[:PRESENTS*0..1]-(b2:Work)-[:FOLLOW_UP_READ|RELATED|SEE_ALSO]->(c:Work)
       WHERE NOT EXISTS { (a)-[:PRESENTS*0..1]-(b2) } AND NOT EXISTS { (a)-[:PRESENTS*0..1]-(c) }
       RETURN count(*) AS chains`,
      {},
      'READ',
    );
    expect(row!.chains).toBe(0);
    const { followUpReads } = await data(`{ followUpReads(from: "wasserstein-gan", depth: 3) { depth exhausted reason work { title } } }`);
    expect(followUpReads.length).toBeGreaterThan(0);
    for (const step of followUpReads) expect(step).toMatchObject({ depth: 1, exhausted: true });
    expect(followUpReads.map((s: any) => s.reason)).toContain(
      'The notes suggest reading "Improved Training of Wasserstein GANs" after "Wasserstein GAN".',
    );
  });

  it('say where the notes run out and go on through the strongest related work, marked as such', async () => {
    const { readingTrail } = await data(
      `{ readingTrail(from: "wasserstein-gan", depth: 3) { notesDepth exhausted message steps { ${STEP} } } }`,
    );
    expect(readingTrail).toMatchObject({ notesDepth: 1, exhausted: true });
    expect(readingTrail.message).toBe(
      "The notes' follow-up reads run out after 1 step; the steps after that are the strongest related work.",
    );
    const steps = readingTrail.steps;
    expect(steps.map((s: any) => s.depth)).toEqual([...steps.map((s: any) => s.depth)].sort());
    expect(Math.max(...steps.map((s: any) => s.depth))).toBe(3);
    const slugs = steps.map((s: any) => s.work.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    // Neither the start nor the paper it presents is a step of its own trail.
    expect(slugs).not.toContain('wasserstein-gan');
    expect(slugs).not.toContain('paper-wasserstein-gan');
    for (const step of steps) {
      expect(step.route).toHaveLength(step.depth + 1);
      expect(step.route[0]).toBe('wasserstein-gan');
      expect(step.route.at(-1)).toBe(step.work.slug);
      if (step.via === 'NOTES') {
        expect(step.depth).toBe(1);
        expect(step.type).toBe('FOLLOW_UP_READ');
        expect(step.score).toBeNull();
      } else {
        expect(step.via).toBe('RELATED_WORK');
        expect(step.depth).toBeGreaterThan(1);
        expect(step.type).toBeNull();
        expect(step.score).toBeGreaterThan(0);
        expect(step.route.at(-2)).toBe(step.fromId);
        expect(step.reason).toMatch(/^The notes give no further reading from ".+"; ".+" is its strongest related work/);
      }
    }
  });

  it('are not exhausted when the notes reach the depth asked for', async () => {
    const { readingTrail } = await data(
      `{ readingTrail(from: "wasserstein-gan", depth: 1) { notesDepth exhausted message steps { via } } }`,
    );
    expect(readingTrail).toMatchObject({ notesDepth: 1, exhausted: false, message: null });
    for (const step of readingTrail.steps) expect(step.via).toBe('NOTES');
  });

  it('start with related work when the notes give none from the start', async () => {
    const { readingTrail } = await data(
      `{ readingTrail(from: "mcgan-mean-and-covariance-feature-matching-gan", depth: 2) { notesDepth exhausted steps { ${STEP} } } }`,
    );
    expect(readingTrail).toMatchObject({ notesDepth: 0, exhausted: true });
    expect(readingTrail.steps[0]).toMatchObject({
      depth: 1,
      via: 'RELATED_WORK',
      fromId: 'mcgan-mean-and-covariance-feature-matching-gan',
    });
    expect(readingTrail.steps.at(-1).depth).toBe(2);
  });

  it('take a talk and the paper it presents as one work', async () => {
    const { readingTrail } = await data(
      `{ readingTrail(from: "mcgan-mean-and-covariance-feature-matching-gan", depth: 4) { steps { ${STEP} } } }`,
    );
    const ids = ['mcgan-mean-and-covariance-feature-matching-gan', ...readingTrail.steps.map((s: any) => s.work.slug)];
    expect(readingTrail.steps.length).toBeGreaterThan(3);
    const [row] = await helper.db.runText(
      'MATCH (a:Work)-[:PRESENTS]->(b:Work) WHERE a.id IN $ids AND b.id IN $ids RETURN count(*) AS pairs',
      { ids },
      'READ',
    );
    expect(row!.pairs).toBe(0);
  });
});

describe('trails where the notes form a chain', () => {
  const [a, b, c] = ['a', 'b', 'c'].map((s) => helper.id(s)) as [string, string, string];
  beforeAll(async () => {
    await helper.db.runText(
      `UNWIND $papers AS p CREATE (:Paper:Work:Entity {id: p.id, title: p.title, year: 2017})
       WITH count(*) AS created
       MATCH (a:Paper {id: $a}), (b:Paper {id: $b}), (c:Paper {id: $c}), (wgan:Concept {id: 'wgan'})
       CREATE (a)-[:FOLLOW_UP_READ {line: 1, quote: 'Read B next.', document: 'icml-2017-notes'}]->(b),
              (b)-[:FOLLOW_UP_READ {line: 2, quote: 'Then C.', document: 'icml-2017-notes'}]->(c),
              (c)-[:DISCUSSES {line: 3, quote: 'C is about WGAN.', document: 'icml-2017-notes'}]->(wgan)`,
      {
        a,
        b,
        c,
        papers: [
          { id: a, title: 'Trail test A' },
          { id: b, title: 'Trail test B' },
          { id: c, title: 'Trail test C' },
        ],
      },
    );
  });

  it('follows the chain as deep as it goes, then says the notes ran out', async () => {
    const { followUpReads, readingTrail } = await data(`{
      followUpReads(from: "${a}", depth: 3) { depth exhausted reason source { line } work { ... on Paper { slug } } }
      readingTrail(from: "${a}", depth: 3) { notesDepth exhausted steps { ${STEP} } }
    }`);
    expect(followUpReads).toEqual([
      {
        depth: 1,
        exhausted: false,
        reason: 'The notes suggest reading "Trail test B" after "Trail test A".',
        source: { line: 1 },
        work: { slug: b },
      },
      {
        depth: 2,
        exhausted: true,
        reason: 'The notes suggest reading "Trail test C" after "Trail test B".',
        source: { line: 2 },
        work: { slug: c },
      },
    ]);
    expect(readingTrail).toMatchObject({ notesDepth: 2, exhausted: true });
    expect(readingTrail.steps.map((s: any) => [s.depth, s.via, s.fromId])).toEqual([
      [1, 'NOTES', a],
      [2, 'NOTES', b],
      [3, 'RELATED_WORK', c],
    ]);
    expect(readingTrail.steps[2].route).toEqual([a, b, c, readingTrail.steps[2].work.slug]);
  });
});
