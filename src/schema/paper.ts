import type { Entity } from '../db/loaders.js';
import { listPapers } from '../db/repository.js';
import { builder } from './builder.js';
import { workById } from './lookahead.js';
import { pageParams, toConnection } from './pagination.js';
import { nodeOptions, PaperRef, TalkRef, WorkRef } from './refs.js';
import { shortText, year } from './validation.js';

export const PaperOrderEnum = builder.enumType('PaperOrder', {
  description: 'The order of a list of papers.',
  values: {
    TITLE: { description: 'By title, alphabetically, ignoring case (the default).' },
    YEAR: { description: 'Newest first, then by title; papers without a year last.' },
  },
});

const optionalString = (key: string) => (paper: Entity) => (paper[key] as string | undefined) ?? null;

builder.node(PaperRef, {
  ...nodeOptions('Paper'),
  description:
    'A paper: one a talk presents, or one the notes point to. A few are other works the notes suggest reading ' +
    '(a book, a software library, a discussion thread); `kind` says which.',
  interfaces: [WorkRef],
  fields: (t) => ({
    titleAsWritten: t.string({
      nullable: true,
      description: 'The title exactly as the notes write it, when it differs from `title` (the title of record).',
      resolve: optionalString('titleAsWritten'),
    }),
    citedAs: t.string({
      nullable: true,
      description: 'How the notes cite it, when that differs from the record (e.g. "Feudal RL (NIPS ‘93)").',
      resolve: optionalString('citedAs'),
    }),
    venue: t.string({ nullable: true, description: 'Where it was published ("ICML 2017", "NIPS 2016", ...); null when unknown.', resolve: optionalString('venue') }),
    arxiv: t.string({ nullable: true, description: 'The arXiv identifier, without version, such as 1701.07875.', resolve: optionalString('arxiv') }),
    doi: t.string({ nullable: true, description: 'The DOI, such as 10.1073/pnas.1611835114.', resolve: optionalString('doi') }),
    url: t.string({
      nullable: true,
      description: 'Where to read it: the given URL (a proceedings page), else the arXiv abstract page, else the DOI resolver.',
      resolve: (paper) => {
        if (paper.url) return paper.url as string;
        if (paper.arxiv) return `https://arxiv.org/abs/${paper.arxiv as string}`;
        return paper.doi ? `https://doi.org/${paper.doi as string}` : null;
      },
    }),
    noRecord: t.string({
      nullable: true,
      description: 'Why there is no DOI, arXiv id or URL to open it by (e.g. the notes do not name it).',
      resolve: optionalString('noRecord'),
    }),
    publicRecord: t.stringList({
      description: 'Fields whose values come from the public record, not from the notes (e.g. ["arxiv", "year"]).',
      resolve: (paper) => (paper.publicRecord as string[] | undefined) ?? [],
    }),
    presentedAt: t.field({
      type: [TalkRef],
      description: 'The talks that present this paper.',
      resolve: (paper, _args, { loaders }) => loaders.talksPresentingPaper.load(paper.id),
    }),
  }),
});

builder.queryFields((t) => ({
  paper: t.field({
    type: PaperRef,
    nullable: true,
    description: 'A paper by its id (global or plain); null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'A global id, or the plain id of the pack ("paper-wasserstein-gan").' }) },
    resolve: workById('Paper'),
  }),
  papers: t.connection({
    type: PaperRef,
    description: 'Papers, filtered and ordered (default: by title).',
    args: {
      concept: t.arg.string({ description: 'Only papers that discuss this concept: its exact name or an alias, any case ("ewc").', validate: shortText }),
      person: t.arg.string({ description: "Only papers this person wrote or is named in: the exact name or an alias, any case.", validate: shortText }),
      year: t.arg.int({ description: 'Only papers of this year.', validate: year }),
      text: t.arg.string({ description: 'Only papers whose title contains this text (case-insensitive; not a word search: see `search`).', validate: shortText }),
      orderBy: t.arg({ type: PaperOrderEnum, defaultValue: 'TITLE', description: 'The order of the list.' }),
    },
    resolve: async (_root, args, { db }) => {
      const { offset, limit } = pageParams(args);
      return toConnection<Entity>(await listPapers(db, args, args.orderBy ?? 'TITLE', { offset, limit }), offset);
    },
  }),
}));
