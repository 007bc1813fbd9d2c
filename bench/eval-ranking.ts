/**
 * `npm run bench:ranking`: precision@5 and nDCG@10 of `search`, `relatedToConcept` and
 * `relatedWork` on tests/eval/ranking.yaml, per split (tune: weights may be fitted on it; report:
 * never used to choose them). See tests/eval/score.ts for how a question is scored.
 *
 * Runs twice: with the structure of the graph alone (EMBED_MODEL=none: names, words, links) and
 * with the configured embedding model (what `npm start` serves). EVAL_MODELS=none skips the model.
 * EVAL_WEIGHTS='{"reasonWeights":{"SAME_SESSION":0.3}}' tries other weights (fit on tune only).
 * EVAL_VERBOSE=1 prints every question's answer. Against NEO4J_URI, or the managed local Neo4j
 * (seeded when empty).
 */
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embed/semantic.js';
import { refreshEmbeddings } from '../src/embed/store.js';
import { rankingTuning } from '../src/model/vocabulary.js';
import { seedPack, workIdOf } from '../tests/eval/eval-set.js';
import { scoreRanking } from '../tests/eval/score.js';
import { seededGraph } from './eval-graph.js';

const num = (x: number) => x.toFixed(3);

async function main() {
  if (process.env.EVAL_WEIGHTS) {
    const overrides = JSON.parse(process.env.EVAL_WEIGHTS) as Record<string, Record<string, number>>;
    for (const [group, values] of Object.entries(overrides))
      Object.assign(rankingTuning[group as keyof typeof rankingTuning] as Record<string, number>, values);
  }
  const base = loadConfig();
  const { db, uri, stop } = await seededGraph(base);
  try {
    const toWork = workIdOf(seedPack());
    const lines = [
      `Neo4j ${uri}; weights ${JSON.stringify(rankingTuning)}`,
      '',
      '| model | question | n (tune/report) | P@5 tune | P@5 report | nDCG@10 tune | nDCG@10 report |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    ];
    const models = (process.env.EVAL_MODELS ?? `none,${base.EMBED_MODEL}`).split(',').filter((m, i, all) => all.indexOf(m) === i);
    for (const model of models) {
      const embedder = model === 'none' ? null : await loadEmbedder({ ...base, EMBED_MODEL: model as typeof base.EMBED_MODEL });
      if (embedder) await refreshEmbeddings(db, embedder);
      const { scores, results } = await scoreRanking(db, embedder, toWork);
      for (const [kind, s] of Object.entries(scores)) {
        lines.push(
          `| ${model} | ${kind} | ${s.tune.questions}/${s.report.questions} | ${num(s.tune.precision5)} | ${num(s.report.precision5)} | ${num(s.tune.ndcg10)} | ${num(s.report.ndcg10)} |`,
        );
      }
      if (process.env.EVAL_VERBOSE) {
        for (const r of results) {
          const q = r.question;
          console.error(`${model} ${q.id} ${q.split} P@5 ${num(r.precision5)} nDCG ${num(r.ndcg10)}: ${r.ids.join(', ')}`);
        }
      }
      await embedder?.close();
    }
    console.log(lines.join('\n'));
  } finally {
    await stop();
  }
}

await main();
