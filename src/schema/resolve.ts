/**
 * The one rule for arguments that name a node, for reads and writes alike: a Relay global id,
 * a plain id ("wasserstein-gan"), and for concepts and people also a name or alias, in any
 * letter case ("ewc", "WGAN"). An argument that names nothing is NOT_FOUND, naming the argument
 * and the value; one that names a node of the wrong kind says what it named instead.
 * (concept(name) and person(name) follow the same rule in concept/by-name and person/by-name.)
 *
 * Read arguments that take a concept take free text as well (conceptsFromText, nodesOrConcepts):
 * after the id, name or alias, a close spelling, then the meaning (src/embed/resolve-concept.ts),
 * and the answer says how (ResolvedConcept). Writes never guess: they take the rule above only.
 */
import type { Database } from '../db/database.js';
import type { Embedder } from '../embed/embedder.js';
import { type ResolvedConcept, resolveConcept } from '../embed/resolve-concept.js';
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

interface Match {
  id: string;
  type: NodeType;
}

/** Every node each value names (by id; a concept or person also by name or alias), in order. */
async function matchesOf(db: Database, values: readonly string[]): Promise<Match[][]> {
  const refs = values.map((value) => {
    const id = localId(value.trim());
    return { id, key: id.toLowerCase() };
  });
  const rows = await db.read<{ matches: Match[] }>('entity/resolve', { refs, types: nodeTypes });
  return rows.map((row) => row.matches);
}

/** The one node of `types` that `matches` holds for `value`, or the error that says why not. */
function oneOf(argument: string, value: string, matches: Match[], types: readonly NodeType[], hint: WrongKindHint): string {
  const fitting = matches.filter((m) => types.includes(m.type));
  if (fitting.length === 1) return fitting[0]!.id;
  if (fitting.length > 1) {
    throw new BadUserInputError(
      `${argument}: "${value}" names ${fitting.length} ${describe(types)}s (${fitting.map((m) => m.id).join(', ')}); give an id`,
      argument,
    );
  }
  const other = matches[0];
  if (other) {
    throw new NotFoundError(`${argument}: "${value}" is a ${nouns[other.type]}, not a ${describe(types)}${hint(other.type, value)}`, {
      argument,
      value,
    });
  }
  throw new NotFoundError(`${argument}: no ${describe(types)} is named "${value}"`, { argument, value });
}

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
  const matches = await matchesOf(db, values);
  return values.map((value, i) => oneOf(argument, value, matches[i]!, types, hint));
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

/**
 * The error for free text that no concept is close enough to: NOT_FOUND, naming the argument, the
 * value and the nearest concepts (with how near: `extensions.nearest`). `anyNode`: the argument
 * takes other nodes too, and none is named so either.
 */
function noConceptCloseEnough(argument: string, value: string, nearest: ResolvedConcept[], anyNode = false): NotFoundError {
  const named = nearest.map((n) => `“${n.concept.name}” (${n.how} ${n.score.toFixed(2)})`).join(', ');
  // With other nodes: the words of resolveIds' NOT_FOUND first, then why no concept was taken.
  const what = anyNode ? `no node is named "${value}", and no concept is close enough to it` : `no concept is close enough to “${value}”`;
  return new NotFoundError(`${argument}: ${what}${named ? `; the nearest: ${named}` : ''}`, {
    argument,
    value,
    nearest: nearest.map((n) => ({ concept: n.concept.id, how: n.how, score: n.score })),
  });
}

/**
 * A read argument that takes a concept, as free text: the concept(s) it stands for, in the order
 * resolve-concept.ts ranks them, each with how (id, name or alias; a close spelling; the meaning,
 * which may give up to three). NOT_FOUND (noConceptCloseEnough) when nothing is close enough.
 */
export async function conceptsFromText(
  db: Database,
  embedder: Embedder | null,
  argument: string,
  value: string,
  anyNode = false,
): Promise<ResolvedConcept[]> {
  const { resolved, nearest } = await resolveConcept(db, embedder, localId(value.trim()));
  if (resolved.length === 0) throw noConceptCloseEnough(argument, value, nearest, anyNode);
  return resolved.map((r) => ({ ...r, text: value }));
}

/**
 * A list's `concept` filter: the ids of the concepts the text stands for (null when there is no
 * filter) and how each was taken, for the connection's `resolvedConcepts`.
 */
export async function conceptFilter(db: Database, embedder: Embedder | null, concept: string | null | undefined) {
  if (!concept) return { conceptIds: null, resolvedConcepts: [] };
  const resolvedConcepts = await conceptsFromText(db, embedder, 'concept', concept);
  return { conceptIds: resolvedConcepts.map((r) => r.concept.id), resolvedConcepts };
}

/** The nodes a read argument names, and the concepts among them with how each was resolved. */
export interface NamedNodes {
  ids: string[];
  resolvedConcepts: ResolvedConcept[];
}

/**
 * A read argument that names any node (graph's center, paths' ends): each value by id, or a
 * concept or person by name or alias (resolveIds); a value that names a concept, or names
 * nothing, goes through conceptsFromText, so a concept may be given as free text and the answer
 * says how it was taken. `bestOnly`: one node per value (the first of several concepts). The ids
 * come in order, each once.
 */
export async function nodesOrConcepts(
  db: Database,
  embedder: Embedder | null,
  argument: string,
  values: readonly string[],
  { bestOnly = false } = {},
): Promise<NamedNodes> {
  if (values.length === 0) return { ids: [], resolvedConcepts: [] };
  const matches = await matchesOf(db, values);
  const named = await Promise.all(
    values.map(async (value, i) => {
      const found = matches[i]!;
      if (found.length > 0 && !(found.length === 1 && found[0]!.type === 'Concept')) {
        return { ids: [oneOf(argument, value, found, ANY_NODE, () => '')], concepts: [] };
      }
      const concepts = await conceptsFromText(db, embedder, argument, value, true);
      const used = bestOnly ? concepts.slice(0, 1) : concepts;
      return { ids: used.map((c) => c.concept.id), concepts: used };
    }),
  );
  return {
    ids: [...new Set(named.flatMap((n) => n.ids))],
    resolvedConcepts: named.flatMap((n) => n.concepts),
  };
}
