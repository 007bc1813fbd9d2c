/**
 * Offset pagination behind Relay connections: `first` (at most 100) and `after`, with
 * `totalCount` on every connection. `first` above the cap is an error, not a silent clamp.
 */
import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import { z } from 'zod';
import { BadUserInputError, describeIssues, errorMessage } from '../errors.js';
import type { Page } from '../model/rows.js';
import { MAX_PAGE_SIZE as MAX_PAGE } from './validation.js';

export const DEFAULT_PAGE = 20;

const pageArgs = z.object({
  first: z.number().int().min(0).max(MAX_PAGE).nullish(),
  last: z.number().int().min(0).max(MAX_PAGE).nullish(),
  after: z.string().max(200).nullish(),
  before: z.string().max(200).nullish(),
});

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Validates the connection arguments and resolves them to an offset and a page size. */
export function pageParams(args: ConnectionArgs) {
  const parsed = pageArgs.safeParse(args);
  if (!parsed.success) {
    const { message, argument } = describeIssues(parsed.error.issues);
    throw new BadUserInputError(message, argument);
  }
  try {
    const { offset, expectedSize } = offsetForArgs({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE });
    return { offset, limit: expectedSize };
  } catch (error) {
    throw new BadUserInputError(errorMessage(error));
  }
}

/** pageParams, or null for arguments it refuses (the field itself then reports them). */
export function pageParamsOrNull(args: ConnectionArgs) {
  try {
    return pageParams(args);
  } catch {
    return null;
  }
}

/** Builds the connection object for a page that was fetched at `offset`. */
export function toConnection<T>(page: Page<T>, offset: number) {
  return toConnectionWith(page, offset, (item) => ({ node: item }));
}

/** Like toConnection, with edges that carry more than the node (a search score, say). */
export function toConnectionWith<T, E extends { node: unknown }>(page: Page<T>, offset: number, edge: (item: T) => E) {
  const edges = page.items.map((item, i) => ({ cursor: offsetToCursor(offset + i), ...edge(item) }));
  return {
    totalCount: page.total,
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: offset > 0,
      hasNextPage: offset + page.items.length < page.total,
    },
  };
}
