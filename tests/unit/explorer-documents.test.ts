/**
 * The explorer's GraphQL documents (src/server/explorer/queries.ts) are valid against the schema,
 * so a misspelt or removed field fails here instead of only in the browser.
 */
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import * as queries from '../../src/server/explorer/queries.js';

/** Every exported string of queries.ts is a document, so a new one is checked without being listed here. */
const documents = Object.entries(queries).filter(([, document]) => typeof document === 'string');

const problemsOf = (document: string) => validate(schema, parse(document)).map((error) => error.message);

describe("the explorer's GraphQL documents", () => {
  it('are all found', () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      'CONCEPT_QUERY',
      'GRAPH_QUERY',
      'OTHER_QUERY',
      'PATH_QUERY',
      'SEARCH_QUERY',
      'WORK_QUERY',
    ]);
  });

  it.each(documents)('%s is valid against the schema', (_name, document) => {
    expect(problemsOf(document)).toEqual([]);
  });

  it('would catch a misspelt field', () => {
    const broken = queries.WORK_QUERY.replace('referencesOut', 'referencesOutt');
    expect(broken).not.toBe(queries.WORK_QUERY);
    expect(problemsOf(broken)).toEqual([expect.stringContaining('Cannot query field "referencesOutt" on type "Work"')]);
  });
});
