import { afterAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { TestHelper } from './helpers.js';

const helper = new TestHelper('database');
const { db, prefix } = helper;

afterAll(() => helper.close());

describe('the driver helpers against the real Neo4j', () => {
  it('write a node and read it back as plain values', async () => {
    const id = `${prefix}-doc`;
    await db.write('ingest/merge-documents', { rows: [{ id, title: 'A test document', file: 'x.txt', lineCount: 12 }] });
    const rows = await db.read('document/documents-by-ids', { ids: [id, `${prefix}-missing`] });
    expect(rows).toEqual([{ document: { id, title: 'A test document', file: 'x.txt', lineCount: 12 } }]);
    // Integers come back as JavaScript numbers, not driver Integers.
    expect(typeof (rows[0]!.document as { lineCount: unknown }).lineCount).toBe('number');
  });

  it('read their own writes through neo4j:// routing: every session waits for the last committed bookmark', async () => {
    const neo4j = inject('neo4j');
    const routed = Database.connect({ ...neo4j, uri: neo4j.uri.replace(/^bolt:/, 'neo4j:') });
    try {
      const before = [...(await routed.lastBookmarks())];
      const id = `${prefix}-routed`;
      await routed.write('ingest/merge-documents', { rows: [{ id, title: 'Routed', file: 'r.txt', lineCount: 1 }] });
      const after = [...(await routed.lastBookmarks())];
      expect(after).toHaveLength(1);
      expect(after).not.toEqual(before);
      // The read goes to a READ session (a follower in a cluster) that waits for that bookmark.
      expect(await routed.read('document/documents-by-ids', { ids: [id] })).toEqual([
        { document: { id, title: 'Routed', file: 'r.txt', lineCount: 1 } },
      ]);
    } finally {
      await routed.close();
    }
  });

  it('convert temporals to ISO strings', async () => {
    const [row] = await db.runText("RETURN date('2017-08-06') AS day, datetime('2017-08-06T09:00:00Z') AS at", {}, 'READ');
    expect(row).toEqual({ day: '2017-08-06', at: '2017-08-06T09:00:00Z' });
  });

  it('roll back a transaction that fails part-way, leaving nothing', async () => {
    const id = `${prefix}-rolled-back`;
    await expect(
      db.writeTransaction('test', async (run) => {
        await run('ingest/merge-documents', { rows: [{ id, title: 'never stored', file: 'y.txt' }] });
        await run('no/such-statement');
      }),
    ).rejects.toThrow(/no Cypher statement named "no\/such-statement"/);
    expect(await db.read('document/documents-by-ids', { ids: [id] })).toEqual([]);
  });

  it('count round trips', async () => {
    const before = db.roundTrips;
    await db.read('document/documents-by-ids', { ids: [] });
    await db.read('document/documents-by-ids', { ids: [] });
    expect(db.roundTrips - before).toBe(2);
  });
});

describe('migrations', () => {
  const schemaState = async () => {
    const constraints = await db.runText(
      'SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties ORDER BY name',
      {},
      'READ',
    );
    const indexes = await db.runText('SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name', {}, 'READ');
    return { constraints, indexes };
  };

  it('create the constraints and the full-text index, and change nothing when run again', async () => {
    await migrate(db);
    const first = await schemaState();
    expect(first.constraints.map((c) => c.name)).toEqual(
      expect.arrayContaining(['talk_id', 'paper_id', 'concept_id', 'person_id', 'work_id']),
    );
    expect(first.indexes).toContainEqual({ name: 'search', type: 'FULLTEXT', state: 'ONLINE' });

    await migrate(db);
    expect(await schemaState()).toEqual(first);
  });

  it('enforce unique ids, reported as a CONFLICT', async () => {
    const id = `${prefix}-unique`;
    await db.runText('CREATE (:Document {id: $id})', { id });
    await expect(db.runText('CREATE (:Document {id: $id})', { id })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});
