import * as curation from '../db/curation.js';
import { listConcepts } from '../db/repository.js';
import { builder } from './builder.js';
import { asSource, curatorOf, curatorOnly, newId, SourceInput, VERSION_DESCRIPTION, versionArgs } from './curation.js';
import { localId } from './ids.js';
import { below, selection, workIncludes } from './lookahead.js';
import { pageParams, pageParamsOrNull, toConnection } from './pagination.js';
import { ConceptRef, nodeOptions, WorkRef } from './refs.js';
import { CONCEPT, resolveId, resolveIds } from './resolve.js';
import { aliasList, aliasText, idRef, idRefList, optionalText, requiredName, shortText, sourceSchema } from './validation.js';

export const NamedOrderEnum = builder.enumType('NamedOrder', {
  description: 'The order of a list of concepts or people.',
  values: {
    NAME: { description: 'By name, alphabetically, ignoring case (the default).' },
    WORKS: { description: 'The most connected first: by the number of talks and papers, then by name.' },
  },
});

builder.node(ConceptRef, {
  ...nodeOptions('Concept'),
  description: 'An idea the notes discuss (Wasserstein distance, Elastic Weight Consolidation, ...).',
  fields: (t) => ({
    slug: t.string({ description: 'The plain id from the knowledge pack.', resolve: (c) => c.id }),
    version: t.int({ description: VERSION_DESCRIPTION, resolve: (c) => c.version ?? 0 }),
    name: t.string({ description: 'The name the curators chose ("Elastic weight consolidation").', resolve: (c) => c.name }),
    aliases: t.stringList({ description: 'Other names and abbreviations (EWC, WGAN, ...).', resolve: (c) => c.aliases ?? [] }),
    definition: t.string({ description: 'One or two sentences on what it is, written by the curators.', resolve: (c) => c.definition }),
    broader: t.field({
      type: [ConceptRef],
      description: 'More general concepts.',
      resolve: async (c, _args, { loaders }) => (await loaders.conceptRelations.load(c.id))?.broader ?? [],
    }),
    narrower: t.field({
      type: [ConceptRef],
      description: 'More specific concepts.',
      resolve: async (c, _args, { loaders }) => (await loaders.conceptRelations.load(c.id))?.narrower ?? [],
    }),
    related: t.field({
      type: [ConceptRef],
      description: 'Related concepts, in either direction.',
      resolve: async (c, _args, { loaders }) => (await loaders.conceptRelations.load(c.id))?.related ?? [],
    }),
    works: t.connection({
      type: WorkRef,
      description: 'The talks and papers that discuss this concept.',
      resolve: async (c, args, { loaders }) => {
        const { offset, limit } = pageParams(args);
        return toConnection(await loaders.worksOfConcept.load({ id: c.id, offset, limit }), offset);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  concept: t.field({
    type: ConceptRef,
    nullable: true,
    description:
      'A concept by name or alias, case-insensitively ("ewc", "WGAN"), or by its id; null when there is none. An exact ' +
      'lookup: for free text (a misspelling, a description) ask resolveConcept(text), which says what it took and how.',
    args: {
      name: t.arg.string({
        required: true,
        description: 'A name or alias, any case, or an id; at most 300 characters.',
        validate: requiredName,
      }),
    },
    resolve: (_root, args, { loaders }, info) => {
      const name = localId(args.name);
      // A query that reads one page of the concept's works gets it, and what it asks of those
      // works, in the same statement as the concept.
      const works = below(selection(info), 'works');
      const page = works && pageParamsOrNull(works.args);
      if (!page) return loaders.conceptByName.load(name);
      return loaders.conceptWithWorks(name, page, workIncludes(below(works, 'edges', 'node')));
    },
  }),
  concepts: t.connection({
    type: ConceptRef,
    description: 'Concepts, filtered by part of a name or alias.',
    args: {
      text: t.arg.string({
        description: 'Only concepts with a name or alias containing this text (case-insensitive).',
        validate: shortText,
      }),
      orderBy: t.arg({ type: NamedOrderEnum, defaultValue: 'NAME', description: 'The order of the list.' }),
    },
    resolve: async (_root, args, { db }) => {
      const { offset, limit } = pageParams(args);
      return toConnection(await listConcepts(db, args.text, args.orderBy ?? 'NAME', { offset, limit }), offset);
    },
  }),
}));

builder.mutationFields((t) => ({
  upsertConcept: t.field({
    type: ConceptRef,
    authScopes: curatorOnly,
    description: 'Creates or updates a concept (by id, or by a slug of its name).',
    args: {
      id: t.arg.string({
        description: 'The concept\'s plain id, a lowercase slug such as "wasserstein-distance"; default: a slug of `name`.',
        validate: idRef.nullish(),
      }),
      name: t.arg.string({
        required: true,
        description: 'Its name, 1 to 300 characters; no other concept may have it as a name or alias.',
        validate: requiredName,
      }),
      definition: t.arg.string({
        description: 'One or two sentences on what it is, at most 600 characters; omitted: kept as it is (empty for a new concept).',
        validate: optionalText(600),
      }),
      aliases: t.arg.stringList({
        description: 'Other names and abbreviations (at most 50, of 100 characters each); replaces the list; omitted: kept.',
        validate: aliasList,
      }),
      broader: t.arg.stringList({
        description:
          'More general concepts, at most 20, by global or plain id, name or alias (never guessed: an unknown one is NOT_FOUND); added to those it has.',
        validate: idRefList,
      }),
      related: t.arg.stringList({
        description:
          'Related concepts, at most 20, by global or plain id, name or alias (never guessed: an unknown one is NOT_FOUND); added to those it has.',
        validate: idRefList,
      }),
      source: t.arg({
        type: SourceInput,
        description: 'Where the facts come from; kept in the change record.',
        validate: sourceSchema.nullish(),
      }),
      ...versionArgs,
    },
    resolve: async (_root, args, ctx) => {
      const { aliases, definition, name } = args;
      const broader = args.broader && (await resolveIds(ctx.db, 'broader', args.broader, CONCEPT));
      const related = args.related && (await resolveIds(ctx.db, 'related', args.related, CONCEPT));
      return curation.upsertConcept(
        ctx.db,
        curatorOf(ctx),
        { id: newId(args.id, name), name, definition, aliases, broader, related },
        asSource(args.source),
        args.expectedVersion,
      );
    },
  }),
  addConceptAlias: t.field({
    type: ConceptRef,
    authScopes: curatorOnly,
    description: 'Adds another name or abbreviation to a concept; no other concept may have it as a name or alias.',
    args: {
      concept: t.arg.id({
        required: true,
        description: 'The concept, by global or plain id, name or alias; an unknown one is NOT_FOUND.',
        validate: idRef,
      }),
      alias: t.arg.string({ required: true, description: 'The new name, 1 to 100 characters.', validate: aliasText }),
      ...versionArgs,
    },
    resolve: async (_root, args, ctx) => {
      const concept = await resolveId(ctx.db, 'concept', String(args.concept), CONCEPT);
      return curation.addConceptAlias(ctx.db, curatorOf(ctx), concept, args.alias, args.expectedVersion);
    },
  }),
  mergeConcepts: t.field({
    type: ConceptRef,
    authScopes: curatorOnly,
    description: 'Folds one concept into another: its works and links move over, its names become aliases, and it is deleted.',
    args: {
      keep: t.arg.id({ required: true, description: 'The concept that stays, by global or plain id, name or alias.', validate: idRef }),
      remove: t.arg.id({
        required: true,
        description: 'The duplicate, folded into `keep` and deleted; by global or plain id, name or alias.',
        validate: idRef,
      }),
      ...versionArgs,
    },
    resolve: async (_root, args, ctx) => {
      const keep = await resolveId(ctx.db, 'keep', String(args.keep), CONCEPT);
      const remove = await resolveId(ctx.db, 'remove', String(args.remove), CONCEPT);
      return curation.mergeConcepts(ctx.db, curatorOf(ctx), keep, remove, args.expectedVersion);
    },
  }),
}));
