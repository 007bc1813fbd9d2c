/**
 * The root queries of the API: filtered lists, search, the notes' follow-up reads and the
 * schedule. Each is one named Cypher statement and one round trip; relationship fields go through
 * loaders.ts instead, and the related-work rankings are in src/graph/ranking.ts.
 */
import type { ConceptNode, DayNode, EventNode, Page, PaperNode, PersonNode, TalkNode, TrailStep } from '../model/rows.js';
import type { Database } from './database.js';
import { type LuceneQueries, luceneQueries } from './lucene.js';

export interface PageParams {
  offset: number;
  limit: number;
}

/** The one row of a list statement (total and items), or an empty page. */
const pageOf = async <T>(rows: Promise<Page<T>[]>): Promise<Page<T>> => (await rows)[0] ?? { total: 0, items: [] };

export interface TalkFilter {
  day?: number | null;
  session?: string | null;
  kind?: string | null;
  /** Only works that discuss one of these concepts (plain ids, resolved by the caller). */
  conceptIds?: string[] | null;
  person?: string | null;
  year?: number | null;
  text?: string | null;
}

const key = (value: string | null | undefined) => (value ? value.trim().toLowerCase() : null);

/** The filters talks and papers share, as the $parameters of talk/list and paper/list. */
const workFilter = (filter: Omit<TalkFilter, 'day' | 'session' | 'kind'>) => ({
  year: filter.year ?? null,
  conceptIds: filter.conceptIds ?? null,
  personKey: key(filter.person),
  text: key(filter.text),
});

export async function listTalks(db: Database, filter: TalkFilter, orderBy: string, { offset, limit }: PageParams) {
  return pageOf(
    db.read<Page<TalkNode>>('talk/list', {
      ...workFilter(filter),
      day: filter.day ?? null,
      session: filter.session ?? null,
      kind: filter.kind ?? null,
      orderBy,
      offset,
      limit,
    }),
  );
}

export async function listPapers(
  db: Database,
  filter: Omit<TalkFilter, 'day' | 'session' | 'kind'>,
  orderBy: string,
  { offset, limit }: PageParams,
) {
  return pageOf(db.read<Page<PaperNode>>('paper/list', { ...workFilter(filter), orderBy, offset, limit }));
}

export async function listConcepts(db: Database, text: string | null | undefined, orderBy: string, { offset, limit }: PageParams) {
  return pageOf(db.read<Page<ConceptNode>>('concept/list', { text: key(text), orderBy, offset, limit }));
}

export async function listPeople(db: Database, text: string | null | undefined, orderBy: string, { offset, limit }: PageParams) {
  return pageOf(db.read<Page<PersonNode>>('person/list', { text: key(text), orderBy, offset, limit }));
}

export interface SearchHit {
  score: number;
  node: TalkNode | PaperNode | ConceptNode | PersonNode;
}

/** The Lucene query search/fulltext runs for a text, and whether it forgives a typo (search/lucene-query). */
export async function luceneQuery(db: Database, queries: LuceneQueries): Promise<{ query: string; fuzzy: boolean }> {
  const [row] = await db.read<{ query: string; fuzzy: boolean }>('search/lucene-query', { ...queries });
  return row!;
}

/** The parameters of search/fulltext for the Lucene `query` made from `text`. */
export function fulltextParams(text: string, query: string, labels: string[], { offset, limit }: PageParams) {
  return { query, key: text.trim().toLowerCase(), labels, offset, limit, scanLimit: 1000 };
}

/** Full-text search; `labels` limits the kinds of node (empty: all). */
export async function search(
  db: Database,
  text: string,
  labels: string[],
  page: PageParams,
): Promise<Page<SearchHit> & { typosForgiven: boolean }> {
  const queries = luceneQueries(text);
  if (queries === null) return { total: 0, items: [], typosForgiven: false };
  const { query, fuzzy } = await luceneQuery(db, queries);
  const [row] = await db.read<Page<SearchHit>>('search/fulltext', fulltextParams(text, query, labels, page));
  return { total: row?.total ?? 0, items: row?.items ?? [], typosForgiven: fuzzy };
}

export async function followUpReads(db: Database, id: string, depth: number): Promise<TrailStep[]> {
  return db.read<TrailStep>('related/follow-up-reads', { id, depth });
}

/** Every day of every event, in order; sessions and talks come through the loaders. */
export async function allDays(db: Database): Promise<DayNode[]> {
  return (await db.read<{ day: DayNode }>('schedule/all')).map((row) => row.day);
}

export async function allEvents(db: Database): Promise<EventNode[]> {
  return (await db.read<{ event: EventNode }>('schedule/events')).map((row) => row.event);
}
