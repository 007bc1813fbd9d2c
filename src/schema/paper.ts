import * as curation from '../db/curation.js';
import { slugOf } from '../db/curation.js';
import { listPapers } from '../db/repository.js';
import type { PaperNode, Source } from '../model/rows.js';
import { builder } from './builder.js';
import { asSource, curatorOf, curatorOnly, newId, SourceInput, versionArgs } from './curation.js';
import { workById } from './lookahead.js';
import { pageParams, toConnection } from './pagination.js';
import { nodeOptions, PaperRef, TalkRef, WorkRef } from './refs.js';
import { conceptFilter } from './resolve.js';
import { CONCEPT_TEXT, RESOLVED_CONCEPTS_OF_FILTER, ResolvedConceptRef, resolvedConceptsOf } from './resolved-concept.js';
import { SourceRef } from './source.js';
import { arxivId, httpUrl, idRef, optionalText, requiredName, shortText, sourceSchema, year } from './validation.js';

export const PaperOrderEnum = builder.enumType('PaperOrder', {
  description: 'The order of a list of papers.',
  values: {
    TITLE: { description: 'By title, alphabetically, ignoring case (the default).' },
    YEAR: { description: 'Newest first, then by title; papers without a year last.' },
  },
});

/** A value a record gives for a field the paper shows otherwise, read from its `disagreements`. */
interface Disagreement {
  field: string;
  shown: string | null;
  other: string;
  source: Source;
  why: string;
}

const shownValue = (paper: PaperNode, field: string): string | null => {
  const { year, venue, doi, arxiv, openalex, s2, dblp } = paper;
  const value = new Map<string, string | number | undefined>(Object.entries({ year, venue, doi, arxiv, openalex, s2, dblp })).get(field);
  return value == null ? null : String(value);
};

/** What names a work most specifically first: idKinds' order (src/ingest/records.ts). */
const IDENTIFIER_NAMES = ['its DOI', 'its arXiv id', 'its OpenAlex id', 'its Semantic Scholar id', 'its DBLP key'];

/**
 * Why the paper shows its own value of `field` rather than an imported record's: curators and the
 * notes first, then the import record that names the work by the most specific identifier (a DOI
 * first), then the first import.
 */
function whyShown(paper: PaperNode, field: string): string {
  if (paper.curatedFields?.includes(field)) return 'A curator set it; an import never replaces a curated value.';
  const filled = paper.provenance
    ?.map((p) => p.split('\t'))
    .filter((p) => p[1] === field)
    .at(-1);
  if (filled) {
    const by = IDENTIFIER_NAMES[Number(filled[6])];
    if (by)
      return `An import took it from ${filled[2]} (record ${filled[3]}), which names the work by ${by}; a record that names it by a less or equally specific identifier does not replace it, nor one of a curator or the notes.`;
    return `An earlier import filled it from ${filled[2]} (record ${filled[3]}); an import fills only empty fields, so the first value stays until a curator changes it.`;
  }
  if (paper.publicRecord?.includes(field))
    return "The knowledge pack's value, taken from the public record by its curators; the pack outranks an imported record.";
  return "The knowledge pack's value (the notes), which outranks an imported record.";
}

export function disagreementsOf(paper: PaperNode): Disagreement[] {
  return (paper.disagreements ?? []).map((entry) => {
    const [, field = '', other = '', file = '', record = '', line = '', sourceField = ''] = entry.split('\t');
    return {
      field,
      shown: shownValue(paper, field),
      other,
      source: { document: file, line: line ? Number(line) : null, quote: other, record, field: sourceField, origin: 'PUBLIC_RECORD' },
      why: whyShown(paper, field),
    };
  });
}

const DisagreementRef = builder.objectRef<Disagreement>('FieldDisagreement').implement({
  description:
    'A value a bibliographic record gives for a field the paper shows otherwise. Both are kept: the paper shows its own ' +
    '(curators and the notes first, then the record that names the work by the most specific identifier, a DOI first, then the first ' +
    'import), and this says which record says otherwise, and why it is not shown.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field: year, venue, doi, arxiv, openalex, s2 or dblp.' }),
    shown: t.string({ nullable: true, description: 'The value the paper shows.', resolve: (d) => d.shown }),
    other: t.exposeString('other', { description: "The record's value." }),
    source: t.field({
      type: SourceRef,
      description: 'The record that gives it: the file, its line, the record id and field.',
      resolve: (d) => d.source,
    }),
    why: t.exposeString('why', { description: 'Why the paper shows its own value.' }),
  }),
});

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
      resolve: (paper) => paper.titleAsWritten ?? null,
    }),
    citedAs: t.string({
      nullable: true,
      description: 'How the notes cite it, when that differs from the record (e.g. "Feudal RL (NIPS ‘93)").',
      resolve: (paper) => paper.citedAs ?? null,
    }),
    venue: t.string({
      nullable: true,
      description: 'Where it was published ("ICML 2017", "NIPS 2016", ...); null when unknown.',
      resolve: (paper) => paper.venue ?? null,
    }),
    arxiv: t.string({
      nullable: true,
      description: 'The arXiv identifier, without version, such as 1701.07875.',
      resolve: (paper) => paper.arxiv ?? null,
    }),
    doi: t.string({ nullable: true, description: 'The DOI, such as 10.1073/pnas.1611835114.', resolve: (paper) => paper.doi ?? null }),
    url: t.string({
      nullable: true,
      description: 'Where to read it: the given URL (a proceedings page), else the arXiv abstract page, else the DOI resolver.',
      resolve: (paper) => {
        if (paper.url) return paper.url;
        if (paper.arxiv) return `https://arxiv.org/abs/${paper.arxiv}`;
        return paper.doi ? `https://doi.org/${paper.doi}` : null;
      },
    }),
    noRecord: t.string({
      nullable: true,
      description: 'Why there is no DOI, arXiv id or URL to open it by (e.g. the notes do not name it).',
      resolve: (paper) => paper.noRecord ?? null,
    }),
    publicRecord: t.stringList({
      description: 'Fields whose values come from the public record, not from the notes (e.g. ["arxiv", "year"]).',
      resolve: (paper) => paper.publicRecord ?? [],
    }),
    disagreements: t.field({
      type: [DisagreementRef],
      description:
        'Fields where an imported record gives another value than the one shown (a year, a venue, an identifier): both are kept, and each says where the other value comes from and why it is not the one shown.',
      resolve: (paper) => disagreementsOf(paper),
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
    args: {
      id: t.arg.id({
        required: true,
        description: 'A global id, or the plain id of the pack ("paper-wasserstein-gan"); at most 300 characters.',
        validate: idRef,
      }),
    },
    resolve: workById('Paper'),
  }),
  papers: t.connection(
    {
      type: PaperRef,
      description: 'Papers, filtered and ordered (default: by title).',
      args: {
        concept: t.arg.string({
          description: `Only papers that discuss this concept: ${CONCEPT_TEXT}.`,
          validate: shortText,
        }),
        person: t.arg.string({
          description: 'Only papers this person wrote or is named in: the exact name or an alias, any case.',
          validate: shortText,
        }),
        year: t.arg.int({ description: 'Only papers of this year.', validate: year }),
        text: t.arg.string({
          description: 'Only papers whose title contains this text (case-insensitive; not a word search: see `search`).',
          validate: shortText,
        }),
        orderBy: t.arg({ type: PaperOrderEnum, defaultValue: 'TITLE', description: 'The order of the list.' }),
      },
      resolve: async (_root, args, { db, embedder }) => {
        const { offset, limit } = pageParams(args);
        const { conceptIds, resolvedConcepts } = await conceptFilter(db, embedder, args.concept);
        const page = await listPapers(db, { ...args, conceptIds }, args.orderBy ?? 'TITLE', { offset, limit });
        return { ...toConnection(page, offset), resolvedConcepts };
      },
    },
    {
      fields: (c) => ({
        resolvedConcepts: c.field({ type: [ResolvedConceptRef], description: RESOLVED_CONCEPTS_OF_FILTER, resolve: resolvedConceptsOf }),
      }),
    },
  ),
}));

builder.mutationFields((t) => ({
  upsertPaper: t.field({
    type: PaperRef,
    authScopes: curatorOnly,
    description: 'Creates or updates a paper (by id, or by "paper-" and a slug of the title).',
    args: {
      id: t.arg.string({
        description: 'The paper\'s plain id, a lowercase slug such as "paper-wasserstein-gan"; default: "paper-" and a slug of `title`.',
        validate: idRef.nullish(),
      }),
      title: t.arg.string({ required: true, description: 'The title, 1 to 300 characters.', validate: requiredName }),
      year: t.arg.int({ description: 'The year of publication, 1900 to 2100.', validate: year }),
      venue: t.arg.string({ description: 'Where it was published ("ICML 2017"), at most 200 characters.', validate: optionalText(200) }),
      arxiv: t.arg.string({ description: 'Its arXiv id, such as 1701.07875.', validate: arxivId }),
      url: t.arg.string({ description: 'Where to read it: an http(s) address, at most 2000 characters.', validate: httpUrl.nullish() }),
      source: t.arg({
        type: SourceInput,
        description: 'Where the facts come from; kept in the change record.',
        validate: sourceSchema.nullish(),
      }),
      ...versionArgs,
    },
    resolve: (_root, args, ctx) => {
      const id = args.id ? newId(args.id, args.title) : `paper-${slugOf(args.title)}`;
      const { title, year, venue, arxiv, url } = args;
      return curation.upsertPaper(
        ctx.db,
        curatorOf(ctx),
        { id, title, year, venue, arxiv, url },
        asSource(args.source),
        args.expectedVersion,
      );
    },
  }),
}));
