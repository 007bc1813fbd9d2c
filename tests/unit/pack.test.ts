import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type LoadedPack, PackError, parsePack, readPack } from '../../src/ingest/read-pack.js';

const packFile = new URL('../../seeds/icml-2017/pack.yaml', import.meta.url).pathname;
const notes = readFileSync(new URL('../../seeds/icml-2017/notes.txt', import.meta.url), 'utf8');
const notesLines = notes.split('\n');
const packText = readFileSync(packFile, 'utf8');
const readNotes = async () => Buffer.from(notes);

/** Parses the ICML pack after `edit` changed its data; resolves to the problems reported. */
async function problemsAfter(edit: (pack: any) => void): Promise<string[]> {
  const data = parse(packText);
  edit(data);
  try {
    await parsePack('edited.yaml', stringify(data), readNotes);
    return [];
  } catch (error) {
    if (error instanceof PackError) return error.problems;
    throw error;
  }
}

let loaded: LoadedPack;
beforeAll(async () => {
  loaded = await readPack(packFile);
});

describe('the ICML 2017 pack', () => {
  it('ships the notes verbatim', () => {
    expect(notesLines.length).toBeGreaterThanOrEqual(911);
    expect(notesLines[0]).toBe('ICML 2017');
  });

  it('validates, with every quote found on its line of notes.txt', () => {
    expect(loaded.pack.event.name).toBe('ICML 2017');
    expect(loaded.pack.days.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('has a day for every "Day N" heading of the notes', () => {
    const headings = notesLines.flatMap((line, i) => (/^Day \d+ - /.test(line) ? [{ line: i + 1, text: line.trim() }] : []));
    expect(headings).toHaveLength(6);
    for (const h of headings) {
      expect(
        loaded.pack.days.some((d) => d.source.line === h.line && h.text.startsWith(d.source.quote)),
        h.text,
      ).toBe(true);
    }
  });

  it('has a session for every "Session N" heading of the notes', () => {
    const headings = notesLines.flatMap((line, i) => (/^Session \d+ - /.test(line) ? [{ line: i + 1, text: line.trim() }] : []));
    expect(headings).toHaveLength(11);
    for (const h of headings) {
      const session = loaded.pack.sessions.find((s) => s.source.line === h.line);
      expect(session?.title, h.text).toBe(h.text);
    }
  });

  it('has a link for every web address in the notes', () => {
    const pattern = /(https?:?\/\/)?([a-z0-9-]+\.)+(com|org|edu|ai|co|io|net)(\/[^\s,)]*)?/g;
    const addresses = notesLines.flatMap((line, i) =>
      [...line.matchAll(pattern)].map((m) => ({ line: i + 1, text: m[0].replace(/[.]$/, '') })),
    );
    expect(addresses.length).toBeGreaterThanOrEqual(17);
    const links = [...loaded.pack.talks, ...loaded.pack.papers].flatMap((w) => w.links);
    for (const address of addresses) {
      expect(
        links.some((l) => l.line === address.line && l.asWritten === address.text),
        `${address.line}: ${address.text}`,
      ).toBe(true);
    }
  });

  it('makes every link openable, and records where the notes wrote it differently', () => {
    const links = [...loaded.pack.talks, ...loaded.pack.papers].flatMap((w) => w.links);
    for (const link of links) expect(link.url).toMatch(/^https?:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/|$)/);
    const discoGan = links.find((l) => l.asWritten === 'https//github.com/SKTBrain/DiscoGAN');
    expect(discoGan?.url).toBe('https://github.com/SKTBrain/DiscoGAN');
  });

  it('places each talk inside the notes, on its day, with its heading as the first line', () => {
    const talks = loaded.pack.talks;
    expect(talks.length).toBeGreaterThanOrEqual(60);
    const dayLine = new Map(loaded.pack.days.map((d) => [d.id, d.source.line]));
    const sorted = [...loaded.pack.days].sort((a, b) => a.number - b.number);
    for (const talk of talks) {
      expect(talk.source.line, talk.id).toBe(talk.lines.from);
      const next = sorted.find((d) => d.source.line > dayLine.get(talk.day)!);
      expect(talk.lines.from, talk.id).toBeGreaterThan(dayLine.get(talk.day)!);
      if (next) expect(talk.lines.to, talk.id).toBeLessThan(next.source.line);
    }
    const untitled = talks.filter((t) => !t.titleInSource);
    expect(untitled).toHaveLength(2);
  });

  it('numbers the talks of each day 1..n in the order of the notes', () => {
    for (const day of loaded.pack.days) {
      const talks = loaded.pack.talks.filter((t) => t.day === day.id).sort((a, b) => a.order - b.order);
      expect(talks.map((t) => t.order)).toEqual(talks.map((_, i) => i + 1));
      const lines = talks.map((t) => t.lines.from);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    }
  });
});

describe('a malformed pack is refused with the place of each problem', () => {
  it('a value of the wrong type', async () => {
    const problems = await problemsAfter((p) => (p.talks[0].order = 'first'));
    expect(problems).toEqual([expect.stringMatching(/^talks\[0\]\.order: .*number/)]);
  });

  it('a reference to an unknown concept', async () => {
    const problems = await problemsAfter((p) => (p.talks[0].concepts[0].concept = 'ewcc'));
    expect(problems).toContain('talks[0].concepts[0]: unknown concept "ewcc"');
  });

  it('a duplicate id', async () => {
    const problems = await problemsAfter((p) => p.people.push({ ...p.people[0] }));
    expect(problems.some((m) => /^people\[\d+\]\.id: duplicate id ".+" \(first used at people\[0\]\)$/.test(m))).toBe(true);
  });

  it('the same id in two kinds', async () => {
    const problems = await problemsAfter((p) => (p.papers[0].id = p.talks[0].id));
    expect(problems.some((m) => m.includes(`id "${parse(packText).talks[0].id}" is already used in talks`))).toBe(true);
  });

  it('a quote that is not on its line', async () => {
    const problems = await problemsAfter((p) => (p.talks[0].source.line += 1));
    expect(problems).toEqual([expect.stringMatching(/^talks\[0\]\.source\.quote: ".+" does not occur on line \d+ of "icml-2017-notes"$/)]);
  });

  it('a quote invented for a line that exists', async () => {
    const problems = await problemsAfter((p) => (p.sessions[0].source.quote = 'Session 1 - Invented Session'));
    expect(problems).toEqual([expect.stringMatching(/^sessions\[0\]\.source\.quote: /)]);
  });

  it('a line past the end of the notes', async () => {
    const problems = await problemsAfter((p) => (p.days[0].source.line = 5000));
    expect(problems).toEqual(['days[0].source.line: line 5000 is past the end of "icml-2017-notes" (912 lines)']);
  });

  it('a link address that the notes do not write on that line', async () => {
    const problems = await problemsAfter((p) => {
      const talk = p.talks.find((t: any) => t.links?.length);
      talk.links[0].asWritten = 'https://example.org/not-in-the-notes';
    });
    expect(problems.some((m) => /\.links\[0\]\.asWritten: "https:\/\/example\.org\/not-in-the-notes" does not occur/.test(m))).toBe(true);
  });

  it('text that is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('format: 1\ntitle: "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"\n')]);
    const file = `${await import('node:os').then((os) => os.tmpdir())}/invalid-utf8-${process.pid}.yaml`;
    await import('node:fs/promises').then((fs) => fs.writeFile(file, bytes));
    await expect(readPack(file)).rejects.toThrow(/not valid UTF-8/);
  });

  it('YAML that does not parse', async () => {
    await expect(parsePack('broken.yaml', 'talks: [unclosed', readNotes)).rejects.toThrow(/not valid YAML/);
  });
});
