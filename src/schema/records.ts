/**
 * `importRecords`: a curator imports a bibliographic file (BibTeX, RIS, CSL-JSON, OpenAlex,
 * Semantic Scholar, arXiv JSON Lines) as text or as an upload (GraphQL multipart request), with
 * the same checks, merging and report as `npm run import`. Scope `curator`, as every mutation.
 */
import { z } from 'zod';
import { curate } from '../db/curation.js';
import { BadUserInputError, DomainError, errorField, errorMessage, NotFoundError } from '../errors.js';
import type { RecordFormat } from '../ingest/formats/index.js';
import { decodeUtf8 } from '../ingest/formats/input.js';
import { type ImportReport, importRecords, importReports } from '../ingest/import-records.js';
import { ImportError } from '../ingest/records.js';
import { builder } from './builder.js';

const MAX_TEXT = 20_000_000;

/** A File by its shape: graphql-yoga's File (from @whatwg-node/fetch) is not always the global File class. */
function isFile(value: unknown): value is File {
  return (
    typeof value === 'object' &&
    value !== null &&
    'arrayBuffer' in value &&
    typeof value.arrayBuffer === 'function' &&
    'name' in value &&
    typeof value.name === 'string'
  );
}

builder.scalarType('File', {
  description: 'A file sent with a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec).',
  serialize: () => {
    throw new Error('File is an input type only');
  },
  parseValue: (value) => {
    if (isFile(value)) return value;
    throw new BadUserInputError('expected a file of a multipart request');
  },
});

const RecordFormatRef = builder.enumType('RecordFormat', {
  description: 'A bibliographic file format the import reads.',
  values: {
    BIBTEX: { value: 'bibtex', description: 'BibTeX or BibLaTeX (.bib), as Zotero, Mendeley, Google Scholar and DBLP export it.' },
    RIS: { value: 'ris', description: 'RIS (.ris), the tagged format of EndNote and publishers.' },
    CSL_JSON: { value: 'csl-json', description: 'CSL-JSON, an array of items as Zotero exports them.' },
    OPENALEX: {
      value: 'openalex',
      description: 'OpenAlex works: an API response ({"results": [...]}) or snapshot JSON Lines, plain or gzip.',
    },
    SEMANTIC_SCHOLAR: { value: 'semantic-scholar', description: 'Semantic Scholar Graph API paper records, as JSON or JSON Lines.' },
    ARXIV: { value: 'arxiv', description: "arXiv's OAI metadata snapshot, JSON Lines." },
  } satisfies Record<string, { value: RecordFormat; description: string }>,
});

const count = (description: string) => ({ description });
const ImportMergeRef = builder.objectRef<ImportReport['merges'][number]>('ImportMerge').implement({
  description: 'A record that describes a work already in the graph.',
  fields: (t) => ({
    record: t.exposeString('record', { description: 'The record, as "<file>#<record id>".' }),
    work: t.exposeString('work', { description: 'The id of the work it merged into.' }),
    by: t.exposeString('by', {
      description: 'What identified it: doi, arxiv, openalex, s2, dblp or title (folded title, year and first author).',
    }),
  }),
});
const ImportConflictRef = builder.objectRef<ImportReport['conflicts'][number]>('ImportConflict').implement({
  description:
    'A field where a record disagrees with the graph. The graph keeps its value (the notes and curators first, then the first import).',
  fields: (t) => ({
    record: t.exposeString('record', { description: 'The record, as "<file>#<record id>".' }),
    work: t.exposeString('work', { description: 'The id of the work.' }),
    field: t.exposeString('field', { description: 'The field (year, venue, doi, arxiv, ...).' }),
    kept: t.exposeString('kept', { description: 'The value the graph keeps.' }),
    other: t.exposeString('other', { description: "The record's value." }),
  }),
});
const ImportAmbiguityRef = builder.objectRef<ImportReport['ambiguous'][number]>('ImportAmbiguity').implement({
  description: 'An author whose name matches people in the graph who share no work with the record: not merged with them.',
  fields: (t) => ({
    record: t.exposeString('record', { description: 'The record, as "<file>#<record id>".' }),
    name: t.exposeString('name', { description: 'The author as the record writes the name.' }),
    candidates: t.exposeStringList('candidates', { description: 'The ids of the people with that name.' }),
    created: t.string({
      nullable: true,
      description: 'The id of the person the import kept apart for this author; null when none was created.',
      resolve: (a) => a.created || null,
    }),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description: 'What an import of bibliographic records did (or, for a dry run, would do).',
  fields: (t) => ({
    importId: t.exposeString('importId', { description: 'The id every node and relationship the import created carries in `import`.' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when nothing was written.' }),
    at: t.string({
      nullable: true,
      description: 'When the import finished (ISO 8601, UTC); null for a dry run, which is not kept.',
      resolve: (r) => r.at,
    }),
    files: t.stringList({ description: 'The files (or names) the records came from.', resolve: (r) => r.files.map((f) => f.name) }),
    records: t.exposeInt('records', { description: 'Records read.' }),
    worksCreated: t.exposeInt('worksCreated', count('Papers created.')),
    worksMerged: t.exposeInt('worksMerged', count('Records that described a paper already in the graph.')),
    peopleCreated: t.exposeInt('peopleCreated', count('People created.')),
    peopleMerged: t.exposeInt('peopleMerged', count('Authors found in the graph (by ORCID, or by name and a shared work).')),
    authorshipsCreated: t.exposeInt('authorshipsCreated', count('Author links created.')),
    citesCreated: t.exposeInt('citesCreated', count('CITES relationships created between works in the graph.')),
    referencesUnresolved: t.exposeInt('referencesUnresolved', count('References to works not in the graph, kept for a later import.')),
    referencesResolved: t.exposeInt(
      'referencesResolved',
      count('References from earlier imports that now point at a work this import brought.'),
    ),
    conceptLinksCreated: t.exposeInt(
      'conceptLinksCreated',
      count("Automatic DISCUSSES links created by words: a concept's name or alias in a title, abstract or subject."),
    ),
    conceptLinksByMeaning: t.exposeInt(
      'conceptLinksByMeaning',
      count("Automatic DISCUSSES links created by meaning: the work's text embedding close to the concept's (`foundBy: MEANING`)."),
    ),
    meaningSkipped: t.string({
      nullable: true,
      description: 'Why no links were looked for by meaning (no embedding model, a dry run); null when they were.',
      resolve: (r) => r.meaningSkipped,
    }),
    merges: t.field({
      type: [ImportMergeRef],
      description: 'Records merged into existing works (the first 1,000).',
      resolve: (r) => r.merges,
    }),
    conflicts: t.field({
      type: [ImportConflictRef],
      description: 'Fields where a record disagreed with the graph (the first 1,000).',
      resolve: (r) => r.conflicts,
    }),
    ambiguous: t.field({
      type: [ImportAmbiguityRef],
      description: 'Author names not merged because the match was ambiguous (the first 1,000).',
      resolve: (r) => r.ambiguous,
    }),
    unresolved: t.exposeStringList('unresolved', {
      description: 'Identifier keys ("arxiv:1701.07875", "openalex:W123") of cited works not in the graph (the first 100).',
    }),
  }),
});

builder.queryFields((t) => ({
  importReport: t.field({
    type: ImportReportRef,
    description:
      'The report of a finished import of records, by its `importId` (from `importRecords`, `npm run import`, or `importReports`): ' +
      'what it created and merged, where records disagreed with the graph, the ambiguous names and the references left unresolved. ' +
      'NOT_FOUND for an id no finished import has.',
    args: { id: t.arg.string({ required: true, description: 'The import id ("import-…").', validate: z.string().trim().min(1).max(100) }) },
    resolve: async (_root, { id }, { db }) => {
      const [report] = await importReports(db, { id: id.trim(), limit: 1 });
      if (!report) throw new NotFoundError(`importReport: no finished import has the id "${id}"`, { argument: 'id', value: id });
      return report;
    },
  }),
  importReports: t.field({
    type: [ImportReportRef],
    description: 'The reports of the finished imports of records, newest first. Dry runs and imports that were taken back are not kept.',
    args: {
      last: t.arg.int({ description: 'How many (default 20, at most 100).', validate: z.number().int().min(1).max(100).nullish() }),
    },
    resolve: (_root, { last }, { db }) => importReports(db, { limit: last ?? 20 }),
  }),
}));

builder.mutationFields((t) => ({
  importRecords: t.field({
    type: ImportReportRef,
    authScopes: { curator: true },
    description:
      'Imports a bibliographic file: checked whole first (every problem is reported, with its line, in a BAD_USER_INPUT error whose `importCode` and `issues` extensions say what), then merged into the graph ' +
      'all or nothing. Give the file as `text` or as `file` (a multipart upload), not both. Importing it again changes nothing.',
    args: {
      text: t.arg.string({
        description: `The file's text, at most ${MAX_TEXT.toLocaleString('en')} characters.`,
        validate: z.string().min(1).max(MAX_TEXT).nullish(),
      }),
      file: t.arg({ type: 'File', description: 'The file, as an upload (GraphQL multipart request); gzip JSON Lines are accepted.' }),
      name: t.arg.string({
        description: 'The name the records are kept under as their source (default: the upload\'s file name, or "import").',
        validate: z.string().trim().min(1).max(200).nullish(),
      }),
      format: t.arg({ type: RecordFormatRef, description: 'The format; told from the name and content when omitted.' }),
      dryRun: t.arg.boolean({ description: 'Report what would be done without writing anything (default false).' }),
      linkByMeaning: t.arg.boolean({
        description:
          'Link the works to concepts by meaning as well as by words (default false: measured on held-out ICML papers, ' +
          'only 37–64% of such links were right; each says `foundBy: MEANING`).',
      }),
    },
    resolve: async (_root, args, { db, curator: by, embedder }) => {
      if ((args.text == null) === (args.file == null))
        throw new BadUserInputError('give the records as `text` or as `file`, one of them', 'text');
      const name = args.name ?? args.file?.name ?? 'import';
      try {
        const input = args.file ? await uploadInput(args.file, name) : { name, text: args.text! };
        const report = await importRecords(db, [input], {
          format: args.format ?? undefined,
          dryRun: args.dryRun ?? false,
          embedder,
          meaningOff: 'search by meaning is off on this server',
          linkByMeaning: args.linkByMeaning ?? false,
        });
        if (!report.dryRun)
          await curate(
            db,
            { by: by!, action: 'importRecords', target: name, details: { importId: report.importId, records: report.records } },
            async () => true,
          );
        return report;
      } catch (error) {
        if (error instanceof ImportError) {
          throw new DomainError(error.message, 'BAD_USER_INPUT', { importCode: error.code, issues: error.issues });
        }
        throw error;
      }
    },
  }),
}));

/** An upload as text, or, for a gzip file, its bytes in a temporary file read the same way as on the command line. */
async function uploadInput(file: File, name: string): Promise<{ name: string; text: string }> {
  if (file.size > MAX_TEXT) throw new BadUserInputError(`the file is ${file.size} bytes; at most ${MAX_TEXT} may be uploaded`, 'file');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const { gunzipSync } = await import('node:zlib');
    try {
      return { name: name.replace(/\.gz$/, ''), text: decodeUtf8(gunzipSync(bytes, { maxOutputLength: MAX_TEXT }), name) };
    } catch (error) {
      if (error instanceof ImportError) throw error;
      // zlib's RangeError for maxOutputLength is a bomb; anything else is a broken gzip file, told apart as the command line does.
      if (errorField(error, 'code') === 'ERR_BUFFER_TOO_LARGE')
        throw new ImportError([
          { code: 'GZIP_BOMB', file: name, message: `inflates to more than ${MAX_TEXT} bytes; refused as a gzip bomb` },
        ]);
      const message = errorMessage(error);
      throw new ImportError([
        { code: /unexpected end/i.test(message) ? 'TRUNCATED' : 'SYNTAX', file: name, message: `is not a complete gzip file (${message})` },
      ]);
    }
  }
  return { name, text: decodeUtf8(bytes, name) };
}
