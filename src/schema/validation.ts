/** The zod schemas of the API's arguments, shared by the fields that take them. */
import { z } from 'zod';

export const shortText = z.string().max(200, 'must be at most 200 characters').nullish();
export const requiredName = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
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
