import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toParams, toPlain } from '../../src/db/values.js';

describe('toPlain: driver values become plain JavaScript once', () => {
  it('turns Integers into numbers, and those past 2^53 into strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(10n)).toBe(10);
  });

  it('turns temporals into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2017, 8, 6))).toBe('2017-08-06');
    expect(toPlain(new neo4j.types.Duration(0, 1, 30, 0))).toBe('P1DT30S');
  });

  it('goes all the way down lists and maps, and gives nodes and relationships their properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Talk'], { id: 'x', order: neo4j.int(3) }, 'e1');
    expect(toPlain({ items: [node, { n: neo4j.int(2) }], none: undefined })).toEqual({
      items: [{ id: 'x', order: 3 }, { n: 2 }],
      none: null,
    });
  });
});

describe('toParams: whole numbers travel as Integers', () => {
  it('converts whole numbers, keeps fractions, and goes down lists and plain maps', () => {
    const params = toParams({ limit: 10, weight: 0.5, ids: [1, 2], nested: { offset: 0 } }) as Record<string, any>;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.weight).toBe(0.5);
    expect(params.ids.every((v: unknown) => neo4j.isInt(v))).toBe(true);
    expect(neo4j.isInt(params.nested.offset)).toBe(true);
  });
});
