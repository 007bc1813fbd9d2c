/**
 * What every request is checked for before it runs, whatever field it asks for (its size is
 * Yoga's own maxRequestBodySize, set from GRAPHQL_MAX_BODY_BYTES in yoga.ts):
 *
 * - text no field can store: a NUL character or a lone UTF-16 surrogate in any string of the
 *   variables or of the query's own arguments is BAD_USER_INPUT naming where it is (Neo4j's
 *   driver would store a lone surrogate as U+FFFD, changing the text without a word);
 * - the errors graphql-js gives without a code: a variable of the wrong type or size, a
 *   malformed global id, become BAD_USER_INPUT, so that every refusal carries a code.
 */
import { GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { BadUserInputError, type DomainError } from '../errors.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string no field can store, or null. */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'a NUL character (U+0000)';
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `a lone UTF-16 surrogate (U+${surrogate[0].charCodeAt(0).toString(16).toUpperCase()}) at index ${surrogate.index}`;
  return null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * The first unstorable string in a JSON value, with its path. Walked with a stack of its own, not
 * by recursion: variables may nest 100,000 levels deep. An upload (no plain object) is not looked into.
 */
function findInValue(value: unknown, path: string): { path: string; problem: string } | null {
  const pending: [unknown, string][] = [[value, path]];
  while (pending.length) {
    const [item, at] = pending.pop()!;
    if (typeof item === 'string') {
      const problem = unstorable(item);
      if (problem) return { path: at, problem };
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i -= 1) pending.push([item[i], `${at}[${i}]`]);
    } else if (isPlainObject(item)) {
      for (const [key, inner] of Object.entries(item).reverse()) pending.push([inner, `${at}.${key}`]);
    }
  }
  return null;
}

/** The first unstorable string literal among the arguments the query writes inline, with the argument's name. */
function findInLiterals(document: Parameters<typeof visit>[0]): { path: string; problem: string } | null {
  let found: { path: string; problem: string } | null = null;
  const inValue = (node: ValueNode, path: string): { path: string; problem: string } | null => {
    if (node.kind === Kind.STRING) {
      const problem = unstorable(node.value);
      return problem ? { path, problem } : null;
    }
    if (node.kind === Kind.LIST) {
      for (const [i, item] of node.values.entries()) {
        const inner = inValue(item, `${path}[${i}]`);
        if (inner) return inner;
      }
    }
    if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) {
        const inner = inValue(field.value, `${path}.${field.name.value}`);
        if (inner) return inner;
      }
    }
    return null;
  };
  visit(document, {
    Argument(node) {
      found ??= inValue(node.value, node.name.value);
    },
  });
  return found;
}

const refusal = (error: DomainError) => new GraphQLError(error.message, { extensions: error.extensions });

/** Refuses text no field can store, in variables and inline arguments alike. */
export function useTextGuard(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const found = findInValue(args.variableValues ?? {}, '$') ?? findInLiterals(args.document);
      if (!found) return;
      const where = found.path.startsWith('$.') ? `variable $${found.path.slice(2)}` : `argument ${found.path}`;
      setResultAndStopExecution({
        errors: [
          refusal(
            new BadUserInputError(
              `Invalid ${where}: contains ${found.problem}, which no text field can hold`,
              found.path.replace(/^\$\./, ''),
            ),
          ),
        ],
      });
    },
  };
}

/** The refusals graphql-js and Pothos raise without a code: a variable missing or its type cannot hold, a malformed global id. */
const UNCODED_BAD_INPUT = /^Variable "\$[^"]+" (got invalid value|of (non-null|required) type)|^Invalid global ID/;

/** Gives BAD_USER_INPUT to the refusals graphql-js and Pothos raise without a code, as an expected error (not logged). */
export function useErrorCodes(): Plugin {
  const coded = (error: GraphQLError) =>
    error.extensions?.code || !UNCODED_BAD_INPUT.test(error.message)
      ? error
      : new GraphQLError(error.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
        });
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.some((e) => coded(e) !== e)) return;
          setResult({ ...result, errors: result.errors.map(coded) });
        },
      };
    },
  };
}
