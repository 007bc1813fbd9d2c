/**
 * A curator reads their own write through any app server. Each server's driver already makes every
 * session wait for the last transaction that server committed (src/db/database.ts); with several
 * servers behind a load balancer, the next request may reach another one. So the answer to a
 * mutation carries the bookmarks of the writes it made in the X-Neo4j-Bookmarks header, and a
 * request that sends that header back is read only from a Neo4j server that has those writes
 * (on a cluster, a follower or read replica waits until it has caught up).
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { DomainError } from '../errors.js';

export const BOOKMARKS_HEADER = 'x-neo4j-bookmarks';

const MAX_BOOKMARKS = 16;
const MAX_LENGTH = 512;
/** Neo4j's bookmarks are opaque text of these characters ("FB:kcwQ…"); commas separate them. */
const BOOKMARK = /^[A-Za-z0-9+/=:_.-]+$/;

/**
 * The bookmarks a request brings, or a BAD_BOOKMARK error naming what is wrong with the header.
 * No header, or an empty one: none.
 */
export function bookmarksOf(request: Request): string[] {
  const header = request.headers.get(BOOKMARKS_HEADER);
  const bookmarks = (header ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (bookmarks.length > MAX_BOOKMARKS)
    throw new BadBookmarkError(`${BOOKMARKS_HEADER} holds ${bookmarks.length} bookmarks; at most ${MAX_BOOKMARKS} are taken`);
  const bad = bookmarks.find((b) => b.length > MAX_LENGTH || !BOOKMARK.test(b));
  if (bad !== undefined)
    throw new BadBookmarkError(
      `${BOOKMARKS_HEADER}: "${bad.slice(0, 40)}${bad.length > 40 ? '…' : ''}" is not a bookmark; send back the header a mutation's answer gave`,
    );
  return bookmarks;
}

export class BadBookmarkError extends DomainError {
  constructor(message: string) {
    super(message, 'BAD_BOOKMARK', { http: { status: 400 } });
  }
}

/** Sets X-Neo4j-Bookmarks on the answer to every mutation: the bookmarks of this server's last writes. */
export function useBookmarks(db: Database): Plugin {
  const mutations = new WeakSet<Request>();
  return {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request && getOperationAST(args.document, args.operationName)?.operation === 'mutation') mutations.add(request);
    },
    async onResponse({ request, response }) {
      if (!mutations.has(request)) return;
      const bookmarks = [...(await db.lastBookmarks())];
      if (bookmarks.length) response.headers.set(BOOKMARKS_HEADER, bookmarks.join(','));
    },
  };
}
