import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asShown, readmeExamples, withAnswers } from '../readme-examples.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README examples', () => {
  it('are found with their marks, and each shows valid JSON', () => {
    const examples = readmeExamples(readme);
    const marksOf = (field: string) => examples.find((e) => e.query.includes(`${field}(`))?.marks;
    expect(marksOf('search')).toEqual({ truncated: {}, within: { score: 10 } });
    expect(marksOf('relatedWork')).toEqual({ truncated: { reasons: 3 }, within: {} });
    expect(marksOf('concept')).toEqual({ truncated: {}, within: {} });
    for (const example of examples) expect(() => JSON.parse(example.json)).not.toThrow();
  });

  it('are compared rounded to 2 decimals, truncated lists as a subset, and marked values within a margin', () => {
    const marks = { truncated: { reasons: 2 }, within: { score: 10 } };
    const answer = { score: 53.6712, weight: 0.7213, reasons: [{ w: 3 }, { w: 1, p: 'a' }, { w: 1, p: 'b' }] };
    expect(asShown(answer, marks)).toEqual({ score: 53.67, weight: 0.72, reasons: [{ w: 3 }, { w: 1, p: 'a' }] });
    const shown = { score: 55.48, weight: 0.72, reasons: [{ w: 3 }, { w: 1, p: 'b' }] };
    expect(asShown(answer, marks, shown)).toEqual(shown);
    for (const drifted of [
      { ...shown, reasons: [{ w: 3 }, { w: 1, p: 'c' }] },
      { ...shown, score: 69.35 },
      { ...shown, weight: 0.73 },
    ]) {
      expect(asShown(answer, marks, drifted)).not.toEqual(drifted);
    }
  });

  it('are rewritten in place with new answers', () => {
    const markdown = 'Intro\n\n```graphql\n{ a }\n```\n\nText\n\n```json\n{ "old": 1 }\n```\n\nEnd\n';
    const examples = readmeExamples(markdown);
    const rewritten = withAnswers(markdown, examples, [{ data: { a: 2 } }]);
    expect(rewritten).toBe('Intro\n\n```graphql\n{ a }\n```\n\nText\n\n```json\n{"data": {"a": 2}}\n```\n\nEnd\n');
  });
});
