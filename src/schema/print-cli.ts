/** `npm run schema:print`: writes the printed schema to schema/schema.graphql (committed; a test compares). */
import { writeFileSync } from 'node:fs';
import { printedSchema } from './index.js';

writeFileSync(new URL('../../schema/schema.graphql', import.meta.url), printedSchema());
console.log('wrote schema/schema.graphql');
