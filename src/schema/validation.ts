/** The zod schemas of the API's arguments, shared by the fields that take them. */
import { z } from 'zod';

export const shortText = z.string().max(200, 'must be at most 200 characters').nullish();
/** A name or title, to look up or to write: the same rule for reads and curation. */
export const requiredName = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
export const searchText = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const dayNumber = z.number().int().min(1).max(366).nullish();
export const year = z.number().int().min(1900).max(2100).nullish();
/** The most items one list or page gives (`first`). */
export const MAX_PAGE_SIZE = 100;
export const resultCount = z.number().int().min(1, 'must be at least 1').max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).nullish();
export const trailDepth = z.number().int().min(1, 'must be at least 1').max(5, 'must be at most 5').nullish();
export const pathLength = z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10').nullish();
export const idList = z.array(z.string().min(1).max(300)).max(50, 'must hold at most 50 ids');
export const graphDepth = z.number().int().min(0, 'must be at least 0').max(3, 'must be at most 3').nullish();
export const graphLimit = z.number().int().min(1, 'must be at least 1').max(2000, 'must be at most 2000').nullish();

// Curation inputs: one rule per field, shared by every mutation that takes it.
export const optionalText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).nullish();
export const aliasText = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
export const aliasList = z.array(aliasText).max(50, 'must hold at most 50 names').nullish();
export const idRef = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
export const idRefList = z.array(idRef).max(20, 'must hold at most 20 ids').nullish();
export const arxivId = z
  .string()
  .regex(/^\d{4}\.\d{4,5}$/, 'must be an arXiv id such as 1701.07875')
  .nullish();
export const httpUrl = z.url({ protocol: /^https?$/ }).max(2000, 'must be at most 2000 characters');
export const expectedVersion = z.number().int().min(0, 'must be at least 0').nullish();
export const talkOrder = z.number().int().min(1).max(10_000).nullish();
/** Where a curated fact comes from: a line of a stored document with its quote, or a URL with a quote. */
export const sourceSchema = z
  .object({
    document: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a document id such as "icml-2017-notes"')
      .max(120)
      .nullish(),
    line: z.number().int().positive().nullish(),
    url: httpUrl.nullish(),
    quote: z.string().trim().min(1, 'must not be empty').max(240, 'must be at most 240 characters'),
  })
  .refine((s) => (s.document && s.line) || s.url, { message: 'needs a document and line, or a url' });
