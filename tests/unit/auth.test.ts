import { describe, expect, it } from 'vitest';
import { curatorFor } from '../../src/server/auth.js';

const tokens = new Map([['alice-token-0123456789abcdef', 'alice']]);
const request = (authorization?: string) => new Request('http://localhost/graphql', { headers: authorization ? { authorization } : {} });

describe('curatorFor: who a bearer token names', () => {
  it('names the curator of a configured token, case-insensitively in the scheme', () => {
    expect(curatorFor(request('Bearer alice-token-0123456789abcdef'), tokens)).toBe('alice');
    expect(curatorFor(request('bearer alice-token-0123456789abcdef  '), tokens)).toBe('alice');
  });

  it('names nobody for a missing, malformed or unknown token', () => {
    expect(curatorFor(request(), tokens)).toBeNull();
    expect(curatorFor(request('Token alice-token-0123456789abcdef'), tokens)).toBeNull();
    expect(curatorFor(request('Bearer alice-token-0123456789abcdeX'), tokens)).toBeNull();
    expect(curatorFor(request('Bearer a b'), tokens)).toBeNull();
  });
});
