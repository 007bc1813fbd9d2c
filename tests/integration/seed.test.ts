import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { migrate } from '../../src/db/migrate.js';
import { graphCounts, loadPack } from '../../src/ingest/load-pack.js';
import { type LoadedPack, readPack } from '../../src/ingest/read-pack.js';
import { seed, seedPackFiles } from '../../src/ingest/seed.js';
import { connectTestDb, totalCounts } from './helpers.js';

const db = connectTestDb();
let loaded: LoadedPack;

beforeAll(async () => {
  loaded = await readPack(seedPackFiles().find((f) => f.includes('icml-2017'))!);
});
afterAll(() => db.close());

const one = async (query: string, params: Record<string, unknown> = {}) => (await db.runText(query, params, 'READ'))[0];

describe('seeding the ICML 2017 pack', () => {
  it('loads twice with identical node and relationship counts', async () => {
    const first = await loadPack(db, loaded);
    const second = await loadPack(db, loaded);
    expect(second).toEqual(first);
    expect(first.labels.Talk).toBe(loaded.pack.talks.length);
    expect(first.labels.Paper).toBe(loaded.pack.papers.length);
    expect(first.labels.Concept).toBe(loaded.pack.concepts.length);
  });

  it('writes nothing when one of the packs fails its checks', async () => {
    const before = await totalCounts(db);
    const data = parse(readFileSync(loaded.file, 'utf8'));
    data.event.id = 'icml-2017-edited';
    data.talks[3].references = [
      ...(data.talks[3].references ?? []),
      { type: 'RELATED', to: 'paper-that-does-not-exist', line: 1, quote: 'ICML 2017' },
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'bad-pack-'));
    writeFileSync(path.join(dir, 'pack.yaml'), stringify(data));
    copyFileSync(loaded.file.replace('pack.yaml', 'notes.txt'), path.join(dir, 'notes.txt'));

    await expect(seed(db, [loaded.file, path.join(dir, 'pack.yaml')])).rejects.toThrow(
      /talks\[3\]\.references\[\d+\]\.to: unknown paper "paper-that-does-not-exist"/,
    );
    expect(await totalCounts(db)).toEqual(before);
  });

  it('puts every talk on its day and in its session, in order', async () => {
    const rows = await db.runText(
      `MATCH (t:Talk)-[:ON_DAY]->(d:Day) OPTIONAL MATCH (t)-[:IN_SESSION]->(s:Session)
       RETURN t.id AS id, d.id AS day, s.id AS session, t.order AS order`,
      {},
      'READ',
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const talk of loaded.pack.talks) {
      expect(byId.get(talk.id), talk.id).toEqual({ id: talk.id, day: talk.day, session: talk.session, order: talk.order });
    }
  });

  it('stores every reference the notes make as a typed edge with its quote and line', async () => {
    const expected = [...loaded.pack.talks, ...loaded.pack.papers].flatMap((w) =>
      w.references.map((r) => `${w.id} ${r.type} ${r.to} ${r.line}`),
    );
    const rows = await db.runText(
      `MATCH (a:Work)-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]->(b:Paper)
       WHERE r.pack = 'icml-2017' AND r.quote IS NOT NULL
       RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + toString(r.line) AS edge`,
      {},
      'READ',
    );
    expect(rows.map((r) => r.edge).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(30);
  });

  it('puts Wasserstein GAN in Day 2, "Session 2 - Deep Generative Models 2"', async () => {
    const row = await one(
      `MATCH (t:Talk {title: 'Wasserstein GAN'})-[:ON_DAY]->(d:Day), (t)-[:IN_SESSION]->(s:Session)
       RETURN d.number AS day, s.title AS session`,
    );
    expect(row).toEqual({ day: 2, session: 'Session 2 - Deep Generative Models 2' });
  });

  it('gives the DiscoGAN talk its follow-up read, CycleGAN as related work, and a working code link', async () => {
    const talk = 'Learning to Discover Cross-Domain Relations with GANs';
    const followUp = await one(`MATCH (:Talk {title: $talk})-[r:FOLLOW_UP_READ]->(p:Paper) RETURN p.title AS title, r.line AS line`, {
      talk,
    });
    expect(followUp).toEqual({
      title: 'Unsupervised Visual Attribute Transfer with Reconfigurable Generative Adversarial Networks',
      line: 158,
    });
    const related = await db.runText(`MATCH (:Talk {title: $talk})-[:RELATED]->(p:Paper) RETURN p.arxiv AS arxiv`, { talk }, 'READ');
    expect(related.map((r) => r.arxiv)).toContain('1703.10593');
    const code = await one(
      `MATCH (:Talk {title: $talk})-[r:HAS_LINK]->(l:Link {kind: 'CODE'}) RETURN l.url AS url, r.asWritten AS asWritten, r.corrected AS corrected`,
      { talk },
    );
    expect(code).toEqual({
      url: 'https://github.com/SKTBrain/DiscoGAN',
      asWritten: 'https//github.com/SKTBrain/DiscoGAN',
      corrected: true,
    });
  });

  it('gives Dance Dance Convolution its code and demo links', async () => {
    const rows = await db.runText(
      `MATCH (:Talk {title: 'Dance Dance Convolution'})-[:HAS_LINK]->(l:Link) RETURN l.kind AS kind, l.url AS url ORDER BY kind`,
      {},
      'READ',
    );
    expect(rows).toEqual([
      { kind: 'CODE', url: 'https://github.com/chrisdonahue/ddc' },
      { kind: 'DEMO', url: 'http://deepx.ucsd.edu/ddc' },
    ]);
  });

  it('stores a symmetric RELATED_TO once, even where both concepts list each other, and folds pairs stored twice', async () => {
    const listedBothWays = loaded.pack.concepts.flatMap((c) =>
      c.related.filter((to) => loaded.pack.concepts.find((o) => o.id === to)?.related.includes(c.id)).map((to) => [c.id, to]),
    );
    expect(listedBothWays.length).toBeGreaterThan(0); // the pack does list pairs both ways
    const twice = `MATCH (a:Concept)-[:RELATED_TO]->(b:Concept)-[:RELATED_TO]->(a) RETURN count(*) AS n`;
    expect(await one(twice)).toEqual({ n: 0 });
    const [a, b] = listedBothWays[0]!;
    expect(await one('MATCH (:Concept {id: $a})-[r:RELATED_TO]-(:Concept {id: $b}) RETURN count(r) AS n', { a, b })).toEqual({ n: 1 });

    // A graph written before the rule: the reverse relationship added by hand, then a migration folds it.
    await db.runText(
      'MATCH (a:Concept {id: $a}), (b:Concept {id: $b}) CREATE (b)-[:RELATED_TO {pack: $pack}]->(a), (a)-[:RELATED_TO {pack: $pack}]->(b)',
      {
        a,
        b,
        pack: loaded.pack.event.id,
      },
    );
    await migrate(db);
    expect(await one('MATCH (:Concept {id: $a})-[r:RELATED_TO]-(:Concept {id: $b}) RETURN count(r) AS n', { a, b })).toEqual({ n: 1 });
  });

  it('resolves the alias "EWC" to Elastic Weight Consolidation', async () => {
    const rows = await db.runText(`MATCH (c:Concept) WHERE 'ewc' IN c.keys RETURN toLower(c.name) AS name`, {}, 'READ');
    expect(rows).toEqual([{ name: 'elastic weight consolidation' }]);
  });

  it('reports counts per label and relationship type', async () => {
    const counts = await graphCounts(db);
    for (const label of ['Event', 'Day', 'Session', 'Talk', 'Paper', 'Person', 'Concept', 'Link', 'Document', 'Work']) {
      expect(counts.labels[label], label).toBeGreaterThan(0);
    }
    for (const type of [
      'HAS_DAY',
      'HAS_SESSION',
      'ON_DAY',
      'IN_SESSION',
      'PART_OF',
      'PRESENTS',
      'CONTRIBUTED_TO',
      'DISCUSSES',
      'HAS_LINK',
      'FOLLOW_UP_READ',
      'RELATED',
      'BROADER',
    ]) {
      expect(counts.relationships[type], type).toBeGreaterThan(0);
    }
  });
});
