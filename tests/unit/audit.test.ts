import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { auditPack, compareAudits, names, type PackAudit } from '../../src/ingest/audit-pack.js';
import type { Pack } from '../../src/ingest/pack-schema.js';
import { type LoadedPack, PackError, parsePack, readPack } from '../../src/ingest/read-pack.js';

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
      expect.objectContaining({
        key: 'wasserstein-gan concept mode-collapse',
        problems: ['the quote names neither "Mode collapse" nor an alias'],
      }),
    ]);

    const justified = await auditAfter((p) => {
      const talk = p.talks.find((t: any) => t.id === 'wasserstein-gan');
      talk.concepts.push({
        concept: 'mode-collapse',
        line: 180,
        quote: 'thankfully, there’s a dual',
        why: 'A reason the curator wrote down.',
      });
    });
    expect(flagged(justified)).toEqual([]);
    expect(justified.counts.justified).toBe(unsupported.counts.justified + 1);
  });

  it('flags a follow-up read whose quote has no reading cue', async () => {
    const audit = await auditAfter((p) => {
      const talk = p.talks.find((t: any) => t.id === 'wasserstein-gan');
      talk.references.push({
        type: 'FOLLOW_UP_READ',
        to: 'paper-towards-principled-methods-for-training-gans',
        line: 178,
        quote: 'there are problems with JSD and KL',
      });
    });
    expect(flagged(audit).map((s) => s.problems)).toEqual([['a follow-up read whose quote has no reading cue']]);
  });

  it('flags a quote from outside the lines of its talk (the audit found one from the WGAN talk on another paper)', async () => {
    const audit = await auditAfter((p) => {
      const paper = p.papers.find((x: any) => x.id === 'paper-towards-principled-methods-for-training-gans');
      paper.concepts.push({ concept: 'jensen-shannon-divergence', line: 178, quote: 'there are problems with JSD and KL' });
    });
    expect(flagged(audit)).toEqual([
      expect.objectContaining({
        key: 'paper-towards-principled-methods-for-training-gans concept jensen-shannon-divergence',
        problems: ['line 178 is outside the lines of its talk (131-146)'],
      }),
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
      talk(p, 'wasserstein-gan').concepts.push({
        concept: 'mode-collapse',
        line: 180,
        quote: 'thankfully, there’s a dual',
        why: 'Why it holds.',
      });
      talk(p, 'deep-voice-real-time-neural-text-to-speech').concepts.push({
        concept: 'pixelcnn',
        line: 344,
        quote: 'It can be applied to PixelCNN and others too',
      });
    });
    expect(flagged(before)).toHaveLength(3);
    expect(flagged(after)).toHaveLength(0);
    expect(compareAudits(before, after)).toEqual({ fixed: 1, removed: 1 });
  });

  it('counts the papers a reader can open, and lists each exception with its reason', () => {
    const { papers } = auditPack(pack);
    expect(papers.missing).toEqual([]);
    expect(papers.openable).toBeGreaterThanOrEqual(85);
    expect(papers.openable + papers.exceptions.length).toBe(papers.total);
    for (const e of papers.exceptions) expect(e.reason.length, e.id).toBeGreaterThan(20);
  });
});

describe('what the notes write about a paper is checked like a quote', () => {
  it('refuses a titleAsWritten or citedAs that is not on the paper’s source line', async () => {
    const data = parse(packText);
    const feudal = data.papers.find((p: any) => p.id === 'paper-feudal-reinforcement-learning');
    feudal.citedAs = 'Feudal RL (NIPS 1993)';
    feudal.titleAsWritten = 'Feudal Reinforcement Learning';
    const problems = await parsePack('edited.yaml', stringify(data), async () => Buffer.from(notes)).then(
      () => [],
      (error) => (error instanceof PackError ? error.problems : Promise.reject(error)),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^papers\[\d+\]\.titleAsWritten: "Feudal Reinforcement Learning" does not occur on line 466$/),
      expect.stringMatching(/^papers\[\d+\]\.citedAs: "Feudal RL \(NIPS 1993\)" does not occur on line 466$/),
    ]);
  });
});

describe('what the outside audit found stays fixed', () => {
  const paper = (id: string) => pack.papers.find((p) => p.id === id)!;
  const talk = (id: string) => pack.talks.find((t) => t.id === id)!;
  const concept = (id: string) => pack.concepts.find((c) => c.id === id)!;

  it('keeps what the notes say apart from the public record', () => {
    const feudal = paper('paper-feudal-reinforcement-learning');
    expect(feudal).toMatchObject({
      citedAs: 'Feudal RL (NIPS ‘93)',
      year: 1993,
      venue: 'Advances in Neural Information Processing Systems 5 (NIPS 1992)',
    });
    expect(feudal.publicRecord).toEqual(expect.arrayContaining(['year', 'venue', 'url']));
    const memories = paper('paper-making-memories-last');
    expect(memories).toMatchObject({
      year: 2011,
      venue: 'Nature Reviews Neuroscience 12(1)',
      doi: '10.1038/nrn2963',
      citedAs: 'Redondo and Morris (2010)',
    });
    expect(paper('paper-wasserstein-gan')).toMatchObject({
      title: 'Wasserstein Generative Adversarial Networks',
      titleAsWritten: 'Wasserstein GAN',
    });
  });

  it('identifies the placeholders and completes the partial author lists', () => {
    expect(paper('paper-liao-poggio-2017')).toMatchObject({ arxiv: '1703.09833', citedAs: 'Liao, Poggio 2017' });
    expect(paper('paper-towards-a-deeper-understanding-of-training-quantized-networks')).toMatchObject({
      title: 'Training Quantized Nets: A Deeper Understanding',
      venue: 'NIPS 2017',
      arxiv: '1706.02379',
    });
    const shattered = paper('paper-shattered-gradients').people.map((p) => p.person);
    expect(shattered).toEqual(
      expect.arrayContaining(['david-balduzzi', 'marcus-frean', 'lennox-leary', 'j-p-lewis', 'kurt-wan-duo-ma', 'brian-mcwilliams']),
    );
  });

  it('drops the links whose quotes were about something else', () => {
    expect(paper('paper-summoning-demons').concepts).toEqual([]);
    expect(paper('paper-shattered-gradients').concepts.map((c) => c.concept)).not.toContain('vanishing-gradients');
    expect(paper('paper-towards-principled-methods-for-training-gans').concepts.map((c) => c.concept)).not.toContain(
      'jensen-shannon-divergence',
    );
    expect(talk('opening-remarks-reliable-machine-learning-in-the-world').references).toContainEqual(
      expect.objectContaining({ type: 'FOLLOW_UP_READ', to: 'paper-summoning-demons', line: 805 }),
    );
  });

  it('gives instances and tools their own concepts instead of aliases, so a name finds the right one', () => {
    const owner = new Map(pack.concepts.flatMap((c) => [c.name, ...c.aliases].map((n) => [n.toLowerCase(), c.id] as const)));
    expect(owner.get('adam')).toBe('adam');
    expect(owner.get('rmsprop')).toBe('rmsprop');
    expect(owner.get('pixelrnn')).toBe('pixelrnn');
    expect(owner.get('mcgan')).toBe('mcgan');
    expect(owner.get('streetlearn')).toBe('streetlearn');
    expect(owner.get('fun')).toBe('feudal-networks');
    expect(owner.get('wgan-gp')).toBeUndefined();
    expect(owner.get('libspn')).toBeUndefined();
    expect(concept('adam').broader).toEqual(['adaptive-gradient-methods']);
  });

  it('orders the near-duplicate concepts and moves the questionable BROADER links', () => {
    expect(concept('cross-domain-relations').broader).toEqual(['image-to-image-translation']);
    expect(concept('depth-width-tradeoff').broader).toEqual(['expressivity']);
    expect(concept('sequence-to-sequence').broader).not.toContain('recurrent-neural-network');
    expect(concept('sum-product-networks').broader).not.toContain('deep-learning');
  });

  it('has the papers and concepts the notes name, each linked to the works that name them', () => {
    for (const id of ['paper-wavenet', 'paper-dcgan', 'paper-binaryconnect']) expect(paper(id).arxiv, id).toMatch(/^\d{4}\.\d{4,5}$/);
    const linked = new Set([...pack.talks, ...pack.papers].flatMap((w) => w.concepts.map((c) => c.concept)));
    for (const id of ['dcgan', 'a3c', 'resnet', 'inception', 'influence-functions', 'gaussian-processes'])
      expect(linked.has(id), id).toBe(true);
  });

  it('records every reading suggestion, books, libraries and threads included, as a follow-up read', () => {
    const reads = pack.talks.flatMap((t) =>
      t.references.filter((r) => r.type === 'FOLLOW_UP_READ').map((r) => `${t.id} ${r.to} ${r.line}`),
    );
    expect(reads).toContain('on-calibration-of-modern-neural-networks paper-on-calibration-of-modern-neural-networks 441');
    expect(reads).toContain('wasserstein-gan reddit-wasserstein-gan-thread 172');
    expect(reads).toContain('the-sum-product-theorem-a-foundation-for-learning-tractable-deep-models libspn 715');
    expect(reads).toContain(
      'why-and-when-can-deep-but-not-shallow-networks-avoid-the-curse-of-dimensionality-theoretical-results tomaso-poggio-book 719',
    );
    expect(Object.fromEntries(['reddit-wasserstein-gan-thread', 'libspn', 'tomaso-poggio-book'].map((id) => [id, paper(id).kind]))).toEqual(
      {
        'reddit-wasserstein-gan-thread': 'THREAD',
        libspn: 'SOFTWARE',
        'tomaso-poggio-book': 'BOOK',
      },
    );
    const soundmaker = talk('neural-audio-synthesis-of-musical-notes-with-wavenet-autoencoders').links.find(
      (l) => l.asWritten === 'g.co/soundmaker',
    );
    expect(soundmaker?.kind).toBe('DEMO');
  });

  it('opens every ICML 2017 paper at its PMLR volume 70 page', () => {
    const icml = pack.papers.filter((p) => p.venue === 'ICML 2017');
    expect(icml.length).toBeGreaterThanOrEqual(50);
    for (const p of icml) {
      expect(p.url, p.id).toMatch(/^https:\/\/proceedings\.mlr\.press\/v70\/[a-z-]+17[a-z]\.html$/);
      expect(p.publicRecord, p.id).toContain('url');
    }
  });
});
