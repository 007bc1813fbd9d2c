import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LoadedPack, readPack } from '../../src/ingest/read-pack.js';
import { paraphrases, ranking, rankingKinds, rankingSetSchema, readEvalFile, type Split, workIdOf } from '../eval/eval-set.js';

const packFile = new URL('../../seeds/icml-2017/pack.yaml', import.meta.url).pathname;
const notesLines = readFileSync(new URL('../../seeds/icml-2017/notes.txt', import.meta.url), 'utf8').split('\n');

let loaded: LoadedPack;
let talks: Set<string>;
let papers: Set<string>;
let people: Set<string>;
let concepts: Set<string>;
let titleOf: Map<string, string>;
beforeAll(async () => {
  loaded = await readPack(packFile);
  const { pack } = loaded;
  talks = new Set(pack.talks.map((t) => t.id));
  papers = new Set(pack.papers.map((p) => p.id));
  people = new Set(pack.people.map((p) => p.id));
  concepts = new Set(pack.concepts.map((c) => c.id));
  titleOf = new Map([...pack.talks, ...pack.papers].map((w) => [w.id, w.title]));
  // A talk's title and the title of the paper it presents both count as the work's title.
  for (const talk of pack.talks) {
    if (talk.presents) titleOf.set(talk.id, `${talk.title} ${titleOf.get(talk.presents) ?? ''}`);
  }
});

const isWork = (id: string) => talks.has(id) || papers.has(id);

/** Every (place, line) pair the sets cite, for the line checks. */
function citedLines(): [string, number][] {
  const cited: [string, number][] = [];
  for (const q of ranking.questions) for (const e of q.expected) for (const l of e.lines) cited.push([`${q.id} ${e.id}`, l]);
  for (const p of paraphrases.works) for (const e of p.expected) for (const l of e.lines) cited.push([`${p.id} ${e.id}`, l]);
  for (const c of paraphrases.concepts) for (const l of c.lines) cited.push([c.id, l]);
  return cited;
}

/** |tune - report| for the items of one kind. */
const imbalance = (items: { split: Split }[]) =>
  Math.abs(items.filter((i) => i.split === 'tune').length - items.filter((i) => i.split === 'report').length);

describe('the ranking evaluation set', () => {
  it('has at least 48 questions, at least 15 of each kind', () => {
    expect(ranking.questions.length).toBeGreaterThanOrEqual(48);
    for (const kind of rankingKinds) {
      expect(ranking.questions.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(15);
    }
  });

  it('names only works of the pack, or people for search, each work by its talk id when it has one', () => {
    const workId = workIdOf(loaded.pack);
    const problems: string[] = [];
    for (const q of ranking.questions) {
      for (const e of q.expected) {
        const known = isWork(e.id) || (q.kind === 'search' && people.has(e.id));
        if (!known) problems.push(`${q.id}: unknown ${q.kind === 'search' ? 'work or person' : 'work'} "${e.id}"`);
        if (workId(e.id) !== e.id) problems.push(`${q.id}: "${e.id}" should be named by its talk "${workId(e.id)}"`);
      }
      if (q.kind === 'relatedWork') {
        for (const seed of q.to) if (!isWork(seed)) problems.push(`${q.id}: unknown seed work "${seed}"`);
        for (const e of q.expected) if (q.to.includes(e.id)) problems.push(`${q.id}: expects its own seed "${e.id}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('asks "who worked on X" in both splits', () => {
    const who = ranking.questions.filter((q) => q.expected.some((e) => people.has(e.id)));
    expect(new Set(who.map((q) => q.split))).toEqual(new Set(['tune', 'report']));
  });

  it('mixes easy and hard questions within each kind', () => {
    for (const kind of rankingKinds) {
      const levels = new Set(ranking.questions.filter((q) => q.kind === kind).map((q) => q.difficulty));
      expect(levels, kind).toEqual(new Set(['easy', 'hard']));
    }
  });

  it('splits each kind into tune and report halves', () => {
    for (const kind of rankingKinds) expect(imbalance(ranking.questions.filter((q) => q.kind === kind)), kind).toBeLessThanOrEqual(1);
  });
});

describe('the paraphrase evaluation set', () => {
  it('has at least 40 work phrasings and 10 concept phrasings', () => {
    expect(paraphrases.works.length).toBeGreaterThanOrEqual(40);
    expect(paraphrases.concepts.length).toBeGreaterThanOrEqual(10);
  });

  it('names only talks or papers (by talk id) and concepts of the pack', () => {
    const workId = workIdOf(loaded.pack);
    const problems: string[] = [];
    for (const p of paraphrases.works) {
      for (const e of p.expected) {
        if (!isWork(e.id)) problems.push(`${p.id}: unknown work "${e.id}"`);
        else if (workId(e.id) !== e.id) problems.push(`${p.id}: "${e.id}" should be named by its talk "${workId(e.id)}"`);
      }
    }
    for (const c of paraphrases.concepts) {
      for (const id of c.expected) if (!concepts.has(id)) problems.push(`${c.id}: unknown concept "${id}"`);
    }
    expect(problems).toEqual([]);
  });

  it('phrases works mostly in words their titles do not use', () => {
    // A phrasing that repeats its answer's title tests words, not meaning: at most a third of its
    // content words may occur in the expected works' titles.
    const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []);
    const stop = new Set(['the', 'and', 'for', 'with', 'that', 'from', 'into', 'their', 'its', 'how', 'what', 'why', 'does', 'are', 'one']);
    const tooClose: string[] = [];
    for (const p of paraphrases.works) {
      const content = [...words(p.phrase)].filter((w) => !stop.has(w));
      const titles = words(p.expected.map((e) => titleOf.get(e.id) ?? '').join(' '));
      const shared = content.filter((w) => titles.has(w));
      if (shared.length * 3 > content.length) tooClose.push(`${p.id} "${p.phrase}" shares ${shared.join(', ')}`);
    }
    expect(tooClose).toEqual([]);
  });

  it('splits works and concepts into tune and report halves', () => {
    expect(imbalance(paraphrases.works)).toBeLessThanOrEqual(1);
    expect(imbalance(paraphrases.concepts)).toBeLessThanOrEqual(1);
  });
});

describe('both sets', () => {
  it('are refused with every problem named when malformed', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'eval-set-')), 'bad.yaml');
    const expected = '[{ id: a, grade: 1, lines: [3] }, { id: b, grade: 2, lines: [0] }]';
    writeFileSync(file, `questions:\n  - { id: s1, kind: search, split: later, difficulty: easy, query: x, expected: ${expected} }\n`);
    expect(() => readEvalFile(file, rankingSetSchema)).toThrow(
      /questions\[0\]\.split: .*\n.*questions\[0\]\.expected\[1\]\.lines\[0\]: .*\n.*must be ordered by grade/,
    );
  });

  it('cite only non-blank lines within notes.txt', () => {
    const problems = citedLines()
      .filter(([, line]) => (notesLines[line - 1] ?? '').trim() === '')
      .map(([at, line]) => `${at}: line ${line} is ${line > notesLines.length ? 'past the end' : 'blank'}`);
    expect(problems).toEqual([]);
  });
});
