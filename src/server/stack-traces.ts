/**
 * tsx (which runs the TypeScript sources) turns on source-mapped stack traces. neo4j-driver
 * records a stack trace for every statement it runs and every transaction it commits, and
 * mapping one through the source maps costs more than the statement's round trip: with them on,
 * a by-id query spends about a fifth of its CPU time formatting stacks nobody reads (measured
 * with `node --cpu-prof` under load, see bench/RESULTS.md). Servers turn them off; a logged
 * error's stack then points into the transpiled module, at the same file and function.
 */
export function withoutSourceMaps(): void {
  process.setSourceMapsEnabled(false);
}
