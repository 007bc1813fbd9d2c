import { decodeGlobalID } from '@pothos/plugin-relay';
import { nodeTypes } from '../model/vocabulary.js';

/** The node types that have a Relay global id (links and documents are named by their URL and id alone). */
const TYPES = new Set<string>(nodeTypes.filter((t) => t !== 'Link' && t !== 'Document'));
/** The shape of a Relay global id: base64 of "Type:id" (what Pothos' decodeGlobalID accepts). */
const BASE64 = /^(?:[\d+/A-Za-z]{4})*(?:[\d+/A-Za-z]{2}==|[\d+/A-Za-z]{3}=)?$/;

/**
 * The node id inside an ID argument. Arguments accept the Relay global id (as returned by `id`
 * fields) or the plain id of the knowledge pack ("wasserstein-gan"), whichever a client has.
 * A plain id is told apart before decoding: a refused decode throws, and an exception's stack
 * costs more than the rest of a by-id request.
 */
export function localId(raw: string): string {
  if (!BASE64.test(raw)) return raw;
  try {
    const { typename, id } = decodeGlobalID(raw);
    if (TYPES.has(typename) && id) return id;
  } catch {
    // base64, but not of "Type:id"
  }
  return raw;
}
