/**
 * The importPack mutation: a whole knowledge pack (the YAML format of seeds/) sent as text with
 * its documents, checked and written by src/ingest/import-pack.ts.
 */
import { z } from 'zod';
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
const ImportResultRef = builder
  .objectRef<{ labels: Record<string, number>; relationships: Record<string, number> }>('ImportResult')
  .implement({
    description: 'What the database holds after an import: nodes per label and relationships per type.',
    fields: (t) => ({
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
      'Imports a whole knowledge pack (the YAML format of seeds/): checked first, then written all or nothing. Importing it again changes nothing.',
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
    },
    resolve: (_root, args, ctx) => importPack(ctx.db, curatorOf(ctx), args.pack, args.documents),
  }),
}));
