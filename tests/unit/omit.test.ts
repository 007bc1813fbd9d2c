import { describe, expect, it } from 'vitest';
import { omitEmpty } from '../../src/ingest/omit.js';

describe('omitEmpty', () => {
  it('drops undefined values by default, keeping the order of the other keys and leaving the input alone', () => {
    const input = { a: 1, b: undefined, c: null, d: '' };
    expect(Object.entries(omitEmpty(input))).toEqual([
      ['a', 1],
      ['c', null],
      ['d', ''],
    ]);
    expect('b' in input).toBe(true);
  });

  it('drops what the given test picks', () => {
    expect(omitEmpty({ a: 1, b: null, c: '', d: 0 }, (v) => v === null || v === '')).toEqual({ a: 1, d: 0 });
  });
});
