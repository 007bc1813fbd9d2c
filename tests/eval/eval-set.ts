/**
 * The evaluation sets of tests/eval (see README.md there), parsed and validated with zod when this
 * module is imported. A malformed file fails the import with every problem listed.
 *
 * Contract for a scorer:
 * - `ranking.questions`: each question's `expected` list is in order of relevance; `grade` 2 is
 *   clearly relevant, 1 somewhat; anything not listed counts as grade 0.
 * - A work that is both a talk and a paper is named by its talk id; `workIdOf(pack)` maps any
 *   talk or paper id to that name, so results can be compared as works.
 * - `split: tune` questions may be used to fit weights; `split: report` ones are only reported.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type Pack, slug } from '../../src/ingest/pack-schema.js';
import { formatPath } from '../../src/ingest/read-pack.js';
import { seedPackFiles } from '../../src/ingest/seed.js';

export const splits = ['tune', 'report'] as const;
export const rankingKinds = ['search', 'relatedToConcept', 'relatedWork'] as const;

const lines = z.array(z.number().int().positive()).min(1);

const expectedWorkSchema = z.strictObject({
  id: slug,
  grade: z.union([z.literal(1), z.literal(2)]),
  /** Lines of notes.txt that justify this expectation. */
  lines,
});

const questionBase = {
  id: slug,
  split: z.enum(splits),
  difficulty: z.enum(['easy', 'hard']),
  expected: z
    .array(expectedWorkSchema)
    .min(1)
    .refine((list) => list.every((e, i) => i === 0 || e.grade <= list[i - 1]!.grade), 'must be ordered by grade, 2s first')
    .refine((list) => new Set(list.map((e) => e.id)).size === list.length, 'names a work twice'),
};

export const rankingQuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('search'), query: z.string().trim().min(1), ...questionBase }),
  z.strictObject({ kind: z.literal('relatedToConcept'), query: z.string().trim().min(1), ...questionBase }),
  z.strictObject({ kind: z.literal('relatedWork'), to: z.array(slug).min(1), ...questionBase }),
]);

const uniqueIds = <T extends { id: string }>(items: T[]) => new Set(items.map((i) => i.id)).size === items.length;

export const rankingSetSchema = z.strictObject({
  questions: z.array(rankingQuestionSchema).refine(uniqueIds, 'question ids must be unique'),
});

export const paraphraseSetSchema = z.strictObject({
  /** `search` phrasings: a hit is any one of `expected` in the top 5. */
  works: z
    .array(
      z.strictObject({
        id: slug,
        split: z.enum(splits),
        phrase: z.string().trim().min(1),
        expected: z.array(z.strictObject({ id: slug, lines })).min(1),
      }),
    )
    .refine(uniqueIds, 'phrasing ids must be unique'),
  /** Free-text `relatedToConcept` phrasings: the answer should resolve to one of `expected`. */
  concepts: z
    .array(
      z.strictObject({
        id: slug,
        split: z.enum(splits),
        phrase: z.string().trim().min(1),
        expected: z.array(slug).min(1),
        lines,
      }),
    )
    .refine(uniqueIds, 'phrasing ids must be unique'),
});

export type Split = (typeof splits)[number];
export type RankingKind = (typeof rankingKinds)[number];
export type RankingQuestion = z.infer<typeof rankingQuestionSchema>;
export type ExpectedWork = z.infer<typeof expectedWorkSchema>;
export type RankingSet = z.infer<typeof rankingSetSchema>;
export type ParaphraseSet = z.infer<typeof paraphraseSetSchema>;
export type WorkParaphrase = ParaphraseSet['works'][number];
export type ConceptParaphrase = ParaphraseSet['concepts'][number];

export const rankingFile = new URL('./ranking.yaml', import.meta.url).pathname;
export const paraphrasesFile = new URL('./paraphrases.yaml', import.meta.url).pathname;

/** Reads and validates one evaluation file; throws an Error naming the file and every problem. */
export function readEvalFile<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
  throw new Error(`${file}: the evaluation set is invalid:\n${problems.join('\n')}`);
}

export const ranking: RankingSet = readEvalFile(rankingFile, rankingSetSchema);
export const paraphrases: ParaphraseSet = readEvalFile(paraphrasesFile, paraphraseSetSchema);

/**
 * Maps a talk or paper id to the id this set names the work by: a paper presented by a talk
 * becomes that talk's id; every other id is returned unchanged.
 */
export function workIdOf(pack: Pack): (id: string) => string {
  const talkOfPaper = new Map<string, string>();
  for (const talk of pack.talks) if (talk.presents) talkOfPaper.set(talk.presents, talk.id);
  return (id) => talkOfPaper.get(id) ?? id;
}

/** The seeded pack (seeds/icml-2017/pack.yaml), as read from its file. */
export const seedPack = (): Pack => parseYaml(readFileSync(seedPackFiles()[0]!, 'utf8')) as Pack;
