/**
 * `npm run bench:semantic`: quality of search by meaning on tests/eval (paraphrases.yaml, and the
 * search questions of ranking.yaml as a check that words-first questions do not get worse).
 *
 * For each model (EVAL_MODELS, default both; EVAL_MODES, default all three): embed the seed with it, then ask every phrasing in
 * the LEXICAL, SEMANTIC and HYBRID modes through the same function the `search` field calls, and
 * resolve every free-text concept through the one `relatedToConcept` calls
 * (tests/eval/semantic-score.ts, which the floor test semantic-eval.test.ts also runs). Figures per split
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
import { hybridTuning, type SearchMode } from '../src/embed/search.js';
import { loadEmbedder } from '../src/embed/semantic.js';
import { refreshEmbeddings } from '../src/embed/store.js';
import { paraphrases, ranking, type Split, seedPack, workIdOf } from '../tests/eval/eval-set.js';
import { ndcgAt10 } from '../tests/eval/score.js';
import {
  paraphraseQuestions,
  rankingSearchQuestions,
  scoreConcepts,
  scoreParaphrasesAsConcepts,
  scoreSearch,
} from '../tests/eval/semantic-score.js';
import { seededGraph } from './eval-graph.js';

const MODES = (process.env.EVAL_MODES ?? 'LEXICAL,SEMANTIC,HYBRID').split(',') as SearchMode[];
const models = (process.env.EVAL_MODELS ?? 'bge-small-en-v1.5-q,all-minilm-l6-v2-q').split(',') as Config['EMBED_MODEL'][];

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
      `Neo4j ${uri}; ${paraphraseQuestions.length} paraphrased searches, ${rankingSearchQuestions.length} ranking.yaml searches, ${paraphrases.concepts.length} free-text concepts.`,
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
          ['ranking.yaml search', rankingSearchQuestions],
        ] as const) {
          const r = await scoreSearch(db, embedder, questions, mode, toWork);
          const { tune, report } = r.bySplit;
          const name = mode === 'LEXICAL' ? '(none)' : model;
          lines.push(
            `| ${name} | ${mode} | ${set} | ${pct(tune.hits / tune.n)} | ${pct(report.hits / report.n)} | ${num(tune.ndcg / tune.n)} | ${num(report.ndcg / report.n)} |`,
          );
          if (set === 'paraphrases' && mode !== 'LEXICAL') allMisses.push(`${model} ${mode} misses: ${r.misses.join('; ')}`);
        }
      }
      relatedLines.push(...(await relatedScores(db, embedder, toWork)));
      const concepts = await scoreConcepts(db, embedder);
      const right = (s: { right: number; n: number }) => pct(s.right / s.n);
      conceptLines.push(`| ${model} | ${right(concepts.bySplit.tune)} | ${right(concepts.bySplit.report)} |`);
      allMisses.push(`${model} concepts wrong: ${concepts.wrong.join('; ')}`);
      const asConcepts = await scoreParaphrasesAsConcepts(db, embedder, toWork);
      const cell = (s: { hits: number; notFound: number; n: number }) => `${pct(s.hits / s.n)} (${s.notFound} of ${s.n})`;
      asConceptLines.push(`| ${model} | ${cell(asConcepts.bySplit.tune)} | ${cell(asConcepts.bySplit.report)} |`);
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
