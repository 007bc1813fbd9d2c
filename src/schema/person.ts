import * as curation from '../db/curation.js';
import { listPeople } from '../db/repository.js';
import { builder } from './builder.js';
import { NamedOrderEnum } from './concept.js';
import { asSource, curatorOf, curatorOnly, newId, SourceInput, VERSION_DESCRIPTION, versionArgs } from './curation.js';
import { localId } from './ids.js';
import { pageParams, toConnection } from './pagination.js';
import { nodeOptions, PersonRef, WorkRef } from './refs.js';
import { aliasList, idRef, optionalText, requiredName, shortText, sourceSchema } from './validation.js';

builder.node(PersonRef, {
  ...nodeOptions('Person'),
  description: 'A speaker, panelist, author, or someone the notes mention.',
  fields: (t) => ({
    slug: t.string({ description: 'The plain id from the knowledge pack.', resolve: (p) => p.id }),
    version: t.int({ description: VERSION_DESCRIPTION, resolve: (p) => p.version ?? 0 }),
    name: t.string({ description: "The full name; other spellings, such as the notes', are in `aliases`.", resolve: (p) => p.name }),
    aliases: t.stringList({ description: 'Other spellings, including how the notes write the name.', resolve: (p) => p.aliases ?? [] }),
    affiliation: t.string({
      nullable: true,
      description: 'Their lab, company or university, where the pack gives one.',
      resolve: (p) => p.affiliation ?? null,
    }),
    works: t.connection({
      type: WorkRef,
      description: 'The talks and papers this person gave, wrote, or is mentioned in.',
      resolve: async (p, args, { loaders }) => {
        const { offset, limit } = pageParams(args);
        return toConnection(await loaders.worksOfPerson.load({ id: p.id, offset, limit }), offset);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  person: t.field({
    type: PersonRef,
    nullable: true,
    description: 'A person by name or alias, case-insensitively, or by their id; null when there is none.',
    args: {
      name: t.arg.string({
        required: true,
        description: 'A name or alias, any case ("Allen Zhu"), or an id; at most 300 characters.',
        validate: requiredName,
      }),
    },
    resolve: (_root, { name }, { loaders }) => loaders.personByName.load(localId(name)),
  }),
  people: t.connection({
    type: PersonRef,
    description: 'People, filtered by part of a name or alias.',
    args: {
      text: t.arg.string({ description: 'Only people with a name or alias containing this text (case-insensitive).', validate: shortText }),
      orderBy: t.arg({ type: NamedOrderEnum, defaultValue: 'NAME', description: 'The order of the list.' }),
    },
    resolve: async (_root, args, { db }) => {
      const { offset, limit } = pageParams(args);
      return toConnection(await listPeople(db, args.text, args.orderBy ?? 'NAME', { offset, limit }), offset);
    },
  }),
}));

builder.mutationFields((t) => ({
  upsertPerson: t.field({
    type: PersonRef,
    authScopes: curatorOnly,
    description: 'Creates or updates a person (by id, or by a slug of the name).',
    args: {
      id: t.arg.string({
        description: 'The person\'s plain id, a lowercase slug such as "martin-arjovsky"; default: a slug of `name`.',
        validate: idRef.nullish(),
      }),
      name: t.arg.string({ required: true, description: 'The full name, 1 to 300 characters.', validate: requiredName }),
      aliases: t.arg.stringList({
        description: 'Other spellings (at most 50, of 100 characters each); replaces the list; omitted: kept.',
        validate: aliasList,
      }),
      affiliation: t.arg.string({ description: 'Their lab, company or university, at most 200 characters.', validate: optionalText(200) }),
      source: t.arg({
        type: SourceInput,
        description: 'Where the facts come from; kept in the change record.',
        validate: sourceSchema.nullish(),
      }),
      ...versionArgs,
    },
    resolve: (_root, args, ctx) =>
      curation.upsertPerson(
        ctx.db,
        curatorOf(ctx),
        { id: newId(args.id, args.name), name: args.name, aliases: args.aliases, affiliation: args.affiliation },
        asSource(args.source),
        args.expectedVersion,
      ),
  }),
}));
