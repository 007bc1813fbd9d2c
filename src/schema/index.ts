import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './status.js';

export const schema = builder.toSchema();

/** The schema as committed in schema/schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
