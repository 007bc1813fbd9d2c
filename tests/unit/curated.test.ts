import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CuratedNode, reconcile } from '../../src/ingest/curated.js';
import type { Pack } from '../../src/ingest/pack-schema.js';
import { readPack } from '../../src/ingest/read-pack.js';

let pack: Pack;
beforeAll(async () => {
  pack = (await readPack(path.resolve(import.meta.dirname, '../../seeds/icml-2017/pack.yaml'))).pack;
});

const node = (id: string, curatedFields: string[], values: CuratedNode['values'], extra: Partial<CuratedNode> = {}): CuratedNode => ({
  id,
  curatedFields,
  removedConcepts: [],
  removedReferences: [],
  by: 'alice',
  at: '2026-12-04T18:00:00Z',
  values,
  ...extra,
});

describe('reconciling a pack with what curators changed', () => {
  it("keeps a talk's curated title, day and session, reporting only what differs, and leaves the pack given untouched", () => {
    const talk = pack.talks.find((t) => t.session !== null)!;
    const otherDay = pack.days.find((d) => d.id !== talk.day)!.id;
    const curated = node(talk.id, ['title', 'kind', 'day', 'session'], {
      title: 'New title',
      kind: talk.kind,
      day: otherDay,
      session: null,
    });
    const { pack: reconciled, report, marks } = reconcile(pack, [curated], [], [], false);
    const after = reconciled.talks.find((t) => t.id === talk.id)!;
    expect([after.title, after.day, after.session, after.kind]).toEqual(['New title', otherDay, null, talk.kind]);
    expect(report.kept.map((d) => [d.field, d.curated, d.pack])).toEqual([
      ['title', 'New title', talk.title],
      ['day', otherDay, talk.day],
      ['session', null, talk.session],
    ]);
    expect(marks).toEqual([]);
    expect(pack.talks.find((t) => t.id === talk.id)!.title).toBe(talk.title);
  });

  it('keeps a curated value the pack leaves out, without reporting it, even when overwriting', () => {
    const person = pack.people.find((p) => p.affiliation === undefined)!;
    const curated = node(person.id, ['name', 'affiliation'], { name: person.name, affiliation: 'Mila' });
    const { pack: reconciled, report, marks } = reconcile(pack, [curated], [], [], true);
    expect(reconciled.people.find((p) => p.id === person.id)!.affiliation).toBe('Mila');
    expect(report).toEqual({ kept: [], dropped: [] });
    // The name agreed with the pack, so the pack's is written and the mark for it goes; the affiliation stays curated.
    expect(marks).toEqual([{ id: person.id, curatedFields: ['affiliation'], removedConcepts: null, removedReferences: null }]);
  });

  it('points the links to a merged concept at the concept it went into, once per work', () => {
    const gone = pack.concepts.find((c) => c.id === 'image-compression')!;
    const works = [...pack.talks, ...pack.papers].filter((w) => w.concepts.some((c) => c.concept === gone.id)).map((w) => w.id);
    const { pack: reconciled, report } = reconcile(
      pack,
      [],
      [],
      [{ gone: gone.id, keep: 'model-compression', by: 'alice', at: null }],
      false,
    );
    expect(reconciled.concepts.some((c) => c.id === gone.id)).toBe(false);
    for (const work of [...reconciled.talks, ...reconciled.papers].filter((w) => works.includes(w.id))) {
      expect(work.concepts.filter((c) => c.concept === 'model-compression')).toHaveLength(1);
    }
    expect(report.kept).toEqual([
      { target: gone.id, field: 'mergedInto', curated: 'model-compression', pack: gone.name, by: 'alice', at: null },
    ]);
  });
});
