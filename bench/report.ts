/**
 * The report of a run: a dated section appended to bench/RESULTS.md (earlier sections are kept),
 * the raw numbers in bench/results/<stamp>.json, and the scaling chart in
 * bench/results/<stamp>.svg (copied to bench/scaling.svg, the latest run's chart).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportResult } from './import.js';
import type { LoadResult } from './load.js';
import { projectRoot } from './neo4j.js';
import type { ProfileSummary } from './profile.js';

export interface QueryAtScale {
  name: string;
  what: string;
  shared: boolean;
  floorKind: string | null;
  roundTrips: { min: number; max: number; floor: number | null };
  /** Inputs (of checkedInputs) for which our answer was an error, mostly a statement cut at the time limit. */
  failedInputs: number;
  checkedInputs: number;
  /** GraphQL errors or answers that differ between ours and theirs, from the in-process check. */
  problems: string[];
  /** The slowest of the checked inputs in-process, with the plans of the statements it ran. */
  slowest: { input: unknown; ms: number; plans: ProfileSummary[]; floorPlan: ProfileSummary | null };
  /** One result per concurrency, in BenchRun.settings.concurrencies order. */
  ours: LoadResult[];
  theirs: LoadResult[];
  floor: LoadResult[];
  /** The proposed rewrite (bench/proposals/) at c=1 and c=10, and whether it answers as the current statement. */
  proposal: { file: string; compared: number; same: number; unanswered: number; c1: LoadResult; c10: LoadResult } | null;
}

export interface ScaleResult {
  papers: number;
  import: Omit<ImportResult, 'samples'> & { samples?: undefined };
  graphNote: string;
  /** Statements the watchdog terminated (cut at the time limit, or left running after a load test). */
  terminated: number;
  queries: QueryAtScale[];
}

export interface BenchRun {
  startedAt: string;
  minutes: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; os: string; loadAverageAtStart: number };
  settings: {
    scales: number[];
    concurrencies: number[];
    duration: number;
    floorDuration: number;
    requestLimitSeconds: number;
    neo4j: { heap: string; pageCacheMiB: number };
  };
  scales: ScaleResult[];
}

/** Foreign CPU (cores) above which a measurement is marked as disturbed. */
const NOISY = 0.5;

// NaN (no request answered) is saved as null in the JSON.
const ms = (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const rps = (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const ratio = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? '–' : v.toFixed(2));
const thousands = (n: number) => n.toLocaleString('en-US');
const scaleName = (papers: number) => (papers >= 1000 && papers % 1000 === 0 ? `${papers / 1000}k` : String(papers));
const errorsOf = (r: LoadResult) => r.errors + r.non2xx + r.graphqlErrors;
const noisy = (r: LoadResult | undefined) => (r && r.foreignCpu > NOISY ? '*' : '');
const lat = (r: LoadResult | undefined) =>
  !r ? '–' : r.requests === 0 ? `none answered in ${Math.round(r.seconds)} s` : `${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.p99)}`;

export function appendReport(run: BenchRun): string[] {
  const stamp = run.startedAt
    .slice(0, 16)
    .replace(/[:T]/g, (c) => (c === 'T' ? '-' : ''))
    .concat('Z');
  const resultsDir = path.join(projectRoot, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, `${stamp}.json`);
  const svgFile = path.join(resultsDir, `${stamp}.svg`);
  writeFileSync(jsonFile, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(svgFile, scalingChart(run));
  copyFileSync(svgFile, path.join(projectRoot, 'bench/scaling.svg'));

  const resultsFile = path.join(projectRoot, 'bench/RESULTS.md');
  const head = existsSync(resultsFile)
    ? readFileSync(resultsFile, 'utf8').trimEnd()
    : '# Benchmark results\n\nEach `npm run bench` appends a dated section (newest last); [README.md](README.md) says what every number means.';
  writeFileSync(resultsFile, `${head}\n\n${section(run, stamp)}\n`);
  return [resultsFile, jsonFile, svgFile];
}

function section(run: BenchRun, stamp: string): string {
  const { machine, settings } = run;
  const cIndex = (c: number) => settings.concurrencies.indexOf(c);
  const at = (results: LoadResult[], c: number) => results[cIndex(c)];
  const largest = run.scales.at(-1)!;
  const all = run.scales.flatMap((s) => s.queries.flatMap((q) => [...q.ours, ...q.theirs, ...q.floor]));
  const foreign = all.map((r) => r.foreignCpu).sort((a, b) => a - b);
  const out: string[] = [];

  out.push(`## Run of ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC`);
  out.push('');
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}. ` +
      `Neo4j 5.26 community (the managed local launcher) with a ${settings.neo4j.heap} heap and a ${settings.neo4j.pageCacheMiB} MiB page cache, ` +
      `on the same cores as the servers and the load generator. Load tests: ${settings.duration} s per query and concurrency ` +
      `(floors ${settings.floorDuration} s), each after a 2 s warm-up. Whole run: ${run.minutes.toFixed(1)} min.`,
  );
  out.push('');
  out.push(
    `Every request is cut at ${settings.requestLimitSeconds} s: a watchdog terminates Neo4j transactions older than that (neither server sets a ` +
      `transaction timeout, and Neo4j would otherwise finish abandoned statements during the next test), the floors use a transaction timeout. ` +
      `A cut request is an error, and counts in the latencies with the time it took.`,
  );
  out.push('');
  out.push(
    `Other processes on this shared machine used a median of ${(foreign[Math.floor(foreign.length / 2)] ?? 0).toFixed(2)} cores ` +
      `(max ${(foreign.at(-1) ?? 0).toFixed(2)}) during the load tests; measurements during which they used more than ${NOISY} cores are marked *.`,
  );
  out.push('');

  // Import
  out.push('### Import (readPack + loadPack into an emptied database)');
  out.push('');
  out.push('| papers | nodes | relationships | pack | readPack: YAML, zod, checks | loadPack | **load rate** | read + load rate |');
  out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of run.scales) {
    const i = s.import;
    out.push(
      `| ${thousands(s.papers)} | ${thousands(i.nodes)} | ${thousands(i.relationships)} | ${(i.packBytes / 1e6).toFixed(1)} MB | ${i.seconds.read.toFixed(1)} s | ` +
        `${i.seconds.load.toFixed(1)} s | **${thousands(Math.round(i.rate.load))}/s** | ${thousands(Math.round(i.rate.endToEnd))}/s |`,
    );
  }
  out.push('');
  out.push(
    `loadPack ran with \`transactionSize: ${thousands(run.scales[0]?.import.transactionSize ?? 0)}\` rows per transaction (one transaction for 100k papers ` +
      `exceeds Neo4j's transaction memory limit). Peak memory of the import process: ${run.scales.map((s) => `${scaleName(s.papers)} ${thousands(s.import.peakRssMiB)} MiB`).join(', ')}.`,
  );
  out.push('');
  const big = largest.import;
  out.push(
    `Where loadPack's ${big.seconds.load.toFixed(0)} s went at ${thousands(largest.papers)} papers (${big.transactions} transactions):`,
  );
  out.push('');
  out.push('| statement | rows | s | rows/s |');
  out.push('| --- | ---: | ---: | ---: |');
  for (const st of [...big.statements].sort((a, b) => b.ms - a.ms)) {
    out.push(
      `| ${st.name} | ${thousands(st.rows)} | ${(st.ms / 1000).toFixed(1)} | ${st.rows ? thousands(Math.round(st.rows / (st.ms / 1000 || 1))) : '–'} |`,
    );
  }
  out.push(`| commits (last answer to the end of each transaction) | | ${(big.commitMs / 1000).toFixed(1)} | |`);
  out.push('');

  // Targets
  out.push('### Targets');
  out.push('');
  out.push('| target | measured | |');
  out.push('| --- | --- | :---: |');
  const verdict = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? 'met' : '**missed**');
  for (const q of largest.queries.filter((q) => q.shared)) {
    const values = run.scales.map((s) => {
      const e = s.queries.find((x) => x.name === q.name)!;
      return { papers: s.papers, value: (at(e.ours, 10)?.rps ?? NaN) / (at(e.theirs, 10)?.rps ?? NaN) };
    });
    out.push(
      `| ${q.name}: ours/@neo4j/graphql req/s ≥ 1.0 at c=10 | ${values.map((v) => `${scaleName(v.papers)} ${ratio(v.value)}`).join(', ')} | ${verdict(values.every((v) => v.value >= 1))} |`,
    );
  }
  for (const [name, limit] of [
    ['relatedWork', 50],
    ['relatedToConcept', 50],
    ['search', 20],
  ] as const) {
    const e = largest.queries.find((q) => q.name === name);
    const r = e ? at(e.ours, 10) : undefined;
    const measured = !r
      ? '–'
      : r.requests === 0
        ? `> ${thousands(Math.round(r.seconds * 1000))} ms (no request answered within the test)`
        : `${ms(r.p95)} ms`;
    out.push(
      `| ${name} p95 < ${limit} ms at c=10, ${scaleName(largest.papers)} papers | ${measured} | ${verdict(!r ? undefined : r.requests > 0 && r.p95 < limit)} |`,
    );
  }
  {
    const values = run.scales.map((s) => {
      const e = s.queries.find((q) => q.name === 'talkById')!;
      return { papers: s.papers, value: (at(e.ours, 1)?.p50 ?? NaN) / (at(e.floor, 1)?.p50 ?? NaN) };
    });
    out.push(
      `| talkById: GraphQL p50 / raw Cypher p50 ≤ 1.5 at c=1 | ${values.map((v) => `${scaleName(v.papers)} ${ratio(v.value)}`).join(', ')} | ${verdict(values.every((v) => v.value <= 1.5))} |`,
    );
  }
  out.push(
    `| import ≥ 20,000 nodes + relationships/s (loadPack) | ${run.scales.map((s) => `${scaleName(s.papers)} ${thousands(Math.round(s.import.rate.load))}`).join(', ')} | ` +
      `${verdict(run.scales.every((s) => s.import.rate.load >= 20000))} |`,
  );
  out.push('');

  // Cost growth
  out.push(`### How cost grows with the graph`);
  out.push('');
  out.push(`![p50 at c=1 and p95 at c=10 against papers](results/${stamp}.svg)`);
  out.push('');
  const scales = run.scales.map((s) => scaleName(s.papers));
  out.push(
    `| query | p50 at c=1, ms: ${scales.join(' → ')} | growth | p95 at c=10, ms: ${scales.join(' → ')} | req/s at c=10: ${scales.join(' → ')} |`,
  );
  out.push('| --- | --- | ---: | --- | --- |');
  for (const q of largest.queries) {
    const series = run.scales.map((s) => s.queries.find((x) => x.name === q.name));
    const p50 = series.map((e) => (e ? at(e.ours, 1)?.p50 : undefined));
    const growth = (p50.at(-1) ?? NaN) / (p50[0] ?? NaN);
    out.push(
      `| ${q.name} | ${p50.map(ms).join(' → ')} | ×${ratio(growth)} | ${series.map((e) => ms(e ? at(e.ours, 10)?.p95 : undefined)).join(' → ')} | ` +
        `${series.map((e) => rps(e ? at(e.ours, 10)?.rps : undefined)).join(' → ')} |`,
    );
  }
  out.push(
    `| import (loadPack, nodes + relationships/s) | | | | ${run.scales.map((s) => thousands(Math.round(s.import.rate.load))).join(' → ')} |`,
  );
  out.push('');

  // Round trips
  out.push('### Cypher round trips per request (ours, in-process, first 10 inputs)');
  out.push('');
  out.push(`| query | ${run.scales.map((s) => scaleName(s.papers)).join(' | ')} | floor | @neo4j/graphql |`);
  out.push(`| --- | ${run.scales.map(() => '---:').join(' | ')} | ---: | ---: |`);
  for (const q of largest.queries) {
    const cells = run.scales.map((s) => {
      const e = s.queries.find((x) => x.name === q.name);
      return e ? (e.roundTrips.min === e.roundTrips.max ? String(e.roundTrips.min) : `${e.roundTrips.min}–${e.roundTrips.max}`) : '–';
    });
    out.push(`| ${q.name} | ${cells.join(' | ')} | ${q.roundTrips.floor ?? '–'} | ${q.shared ? '1' : '–'} |`);
  }
  out.push('');

  // Per scale
  for (const s of run.scales) {
    const d = s.import.degrees;
    out.push(`### ${thousands(s.papers)} papers`);
    out.push('');
    out.push(
      `${thousands(s.import.nodes)} nodes, ${thousands(s.import.relationships)} relationships. Degrees: the biggest concept is discussed by ` +
        `${thousands(d.maxConceptWorks)} works (median ${d.medianConceptWorks}); the most prolific person has ${thousands(d.maxPersonWorks)} works; ` +
        `the most cited paper is pointed to ${thousands(d.maxPaperCitedBy)} times. \`graph\`: ${s.graphNote}. ` +
        `Statements cut by the watchdog during this scale: ${thousands(s.terminated)}.`,
    );
    out.push('');
    out.push(
      'Latencies are p50 / p95 / p99 in ms. Errors: socket errors, timeouts, non-2xx and GraphQL errors. The floor is one Cypher statement through the driver.',
    );
    out.push('');
    out.push(
      '| query | c | ours req/s | ours latency | err | @neo4j/graphql req/s | their latency | err | ours/theirs | floor req/s | floor latency | GraphQL/floor p50 |',
    );
    out.push('| --- | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: |');
    for (const q of s.queries) {
      for (const c of settings.concurrencies) {
        const o = at(q.ours, c);
        const t = at(q.theirs, c);
        const f = at(q.floor, c);
        out.push(
          `| ${q.name} | ${c} | ${rps(o?.rps)}${noisy(o)} | ${lat(o)} | ${o ? errorsOf(o) : '–'} | ${t ? rps(t.rps) + noisy(t) : '–'} | ${t ? lat(t) : '–'} | ${t ? errorsOf(t) : '–'} | ` +
            `${t && o ? ratio(o.rps / t.rps) : '–'} | ${f ? rps(f.rps) + noisy(f) : '–'} | ${f ? lat(f) : '–'} | ${f && o && o.requests > 0 && f.requests > 0 ? ratio(o.p50 / f.p50) : '–'} |`,
        );
      }
    }
    out.push('');
    const problems = s.queries.flatMap((q) => q.problems.map((p) => `${q.name}: ${p}`));
    if (problems.length) {
      out.push(`Checks (in-process, first 10 inputs): ${problems.length} problem(s).`);
      out.push('');
      for (const p of problems.slice(0, 12)) out.push(`- ${p}`);
      out.push('');
    } else {
      out.push(
        'Checks (in-process, first 10 inputs of each query): no GraphQL errors; ours and @neo4j/graphql gave the same talks, work counts and search hits.',
      );
      out.push('');
    }
  }

  // Proposals
  const proposed = run.scales.flatMap((sc) => sc.queries.filter((q) => q.proposal).map((q) => ({ papers: sc.papers, q })));
  if (proposed.length) {
    out.push('### Proposed rewrites, measured (bench/proposals/, not used by the API)');
    out.push('');
    out.push(
      'Floor = the current statement through the driver; proposal = the rewrite, same inputs, same loop. Same answers: identical rows for the first inputs (inputs the current statement cannot answer within the limit are not compared).',
    );
    out.push('');
    out.push(
      '| query | papers | current c=1 latency | proposal c=1 latency | current c=10 req/s | proposal c=10 req/s | proposal c=10 latency | same answers |',
    );
    out.push('| --- | ---: | --- | --- | ---: | ---: | --- | --- |');
    for (const { papers, q } of proposed) {
      const p = q.proposal!;
      out.push(
        `| ${q.name} (${p.file.replace('bench/', '')}) | ${thousands(papers)} | ${lat(at(q.floor, 1))} | ${lat(p.c1)} | ${rps(at(q.floor, 10)?.rps)} | ${rps(p.c10.rps)} | ${lat(p.c10)} | ` +
          `${p.same} of ${p.compared - p.unanswered}${p.unanswered ? ` (${p.unanswered} unanswered by the current)` : ''} |`,
      );
    }
    out.push('');
  }

  // Plans at the largest scale
  out.push(`### Query plans at ${thousands(largest.papers)} papers (the slowest of the first 10 inputs, PROFILE through the driver)`);
  out.push('');
  out.push(
    '| query | input | in-process ms | statement | PROFILE ms | db hits | rows | most db hits (operator: details, hits) | most rows (operator, rows) |',
  );
  out.push('| --- | --- | ---: | --- | ---: | ---: | ---: | --- | --- |');
  for (const q of largest.queries) {
    const plans = [...q.slowest.plans, ...(q.slowest.floorPlan ? [q.slowest.floorPlan] : [])];
    for (const [i, p] of plans.entries()) {
      const top = p.top[0];
      out.push(
        `| ${i === 0 ? q.name : ''} | ${i === 0 ? `\`${JSON.stringify(q.slowest.input).slice(0, 40)}\`` : ''} | ${i === 0 ? ms(q.slowest.ms) : ''} | ${p.statement} | ${ms(p.ms)} | ` +
          `${thousands(p.dbHits)} | ${thousands(p.rows)} | ${top ? `${top.operator}: \`${escapeCell(top.details.slice(0, 70))}\`, ${thousands(top.dbHits)}` : '–'} | ` +
          `${p.widest ? `${p.widest.operator}, ${thousands(p.widest.rows)}` : '–'} |`,
      );
    }
  }
  out.push('');
  return out.join('\n');
}

const escapeCell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'");

/** Two log–log panels: p50 at c=1 and p95 at c=10 (ms) against papers, one line per query. */
function scalingChart(run: BenchRun): string {
  const colours = ['#1b6ca8', '#d1495b', '#00798c', '#edae49', '#66a182', '#8d6a9f', '#2e4057', '#c2571a'];
  const names = run.scales.at(-1)!.queries.map((q) => q.name);
  const xs = run.scales.map((s) => s.papers);
  const ci = (c: number) => run.settings.concurrencies.indexOf(c);
  const panels = [
    { title: 'p50 latency at concurrency 1 (ms)', pick: (q: QueryAtScale) => q.ours[ci(1)]?.p50 },
    { title: 'p95 latency at concurrency 10 (ms)', pick: (q: QueryAtScale) => q.ours[ci(10)]?.p95 },
  ];
  const width = 980;
  const height = 420;
  const panelWidth = 340;
  const top = 40;
  const plotHeight = 300;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  const logX = (x: number) => Math.log10(x);
  const [x0, x1] = [logX(Math.min(...xs)) - 0.15, logX(Math.max(...xs)) + 0.15];
  panels.forEach((panel, pi) => {
    const left = 60 + pi * (panelWidth + 80);
    const values = names
      .flatMap((n) => run.scales.map((s) => panel.pick(s.queries.find((q) => q.name === n)!)))
      .filter((v): v is number => !!v && v > 0);
    const y0 = Math.floor(Math.log10(Math.min(...values, 1)));
    const y1 = Math.ceil(Math.log10(Math.max(...values, 10)));
    const px = (x: number) => left + ((logX(x) - x0) / (x1 - x0)) * panelWidth;
    const py = (y: number) => top + plotHeight - ((Math.log10(y) - y0) / (y1 - y0)) * plotHeight;
    parts.push(`<text x="${left}" y="${top - 14}" font-weight="bold">${panel.title}</text>`);
    parts.push(`<rect x="${left}" y="${top}" width="${panelWidth}" height="${plotHeight}" fill="none" stroke="#999"/>`);
    for (let e = y0; e <= y1; e++) {
      const y = py(10 ** e);
      parts.push(`<line x1="${left}" x2="${left + panelWidth}" y1="${y}" y2="${y}" stroke="#eee"/>`);
      parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end">${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(-e)}</text>`);
    }
    for (const x of xs) {
      parts.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${top}" y2="${top + plotHeight}" stroke="#eee"/>`);
      parts.push(`<text x="${px(x)}" y="${top + plotHeight + 16}" text-anchor="middle">${scaleName(x)}</text>`);
    }
    parts.push(`<text x="${left + panelWidth / 2}" y="${top + plotHeight + 34}" text-anchor="middle">papers</text>`);
    names.forEach((name, ni) => {
      const points = run.scales
        .map((s) => [s.papers, panel.pick(s.queries.find((q) => q.name === name)!)] as const)
        .filter((p): p is readonly [number, number] => !!p[1] && p[1] > 0)
        .map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`);
      const colour = colours[ni % colours.length];
      if (points.length > 1) parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(' ')}"/>`);
      for (const p of points) {
        const [cx, cy] = p.split(',');
        parts.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${colour}"/>`);
      }
    });
  });
  names.forEach((name, ni) => {
    const x = width - 130;
    const y = top + 10 + ni * 20;
    parts.push(`<rect x="${x}" y="${y - 9}" width="12" height="12" fill="${colours[ni % colours.length]}"/>`);
    parts.push(`<text x="${x + 18}" y="${y + 1}">${name}</text>`);
  });
  const missing = names.flatMap((name) =>
    run.scales
      .filter((s) => !s.queries.find((q) => q.name === name)?.ours[ci(1)]?.requests)
      .map((s) => `${name} at ${scaleName(s.papers)}`),
  );
  parts.push(
    `<text x="60" y="${height - 10}" fill="#555">Ours, over HTTP (autocannon), ${run.startedAt.slice(0, 10)}; both axes logarithmic.` +
      `${missing.length ? ` Not drawn (no request answered within the test): ${missing.join(', ')}.` : ''}</text>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** `tsx bench/report.ts results/<stamp>.json`: appends the section of a saved run again (after a change to this file). */
if (process.argv[1] && path.resolve(process.argv[1]) === path.join(projectRoot, 'bench/report.ts')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/report.ts bench/results/<stamp>.json');
    process.exit(1);
  }
  const written = appendReport(JSON.parse(readFileSync(path.resolve(file), 'utf8')) as BenchRun);
  console.log(`Wrote ${written.map((f) => path.relative(projectRoot, f)).join(', ')}`);
}
