/**
 * Per-request DataLoaders: every relationship field of the API goes through one of these, so a
 * query costs one Cypher round trip per batch of parents, never one per parent. Each batch
 * function keeps DataLoader's contract: one result per key, in key order.
 */
import DataLoader from 'dataloader';
import type {
  ConceptLink,
  ConceptNode,
  ConceptRelations,
  Contribution,
  DayNode,
  Entity,
  EventNode,
  Page,
  PersonNode,
  ReferenceEdge,
  SessionNode,
  Source,
  TalkNode,
  TalkPlacement,
  WorkLink,
  WorkNode,
} from '../model/rows.js';
import type { Database } from './database.js';

/** One row (or null) per key, from a statement taking `$ids` and returning `id` per row (of type R). */
function single<R extends { id: string }, T>(db: Database, statement: string, pick: (row: R) => T) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await db.read<R>(statement, { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((row) => [row.id, pick(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A list per key (empty when none), from a statement taking `$ids` and returning `id` per row (of type R). */
function grouped<R extends { id: string }, T>(db: Database, statement: string, pick: (row: R) => T) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await db.read<R>(statement, { ids: [...new Set(ids)] });
    const byId = new Map<string, T[]>();
    for (const row of rows) {
      const id = row.id;
      if (!byId.has(id)) byId.set(id, []);
      byId.get(id)!.push(pick(row));
    }
    return ids.map((id) => byId.get(id) ?? []);
  });
}

export interface PageKey {
  id: string;
  offset: number;
  limit: number;
}

/**
 * A page of a to-many relationship per key. Keys asking for the same page size and offset share
 * one round trip (the usual case: every parent in a list asks for the same page).
 */
function paged<T>(db: Database, statement: string) {
  return new DataLoader<PageKey, Page<T>, string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const group = `${key.offset}:${key.limit}`;
        if (!groups.has(group)) groups.set(group, []);
        groups.get(group)!.push(key);
      }
      const results = new Map<string, Page<T>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { offset, limit } = group[0]!;
          const rows = await db.read<{ id: string; total: number; items: T[] }>(statement, {
            ids: [...new Set(group.map((k) => k.id))],
            offset,
            limit,
          });
          for (const row of rows) {
            results.set(`${row.id}:${offset}:${limit}`, { total: row.total, items: row.items });
          }
        }),
      );
      return keys.map((k) => results.get(`${k.id}:${k.offset}:${k.limit}`) ?? { total: 0, items: [] });
    },
    { cacheKeyFn: (k) => `${k.id}:${k.offset}:${k.limit}` },
  );
}

/** What a query asks of the works it reaches, so that one statement can fetch it with them. */
export interface WorkIncludes {
  concepts: boolean;
  contributions: boolean;
}

export function createLoaders(db: Database) {
  const loaders = {
    entity: single(db, 'entity/by-ids', (row: { id: string; node: Entity }) => row.node),
    conceptsOfWork: workRelation(db, 'concepts', (row) => row.concepts),
    contributionsToWork: workRelation(db, 'contributions', (row) => row.contributions),
    linksOfWork: grouped(
      db,
      'work/links',
      (row: { id: string; link: Omit<WorkLink, 'source'>; source: Source }): WorkLink => ({ ...row.link, source: row.source }),
    ),
    referencesOut: grouped(db, 'work/references-out', (row: ReferenceRow) => reference(row)),
    referencesIn: grouped(db, 'work/references-in', (row: ReferenceRow) => reference(row)),
    talkPlacement: single(db, 'talk/placement', (row: TalkPlacement & { id: string }): TalkPlacement => row),
    talksPresentingPaper: grouped(db, 'paper/presented-at', (row: { id: string; talk: TalkNode }) => row.talk),
    conceptRelations: single(db, 'concept/relations', (row: ConceptRelations & { id: string }): ConceptRelations => row),
    worksOfConcept: paged<WorkNode>(db, 'concept/works'),
    worksOfPerson: paged<WorkNode>(db, 'person/works'),
    talksInSession: grouped(db, 'schedule/talks-by-session', (row: { id: string; talk: TalkNode }) => row.talk),
    dayOfSession: single(db, 'schedule/by-session', (row: { id: string; day: DayNode }) => row.day),
    sessionsOfDay: grouped(db, 'schedule/sessions', (row: { id: string; session: SessionNode }) => row.session),
    talksOfDay: grouped(db, 'schedule/talks', (row: { id: string; talk: TalkNode }) => row.talk),
    eventOfDay: single(db, 'schedule/event-of-day', (row: { id: string; event: EventNode }) => row.event),
    daysOfEvent: grouped(db, 'schedule/days-of-event', (row: { id: string; day: DayNode }) => row.day),
    conceptByName: byName<ConceptNode>(db, 'concept/by-name', 'concept'),
    personByName: byName<PersonNode>(db, 'person/by-name', 'person'),
  };

  /** Primes the loaders with a work and whichever of its lists a statement returned (null: not fetched). */
  const primeWork = (work: WorkNode, concepts: ConceptLink[] | null | undefined, contributions: Contribution[] | null | undefined) => {
    loaders.entity.prime(work.id, work);
    if (concepts) loaders.conceptsOfWork.prime(work.id, concepts);
    if (contributions) loaders.contributionsToWork.prime(work.id, contributions);
  };

  return {
    ...loaders,
    /**
     * A node by id; for a work, also what `includes` asks of it, in the same statement. The
     * loaders are primed with all of it, so the fields that follow make no round trip.
     */
    async entityWith(id: string, includes: WorkIncludes): Promise<WorkNode | null> {
      const [row] = await db.read<WorkRelationsRow>('work/with-relations', { ids: [id], ...includes });
      if (!row) return null;
      primeWork(row.node, row.concepts, row.contributions);
      return row.node;
    },
    /**
     * A concept by name or alias with one page of its works and what `includes` asks of them, in
     * one statement; primes conceptByName, worksOfConcept and the works' loaders.
     */
    async conceptWithWorks(name: string, page: { offset: number; limit: number }, includes: WorkIncludes): Promise<ConceptNode | null> {
      const key = name.trim().toLowerCase();
      const [row] = await db.read<ConceptWithWorksRow>('concept/with-works', { key, ...page, ...includes });
      const concept = row?.concept ?? null;
      loaders.conceptByName.prime(key, concept);
      if (!row || !concept) return null;
      for (const item of row.items) primeWork(item.work, item.concepts, item.contributions);
      loaders.worksOfConcept.prime({ id: concept.id, ...page }, { total: row.total, items: row.items.map((item) => item.work) });
      return concept;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

type ReferenceRow = ReferenceEdge & { id: string };

function reference(row: ReferenceRow): ReferenceEdge {
  return { type: row.type, from: row.from, to: row.to, work: row.work, source: row.source };
}

/** Look-up by name or alias, case-insensitively; keys are lowercased before batching. */
function byName<T extends ConceptNode | PersonNode>(db: Database, statement: string, column: 'concept' | 'person') {
  const loader = new DataLoader<string, T | null>(async (keys) => {
    const rows = await db.read<{ key: string } & Partial<Record<'concept' | 'person', T>>>(statement, { keys: [...new Set(keys)] });
    const byKey = new Map(rows.map((row) => [row.key, row[column] ?? null]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
  return {
    load: (name: string) => loader.load(name.trim().toLowerCase()),
    /** `key` is already lowercased. */
    prime: (key: string, value: T | null) => loader.prime(key, value),
  };
}

/** What work/with-relations returns per work; a list is null when it was not asked for. */
interface WorkRelationsRow {
  id: string;
  node: WorkNode;
  concepts: ConceptLink[] | null;
  contributions: Contribution[] | null;
}

interface ConceptWithWorksRow {
  concept: ConceptNode | null;
  total: number;
  items: { work: WorkNode; concepts: ConceptLink[] | null; contributions: Contribution[] | null }[];
}

/** One of a work's lists (its concepts, or its people) per work id, through work/with-relations. */
function workRelation<T>(db: Database, list: keyof WorkIncludes, pick: (row: WorkRelationsRow) => T[] | null) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await db.read<WorkRelationsRow>('work/with-relations', {
      ids: [...new Set(ids)],
      concepts: list === 'concepts',
      contributions: list === 'contributions',
    });
    const byId = new Map(rows.map((row) => [row.id, pick(row) ?? []]));
    return ids.map((id) => byId.get(id) ?? []);
  });
}
