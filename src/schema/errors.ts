/**
 * Expected failures, as GraphQL errors with an `extensions.code` clients can act on. Anything
 * else thrown in a resolver is masked by graphql-yoga ("Unexpected error.") and logged.
 */
import { GraphQLError } from 'graphql';

export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}

/** Formats standard-schema (zod) issues as "first: Too big: expected number to be <=100". */
export function describeIssues(issues: readonly { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] }[]): {
  message: string;
  argument?: string;
} {
  const parts = issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
    return { path, text: path ? `${path}: ${issue.message}` : issue.message };
  });
  return { message: `Invalid argument ${parts.map((p) => p.text).join('; ')}`, argument: parts[0]?.path || undefined };
}
