import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './source.js';
import './work.js';
import './talk.js';
import './paper.js';
import './concept.js';
import './person.js';
import './schedule.js';
import './search.js';
import './related.js';
import './trail.js';
import './path.js';
import './graph.js';
import './import.js';
import './records.js';
import './status.js';

export const schema = builder.toSchema();

/** The schema as committed in schema/schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
