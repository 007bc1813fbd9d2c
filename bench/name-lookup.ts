/**
 * `npx tsx bench/name-lookup.ts [people]`: looking a concept or a person up by name or alias, with
 * the statements as they are (through the name_keys full-text index, schema.cypher) side by side
 * with the label scans they replaced, in the same run.
 *
 * Against the bench Neo4j (bench/neo4j.ts, a fresh store; BENCH_NEO4J_PORT and BENCH_NEO4J_DIR
 * choose another one): `people` people (default 571,923, as many as the million-record import
 * creates) and one concept per 50 of them, each with a name and an alias as its keys, then
 * LOOKUPS (200) serial look-ups of random names per statement, after 20 that are not counted.
 * Prints a Markdown table for bench/RESULTS.md.
 */
import { cypher } from '../src/db/cypher.js';
import { percentile } from './load.js';
import { benchDatabase, benchDriver, emptyDatabase, startBenchNeo4j } from './neo4j.js';

const people = Number(process.argv[2] ?? 571_923);
const concepts = Math.ceil(people / 50);
const lookups = Number(process.env.LOOKUPS ?? 200);

/** The statements as they were before 2026-12-07: `key IN n.keys`, which no index serves. */
const labelScans: Record<string, string> = {
  'concept/by-name': `UNWIND $keys AS key
MATCH (c:Concept) WHERE key IN c.keys OR c.id = key
RETURN key, c {.*, __type: 'Concept'} AS concept`,
  'person/by-name': `UNWIND $keys AS key
MATCH (p:Person) WHERE key IN p.keys OR p.id = key
RETURN key, p {.*, __type: 'Person'} AS person`,
  'curation/name-owner': `MATCH (c:Concept)
WHERE toLower($name) IN c.keys AND c.id <> $id
RETURN c.id AS id
LIMIT 1`,
};

const driver = benchDriver();
const db = benchDatabase();
await startBenchNeo4j((line) => console.error(line));
await emptyDatabase(driver, db);

const session = driver.session();
const t0 = performance.now();
for (let from = 0; from < people; from += 50_000) {
  await session.run(
    `UNWIND range($from, $to - 1) AS i
     CREATE (:Person:Entity {id: 'person-' + i, name: 'Person ' + i, keys: ['person ' + i, 'p. ' + i]})`,
    { from, to: Math.min(people, from + 50_000) },
  );
}
await session.run(
  `UNWIND range(0, $concepts - 1) AS i
   CREATE (:Concept:Entity {id: 'concept-' + i, name: 'Concept ' + i, keys: ['concept ' + i, 'c' + i + ' (alias)']})`,
  { concepts },
);
await session.run('CALL db.awaitIndexes(600)');
await session.close();
console.error(`${people} people and ${concepts} concepts written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const randomInt = (n: number) => Math.floor(Math.random() * n);
const params: Record<string, () => Record<string, unknown>> = {
  'concept/by-name': () => ({ keys: [`c${randomInt(concepts)} (alias)`] }),
  'person/by-name': () => ({ keys: [`p. ${randomInt(people)}`] }),
  'curation/name-owner': () => ({ name: `Concept ${randomInt(concepts)}`, id: 'another-concept' }),
};

async function time(text: string, makeParams: () => Record<string, unknown>) {
  const latencies: number[] = [];
  for (let i = 0; i < lookups + 20; i++) {
    const s = driver.session({ defaultAccessMode: 'READ' });
    const start = performance.now();
    const { records } = await s.run(text, makeParams());
    if (i >= 20) latencies.push(performance.now() - start);
    await s.close();
    if (records.length !== 1) throw new Error(`expected one row, got ${records.length}: ${text.slice(0, 60)}`);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

console.log(`| statement | label scan: p50 / p95 ms | name_keys index: p50 / p95 ms |`);
console.log('| --- | ---: | ---: |');
for (const [name, scan] of Object.entries(labelScans)) {
  const before = await time(scan, params[name]!);
  const after = await time(cypher(name), params[name]!);
  console.log(`| ${name} | ${before.p50.toFixed(1)} / ${before.p95.toFixed(1)} | ${after.p50.toFixed(1)} / ${after.p95.toFixed(1)} |`);
}
await db.close();
await driver.close();
