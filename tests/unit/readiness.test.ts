import { describe, expect, it } from 'vitest';
import { Readiness } from '../../src/server/readiness.js';

describe('Readiness: ready means Neo4j up, schema applied, seed loaded', () => {
  it('is not ready until every part is', () => {
    const readiness = new Readiness('pending', 'pending');
    readiness.observeNeo4j(true);
    expect(readiness.report()).toEqual({ ready: false, neo4j: 'up', schema: 'pending', seed: 'pending' });
    readiness.schema = 'applied';
    readiness.seed = 'loading';
    expect(readiness.report().ready).toBe(false);
    readiness.seed = 'loaded';
    expect(readiness.report().ready).toBe(true);
    expect(new Readiness('applied', 'off').report().ready).toBe(false); // Neo4j not yet seen
  });

  it('logs once when Neo4j goes away and once when it comes back', () => {
    const lines: string[] = [];
    const readiness = new Readiness('applied', 'off', (line) => lines.push(line), 'bolt://db:7687');
    readiness.observeNeo4j(true);
    readiness.observeNeo4j(false);
    readiness.observeNeo4j(false);
    readiness.observeNeo4j(true);
    expect(lines).toEqual([
      'Neo4j at bolt://db:7687 stopped answering; /ready is 503 until it is back.',
      'Neo4j at bolt://db:7687 answers again.',
    ]);
  });
});
