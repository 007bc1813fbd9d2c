import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, schema } from '../../src/schema/index.js';

describe('the GraphQL schema', () => {
  it('matches schema/schema.graphql (run `npm run schema:print` after changing src/schema)', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printedSchema()).toBe(committed);
  });

  it('has the root fields clients rely on', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields());
    for (const name of [
      'node',
      'nodes',
      'search',
      'talks',
      'papers',
      'concepts',
      'people',
      'talk',
      'paper',
      'person',
      'concept',
      'schedule',
      'relatedToConcept',
      'relatedWork',
      'followUpReads',
      'path',
    ]) {
      expect(fields).toContain(name);
    }
  });

  it('gives works the fields clients rely on', () => {
    const work = schema.getType('Work') as import('graphql').GraphQLInterfaceType;
    for (const name of ['id', 'title', 'kind', 'year', 'people', 'concepts', 'links', 'referencesOut', 'referencesIn', 'source']) {
      expect(Object.keys(work.getFields())).toContain(name);
    }
    expect(
      schema
        .getPossibleTypes(work)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['Paper', 'Talk']);
  });
});
