/**
 * The Cypher statements of the project, one per file under cypher/, loaded once at start-up and
 * referred to by name: `cypher/talk/talks-by-ids.cypher` is "talk/talks-by-ids". Values always
 * travel as $parameters; nothing is ever concatenated into a statement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const cypherDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');

export class UnknownStatementError extends Error {
  override name = 'UnknownStatementError';
}

function loadAll(dir: string): Map<string, string> {
  const statements = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cypher')) {
        const name = path
          .relative(dir, full)
          .replace(/\\/g, '/')
          .replace(/\.cypher$/, '');
        statements.set(name, readFileSync(full, 'utf8').trim());
      }
    }
  };
  walk(dir);
  return statements;
}

let registry: Map<string, string> | undefined;

/** The text of the named statement. Throws for a name that has no file. */
export function cypher(name: string): string {
  registry ??= loadAll(cypherDir);
  const text = registry.get(name);
  if (text === undefined) throw new UnknownStatementError(`no Cypher statement named "${name}" (expected ${name}.cypher under cypher/)`);
  return text;
}

/**
 * Splits a file of several statements (only schema.cypher has them) on the semicolons that end
 * a line, dropping `//` comment lines.
 */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const combined = new Map<string, string>();

/**
 * One statement running the named read statements one after the other, each as a subquery, and
 * returning all their columns: independent reads in one round trip. Each must return exactly one
 * row (an aggregation does) and their column names must differ; their parameters share one
 * namespace, so a parameter both use must mean the same in both.
 */
export function cypherTogether(names: string[]): string {
  const key = names.join('\n');
  let text = combined.get(key);
  if (text === undefined) {
    text = `${names.map((name) => `CALL () {\n${cypher(name)}\n}`).join('\n')}\nRETURN *`;
    combined.set(key, text);
  }
  return text;
}
