/**
 * Mutations for curators: upsert talks, papers, people and concepts; link a work to a concept;
 * add or remove a typed reference; add an alias; merge two concepts; import a whole pack. All
 * need a curator's bearer token (scope `curator`), validate their input with zod, are
 * idempotent, run in one transaction each, and leave a Change record.
 */
import { z } from 'zod';
import { assertNameFree, curate, nodeOf, slugOf, type CurationSource } from '../db/curation.js';
import { BadUserInputError } from '../errors.js';
import { graphCounts, loadPack } from '../ingest/load-pack.js';
import { referenceTypes, slug, talkKinds } from '../ingest/pack-schema.js';
import { parsePack, PackError } from '../ingest/read-pack.js';
import { builder } from './builder.js';
import { localId } from './ids.js';
import { CONCEPT, PAPER, resolveId, WORK } from './resolve.js';
import { ConceptRef, PaperRef, PersonRef, TalkRef, WorkRef } from './refs.js';
import { describedValues } from './described.js';
import { ReferenceTypeEnum, talkKindDescriptions } from './work.js';

const name = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullish();
const aliases = z.array(z.string().trim().min(1).max(100)).max(50).nullish();
const idRef = z.string().trim().min(1).max(300);

const sourceSchema = z
  .object({
    document: slug.nullish(),
    line: z.number().int().positive().nullish(),
    url: z.url({ protocol: /^https?$/ }).max(2000).nullish(),
    quote: z.string().trim().min(1, 'must not be empty').max(240, 'must be at most 240 characters'),
  })
  .refine((s) => (s.document && s.line) || s.url, { message: 'needs a document and line, or a url' });

const SourceInput = builder.inputType('SourceInput', {
  description: 'Where a curated fact comes from: a line of a stored source document (the quote is checked against it), or a URL.',
  fields: (t) => ({
    document: t.string({ description: 'A source document id, such as "icml-2017-notes".' }),
    line: t.int({ description: '1-based line of the document.' }),
    url: t.string({ description: 'An address where the fact can be checked, when it is not from a stored document.' }),
    quote: t.string({ required: true, description: 'Words from the source that support the fact.' }),
  }),
});

const TalkKindInput = builder.enumType('TalkKindInput', {
  description: 'The kind of a talk a curator creates or updates (the values of TalkKind).',
  values: describedValues(talkKinds, talkKindDescriptions),
});

const DocumentInput = builder.inputType('DocumentInput', {
  description: "A pack document's text, by the `file` name the pack gives it.",
  fields: (t) => ({
    file: t.string({ required: true, description: 'The file name the pack gives the document (its `file`).' }),
    text: t.string({ required: true, description: 'The whole text of the document, verbatim; at most 5,000,000 characters.' }),
  }),
});

const CountRef = builder.objectRef<{ name: string; count: number }>('Count').implement({
  description: 'How many nodes of a label, or relationships of a type, the database holds.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The node label or relationship type.' }),
    count: t.exposeInt('count', { description: 'How many there are.' }),
  }),
});
const ImportResultRef = builder.objectRef<{ labels: Record<string, number>; relationships: Record<string, number> }>('ImportResult').implement({
  description: 'What the database holds after an import: nodes per label and relationships per type.',
  fields: (t) => ({
    labels: t.field({ type: [CountRef], description: 'Nodes per label.', resolve: (r) => Object.entries(r.labels).map(([name, count]) => ({ name, count })) }),
    relationships: t.field({ type: [CountRef], description: 'Relationships per type.', resolve: (r) => Object.entries(r.relationships).map(([name, count]) => ({ name, count })) }),
  }),
});

const curator = { curator: true } as const;
const asSource = (s: z.infer<typeof sourceSchema> | null | undefined): CurationSource | null =>
  s ? { document: s.document ?? null, line: s.line ?? null, url: s.url ?? null, quote: s.quote } : null;
const idFor = (given: string | null | undefined, text: string) => {
  const id = given ? localId(given) : slugOf(text);
  if (!slug.safeParse(id).success) throw new BadUserInputError(`id: "${id}" is not a lowercase slug such as "wasserstein-gan"`, 'id');
  return id;
};

builder.mutationFields((t) => ({
  upsertConcept: t.field({
    type: ConceptRef,
    authScopes: curator,
    description: 'Creates or updates a concept (by id, or by a slug of its name).',
    args: {
      id: t.arg.string({ description: 'The concept\'s plain id, a lowercase slug such as "wasserstein-distance"; default: a slug of `name`.', validate: idRef.nullish() }),
      name: t.arg.string({ required: true, description: 'Its name, 1 to 300 characters; no other concept may have it as a name or alias.', validate: name }),
      definition: t.arg.string({ description: 'One or two sentences on what it is, at most 600 characters; omitted: kept as it is.', validate: optionalText(600) }),
      aliases: t.arg.stringList({ description: 'Other names and abbreviations (at most 50, of 100 characters each); replaces the list; omitted: kept.', validate: aliases }),
      broader: t.arg.stringList({ description: 'Ids of more general concepts, at most 20; added to those it has.', validate: z.array(idRef).max(20).nullish() }),
      related: t.arg.stringList({ description: 'Ids of related concepts, at most 20; added to those it has.', validate: z.array(idRef).max(20).nullish() }),
      source: t.arg({ type: SourceInput, description: 'Where the facts come from; kept in the change record.', validate: sourceSchema.nullish() }),
    },
    resolve: (_root, args, { db, curator: by }) => {
      const id = idFor(args.id, args.name);
      return curate(db, { by: by!, action: 'upsertConcept', target: id, details: args, source: asSource(args.source) }, async (run) => {
        await assertNameFree(run, id, [args.name, ...(args.aliases ?? [])]);
        await run('curation/upsert-concept', { id, by, name: args.name, definition: args.definition ?? null, aliases: args.aliases ?? null, broader: args.broader ?? null, related: args.related ?? null });
        return nodeOf(await run('curation/refresh-names', { id }));
      });
    },
  }),
  upsertPerson: t.field({
    type: PersonRef,
    authScopes: curator,
    description: 'Creates or updates a person (by id, or by a slug of the name).',
    args: {
      id: t.arg.string({ description: 'The person\'s plain id, a lowercase slug such as "martin-arjovsky"; default: a slug of `name`.', validate: idRef.nullish() }),
      name: t.arg.string({ required: true, description: 'The full name, 1 to 300 characters.', validate: name }),
      aliases: t.arg.stringList({ description: 'Other spellings (at most 50, of 100 characters each); replaces the list; omitted: kept.', validate: aliases }),
      affiliation: t.arg.string({ description: 'Their lab, company or university, at most 200 characters.', validate: optionalText(200) }),
      source: t.arg({ type: SourceInput, description: 'Where the facts come from; kept in the change record.', validate: sourceSchema.nullish() }),
    },
    resolve: (_root, args, { db, curator: by }) => {
      const id = idFor(args.id, args.name);
      return curate(db, { by: by!, action: 'upsertPerson', target: id, details: args, source: asSource(args.source) }, async (run) => {
        await run('curation/upsert-person', { id, by, name: args.name, aliases: args.aliases ?? null, affiliation: args.affiliation ?? null });
        return nodeOf(await run('curation/refresh-names', { id }));
      });
    },
  }),
  upsertPaper: t.field({
    type: PaperRef,
    authScopes: curator,
    description: 'Creates or updates a paper (by id, or by "paper-" and a slug of the title).',
    args: {
      id: t.arg.string({ description: 'The paper\'s plain id, a lowercase slug such as "paper-wasserstein-gan"; default: "paper-" and a slug of `title`.', validate: idRef.nullish() }),
      title: t.arg.string({ required: true, description: 'The title, 1 to 300 characters.', validate: name }),
      year: t.arg.int({ description: 'The year of publication, 1900 to 2100.', validate: z.number().int().min(1900).max(2100).nullish() }),
      venue: t.arg.string({ description: 'Where it was published ("ICML 2017"), at most 200 characters.', validate: optionalText(200) }),
      arxiv: t.arg.string({ description: 'Its arXiv id, such as 1701.07875.', validate: z.string().regex(/^\d{4}\.\d{4,5}$/, 'must be an arXiv id such as 1701.07875').nullish() }),
      url: t.arg.string({ description: 'Where to read it: an http(s) address, at most 2000 characters.', validate: z.url({ protocol: /^https?$/ }).max(2000).nullish() }),
      source: t.arg({ type: SourceInput, description: 'Where the facts come from; kept in the change record.', validate: sourceSchema.nullish() }),
    },
    resolve: (_root, args, { db, curator: by }) => {
      const id = args.id ? idFor(args.id, args.title) : `paper-${slugOf(args.title)}`;
      return curate(db, { by: by!, action: 'upsertPaper', target: id, details: args, source: asSource(args.source) }, async (run) =>
        nodeOf(await run('curation/upsert-paper', { id, by, title: args.title, year: args.year ?? null, venue: args.venue ?? null, arxiv: args.arxiv ?? null, url: args.url ?? null })),
      );
    },
  }),
  upsertTalk: t.field({
    type: TalkRef,
    authScopes: curator,
    description: 'Creates or updates a talk on a day (and in a session of that day). A new talk goes last on its day.',
    args: {
      id: t.arg.string({ description: 'The talk\'s plain id, a lowercase slug such as "wasserstein-gan"; default: a slug of `title`.', validate: idRef.nullish() }),
      title: t.arg.string({ required: true, description: 'The title, 1 to 300 characters.', validate: name }),
      kind: t.arg({ type: TalkKindInput, required: true, description: 'What kind of talk it is.' }),
      day: t.arg.id({ required: true, description: 'The day id, such as "icml-2017-day-2".', validate: idRef }),
      session: t.arg.id({ description: 'The id of a session of that day; omitted: in no session.', validate: idRef.nullish() }),
      summary: t.arg.string({ description: 'One sentence on what the talk says, at most 600 characters; omitted: kept.', validate: optionalText(600) }),
      order: t.arg.int({ description: 'Its position within the day, 1 to 10,000; omitted: kept, or last for a new talk.', validate: z.number().int().min(1).max(10_000).nullish() }),
      source: t.arg({ type: SourceInput, description: 'Where the facts come from; kept in the change record.', validate: sourceSchema.nullish() }),
    },
    resolve: async (_root, args, { db, curator: by }) => {
      const id = idFor(args.id, args.title);
      const day = await resolveId(db, 'day', String(args.day), ['Day']);
      const session = args.session ? await resolveId(db, 'session', String(args.session), ['Session']) : null;
      return curate(db, { by: by!, action: 'upsertTalk', target: id, details: args, source: asSource(args.source) }, async (run) =>
        nodeOf(await run('curation/upsert-talk', {
          id, by, title: args.title, kind: args.kind, day, session,
          summary: args.summary ?? null, order: args.order ?? null, year: null,
        })),
      );
    },
  }),
  linkWorkToConcept: t.field({
    type: WorkRef,
    authScopes: curator,
    description: 'Records that a talk or paper discusses a concept, with where the source says so.',
    args: {
      work: t.arg.id({ required: true, description: 'The talk or paper, by global or plain id; an unknown one is NOT_FOUND.', validate: idRef }),
      concept: t.arg.id({ required: true, description: 'The concept, by global or plain id, name or alias; an unknown one is NOT_FOUND.', validate: idRef }),
      source: t.arg({ type: SourceInput, required: true, description: 'Where the source says the work discusses the concept.', validate: sourceSchema }),
    },
    resolve: async (_root, args, { db, curator: by }) => {
      const work = await resolveId(db, 'work', String(args.work), WORK);
      const concept = await resolveId(db, 'concept', String(args.concept), CONCEPT);
      const source = asSource(args.source)!;
      return curate(db, { by: by!, action: 'linkWorkToConcept', target: `${work} DISCUSSES ${concept}`, source }, async (run) =>
        nodeOf(await run('curation/link-work-concept', { work, concept, by, source: { document: null, line: null, url: null, ...source } })),
      );
    },
  }),
  addReference: t.field({
    type: WorkRef,
    authScopes: curator,
    description: 'Adds a typed reference edge from a talk or paper to a paper, with its source. Returns the citing work.',
    args: {
      from: t.arg.id({ required: true, description: 'The citing talk or paper, by global or plain id.', validate: idRef }),
      to: t.arg.id({ required: true, description: 'The paper it points to, by global or plain id.', validate: idRef }),
      type: t.arg({ type: ReferenceTypeEnum, required: true, description: 'How it points to it.' }),
      source: t.arg({ type: SourceInput, required: true, description: 'Where the source makes the reference.', validate: sourceSchema }),
    },
    resolve: async (_root, args, { db, curator: by }) => {
      const from = await resolveId(db, 'from', String(args.from), WORK);
      const to = await resolveId(db, 'to', String(args.to), PAPER);
      const source = asSource(args.source)!;
      return curate(db, { by: by!, action: 'addReference', target: `${from} ${args.type} ${to}`, source }, async (run) => {
        const [row] = await run('curation/add-reference', {
          from, to, type: args.type,
          props: { document: source.document, line: source.line, url: source.url, quote: source.quote, curatedBy: by, curatedAt: new Date().toISOString() },
        });
        if (!row) return null;
        return nodeOf(await run('entity/by-ids', { ids: [from] }));
      });
    },
  }),
  removeReference: t.boolean({
    authScopes: curator,
    description: 'Removes a wrong reference edge. True when one was removed; false when there was none.',
    args: {
      from: t.arg.id({ required: true, description: 'The talk or paper the edge leaves, by global or plain id.', validate: idRef }),
      to: t.arg.id({ required: true, description: 'The paper the edge reaches, by global or plain id.', validate: idRef }),
      type: t.arg({ type: ReferenceTypeEnum, required: true, description: 'The type of the edge to remove.' }),
      reason: t.arg.string({ description: 'Why it is wrong, at most 500 characters; kept in the change record.', validate: optionalText(500) }),
    },
    resolve: async (_root, args, { db, curator: by }) => {
      const from = await resolveId(db, 'from', String(args.from), WORK);
      const to = await resolveId(db, 'to', String(args.to), PAPER);
      return removeEdge(db, by!, 'removeReference', `${from} ${args.type} ${to}`, args.reason, 'curation/remove-reference', { from, to, type: args.type });
    },
  }),
  removeConceptLink: t.boolean({
    authScopes: curator,
    description: 'Removes a wrong "discusses" link between a work and a concept. True when one was removed.',
    args: {
      work: t.arg.id({ required: true, description: 'The talk or paper, by global or plain id; an unknown one is NOT_FOUND.', validate: idRef }),
      concept: t.arg.id({ required: true, description: 'The concept, by global or plain id, name or alias; an unknown one is NOT_FOUND.', validate: idRef }),
      reason: t.arg.string({ description: 'Why it is wrong, at most 500 characters; kept in the change record.', validate: optionalText(500) }),
    },
    resolve: async (_root, args, { db, curator: by }) => {
      const work = await resolveId(db, 'work', String(args.work), WORK);
      const concept = await resolveId(db, 'concept', String(args.concept), CONCEPT);
      return removeEdge(db, by!, 'removeConceptLink', `${work} DISCUSSES ${concept}`, args.reason, 'curation/remove-concept-link', { work, concept });
    },
  }),
  addConceptAlias: t.field({
    type: ConceptRef,
    authScopes: curator,
    description: 'Adds another name or abbreviation to a concept; no other concept may have it as a name or alias.',
    args: {
      concept: t.arg.id({ required: true, description: 'The concept, by global or plain id, name or alias; an unknown one is NOT_FOUND.', validate: idRef }),
      alias: t.arg.string({ required: true, description: 'The new name, 1 to 100 characters.', validate: z.string().trim().min(1).max(100) }),
    },
    resolve: async (_root, args, { db, curator: by }) => {
      const concept = await resolveId(db, 'concept', String(args.concept), CONCEPT);
      return curate(db, { by: by!, action: 'addConceptAlias', target: concept, details: { alias: args.alias } }, async (run) => {
        await assertNameFree(run, concept, [args.alias]);
        if (!nodeOf(await run('curation/add-concept-alias', { concept, alias: args.alias, by }))) return null;
        return nodeOf(await run('curation/refresh-names', { id: concept }));
      });
    },
  }),
  mergeConcepts: t.field({
    type: ConceptRef,
    authScopes: curator,
    description: "Folds one concept into another: its works and links move over, its names become aliases, and it is deleted.",
    args: {
      keep: t.arg.id({ required: true, description: 'The concept that stays, by global or plain id, name or alias.', validate: idRef }),
      remove: t.arg.id({ required: true, description: 'The duplicate, folded into `keep` and deleted; by global or plain id, name or alias.', validate: idRef }),
    },
    resolve: async (_root, args, { db, curator: by }) => {
      const keep = await resolveId(db, 'keep', String(args.keep), CONCEPT);
      const remove = await resolveId(db, 'remove', String(args.remove), CONCEPT);
      if (keep === remove) throw new BadUserInputError('remove: cannot merge a concept into itself', 'remove');
      return curate(db, { by: by!, action: 'mergeConcepts', target: keep, details: { remove } }, async (run) => {
        if (!nodeOf(await run('curation/merge-concepts', { keep, remove, by }))) return null;
        return nodeOf(await run('curation/refresh-names', { id: keep }));
      });
    },
  }),
  importPack: t.field({
    type: ImportResultRef,
    authScopes: curator,
    description: 'Imports a whole knowledge pack (the YAML format of seeds/): checked first, then written all or nothing. Importing it again changes nothing.',
    args: {
      pack: t.arg.string({ required: true, description: 'The pack, as YAML text (the format of seeds/*/pack.yaml), at most 5,000,000 characters.', validate: z.string().min(1).max(5_000_000, 'must be at most 5,000,000 characters') }),
      documents: t.arg({ type: [DocumentInput], required: true, description: 'The source documents the pack names, each by its `file`; at most 20.', validate: z.array(z.object({ file: z.string().min(1).max(300), text: z.string().max(5_000_000) })).max(20) }),
    },
    resolve: async (_root, args, { db, curator: by }) => {
      const files = new Map(args.documents.map((d) => [d.file, d.text]));
      let loaded;
      try {
        loaded = await parsePack('pack', args.pack, async (file) => {
          const text = files.get(file);
          if (text === undefined) throw new Error(`no document "${file}" was sent with the pack`);
          return Buffer.from(text);
        });
      } catch (error) {
        if (error instanceof PackError) throw new BadUserInputError(error.message, 'pack');
        throw error;
      }
      await loadPack(db, loaded);
      await curate(db, { by: by!, action: 'importPack', target: loaded.pack.event.id }, async () => true);
      return graphCounts(db);
    },
  }),
}));

async function removeEdge(
  db: import('../db/database.js').Database,
  by: string,
  action: string,
  target: string,
  reason: string | null | undefined,
  statement: string,
  params: Record<string, unknown>,
): Promise<boolean> {
  return curate(db, { by, action, target, details: { reason: reason ?? null } }, async (run) => {
    const [row] = await run(statement, params);
    return (row?.removed as number) > 0;
  });
}
