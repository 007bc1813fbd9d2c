/**
 * Query limits (graphql-armor), checked before anything runs, and the errors a refused query
 * gets: QUERY_TOO_COMPLEX naming the limit, its maximum and what the query measured, instead of
 * graphql-armor's "Syntax Error: ..." with no code. A query whose cost comes from a `first`
 * above what any list gives is told about `first` instead (BAD_USER_INPUT), as it would be if
 * the cost limit did not exist.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type ValidationContext, visit } from 'graphql';
import { type Config, exposesSchema } from '../config.js';
import { BadUserInputError, DomainError } from '../errors.js';
import { MAX_PAGE_SIZE } from '../schema/validation.js';

type Limit = 'cost' | 'depth' | 'aliases' | 'tokens' | 'directives';

/** graphql-armor's message, "Syntax Error: Query Cost limit of 100 exceeded, found 350.", read for its numbers. */
function measured(error: GraphQLError): { max: number | null; found: number | null } {
  const match = /limit of (\d+) exceeded(?:, found (\d+(?:\.\d+)?))?/.exec(error.message);
  return { max: match ? Number(match[1]) : null, found: match?.[2] ? Number(match[2]) : null };
}

const names: Record<Limit, string> = {
  cost: 'cost',
  depth: 'depth',
  aliases: 'number of aliases',
  tokens: 'number of tokens',
  directives: 'number of directives',
};

/** A refusal before anything runs, as the GraphQL error clients see (an expected one: not logged as a failure). */
const refusal = (error: DomainError) => new GraphQLError(error.message, { extensions: error.extensions });

function tooComplex(limit: Limit) {
  return (_context: ValidationContext | null, error: GraphQLError) => {
    const { max, found } = measured(error);
    const foundText = found === null ? '' : `: ${found}`;
    throw refusal(
      new DomainError(`The query's ${names[limit]} is over the limit of ${max}${foundText}.`, 'QUERY_TOO_COMPLEX', { limit, max, found }),
    );
  };
}

/** The first `first: N` literal above MAX_PAGE_SIZE in the document, if any. */
function oversizedFirst(context: ValidationContext): number | null {
  let found: number | null = null;
  visit(context.getDocument(), {
    Argument(node) {
      if (found === null && node.name.value === 'first' && node.value.kind === Kind.INT && Number(node.value.value) > MAX_PAGE_SIZE) {
        found = Number(node.value.value);
      }
    },
  });
  return found;
}

export function useQueryLimits(config: Config) {
  return EnvelopArmorPlugin({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true, onReject: [tooComplex('depth')] },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, onReject: [tooComplex('aliases')] },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS, onReject: [tooComplex('tokens')] },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES, onReject: [tooComplex('directives')] },
    costLimit: {
      maxCost: config.GRAPHQL_MAX_COST,
      ignoreIntrospection: true,
      onReject: [
        (context, error) => {
          const first = context ? oversizedFirst(context) : null;
          if (first !== null)
            throw refusal(new BadUserInputError(`Invalid argument first: must be at most ${MAX_PAGE_SIZE} (got ${first})`, 'first'));
          tooComplex('cost')(context, error);
        },
      ],
    },
    blockFieldSuggestion: { enabled: !exposesSchema(config).suggestions },
  });
}
