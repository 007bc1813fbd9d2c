import type { Entity } from '../db/loaders.js';
import { listConcepts } from '../db/repository.js';
import { builder } from './builder.js';
import { localId } from './ids.js';
import { below, selection, workIncludes } from './lookahead.js';
import { pageParams, pageParamsOrNull, toConnection } from './pagination.js';
import { ConceptRef, nodeOptions, WorkRef } from './refs.js';
import { requiredName, shortText } from './validation.js';

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
    name: t.string({ description: 'The name the curators chose ("Elastic weight consolidation").', resolve: (c) => c.name as string }),
    aliases: t.stringList({ description: 'Other names and abbreviations (EWC, WGAN, ...).', resolve: (c) => (c.aliases as string[]) ?? [] }),
    definition: t.string({ description: 'One or two sentences on what it is, written by the curators.', resolve: (c) => c.definition as string }),
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
        return toConnection<Entity>(await loaders.worksOfConcept.load({ id: c.id, offset, limit }), offset);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  concept: t.field({
    type: ConceptRef,
    nullable: true,
    description: 'A concept by name or alias, case-insensitively ("ewc", "WGAN"), or by its id; null when there is none.',
    args: { name: t.arg.string({ required: true, description: 'A name or alias, any case, or an id; at most 200 characters.', validate: requiredName }) },
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
      text: t.arg.string({ description: 'Only concepts with a name or alias containing this text (case-insensitive).', validate: shortText }),
      orderBy: t.arg({ type: NamedOrderEnum, defaultValue: 'NAME', description: 'The order of the list.' }),
    },
    resolve: async (_root, args, { db }) => {
      const { offset, limit } = pageParams(args);
      return toConnection<Entity>(await listConcepts(db, args.text, args.orderBy ?? 'NAME', { offset, limit }), offset);
    },
  }),
}));
