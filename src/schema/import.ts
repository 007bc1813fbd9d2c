/**
 * The importPack mutation: a whole knowledge pack (the YAML format of seeds/) sent as text with
 * its documents, checked and written by src/ingest/import-pack.ts.
 */
import { z } from 'zod';
import type { CurationDifference, CurationReport } from '../ingest/curated.js';
import { importPack } from '../ingest/import-pack.js';
import { builder } from './builder.js';
import { curatorOf, curatorOnly } from './curation.js';

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
const CurationDifferenceRef = builder.objectRef<CurationDifference>('CurationDifference').implement({
  description: 'A place where an imported pack and what curators changed disagree.',
  fields: (t) => ({
    target: t.exposeString('target', { description: 'The node id, or the relationship as "from TYPE to".' }),
    field: t.exposeString('field', {
      description: "The field; `source` for a relationship's evidence; `removed` for a link a curator removed that the pack still has.",
    }),
    curated: t.string({ description: 'The curated value, as JSON.', resolve: (d) => JSON.stringify(d.curated) }),
    pack: t.string({ description: "The pack's value, as JSON.", resolve: (d) => JSON.stringify(d.pack) }),
    by: t.exposeString('by', { nullable: true, description: 'The curator who made the change (for a node: who changed it last).' }),
    at: t.exposeString('at', { nullable: true, description: 'When, as an ISO date-time.' }),
  }),
});

const CurationReportRef = builder.objectRef<CurationReport>('CurationReport').implement({
  description: 'Where an imported pack disagreed with what curators changed, and what became of it.',
  fields: (t) => ({
    kept: t.field({
      type: [CurationDifferenceRef],
      description: 'Curated values kept although the pack says otherwise (an import without overwriteCurated).',
      resolve: (r) => r.kept,
    }),
    dropped: t.field({
      type: [CurationDifferenceRef],
      description: "Curated values replaced by the pack's (an import with overwriteCurated).",
      resolve: (r) => r.dropped,
    }),
  }),
});

const ImportResultRef = builder
  .objectRef<{ labels: Record<string, number>; relationships: Record<string, number>; curation: CurationReport }>('ImportResult')
  .implement({
    description: 'What the database holds after an import: nodes per label and relationships per type.',
    fields: (t) => ({
      curation: t.field({
        type: CurationReportRef,
        description: 'Where the pack disagreed with what curators changed: kept, or with overwriteCurated dropped.',
        resolve: (r) => r.curation,
      }),
      labels: t.field({
        type: [CountRef],
        description: 'Nodes per label.',
        resolve: (r) => Object.entries(r.labels).map(([name, count]) => ({ name, count })),
      }),
      relationships: t.field({
        type: [CountRef],
        description: 'Relationships per type.',
        resolve: (r) => Object.entries(r.relationships).map(([name, count]) => ({ name, count })),
      }),
    }),
  });

builder.mutationFields((t) => ({
  importPack: t.field({
    type: ImportResultRef,
    authScopes: curatorOnly,
    description:
      'Imports a whole knowledge pack (the YAML format of seeds/): checked first, then written all or nothing. Importing it again changes nothing. What curators changed on its nodes and relationships is kept, and each disagreement reported, unless overwriteCurated.',
    args: {
      pack: t.arg.string({
        required: true,
        description: 'The pack, as YAML text (the format of seeds/*/pack.yaml), at most 5,000,000 characters.',
        validate: z.string().min(1).max(5_000_000, 'must be at most 5,000,000 characters'),
      }),
      documents: t.arg({
        type: [DocumentInput],
        required: true,
        description: 'The source documents the pack names, each by its `file`; at most 20.',
        validate: z.array(z.object({ file: z.string().min(1).max(300), text: z.string().max(5_000_000) })).max(20),
      }),
      overwriteCurated: t.arg.boolean({
        defaultValue: false,
        description:
          "Write the pack's values over what curators changed (fields, sourced links, removed links); the result lists what was dropped.",
      }),
    },
    resolve: (_root, args, ctx) => importPack(ctx.db, curatorOf(ctx), args.pack, args.documents, args.overwriteCurated ?? false),
  }),
}));
