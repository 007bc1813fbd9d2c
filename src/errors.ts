/**
 * Expected failures, with a `code` (and details) clients can act on. Every layer throws these;
 * none of them knows GraphQL: the server turns a DomainError into a GraphQL error with
 * `extensions.code` (src/server/yoga.ts, `exposeDomainErrors`), and masks anything else as
 * "Unexpected error." and logs it. Neo4j's errors are mapped to these in one place, `fromNeo4jError`.
 */

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'DATABASE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'QUERY_TOO_COMPLEX'
  | 'BAD_BOOKMARK'
  | 'BOOKMARK_TIMEOUT';

export class DomainError extends Error {
  override name = 'DomainError';
  /** `code` and the details a client may read (`argument`, `limit`, ...), as `extensions` shows them. */
  readonly extensions: Record<string, unknown>;

  constructor(
    message: string,
    readonly code: ErrorCode,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.extensions = { code, ...details };
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string, argument?: string) {
    super(message, 'BAD_USER_INPUT', argument ? { argument } : {});
  }
}

export class NotFoundError extends DomainError {
  /** `extensions` may name the argument and the value that named nothing. */
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'NOT_FOUND', extensions);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid bearer token is required (Authorization: Bearer <token>).') {
    super(message, 'UNAUTHENTICATED');
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(message, 'FORBIDDEN');
  }
}

/**
 * A write that named the version it expected of a node, when the node has moved on (another
 * curator, an import or a re-seed wrote it since): `currentVersion` and `current` (its public
 * fields now, null when it does not exist) let the client merge and try again.
 */
export class VersionConflictError extends DomainError {
  constructor(id: string, expectedVersion: number, currentVersion: number, current: Record<string, unknown> | null) {
    super(
      `"${id}" is at version ${currentVersion}, not ${expectedVersion}: it changed since it was read; nothing was written`,
      'CONFLICT',
      { id, expectedVersion, currentVersion, current },
    );
  }
}

export class DatabaseUnavailableError extends DomainError {
  constructor(cause?: string) {
    super('The database is unavailable; try again shortly.', 'DATABASE_UNAVAILABLE', cause ? { reason: cause } : {});
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

/** Driver error codes that mean "Neo4j cannot be reached now", not "the query is wrong". */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Maps an error from the Neo4j driver to a domain error, or returns it unchanged (then it is
 * masked as an unexpected error). The one place that knows Neo4j's error codes.
 */
export function fromNeo4jError(error: unknown): unknown {
  const code = errorField(error, 'code') ?? '';
  if (
    UNAVAILABLE.has(code) ||
    /ECONNREFUSED|Connection acquisition timed out|Failed to connect/i.test(String(errorField(error, 'message')))
  ) {
    return new DatabaseUnavailableError(code || 'connection refused');
  }
  if (
    code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new DomainError('The query took too long and was stopped.', 'QUERY_TIMEOUT');
  }
  if (code === 'Neo.ClientError.Transaction.InvalidBookmark' || code === 'Neo.ClientError.Transaction.InvalidBookmarkMixture') {
    return new DomainError(
      'A bookmark in X-Neo4j-Bookmarks is not one this database gave; send back the header a mutation answered with, or none.',
      'BAD_BOOKMARK',
    );
  }
  if (code === 'Neo.TransientError.Transaction.BookmarkTimeout') {
    return new DomainError(
      'The database has not yet caught up with the writes X-Neo4j-Bookmarks names; try again shortly.',
      'BOOKMARK_TIMEOUT',
    );
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new DomainError('That would create a duplicate of something that exists.', 'CONFLICT');
  }
  return error;
}

/** The message of anything thrown: an Error's `message`, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Anything thrown, as an Error (a thrown string or object is wrapped, its text as the message). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * A string property of anything thrown, or undefined: the driver's and Node's `code`, a child
 * process's `stdout` and `stderr`.
 */
export function errorField(error: unknown, field: 'code' | 'message' | 'stdout' | 'stderr'): string | undefined {
  const value: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, field) : undefined;
  return typeof value === 'string' ? value : undefined;
}
