/**
 * The README's examples: every ```graphql block whose next code block is ```json is an example,
 * and the JSON is what the API answers to it on the seeded graph. The answer is compared as the
 * README shows it:
 * - numbers that are not whole are rounded to 2 decimals (scores, weights);
 * - comments between the previous code block and the ```graphql block mark what is shown
 *   otherwise (any key may be named, and several comments may stand there):
 *   `<!-- example: reasons truncated to 3 -->`: only 3 items of every `reasons` list are shown,
 *   each must be one of the answer's (see asShown);
 *   `<!-- example: score within 10% -->`: every `score` may differ from the one shown by up to
 *   10%, as search scores do: Lucene counts the deleted entries of its index until it merges
 *   them, so the same graph scores a little differently after other writes.
 * tests/integration/readme-examples.test.ts checks them; `npm run readme:examples` rewrites the
 * JSON blocks with the answers of today.
 */
import { isDeepStrictEqual } from 'node:util';
import stringify from 'json-stringify-pretty-compact';

export interface ReadmeExample {
  query: string;
  /** The JSON block's text, and where it stands in the README (offsets of the text itself). */
  json: string;
  jsonStart: number;
  jsonEnd: number;
  marks: Marks;
}

export interface Marks {
  /** List keys shown truncated, with how many items are shown. */
  truncated: Record<string, number>;
  /** Keys whose numbers may differ from the ones shown, with by how much (percent). */
  within: Record<string, number>;
}

const FENCE = /^```(\w*)\n([\s\S]*?)^```$/gm;
const TRUNCATED = /<!--\s*example:\s*(\w+) truncated to (\d+)\s*-->/g;
const WITHIN = /<!--\s*example:\s*(\w+) within (\d+)%\s*-->/g;

/** Finds the examples of a Markdown text, in order. */
export function readmeExamples(markdown: string): ReadmeExample[] {
  const blocks = [...markdown.matchAll(FENCE)].map((match) => ({
    lang: match[1]!,
    text: match[2]!,
    start: match.index,
    end: match.index + match[0].length,
    textStart: match.index + match[0].indexOf('\n') + 1,
  }));
  const examples: ReadmeExample[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.lang !== 'graphql' || next?.lang !== 'json') return;
    const before = markdown.slice(blocks[i - 1]?.end ?? 0, block.start);
    const marks = {
      truncated: Object.fromEntries([...before.matchAll(TRUNCATED)].map((m) => [m[1]!, Number(m[2])])),
      within: Object.fromEntries([...before.matchAll(WITHIN)].map((m) => [m[1]!, Number(m[2])])),
    };
    examples.push({ query: block.text, json: next.text, jsonStart: next.textStart, jsonEnd: next.textStart + next.text.length, marks });
  });
  return examples;
}

/**
 * An API answer as the README shows it: rounded, and marked parts as `shown` (the README's JSON)
 * shows them. A truncated list shows first the items of the answer that the README shows, in its
 * order: the API orders equal weights in no fixed order, so which N of the answer's items come
 * first is not fixed, but each item the README shows must be one of the answer's. Without
 * `shown`, the first N are kept.
 */
export function asShown(value: unknown, marks: Marks, shown?: unknown, key?: string): unknown {
  if (typeof value === 'number') {
    const percent = key === undefined ? undefined : marks.within[key];
    if (percent !== undefined && typeof shown === 'number' && Math.abs(value - shown) <= (Math.abs(shown) * percent) / 100) return shown;
    return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
  }
  if (Array.isArray(value)) {
    const shownItems = Array.isArray(shown) ? shown : [];
    const items = value.map((item, i) => asShown(item, marks, shownItems[i]));
    const limit = key === undefined ? undefined : marks.truncated[key];
    if (limit === undefined) return items;
    const found = shownItems.flatMap((item) => {
      const at = items.findIndex((candidate) => isDeepStrictEqual(candidate, item));
      return at < 0 ? [] : items.splice(at, 1);
    });
    return [...found, ...items].slice(0, limit);
  }
  if (value !== null && typeof value === 'object') {
    const shownObject = (shown ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asShown(v, marks, shownObject[k], k)]));
  }
  return value;
}

/** The README with each example's JSON block replaced by the given answers (in example order). */
export function withAnswers(markdown: string, examples: ReadmeExample[], answers: unknown[]): string {
  let text = markdown;
  // From the last to the first, so the earlier offsets stay valid.
  for (let i = examples.length - 1; i >= 0; i--) {
    const { jsonStart, jsonEnd } = examples[i]!;
    text = `${text.slice(0, jsonStart)}${stringify(answers[i], { maxLength: 100 })}\n${text.slice(jsonEnd)}`;
  }
  return text;
}
