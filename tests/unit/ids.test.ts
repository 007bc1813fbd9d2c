import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { localId } from '../../src/schema/ids.js';

describe('localId: the node id inside an ID argument', () => {
  it('decodes a Relay global id of a known type', () => {
    expect(localId(encodeGlobalID('Talk', 'wasserstein-gan'))).toBe('wasserstein-gan');
    expect(localId(encodeGlobalID('Concept', 'ewc'))).toBe('ewc');
  });

  it('keeps a plain id, and base64 that is not a global id of ours, as given', () => {
    expect(localId('wasserstein-gan')).toBe('wasserstein-gan');
    expect(localId('abcd')).toBe('abcd'); // valid base64, decodes to no "Type:id"
    expect(localId(encodeGlobalID('Stranger', 'x'))).toBe(encodeGlobalID('Stranger', 'x'));
  });
});
