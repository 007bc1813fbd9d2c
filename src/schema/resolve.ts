/**
 * The one rule for arguments that name a node, for reads and writes alike: a Relay global id,
 * a plain id ("wasserstein-gan"), and for concepts and people also a name or alias, in any
 * letter case ("ewc", "WGAN"). An argument that names nothing is NOT_FOUND, naming the argument
 * and the value; one that names a node of the wrong kind says what it named instead.
 * (concept(name) and person(name) follow the same rule in concept/by-name and person/by-name.)
 */
import type { Database } from '../db/database.js';
import { BadUserInputError, NotFoundError } from '../errors.js';
import { localId } from './ids.js';

export type NodeType = 'Talk' | 'Paper' | 'Concept' | 'Person' | 'Session' | 'Day' | 'Event';
const nodeTypes: readonly NodeType[] = ['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event'];

export const WORK: readonly NodeType[] = ['Talk', 'Paper'];
export const PAPER: readonly NodeType[] = ['Paper'];
export const CONCEPT: readonly NodeType[] = ['Concept'];
export const ANY_NODE = nodeTypes;

const nouns: Record<NodeType, string> = {
  Talk: 'talk',
  Paper: 'paper',
  Concept: 'concept',
  Person: 'person',
  Session: 'session',
  Day: 'day',
  Event: 'event',
};

const describe = (types: readonly NodeType[]) => (types === ANY_NODE ? 'node' : types.map((t) => nouns[t]).join(' or '));

/** Words added to the error when an argument names a node of another kind (a pointer to the right field). */
export type WrongKindHint = (found: NodeType, value: string) => string;

/**
 * The plain ids of the nodes that `values` name, in order, each of one of `types`.
 * `argument` names the argument in errors ("to", "from", "concept").
 */
export async function resolveIds(
  db: Database,
  argument: string,
  values: readonly string[],
  types: readonly NodeType[],
  hint: WrongKindHint = () => '',
): Promise<string[]> {
  if (values.length === 0) return [];
  const refs = values.map((value) => {
    const id = localId(value.trim());
    return { id, key: id.toLowerCase() };
  });
  const rows = await db.read<{ matches: { id: string; type: NodeType }[] }>('entity/resolve', { refs, types: nodeTypes });
  return rows.map((row, i) => {
    const value = values[i]!;
    const fitting = row.matches.filter((m) => types.includes(m.type));
    if (fitting.length === 1) return fitting[0]!.id;
    if (fitting.length > 1) {
      throw new BadUserInputError(
        `${argument}: "${value}" names ${fitting.length} ${describe(types)}s (${fitting.map((m) => m.id).join(', ')}); give an id`,
        argument,
      );
    }
    const other = row.matches[0];
    if (other) {
      throw new NotFoundError(`${argument}: "${value}" is a ${nouns[other.type]}, not a ${describe(types)}${hint(other.type, value)}`, {
        argument,
        value,
      });
    }
    throw new NotFoundError(`${argument}: no ${describe(types)} is named "${value}"`, { argument, value });
  });
}

export async function resolveId(
  db: Database,
  argument: string,
  value: string,
  types: readonly NodeType[],
  hint?: WrongKindHint,
): Promise<string> {
  const [id] = await resolveIds(db, argument, [value], types, hint);
  return id!;
}
