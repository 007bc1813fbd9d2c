/**
 * `npx tsx bench/rename-spread.ts`: what a concept's new alias costs the curation that adds it, on
 * a graph that is already there (the similarity bench's 100,000 papers, say: BENCH_NEO4J_PORT=7705
 * BENCH_NEO4J_DIR=.neo4j/bench-sim). For concepts of about 10, 100, 1,000 and 10,000 works and for
 * the concept with the most, ROUNDS (3) times each: `addConceptAlias` through src/db/curation.ts,
 * whose answer waits for the spread of the alias to the first IN_REQUEST works' search text
 * (src/db/search-text.ts), then the rest of the spread as the server runs it after the answer, then
 * `upsertConcept` giving the concept back its old aliases (a second spread, timed whole). The works queued
 * to be embedded again are counted and then unqueued: the model's time for them is
 * bench/embed.ts's throughput times their number.
 *
 * Leaves the graph as it was but for the Change records of the curations. Prints a Markdown table
 * for bench/RESULTS.md.
 */

import { addConceptAlias, upsertConcept } from '../src/db/curation.js';
import { spreadRenames } from '../src/db/search-text.js';
import { percentile } from './load.js';
import { benchDatabase, startBenchNeo4j } from './neo4j.js';

const rounds = Number(process.env.ROUNDS ?? 3);
const db = benchDatabase();
await startBenchNeo4j((line) => console.error(line));

type Concept = { id: string; name: string; aliases: string[]; works: number };
const concepts = await db.runText<Concept>(
  'MATCH (c:Concept) RETURN c.id AS id, c.name AS name, c.aliases AS aliases, COUNT { (c)<-[:DISCUSSES]-() } AS works ORDER BY works DESC',
  {},
  'READ',
);
const chosen = new Map<string, Concept>();
chosen.set(concepts[0]!.id, concepts[0]!);
for (const target of [10_000, 1000, 100, 10]) {
  const nearest = concepts.reduce((best, c) => (Math.abs(c.works - target) < Math.abs(best.works - target) ? c : best));
  chosen.set(nearest.id, nearest);
}
const [{ queuedBefore }] = (await db.runText('MATCH (n:EmbeddingQueued) RETURN count(n) AS queuedBefore', {}, 'READ')) as [
  { queuedBefore: number },
];

const table: string[] = [];
for (const concept of [...chosen.values()].sort((a, b) => b.works - a.works)) {
  const add: number[] = [];
  const rest: number[] = [];
  const back: number[] = [];
  let queued = 0;
  for (let round = 0; round < rounds; round++) {
    const alias = `bench alias ${Date.now()}`;
    let started = performance.now();
    await addConceptAlias(db, 'bench', concept.id, alias);
    add.push(performance.now() - started);
    started = performance.now();
    await spreadRenames(db);
    rest.push(performance.now() - started);
    const [row] = await db.runText<{ n: number }>('MATCH (n:EmbeddingQueued) RETURN count(n) AS n', {}, 'READ');
    queued = row!.n - queuedBefore;
    started = performance.now();
    await upsertConcept(db, 'bench', { id: concept.id, name: concept.name, aliases: concept.aliases }, null);
    await spreadRenames(db);
    back.push(performance.now() - started);
    console.error(
      `${concept.id} (${concept.works} works): alias answered in ${add.at(-1)!.toFixed(0)} ms, the rest ${rest.at(-1)!.toFixed(0)} ms, back ${back.at(-1)!.toFixed(0)} ms`,
    );
  }
  for (const xs of [add, rest, back]) xs.sort((a, b) => a - b);
  table.push(
    `| ${concept.id} | ${concept.works.toLocaleString('en')} | ${percentile(add, 50).toFixed(0)} | ${add.at(-1)!.toFixed(0)} | ${percentile(rest, 50).toFixed(0)} | ${percentile(back, 50).toFixed(0)} | ${queued.toLocaleString('en')} |`,
  );
}
// The queue this bench made goes: the texts are as they were before it.
if (queuedBefore === 0) await db.runText('MATCH (n:EmbeddingQueued) REMOVE n:EmbeddingQueued');
await spreadRenames(db);

const [{ works }] = (await db.runText('MATCH (w:Work) RETURN count(w) AS works', {}, 'READ')) as [{ works: number }];
console.log(`\n${works.toLocaleString('en')} works, ${rounds} rounds each\n`);
console.log(
  `| concept | works | addConceptAlias answered, p50 ms | max ms | the rest after the answer, p50 ms | aliases given back, whole spread, p50 ms | works queued for embedding |`,
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const line of table) console.log(line);
await db.close();
