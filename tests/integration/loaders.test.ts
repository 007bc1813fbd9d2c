/**
 * The loaders' contract (graphql/dataloader's): one result per key, in key order, null (or an
 * empty list) for a key that names nothing, repeated keys answered once, and one round trip per
 * batch, against the seeded Neo4j.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createLoaders } from '../../src/db/loaders.js';
import { TestHelper } from './helpers.js';

const helper = new TestHelper('loaders');
const { db } = helper;
afterAll(() => helper.close());

describe('per-request loaders', () => {
  it('answer a batch in key order, with null for a missing key, in one round trip', async () => {
    const loaders = createLoaders(db);
    const before = db.roundTrips;
    const nodes = await Promise.all(['wasserstein-gan', 'no-such-node', 'ewc', 'wasserstein-gan'].map((id) => loaders.entity.load(id)));
    expect(db.roundTrips - before).toBe(1);
    expect(nodes.map((n) => n?.id ?? null)).toEqual(['wasserstein-gan', null, null, 'wasserstein-gan']);
    expect(nodes[0]?.__type).toBe('Talk');
  });

  it('give an empty list to a key with nothing under it', async () => {
    const loaders = createLoaders(db);
    const [links, none] = await Promise.all([
      loaders.linksOfWork.load('learning-to-discover-cross-domain-relations-with-gans'),
      loaders.linksOfWork.load('no-such-work'),
    ]);
    expect(links.map((l) => l.url)).toContain('https://github.com/SKTBrain/DiscoGAN');
    expect(none).toEqual([]);
  });

  it('find concepts and people by id, name or alias, in any letter case', async () => {
    const loaders = createLoaders(db);
    const [byAlias, byName, byId, none] = await Promise.all(
      ['EWC', 'elastic weight consolidation', 'elastic-weight-consolidation', 'nothing'].map((k) => loaders.conceptByName.load(k)),
    );
    expect(byAlias?.id).toBe('elastic-weight-consolidation');
    expect(byName?.id).toBe('elastic-weight-consolidation');
    expect(byId?.id).toBe('elastic-weight-consolidation');
    expect(none).toBeNull();
  });
});
