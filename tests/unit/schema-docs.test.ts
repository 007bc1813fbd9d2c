/**
 * The schema is what a playground user reads: GraphiQL's Docs pane shows each description. The
 * printed schema must pass graphql-schema-linter with its default rules: every type, field,
 * argument, enum value and input field described, plus its naming and deprecation rules.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../src/schema/index.js';

const linter = createRequire(import.meta.url).resolve('graphql-schema-linter/lib/cli.js');

interface LintReport {
  errors: { message: string; rule: string }[];
}

/** Runs graphql-schema-linter's command line (its supported interface) over an SDL text. */
function lint(sdl: string): LintReport {
  const run = spawnSync(process.execPath, [linter, '--stdin', '--format', 'json'], { input: sdl, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as LintReport;
}

describe('the schema documentation', () => {
  it('passes graphql-schema-linter with its default rules', () => {
    const problems = lint(printedSchema()).errors.map((error) => `${error.rule}: ${error.message}`);
    expect(problems).toEqual([]);
  });

  it('is checked by a linter that finds a missing description', () => {
    const { errors } = lint('"""Reads."""\ntype Query {\n  """A number."""\n  count(max: Int): Int\n}\n');
    expect(errors.map((error) => error.message)).toContain('The `max` argument of `count` is missing a description.');
  });
});
