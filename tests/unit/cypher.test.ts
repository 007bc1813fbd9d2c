import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypher, cypherDir, splitStatements, UnknownStatementError } from '../../src/db/cypher.js';

function cypherFiles(dir = cypherDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cypherFiles(path.join(dir, e.name)) : e.name.endsWith('.cypher') ? [path.join(dir, e.name)] : [],
  );
}

describe('the Cypher registry', () => {
  it('returns a statement by its path under cypher/', () => {
    expect(cypher('ingest/merge-talks')).toMatch(/^UNWIND \$rows AS row/);
  });

  it('refuses a name with no file', () => {
    expect(() => cypher('talk/no-such-statement')).toThrow(UnknownStatementError);
  });

  it('splits schema.cypher into its statements, without comments', () => {
    const statements = splitStatements(cypher('schema'));
    expect(statements.length).toBeGreaterThan(10);
    for (const s of statements) {
      expect(s).toMatch(/^(CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX|VECTOR INDEX) \w+ IF NOT EXISTS|DROP INDEX \w+ IF EXISTS)/);
      expect(s).not.toContain('//');
    }
  });

  it('holds no JavaScript template placeholders in any statement', () => {
    for (const file of cypherFiles()) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\$\{/);
  });
});
