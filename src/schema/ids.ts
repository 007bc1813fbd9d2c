import { decodeGlobalID } from '@pothos/plugin-relay';

const TYPES = new Set(['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event']);

/**
 * The node id inside an ID argument. Arguments accept the Relay global id (as returned by `id`
 * fields) or the plain id of the knowledge pack ("wasserstein-gan"), whichever a client has.
 */
export function localId(raw: string): string {
  try {
    const { typename, id } = decodeGlobalID(raw);
    if (TYPES.has(typename) && id) return id;
  } catch {
    // not a global id
  }
  return raw;
}
