/**
 * What every curation mutation shares: the `curator` scope (a bearer token from CURATOR_TOKENS),
 * the SourceInput a fact's source is given in, ids for new nodes, and who is asking. The
 * mutations themselves sit beside their types (concept.ts, person.ts, paper.ts, talk.ts,
 * work.ts, import.ts); their writes are functions of src/db/curation.ts, each one transaction
 * that leaves a Change record.
 */
import type { z } from 'zod';
import { type CurationSource, slugOf } from '../db/curation.js';
import { BadUserInputError, UnauthenticatedError } from '../errors.js';
import { builder, type Context } from './builder.js';
import { localId } from './ids.js';
import { expectedVersion, type sourceSchema } from './validation.js';

/** The scope every mutation needs: a curator's bearer token. */
export const curatorOnly = { curator: true } as const;

/** The curator whose token came with the request (the `curator` scope has already checked there is one). */
export function curatorOf(ctx: Context): string {
  if (ctx.curator === null) throw new UnauthenticatedError();
  return ctx.curator;
}

export const SourceInput = builder.inputType('SourceInput', {
  description: 'Where a curated fact comes from: a line of a stored source document (the quote is checked against it), or a URL.',
  fields: (t) => ({
    document: t.string({ description: 'A source document id, such as "icml-2017-notes".' }),
    line: t.int({ description: '1-based line of the document.' }),
    url: t.string({ description: 'An address where the fact can be checked, when it is not from a stored document.' }),
    quote: t.string({ required: true, description: 'Words from the source that support the fact.' }),
  }),
});

export const asSource = (s: z.infer<typeof sourceSchema> | null | undefined): CurationSource | null =>
  s ? { document: s.document ?? null, line: s.line ?? null, url: s.url ?? null, quote: s.quote } : null;

/** The `version` field of the node types curators change. */
export const VERSION_DESCRIPTION =
  'Incremented by every write to the node (a curation mutation, an import, a re-seed); 0 for a node not written since ' +
  'versions were introduced. Give it as `expectedVersion` to a mutation to make sure no one wrote in between.';

/**
 * `expectedVersion`, which every mutation that changes an existing node takes: the node's
 * `version` as the client read it. Spread it into a mutation's arguments.
 */
export const versionArgs = builder.args((t) => ({
  expectedVersion: t.int({
    description:
      'The `version` of the node as you read it: when someone has written it since, the mutation fails with CONFLICT, ' +
      'writes nothing, and its extensions give `currentVersion` and `current` (0 and null for a node that does not exist, ' +
      'so 0 means "create it only if it is new"). Omitted: applied to the current version.',
    validate: expectedVersion,
  }),
}));

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id of a node to create or update: the one given (global or plain), or a slug of its name. */
export function newId(given: string | null | undefined, name: string): string {
  const id = given ? localId(given) : slugOf(name);
  if (!SLUG.test(id) || id.length > 120) throw new BadUserInputError(`id: "${id}" is not a lowercase slug such as "wasserstein-gan"`, 'id');
  return id;
}
