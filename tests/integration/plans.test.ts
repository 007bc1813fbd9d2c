import type { Plan } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { connectTestDb } from './helpers.js';

const db = connectTestDb();
afterAll(() => db.close());

/** Every operator of a plan, as Neo4j names them (without the runtime's "@neo4j" suffix). */
function operators(plan: Plan): string[] {
  return [plan.operatorType.replace(/@.*/, ''), ...plan.children.flatMap(operators)];
}

describe('statements that look up a concept or a person by name', () => {
  // `key IN n.keys` has no index to serve it: it read every concept and person (571,923 people at
  // a million imported papers). These go through the name_keys full-text index instead.
  it.each([
    'concept/by-name',
    'person/by-name',
    'entity/resolve',
    'curation/name-owner',
    'similarity/concept-list',
    'related/related-to-concept',
  ])('%s reads no label or node scan', async (name) => {
    const session = db.driver.session();
    try {
      const { summary } = await session.run(`EXPLAIN ${cypher(name)}`);
      const used = operators(summary.plan as Plan);
      expect(used).not.toContain('NodeByLabelScan');
      expect(used).not.toContain('AllNodesScan');
      expect(used).toContain('ProcedureCall');
    } finally {
      await session.close();
    }
  });
});

describe('the statements a curation runs for its embeddings', () => {
  // Every curation runs semantic/mark-due, and a rename's spread semantic/mark-queued: they must
  // find their few nodes by id, never read every work.
  it.each(['semantic/mark-due', 'semantic/mark-queued'])('%s finds its nodes through the id index', async (statement) => {
    const session = db.driver.session();
    try {
      const { summary } = await session.run(`EXPLAIN ${cypher(statement)}`, { ids: ['a'] });
      const used = operators(summary.plan as Plan);
      expect(used).not.toContain('NodeByLabelScan');
      expect(used).not.toContain('AllNodesScan');
      expect(used.some((op) => /IndexSeek/.test(op))).toBe(true);
    } finally {
      await session.close();
    }
  });

  // Every curation runs curation/renamed: it must read the renamed nodes by their label alone.
  it('curation/renamed reads only the nodes labelled NamesChanged', async () => {
    const session = db.driver.session();
    try {
      const { summary } = await session.run(`EXPLAIN ${cypher('curation/renamed')}`);
      const scans: string[] = [];
      const walk = (plan: Plan) => {
        if (/NodeByLabelScan|AllNodesScan/.test(plan.operatorType)) scans.push(String(plan.arguments.Details));
        plan.children.forEach(walk);
      };
      walk(summary.plan as Plan);
      expect(scans).toEqual([expect.stringContaining(':NamesChanged')]);
    } finally {
      await session.close();
    }
  });

  // A refresh of every text reads them a page at a time: each page must start where the last ended, not sort every text.
  it('semantic/texts reads a page in id order from the id index', async () => {
    const session = db.driver.session();
    try {
      const { summary } = await session.run(`EXPLAIN ${cypher('semantic/texts')}`, { after: '', limit: 10 });
      const used = operators(summary.plan as Plan);
      expect(used.some((op) => /IndexSeekByRange/.test(op))).toBe(true);
      expect(used).not.toContain('Sort');
      expect(used).not.toContain('Union');
      expect(used).not.toContain('Top');
    } finally {
      await session.close();
    }
  });
});
