/**
 * Looking ahead in the query: a root field that knows what the query will ask of the nodes it
 * returns can fetch it in its own statement and prime the DataLoaders (db/loaders.ts), so "a talk
 * with its concepts and people" costs one Cypher round trip instead of one per level. The field
 * resolvers stay as they are: they find the loaders primed, or load as usual.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { type FieldsByTypeName, parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { WorkIncludes } from '../db/loaders.js';
import type { WorkNode } from '../model/rows.js';
import type { Context } from './builder.js';
import { localId } from './ids.js';
import { isNodeOf } from './refs.js';

/** The fields selected on a field's result, across its types and fragments. */
function fieldsOf(tree: ResolveTree): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields));
}

/** The field's own selection tree. */
export function selection(info: GraphQLResolveInfo): ResolveTree | null {
  const tree = parseResolveInfo(info);
  return tree && isTree(tree) ? tree : null;
}

/** parseResolveInfo gives the field's tree, unless asked for the fields by type name instead (keepRoot, not used here). */
function isTree(tree: ResolveTree | FieldsByTypeName): tree is ResolveTree {
  return typeof tree.name === 'string' && typeof tree.fieldsByTypeName === 'object';
}

/**
 * The selection of `path` below `tree` (`['works', 'edges', 'node']`), or null when a step is
 * not selected, or selected twice (aliases that may take different arguments).
 */
export function below(tree: ResolveTree | null, ...path: string[]): ResolveTree | null {
  let current = tree;
  for (const name of path) {
    if (!current) return null;
    const matches = fieldsOf(current).filter((field) => field.name === name);
    current = matches.length === 1 ? matches[0]! : null;
  }
  return current;
}

/** Which of a work's lists the selection on works asks for. */
export function workIncludes(tree: ResolveTree | null): WorkIncludes {
  const names = new Set(tree ? fieldsOf(tree).map((field) => field.name) : []);
  return {
    concepts: names.has('concepts') || names.has('conceptLinks'),
    contributions: names.has('people') || names.has('contributions'),
  };
}

/**
 * The resolver of a root field that returns one work of `typename` by id (`talk`, `paper`): the
 * work and the lists the query asks of it come in one statement.
 */
export function workById<T extends WorkNode['__type']>(typename: T) {
  return async (
    _root: unknown,
    { id }: { id: string | number },
    { loaders }: Context,
    info: GraphQLResolveInfo,
  ): Promise<Extract<WorkNode, { __type: T }> | null> => {
    const node = await loaders.entityWith(localId(String(id)), workIncludes(selection(info)));
    return isNodeOf(typename)(node) ? node : null;
  };
}
