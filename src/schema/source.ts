import type { Source } from '../db/loaders.js';
import { builder } from './builder.js';

/** Where a fact comes from: a line of a source document and a verbatim quote from it. */
export const SourceRef = builder.objectRef<Source>('Source').implement({
  description: 'Where a fact comes from: a line of a source document, and a verbatim quote from that line.',
  fields: (t) => ({
    document: t.exposeString('document', { description: 'The id of the source document (e.g. "icml-2017-notes").' }),
    line: t.exposeInt('line', { description: 'The 1-based line of the document.' }),
    quote: t.exposeString('quote', { description: 'The words on that line that support the fact.' }),
  }),
});

/** Reads the source stored as sourceDocument/sourceLine/sourceQuote properties of a node. */
export function nodeSource(node: Record<string, unknown>): Source | null {
  if (node.sourceLine == null) return null;
  return { document: node.sourceDocument as string, line: node.sourceLine as number, quote: node.sourceQuote as string };
}
