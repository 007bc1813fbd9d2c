/**
 * What the README shows is what the API answers: every GraphQL example of README.md that has a
 * JSON block after it runs against the seeded graph, and its answer, as tests/readme-examples.ts
 * says it is shown, must equal that block. With README_EXAMPLES=write (`npm run readme:examples`)
 * the blocks are rewritten with today's answers instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/server/yoga.js';
import { asShown, readmeExamples, withAnswers } from '../readme-examples.js';
import { connectTestDb, gql } from './helpers.js';

const readmeFile = new URL('../../README.md', import.meta.url);
const readme = readFileSync(readmeFile, 'utf8');
const examples = readmeExamples(readme);
const writing = process.env.README_EXAMPLES === 'write';

const db = connectTestDb();
const yoga = createApi({ db });
const answers: unknown[] = [];

afterAll(async () => {
  await db.close();
  if (writing && examples.every((_, i) => answers[i] !== undefined)) {
    writeFileSync(readmeFile, withAnswers(readme, examples, answers));
    console.log(`README.md: ${examples.length} example answers written`);
  }
});

describe('the README examples', () => {
  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  examples.forEach((example, i) => {
    it(`example ${i + 1} answers what the README shows (${example.query.trim().slice(0, 50)}...)`, async () => {
      const result = await gql(yoga, example.query);
      expect(result.errors).toBeUndefined();
      if (writing) {
        answers[i] = asShown(result, example.marks);
        return;
      }
      const shown: unknown = JSON.parse(example.json);
      expect(asShown(result, example.marks, shown), 'README.md shows another answer: `npm run readme:examples` refreshes it').toEqual(
        shown,
      );
    });
  });
});
