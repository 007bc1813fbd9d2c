import type { Source } from '../model/rows.js';
import { builder } from './builder.js';

/** Where a fact comes from: a line of a source document and a verbatim quote from it. */
export const SourceRef = builder.objectRef<Source>('Source').implement({
  description:
    'Where a fact comes from: a line of a source document and a verbatim quote from that line, or, for facts ' +
    'curators added from elsewhere, the address where the quote can be read.',
  fields: (t) => ({
    document: t.string({ nullable: true, description: 'The id of the source document (e.g. "icml-2017-notes").', resolve: (s) => s.document ?? null }),
    line: t.int({ nullable: true, description: 'The 1-based line of the document.', resolve: (s) => s.line ?? null }),
    quote: t.exposeString('quote', { description: 'The words that support the fact.' }),
    url: t.string({ nullable: true, description: 'Where the quote can be read, for a fact from outside the stored documents.', resolve: (s) => s.url ?? null }),
  }),
});

/** Reads the source stored as sourceDocument/sourceLine/sourceQuote properties of a node. */
export function nodeSource(node: Record<string, unknown>): Source | null {
  if (node.sourceLine == null) return null;
  return { document: node.sourceDocument as string, line: node.sourceLine as number, quote: node.sourceQuote as string };
}
