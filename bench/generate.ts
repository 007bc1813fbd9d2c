/**
 * Synthetic knowledge graphs in the pack format (src/ingest/pack-schema.ts), at any number of
 * papers, for the benchmarks. Deterministic: the same `papers` and `seed` give the same bytes.
 *
 * Shape (N papers):
 * - N/10 concepts, 0.8 N people, N/20 talks (at least 20) on 5 days in 40 sessions, each talk
 *   presenting one paper; about 10% of papers have a code link.
 * - Degrees follow Zipf–Mandelbrot laws: which concepts a work discusses (s=1, q=2.7: at 100k
 *   papers the biggest concept is discussed by ~4-5% of all DISCUSSES edges), who wrote a paper
 *   (s=1, q=50: prolific authors with hundreds of papers), which paper a reference points to
 *   (s=1, q=5 over a random popularity order: a few papers are cited thousands of times), and
 *   the words of titles (s=1, q=20 over a 4,000-word vocabulary).
 * - The pack's document is generated with it: one line per statement ("p-000123 discusses
 *   Sparse Kernels."), and every piece of evidence quotes its line verbatim, so checkPack passes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { conceptSchema, paperSchema, personSchema, talkSchema } from '../src/ingest/pack-schema.js';
import type { ReferenceType } from '../src/model/vocabulary.js';
import { intBetween, pick, type Random, seededRandom, shuffle, Zipf } from './random.js';

type PaperInput = z.input<typeof paperSchema>;
type TalkInput = z.input<typeof talkSchema>;
type ConceptInput = z.input<typeof conceptSchema>;
type PersonInput = z.input<typeof personSchema>;

/** Parameters the load tests draw from, chosen here because the generator knows the degrees. */
export interface Samples {
  /** Talk ids, uniformly. */
  talks: string[];
  /** Concept names: 90% uniform over all concepts, 10% from the 1% most discussed (hubs). */
  concepts: string[];
  /** Work ids (talks and papers), uniformly, for relatedWork and graph. */
  works: string[];
  /** Works with at least one FOLLOW_UP_READ, RELATED or SEE_ALSO edge out, for followUpReads. */
  trails: string[];
  /** Pairs of paper ids, uniformly, for path. */
  pairs: [string, string][];
  /** What a user would type: one or two title words, or a concept's name. */
  searches: string[];
  /**
   * 30,000 different searches, two to four title words or a concept's name and a word, for loads
   * where no query may repeat (each HYBRID search then embeds its query: bench/embed.ts).
   */
  distinctSearches: string[];
}

export interface GeneratedPack {
  papers: number;
  yaml: string;
  notes: string;
  samples: Samples;
  /** Nodes and relationships the pack describes (what loadPack should write). */
  expected: { nodes: number; relationships: number };
  degrees: { maxConceptWorks: number; medianConceptWorks: number; maxPersonWorks: number; maxPaperCitedBy: number };
}

const SAMPLE_COUNT = 50;
const DISTINCT_SEARCH_COUNT = 30_000;

/** `count` different values of `make`, in the order first made. */
function distinct(random: Random, count: number, make: (random: Random) => string): string[] {
  const made = new Set<string>();
  while (made.size < count) made.add(make(random));
  return [...made];
}

export const ML_WORDS = (
  'learning neural deep network networks model models graph kernel variational inference bayesian stochastic gradient ' +
  'descent optimization reinforcement policy generative adversarial attention transformer recurrent convolutional sparse ' +
  'robust efficient scalable online adaptive causal representation embedding contrastive unsupervised supervised meta ' +
  'transfer continual federated private differential privacy fairness uncertainty calibration estimation regression ' +
  'classification clustering ranking retrieval language vision speech image video text translation segmentation detection ' +
  'diffusion flows normalizing energy latent autoencoders mixture gaussian processes markov chain monte carlo sampling ' +
  'bandits exploration regret bounds theory convergence generalization complexity approximation analysis spectral matrix ' +
  'tensor factorization manifold geometric equivariant symmetry invariant hierarchical structured prediction sequence ' +
  'temporal dynamics control planning search tree boosting ensembles forests compression quantization pruning distillation ' +
  'hardware distributed parallel memory benchmarks datasets evaluation interpretability explanations defenses certified ' +
  'verification programs symbolic reasoning knowledge molecules proteins climate healthcare robotics agents games agent ' +
  'communication curriculum active prompts alignment reward imitation offline value functions actor critic entropy ' +
  'information mutual divergence wasserstein transport optimal features scaling laws'
).split(' ');
const SYLLABLES =
  'ka lo mi ne ru sa te vi zo ba de fi go hu ja ke li mo nu pe qui ra si to ul va we xi yo ze an el in or us ar en ir ol um'.split(' ');
const CONNECTORS = ['for', 'with', 'via', 'in', 'of', 'under', 'beyond', 'and'];
const VENUES = ['ICML', 'NeurIPS', 'ICLR', 'AISTATS', 'COLT', 'UAI', 'JMLR', 'TMLR'];
const REFERENCE_TYPES: [ReferenceType, number][] = [
  ['CITES', 0.6],
  ['RELATED', 0.12],
  ['BUILDS_ON', 0.1],
  ['SEE_ALSO', 0.1],
  ['FOLLOW_UP_READ', 0.08],
];
const TRAIL_TYPES = new Set<ReferenceType>(['FOLLOW_UP_READ', 'RELATED', 'SEE_ALSO']);
const VERBS: Record<ReferenceType, string> = {
  FOLLOW_UP_READ: 'suggests as a follow-up read',
  RELATED: 'is related to',
  SEE_ALSO: 'says see also',
  BUILDS_ON: 'builds on',
  CITES: 'cites',
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function pseudoWord(random: Random, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(random, SYLLABLES);
  return word;
}

/** A vocabulary of `size` distinct lowercase words: the ML words first (the Zipf head), then made-up ones. */
function vocabulary(random: Random, size: number): string[] {
  const words = new Set(ML_WORDS);
  for (let tries = 0; words.size < size && tries < size * 50; tries++) words.add(pseudoWord(random, intBetween(random, 3, 4)));
  return [...words];
}

function referenceType(random: Random): ReferenceType {
  let u = random();
  for (const [type, p] of REFERENCE_TYPES) {
    u -= p;
    if (u < 0) return type;
  }
  return 'CITES';
}

export function generatePack(papers: number, seed = 20170806): GeneratedPack {
  const random = seededRandom(seed ^ papers);
  const conceptCount = Math.max(10, Math.round(papers / 10));
  const personCount = Math.max(10, Math.round(papers * 0.8));
  const talkCount = Math.max(20, Math.round(papers / 20));
  const dayCount = 5;
  const sessionsPerDay = 8;

  const words = vocabulary(random, 4000);
  const wordZipf = new Zipf(words.length, 1, 20);
  const conceptZipf = new Zipf(conceptCount, 1, 2.7);
  const personZipf = new Zipf(personCount, 1, 50);
  const paperZipf = new Zipf(papers, 1, 5);
  /** popularity rank -> paper index, so that the most cited papers are spread over the ids. */
  const paperByPopularity = shuffle(
    random,
    Array.from({ length: papers }, (_, i) => i),
  );

  const lines: string[] = [];
  const line = (text: string) => lines.push(text);
  const title = (min: number, max: number) => {
    const chosen = wordZipf.distinct(random, intBetween(random, min, max)).map((rank) => capitalize(words[rank]!));
    if (chosen.length > 3) chosen.splice(intBetween(random, 1, chosen.length - 2), 0, pick(random, CONNECTORS));
    return chosen.join(' ').slice(0, 120);
  };

  // Concepts and people: unique names and aliases, case-insensitively (checkPack requires it).
  const conceptNames = new Set<string>();
  const concepts: ConceptInput[] = [];
  for (let i = 0; i < conceptCount; i++) {
    let name = '';
    for (let tries = 0; tries < 50 && (name === '' || conceptNames.has(name.toLowerCase())); tries++) {
      name = wordZipf
        .distinct(random, tries < 20 ? 2 : 3)
        .map((rank) => capitalize(words[rank]!))
        .join(' ');
    }
    if (conceptNames.has(name.toLowerCase())) name = `${name} ${i}`;
    conceptNames.add(name.toLowerCase());
    const aliases: string[] = [];
    const acronym =
      name
        .split(' ')
        .map((w) => w[0]!.toUpperCase())
        .join('') + (random() < 0.5 ? '' : String(intBetween(random, 2, 9)));
    if (random() < 0.3 && !conceptNames.has(acronym.toLowerCase())) {
      conceptNames.add(acronym.toLowerCase());
      aliases.push(acronym);
    }
    const broader: string[] = [];
    if (i > 0 && random() < 0.5) {
      for (let tries = 0; tries < 10; tries++) {
        const rank = conceptZipf.sample(random);
        if (rank < i) {
          broader.push(conceptId(rank));
          break;
        }
      }
    }
    const related = conceptZipf
      .distinct(random, intBetween(random, 0, 2), (rank) => rank === i || broader.includes(conceptId(rank)))
      .map(conceptId);
    concepts.push({
      id: conceptId(i),
      name,
      aliases,
      definition: `A synthetic concept about ${title(2, 3).toLowerCase()} and ${title(2, 3).toLowerCase()}.`,
      broader,
      related,
    });
  }

  const personNames = new Set<string>();
  const firstNames = Array.from({ length: 80 }, () => capitalize(pseudoWord(random, 2)));
  const people: PersonInput[] = [];
  for (let i = 0; i < personCount; i++) {
    let name = '';
    for (let tries = 0; tries < 20 && (name === '' || personNames.has(name.toLowerCase())); tries++) {
      name = `${pick(random, firstNames)} ${capitalize(pseudoWord(random, intBetween(random, 2, 3)))}`;
    }
    if (personNames.has(name.toLowerCase())) name = `${name} ${i}`;
    personNames.add(name.toLowerCase());
    const aliases: string[] = [];
    const short = `${name[0]}. ${name.split(' ').slice(1).join(' ')}`;
    if (random() < 0.1 && !personNames.has(short.toLowerCase())) {
      personNames.add(short.toLowerCase());
      aliases.push(short);
    }
    people.push({
      id: personId(i),
      name,
      aliases,
      ...(random() < 0.5 ? { affiliation: `${capitalize(pseudoWord(random, 3))} University` } : {}),
    });
  }

  // The document starts with the event and the schedule headings.
  line(`Synthetic knowledge graph of ${papers} papers`);
  const paperRecords: PaperInput[] = [];
  const paperTitles: string[] = [];
  for (let i = 0; i < papers; i++) paperTitles.push(title(4, 8));

  const talks: TalkInput[] = [];
  const days = [];
  const sessions = [];
  const presented = shuffle(
    random,
    Array.from({ length: papers }, (_, i) => i),
  ).slice(0, talkCount);
  let talkIndex = 0;
  for (let d = 1; d <= dayCount; d++) {
    line(`Day ${d} - Conference`);
    const dayId = `day-${d}`;
    days.push({ id: dayId, number: d, title: 'Conference', source: { line: lines.length, quote: `Day ${d} - Conference` } });
    let order = 0;
    for (let s = 1; s <= sessionsPerDay; s++) {
      const sessionTitle = `Session ${s} - ${title(2, 3)}`;
      line(sessionTitle);
      const sessionId = `day-${d}-session-${s}`;
      sessions.push({
        id: sessionId,
        title: sessionTitle,
        kind: 'SESSION' as const,
        day: dayId,
        order: s,
        source: { line: lines.length, quote: sessionTitle },
      });
      const inSession =
        Math.floor(talkCount / (dayCount * sessionsPerDay)) +
        ((d - 1) * sessionsPerDay + s - 1 < talkCount % (dayCount * sessionsPerDay) ? 1 : 0);
      for (let k = 0; k < inSession; k++, talkIndex++) {
        const talkTitle = title(4, 8);
        line(talkTitle);
        const from = lines.length;
        const paper = presented[talkIndex]!;
        const speakers = personZipf.distinct(random, intBetween(random, 1, 2)).map((rank) => {
          const name = people[rank]!.name;
          line(`Speaker: ${name}`);
          return {
            person: personId(rank),
            role: 'SPEAKER' as const,
            origin: 'NOTES' as const,
            source: { line: lines.length, quote: `Speaker: ${name}` },
          };
        });
        const discussed = conceptZipf.distinct(random, intBetween(random, 2, 5)).map((rank) => {
          line(`The talk discusses ${concepts[rank]!.name}.`);
          return { concept: conceptId(rank), line: lines.length, quote: `discusses ${concepts[rank]!.name}` };
        });
        const references = distinctReferences(random, intBetween(random, 0, 3), paperZipf, paperByPopularity, paper, () =>
          pick(random, ['FOLLOW_UP_READ', 'FOLLOW_UP_READ', 'RELATED', 'SEE_ALSO'] as const),
        ).map(({ type, to }) => {
          const text = `${VERBS[type]} “${paperTitles[to]}”`;
          line(`The speaker ${text}.`);
          return { type, to: paperId(to), line: lines.length, quote: text };
        });
        order += 1;
        talks.push({
          id: `t-${pad(talkIndex, 5)}`,
          title: talkTitle,
          kind: talkIndex % 20 === 0 ? 'INVITED_TALK' : talkIndex % 20 === 1 ? 'TUTORIAL' : 'TALK',
          day: dayId,
          session: sessionId,
          order,
          lines: { from, to: lines.length },
          summary:
            `The speaker presents ${paperTitles[paper]}, discussing ${discussed.map((c) => c.quote.slice('discusses '.length)).join(', ')}.`.slice(
              0,
              600,
            ),
          source: { line: from, quote: talkTitle },
          presents: paperId(paper),
          people: speakers,
          concepts: discussed,
          references,
        });
      }
    }
  }

  const citedBy = new Uint32Array(papers);
  const personWorks = new Uint32Array(personCount);
  const conceptWorks = new Uint32Array(conceptCount);
  const hasTrail = new Set<string>();
  for (const talk of talks) {
    for (const c of talk.concepts ?? []) conceptWorks[Number(c.concept.slice(2))]! += 1;
    for (const p of talk.people ?? []) personWorks[Number(p.person.slice(2))]! += 1;
    for (const r of talk.references ?? []) {
      citedBy[Number(r.to.slice(2))]! += 1;
      if (TRAIL_TYPES.has(r.type)) hasTrail.add(talk.id);
    }
  }

  let links = 0;
  for (let i = 0; i < papers; i++) {
    const id = paperId(i);
    const paperTitle = paperTitles[i]!;
    line(`${id}: ${paperTitle}`);
    const source = { line: lines.length, quote: paperTitle };
    const discussed = conceptZipf.distinct(random, intBetween(random, 1, 6)).map((rank) => {
      conceptWorks[rank]! += 1;
      line(`${id} discusses ${concepts[rank]!.name}.`);
      return { concept: conceptId(rank), line: lines.length, quote: `discusses ${concepts[rank]!.name}` };
    });
    const authors = personZipf.distinct(random, intBetween(random, 1, 5)).map((rank) => {
      personWorks[rank]! += 1;
      return { person: personId(rank), role: 'AUTHOR' as const, origin: 'PUBLIC_RECORD' as const };
    });
    const references = distinctReferences(
      random,
      Math.min(8, Math.floor(-Math.log(1 - random()) * 3)),
      paperZipf,
      paperByPopularity,
      i,
      () => referenceType(random),
    ).map(({ type, to }) => {
      citedBy[to]! += 1;
      if (TRAIL_TYPES.has(type)) hasTrail.add(id);
      const text = `${VERBS[type]} “${paperTitles[to]}”`;
      line(`${id} ${text}.`);
      return { type, to: paperId(to), line: lines.length, quote: text };
    });
    const paperLinks = [];
    if (random() < 0.1) {
      const url = `https://code.example.org/${id}`;
      line(`Code: ${url}`);
      paperLinks.push({ url, kind: 'CODE' as const, asWritten: url, line: lines.length, quote: `Code: ${url}` });
      links += 1;
    }
    const year = 2000 + Math.floor(25 * Math.sqrt(random()));
    paperRecords.push({
      id,
      title: paperTitle,
      year,
      venue: pick(random, VENUES),
      ...(year >= 2015 && random() < 0.6
        ? { arxiv: `${year % 100}${pad(intBetween(random, 1, 12), 2)}.${pad(intBetween(random, 1, 29999), 5)}` }
        : {}),
      publicRecord: ['year', 'venue'],
      source,
      people: authors,
      concepts: discussed,
      links: paperLinks,
      references,
    });
  }

  const yaml = [
    `# A synthetic knowledge pack of ${papers} papers, written by bench/generate.ts (seed ${seed}). Do not edit.`,
    'format: 1',
    'documents:',
    `  - ${JSON.stringify({ id: 'synthetic-notes', title: `Synthetic notes, ${papers} papers`, file: 'notes.txt' })}`,
    `event: ${JSON.stringify({ id: `synthetic-${papers}`, name: `Synthetic ${papers}`, startDate: '2024-06-03', endDate: '2024-06-07', source: { line: 1, quote: 'Synthetic knowledge graph' } })}`,
    ...section('days', days),
    ...section('sessions', sessions),
    ...section('concepts', concepts),
    ...section('people', people),
    ...section('papers', paperRecords),
    ...section('talks', talks),
    '',
  ].join('\n');

  const conceptRelations = concepts.reduce((n, c) => n + (c.broader?.length ?? 0) + (c.related?.length ?? 0), 0);
  const works = [...talks, ...paperRecords];
  const sum = (f: (w: PaperInput | TalkInput) => number) => works.reduce((n, w) => n + f(w), 0);
  const nodes = 2 + dayCount + sessions.length + talks.length + papers + people.length + concepts.length + links; // + event + document
  const relationships =
    days.length +
    sessions.length +
    talks.length * 3 /* ON_DAY, IN_SESSION, PRESENTS */ +
    conceptRelations +
    sum((w) => (w.concepts?.length ?? 0) + (w.people?.length ?? 0) + (w.references?.length ?? 0) + (w.links?.length ?? 0));

  const hubs = Array.from({ length: Math.max(1, Math.round(conceptCount / 100)) }, (_, rank) => rank);
  const sampleRandom = seededRandom(seed + 1);
  const sortedConceptWorks = [...conceptWorks].sort((a, b) => a - b);
  const trailIds = [...hasTrail].sort();
  const samples: Samples = {
    talks: Array.from({ length: SAMPLE_COUNT }, () => pick(sampleRandom, talks).id),
    concepts: shuffle(
      sampleRandom,
      Array.from(
        { length: SAMPLE_COUNT },
        (_, i) => concepts[i < SAMPLE_COUNT / 10 ? pick(sampleRandom, hubs) : intBetween(sampleRandom, 0, conceptCount - 1)]!.name,
      ),
    ),
    works: Array.from({ length: SAMPLE_COUNT }, () => pick(sampleRandom, works).id),
    trails: Array.from({ length: SAMPLE_COUNT }, () => pick(sampleRandom, trailIds)),
    pairs: Array.from({ length: SAMPLE_COUNT }, () => [
      paperId(intBetween(sampleRandom, 0, papers - 1)),
      paperId(intBetween(sampleRandom, 0, papers - 1)),
    ]),
    searches: Array.from({ length: SAMPLE_COUNT }, () => {
      const u = sampleRandom();
      if (u < 0.3) return pick(sampleRandom, concepts).name;
      return wordZipf
        .distinct(sampleRandom, u < 0.65 ? 1 : 2)
        .map((rank) => words[rank]!)
        .join(' ');
    }),
    distinctSearches: distinct(seededRandom(seed + 2), DISTINCT_SEARCH_COUNT, (random) =>
      random() < 0.3
        ? `${pick(random, concepts).name} ${words[wordZipf.distinct(random, 1)[0]!]!}`
        : wordZipf
            .distinct(random, intBetween(random, 2, 4))
            .map((rank) => words[rank]!)
            .join(' '),
    ),
  };

  return {
    papers,
    yaml,
    notes: `${lines.join('\n')}\n`,
    samples,
    expected: { nodes, relationships },
    degrees: {
      maxConceptWorks: sortedConceptWorks[sortedConceptWorks.length - 1] ?? 0,
      medianConceptWorks: sortedConceptWorks[Math.floor(sortedConceptWorks.length / 2)] ?? 0,
      maxPersonWorks: Math.max(...personWorks),
      maxPaperCitedBy: Math.max(...citedBy),
    },
  };

  function distinctReferences(
    random: Random,
    count: number,
    zipf: Zipf,
    byPopularity: number[],
    self: number,
    type: () => ReferenceType,
  ): { type: ReferenceType; to: number }[] {
    const seen = new Set<string>();
    const out: { type: ReferenceType; to: number }[] = [];
    for (let tries = 0; out.length < count && tries < count * 10; tries++) {
      const to = byPopularity[zipf.sample(random)]!;
      const t = type();
      if (to === self || seen.has(`${t} ${to}`)) continue;
      seen.add(`${t} ${to}`);
      out.push({ type: t, to });
    }
    return out;
  }
}

function conceptId(rank: number) {
  return `c-${pad(rank, 6)}`;
}

function personId(rank: number) {
  return `a-${pad(rank, 6)}`;
}

function paperId(index: number) {
  return `p-${pad(index, 6)}`;
}

/** A YAML block sequence with one flow (JSON) mapping per line: JSON is valid YAML 1.2. */
function section(name: string, items: unknown[]): string[] {
  return items.length === 0 ? [`${name}: []`] : [`${name}:`, ...items.map((item) => `  - ${JSON.stringify(item)}`)];
}

/** Writes pack.yaml and notes.txt into `dir`; returns the pack file's path. */
export function writePack(generated: GeneratedPack, dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'notes.txt'), generated.notes);
  writeFileSync(path.join(dir, 'pack.yaml'), generated.yaml);
  writeFileSync(path.join(dir, 'samples.json'), `${JSON.stringify(generated.samples, null, 2)}\n`);
  return path.join(dir, 'pack.yaml');
}
