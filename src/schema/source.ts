import type { Entity, Source } from '../model/rows.js';
import { builder } from './builder.js';

const SourceOriginRef = builder.enumType('SourceOrigin', {
  description: 'How a fact that neither the notes nor a curator wrote came into the graph.',
  values: {
    AUTOMATIC: {
      description: "Found by an import: a concept's name or alias in a title or abstract, or its meaning (see `foundBy`), quoted.",
    },
    PUBLIC_RECORD: { description: 'Taken from a bibliographic record (an author list, a reference list).' },
  } as const,
});

const FoundByRef = builder.enumType('FoundBy', {
  description: 'How an import found that a work discusses a concept.',
  values: {
    WORDS: { description: "The concept's name or alias is in the title, abstract or subjects; the quote is the sentence that names it." },
    MEANING: {
      description:
        "The work's text embedding is close to the concept's; the quote is the sentence of the title or abstract closest in meaning, and `confidence` the cosine similarity.",
    },
  } as const,
});

/** Where a fact comes from: a line of a source document and a verbatim quote from it. */
export const SourceRef = builder.objectRef<Source>('Source').implement({
  description:
    'Where a fact comes from: a line of a source document and a verbatim quote from that line, or, for facts ' +
    'curators added from elsewhere, the address where the quote can be read.',
  fields: (t) => ({
    document: t.string({
      nullable: true,
      description: 'The id of the source document (e.g. "icml-2017-notes").',
      resolve: (s) => s.document ?? null,
    }),
    line: t.int({ nullable: true, description: 'The 1-based line of the document.', resolve: (s) => s.line ?? null }),
    quote: t.exposeString('quote', { description: 'The words that support the fact.' }),
    url: t.string({
      nullable: true,
      description: 'Where the quote can be read, for a fact from outside the stored documents.',
      resolve: (s) => s.url ?? null,
    }),
    record: t.string({
      nullable: true,
      description:
        'For a fact imported from a bibliographic file: the id of the record in it (a citation key, an OpenAlex or arXiv id); `document` is then the file name and `line` the line the record starts on.',
      resolve: (s) => s.record ?? null,
    }),
    field: t.string({
      nullable: true,
      description:
        'For an imported fact: the record\'s field it comes from, as the file names it ("title", "abstract_inverted_index", "author").',
      resolve: (s) => s.field ?? null,
    }),
    origin: t.field({
      type: SourceOriginRef,
      nullable: true,
      description:
        'How the fact was found when it was not written by the notes or a curator; null for those, which always outrank the others.',
      resolve: (s) => (s.origin === 'AUTOMATIC' || s.origin === 'PUBLIC_RECORD' ? s.origin : null),
    }),
    confidence: t.float({
      nullable: true,
      description:
        'For an AUTOMATIC fact: how sure the matcher is, from 0 to 1 (by words: 0.9 for a name in a title, down to 0.6 for an alias in an abstract; by meaning: the cosine similarity of the embeddings).',
      resolve: (s) => s.confidence ?? null,
    }),
    foundBy: t.field({
      type: FoundByRef,
      nullable: true,
      description: 'For an AUTOMATIC concept link: found by words or by meaning; null for every other fact.',
      resolve: (s) => (s.matchedBy === 'MEANING' ? 'MEANING' : s.origin === 'AUTOMATIC' ? 'WORDS' : null),
    }),
  }),
});

/** Reads the source stored as sourceDocument/sourceLine/sourceQuote properties of a node. */
export function nodeSource(node: Entity): Source | null {
  if (node.sourceQuote == null) return null;
  return {
    document: node.sourceDocument ?? null,
    line: node.sourceLine ?? null,
    quote: node.sourceQuote,
    ...(node.sourceRecord ? { record: node.sourceRecord, field: node.sourceField ?? null, origin: 'PUBLIC_RECORD' } : {}),
  };
}
