import { describe, expect, it } from 'vitest';
import { asError, errorField, errorMessage, fromNeo4jError } from '../../src/errors.js';

describe('what a catch block reads of anything thrown', () => {
  it('errorMessage: an Error gives its message, anything else its text', () => {
    expect(errorMessage(new RangeError('too far'))).toBe('too far');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(undefined)).toBe('undefined');
  });

  it('asError keeps an Error and wraps anything else', () => {
    const error = new TypeError('kept');
    expect(asError(error)).toBe(error);
    expect(asError('thrown text')).toEqual(new Error('thrown text'));
  });

  it("errorField reads a string field (Node's code, a child process's stdout) and nothing else", () => {
    expect(errorField(Object.assign(new Error('x'), { code: 'ENOENT' }), 'code')).toBe('ENOENT');
    expect(errorField({ stdout: 'out' }, 'stdout')).toBe('out');
    expect(errorField(Object.assign(new Error('x'), { code: 1 }), 'code')).toBeUndefined();
    expect(errorField(null, 'code')).toBeUndefined();
    expect(errorField('text', 'message')).toBeUndefined();
  });

  it('fromNeo4jError maps by code and by message, and leaves anything else alone', () => {
    expect(fromNeo4jError(Object.assign(new Error('gone'), { code: 'ServiceUnavailable' }))).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
    });
    expect(fromNeo4jError(new Error('connect ECONNREFUSED 127.0.0.1:7687'))).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    const other = new Error('syntax');
    expect(fromNeo4jError(other)).toBe(other);
    expect(fromNeo4jError(null)).toBeNull();
  });
});
