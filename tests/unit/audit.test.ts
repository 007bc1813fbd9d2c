import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { auditPack, compareAudits, names, type PackAudit } from '../../src/ingest/audit-pack.js';
import { parsePack, readPack, type LoadedPack } from '../../src/ingest/read-pack.js';
import type { Pack } from '../../src/ingest/pack-schema.js';

const packFile = new URL('../../seeds/icml-2017/pack.yaml', import.meta.url).pathname;
const notes = readFileSync(new URL('../../seeds/icml-2017/notes.txt', import.meta.url), 'utf8');
const packText = readFileSync(packFile, 'utf8');

/** The ICML pack after `edit` changed its data, checked and audited. */
async function auditAfter(edit: (pack: any) => void): Promise<PackAudit> {
  const data = parse(packText);
  edit(data);
  const { pack } = await parsePack('edited.yaml', stringify(data), async () => Buffer.from(notes));
  return auditPack(pack);
}
const flagged = (audit: PackAudit) => audit.statements.filter((s) => s.verdict === 'flagged');

let loaded: LoadedPack;
let pack: Pack;
beforeAll(async () => {
  loaded = await readPack(packFile);
  pack = loaded.pack;
});

describe('names: does a quote name a term', () => {
  it('ignores case, hyphens and a plural ending', () => {
    expect(names('Vanilla GANs in this way does not make sense', 'GAN')).toBe(true);
    expect(names('Recent Advances in Stochastic Convex and Non-Convex Optimization', 'non-convex optimization')).toBe(true);
    expect(names('To make 1-Lipschitz or K-Lipschitz, clip weights!', '1-Lipschitz')).toBe(true);
  });

  it('matches whole words only', () => {
    expect(names('This is simply framing super resolution as image generation.', 'SI')).toBe(false);
    expect(names('Lots of stuff on Fisher', 'Fisher information')).toBe(false);
  });
});

describe('the support check', () => {
  it('finds every statement of the ICML pack supported or justified, none flagged', () => {
    const audit = auditPack(pack);
    expect(flagged(audit).map((s) => `${s.at}: ${s.problems.join('; ')}`)).toEqual([]);
    expect(audit.counts.supported).toBeGreaterThan(400);
    // Every justification is written out, and only where a test failed.
    for (const s of audit.statements.filter((s) => s.verdict === 'justified')) {
      expect(s.why!.length, s.at).toBeGreaterThan(20);
      expect(s.problems.length, s.at).toBeGreaterThan(0);
    }
  });

  it('flags a concept link whose quote names neither the concept nor an alias, and accepts it with a why', async () => {
    const unsupported = await auditAfter((p) => {
      const talk = p.talks.find((t: any) => t.id === 'wasserstein-gan');
      talk.concepts.push({ concept: 'mode-collapse', line: 180, quote: 'thankfully, there’s a dual' });
    });
    expect(flagged(unsupported)).toEqual([
      expect.objectContaining({ key: 'wasserstein-gan concept mode-collapse', problems: ['the quote names neither "Mode collapse" nor an alias'] }),
    ]);

    const justified = await auditAfter((p) => {
      const talk = p.talks.find((t: any) => t.id === 'wasserstein-gan');
      talk.concepts.push({ concept: 'mode-collapse', line: 180, quote: 'thankfully, there’s a dual', why: 'A reason the curator wrote down.' });
    });
    expect(flagged(justified)).toEqual([]);
    expect(justified.counts.justified).toBe(unsupported.counts.justified + 1);
  });

  it('flags a follow-up read whose quote has no reading cue', async () => {
    const audit = await auditAfter((p) => {
      const talk = p.talks.find((t: any) => t.id === 'wasserstein-gan');
      talk.references.push({ type: 'FOLLOW_UP_READ', to: 'paper-towards-principled-methods-for-training-gans', line: 178, quote: 'there are problems with JSD and KL' });
    });
    expect(flagged(audit).map((s) => s.problems)).toEqual([['a follow-up read whose quote has no reading cue']]);
  });

  it('flags a quote from outside the lines of its talk (the audit found one from the WGAN talk on another paper)', async () => {
    const audit = await auditAfter((p) => {
      const paper = p.papers.find((x: any) => x.id === 'paper-towards-principled-methods-for-training-gans');
      paper.concepts.push({ concept: 'jensen-shannon-divergence', line: 178, quote: 'there are problems with JSD and KL' });
    });
    expect(flagged(audit)).toEqual([
      expect.objectContaining({ key: 'paper-towards-principled-methods-for-training-gans concept jensen-shannon-divergence', problems: ['line 178 is outside the lines of its talk (131-146)'] }),
    ]);
  });

  it('says what became of an earlier audit’s flags: fixed, removed, the rest justified', async () => {
    const talk = (p: any, id: string) => p.talks.find((t: any) => t.id === id);
    const before = await auditAfter((p) => {
      talk(p, 'wasserstein-gan').concepts.push({ concept: 'mode-collapse', line: 180, quote: 'thankfully, there’s a dual' });
      talk(p, 'wasserstein-gan').concepts.push({ concept: 'planning', line: 180, quote: 'thankfully, there’s a dual' });
      talk(p, 'deep-voice-real-time-neural-text-to-speech').concepts.push({ concept: 'pixelcnn', line: 330, quote: 'The goal of TTS' });
    });
    const after = await auditAfter((p) => {
      talk(p, 'wasserstein-gan').concepts.push({ concept: 'mode-collapse', line: 180, quote: 'thankfully, there’s a dual', why: 'Why it holds.' });
      talk(p, 'deep-voice-real-time-neural-text-to-speech').concepts.push({ concept: 'pixelcnn', line: 344, quote: 'It can be applied to PixelCNN and others too' });
    });
    expect(flagged(before)).toHaveLength(3);
    expect(flagged(after)).toHaveLength(0);
    expect(compareAudits(before, after)).toEqual({ fixed: 1, removed: 1 });
  });
});
