/**
 * `npm run bench:semantic`: quality of search by meaning on tests/eval (paraphrases.yaml, and the
 * search questions of ranking.yaml as a check that words-first questions do not get worse).
 *
 * For each model (EVAL_MODELS, default both; EVAL_MODES, default all three): embed the seed with it, then ask every phrasing in
 * the LEXICAL, SEMANTIC and HYBRID modes through the same function the `search` field calls, and
 * resolve every free-text concept through the one `relatedToConcept` calls. Figures per split
 * (tune: may be fitted on; report: never tuned on). A talk and the paper it presents are one
 * work, counted once. Runs against NEO4J_URI, or the managed local Neo4j (seeded when empty).
 *
 *   hit@5    share of phrasings with an expected work among the first 5 results (any kind of node)
 *   nDCG@10  graded (ranking.yaml) or binary (paraphrases) gain 2^g - 1 over the first 10, each work once
 *
 * The paraphrased searches are also asked of relatedToConcept as free text (hit@5 of its works).
 */
import { type Config, loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import type { Embedder } from '../src/embed/embedder.js';
import { relatedToConceptText, relatedTuning, relatedWorkWithMeaning } from '../src/embed/related.js';
import { resolveConcept } from '../src/embed/resolve-concept.js';
import { hybridTuning, type SearchMode, searchNodes } from '../src/embed/search.js';
import { loadEmbedder } from '../src/embed/semantic.js';
import { refreshEmbeddings } from '../src/embed/store.js';
import { paraphrases, ranking, type Split, seedPack, workIdOf } from '../tests/eval/eval-set.js';
import { ndcgAt10 } from '../tests/eval/score.js';
import { seededGraph } from './eval-graph.js';

const MODES = (process.env.EVAL_MODES ?? 'LEXICAL,SEMANTIC,HYBRID').split(',') as SearchMode[];
const models = (process.env.EVAL_MODELS ?? 'bge-small-en-v1.5-q,all-minilm-l6-v2-q').split(',') as Config['EMBED_MODEL'][];

interface Question {
  split: Split;
  query: string;
  /** Work id to grade (1 or 2). */
  gains: Map<string, number>;
}

const paraphraseQuestions: Question[] = paraphrases.works.map((w) => ({
  split: w.split,
  query: w.phrase,
  gains: new Map(w.expected.map((e) => [e.id, 1])),
}));
const rankingQuestions: Question[] = ranking.questions.flatMap((q) =>
  q.kind === 'search' ? [{ split: q.split, query: q.query, gains: new Map(q.expected.map((e) => [e.id, e.grade])) }] : [],
);

async function score(
  db: Database,
  embedder: Awaited<ReturnType<typeof loadEmbedder>>,
  questions: Question[],
  mode: SearchMode,
  toWork: (id: string) => string,
) {
  const bySplit: Record<Split, { hits: number; ndcg: number; n: number }> = {
    tune: { hits: 0, ndcg: 0, n: 0 },
    report: { hits: 0, ndcg: 0, n: 0 },
  };
  const misses: string[] = [];
  for (const q of questions) {
    const page = await searchNodes(db, embedder, q.query, [], mode, { offset: 0, limit: 10 });
    const ids = page.items.map((hit) => toWork(hit.node.id as string));
    const hit = ids.slice(0, 5).some((id) => q.gains.has(id));
    const s = bySplit[q.split];
    s.n++;
    s.hits += Number(hit);
    s.ndcg += ndcgAt10(ids, q.gains);
    if (!hit) misses.push(q.query);
  }
  const fmt = (s: { hits: number; ndcg: number; n: number }) => ({ hit5: s.hits / s.n, ndcg10: s.ndcg / s.n, n: s.n });
  return { tune: fmt(bySplit.tune), report: fmt(bySplit.report), misses };
}

async function conceptAccuracy(db: Database, embedder: Awaited<ReturnType<typeof loadEmbedder>>) {
  const bySplit: Record<Split, { right: number; n: number }> = { tune: { right: 0, n: 0 }, report: { right: 0, n: 0 } };
  const wrong: string[] = [];
  for (const c of paraphrases.concepts) {
    const resolution = await resolveConcept(db, embedder, c.phrase);
    const first = resolution.resolved[0]?.concept.id as string | undefined;
    const right = first !== undefined && c.expected.includes(first);
    bySplit[c.split].n++;
    bySplit[c.split].right += Number(right);
    if (!right) wrong.push(`${c.phrase} → ${first ?? '(nothing)'} ${resolution.resolved[0]?.how ?? ''}`);
  }
  return { tune: bySplit.tune.right / bySplit.tune.n, report: bySplit.report.right / bySplit.report.n, wrong };
}

/**
 * The paraphrased searches asked of relatedToConcept as free text, as a researcher may: a hit is an
 * expected work among its first 5 works. A text no concept is close enough to answers NOT_FOUND
 * through the API, and counts as a miss here.
 */
async function paraphrasesAsConcepts(db: Database, embedder: Embedder, toWork: (id: string) => string) {
  const bySplit: Record<Split, { hits: number; notFound: number; n: number }> = {
    tune: { hits: 0, notFound: 0, n: 0 },
    report: { hits: 0, notFound: 0, n: 0 },
  };
  const misses: string[] = [];
  for (const q of paraphraseQuestions) {
    const { resolution, works } = await relatedToConceptText(db, embedder, q.query, 5);
    const hit = works.some((w) => q.gains.has(toWork(w.work.id as string)));
    const s = bySplit[q.split];
    s.n++;
    s.hits += Number(hit);
    s.notFound += Number(resolution.resolved.length === 0);
    if (!hit) misses.push(`${q.query} → ${resolution.resolved.map((r) => r.concept.id).join(', ') || '(nothing)'}`);
  }
  const cell = (s: { hits: number; notFound: number; n: number }) => `${pct(s.hits / s.n)} (${s.notFound} of ${s.n})`;
  return { row: `| ${embedder.name} | ${cell(bySplit.tune)} | ${cell(bySplit.report)} |`, misses };
}

/**
 * ranking.yaml's relatedWork and relatedToConcept questions, with the structural ranking alone
 * (no model: names and close spellings only) and with the model (meaning, SIMILAR_TEXT).
 */
async function relatedScores(db: Database, embedder: Embedder | null, toWork: (id: string) => string) {
  const rows: string[] = [];
  for (const kind of ['relatedWork', 'relatedToConcept'] as const) {
    const bySplit: Record<Split, { hits: number; ndcg: number; n: number }> = {
      tune: { hits: 0, ndcg: 0, n: 0 },
      report: { hits: 0, ndcg: 0, n: 0 },
    };
    for (const q of ranking.questions) {
      if (q.kind !== kind) continue;
      const works =
        q.kind === 'relatedWork'
          ? await relatedWorkWithMeaning(db, embedder, q.to, [], 10)
          : q.kind === 'relatedToConcept'
            ? (await relatedToConceptText(db, embedder, q.query, 10)).works
            : [];
      const gains = new Map(q.expected.map((e) => [e.id, e.grade as number]));
      const ids = works.map((w) => toWork(w.work.id as string));
      const s = bySplit[q.split];
      s.n++;
      s.hits += Number(ids.slice(0, 5).some((id) => gains.has(id)));
      s.ndcg += ndcgAt10(ids, gains);
    }
    const f = (s: { hits: number; ndcg: number; n: number }) => [pct(s.hits / s.n), num(s.ndcg / s.n)];
    const [ht, nt] = f(bySplit.tune);
    const [hr, nr] = f(bySplit.report);
    rows.push(`| ${embedder?.name ?? '(none)'} | ${kind} | ${ht} | ${hr} | ${nt} | ${nr} |`);
  }
  return rows;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const num = (x: number) => x.toFixed(3);

async function main() {
  // EVAL_TUNING='{"wordsFloor":0.2}' tries other settings (on the tune split only, then report both).
  if (process.env.EVAL_TUNING) Object.assign(hybridTuning, JSON.parse(process.env.EVAL_TUNING));
  if (process.env.EVAL_RELATED) Object.assign(relatedTuning, JSON.parse(process.env.EVAL_RELATED));
  const base = loadConfig();
  const { db, uri, stop } = await seededGraph(base);
  try {
    const toWork = workIdOf(seedPack());
    const lines: string[] = [];
    lines.push(`Tuning ${JSON.stringify(hybridTuning)}, ${JSON.stringify(relatedTuning)}.`);
    lines.push(
      `Neo4j ${uri}; ${paraphraseQuestions.length} paraphrased searches, ${rankingQuestions.length} ranking.yaml searches, ${paraphrases.concepts.length} free-text concepts.`,
      '',
    );
    lines.push(
      '| model | mode | set | hit@5 tune | hit@5 report | nDCG@10 tune | nDCG@10 report |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    const conceptLines: string[] = [];
    const asConceptLines: string[] = [];
    const relatedLines: string[] = await relatedScores(db, null, toWork);
    const allMisses: string[] = [];
    for (const model of models) {
      const embedder = await loadEmbedder({ ...base, EMBED_MODEL: model });
      if (!embedder) throw new Error(`model ${model} could not be loaded`);
      const refreshed = await refreshEmbeddings(db, embedder);
      console.error(`${model}: ${refreshed.embedded} texts embedded in ${refreshed.seconds.toFixed(1)} s`);
      for (const mode of MODES) {
        if (mode === 'LEXICAL' && model !== models[0]) continue; // the same for every model
        for (const [set, questions] of [
          ['paraphrases', paraphraseQuestions],
          ['ranking.yaml search', rankingQuestions],
        ] as const) {
          const r = await score(db, embedder, questions, mode, toWork);
          const name = mode === 'LEXICAL' ? '(none)' : model;
          lines.push(
            `| ${name} | ${mode} | ${set} | ${pct(r.tune.hit5)} | ${pct(r.report.hit5)} | ${num(r.tune.ndcg10)} | ${num(r.report.ndcg10)} |`,
          );
          if (set === 'paraphrases' && mode !== 'LEXICAL') allMisses.push(`${model} ${mode} misses: ${r.misses.join('; ')}`);
        }
      }
      relatedLines.push(...(await relatedScores(db, embedder, toWork)));
      const concepts = await conceptAccuracy(db, embedder);
      conceptLines.push(`| ${model} | ${pct(concepts.tune)} | ${pct(concepts.report)} |`);
      allMisses.push(`${model} concepts wrong: ${concepts.wrong.join('; ')}`);
      const asConcepts = await paraphrasesAsConcepts(db, embedder, toWork);
      asConceptLines.push(asConcepts.row);
      allMisses.push(`${model} paraphrases through relatedToConcept, missed: ${asConcepts.misses.join('; ')}`);
      await embedder.close();
    }
    lines.push('', '| model | free-text concept resolved right, tune | report |', '| --- | --- | --- |', ...conceptLines);
    lines.push(
      '',
      '| model | paraphrases through relatedToConcept: hit@5 tune (NOT_FOUND) | report |',
      '| --- | --- | --- |',
      ...asConceptLines,
    );
    lines.push(
      '',
      '| model | ranking.yaml | hit@5 tune | hit@5 report | nDCG@10 tune | nDCG@10 report |',
      '| --- | --- | --- | --- | --- | --- |',
      ...relatedLines,
    );
    console.log(lines.join('\n'));
    console.error(`\n${allMisses.join('\n')}`);
    // Leave the database embedded with the default model.
    const embedder = await loadEmbedder(base);
    if (embedder) {
      await refreshEmbeddings(db, embedder);
      await embedder.close();
    }
  } finally {
    await stop();
  }
}

await main();
