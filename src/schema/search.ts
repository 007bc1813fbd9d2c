import { type HybridHit, type SearchMode, searchNodes } from '../embed/search.js';
import { builder } from './builder.js';
import { pageParams, toConnectionWith } from './pagination.js';
import { ConceptRef, PaperRef, PersonRef, TalkRef } from './refs.js';
import { searchText } from './validation.js';

const SearchTypeEnum = builder.enumType('SearchType', {
  description: 'A kind of search result.',
  values: {
    TALK: { description: 'Talks, matched on title, summary, and the names of their concepts and people.' },
    PAPER: { description: 'Papers, matched on title, and the names of their concepts and people.' },
    CONCEPT: { description: 'Concepts, matched on name, aliases and definition.' },
    PERSON: { description: 'People, matched on name and aliases.' },
  },
});
const LABELS = { TALK: 'Talk', PAPER: 'Paper', CONCEPT: 'Concept', PERSON: 'Person' } as const;
const SearchModeEnum = builder.enumType('SearchMode', {
  description: 'How search ranks. README "Search by meaning" explains the fusion.',
  values: {
    LEXICAL: { description: 'By the words typed (full-text), forgiving small typos.' },
    SEMANTIC: { description: 'By meaning: cosine similarity of sentence embeddings of the query and each text.' },
    HYBRID: { description: 'Both rankings fused by reciprocal rank (1 / (60 + rank) summed over the two lists).' },
  },
});
const MatchKindEnum = builder.enumType('MatchKind', {
  description: 'Why a search hit matched.',
  values: {
    EXACT_NAME: { description: 'Its name, title or an alias is exactly the query; such hits come first.' },
    WORDS: { description: 'The words of the query occur in its text (see wordScore).' },
    MEANING: { description: 'Its text is close in meaning to the query (see similarity); no word need be shared.' },
    CONCEPT: { description: 'It discusses a concept whose text is close in meaning to the query (see concepts).' },
  },
});

/**
 * Pothos types a connection's edges and the connection by their declared fields; `search` resolves
 * them with the hit and the page's mode beside those, which these read back.
 */
const isHit = (edge: object): edge is HybridHit => 'matchedBy' in edge && 'score' in edge;
const hitOf = (edge: object): HybridHit => {
  if (!isHit(edge)) throw new Error('a SearchEdge without its hit');
  return edge;
};
const modeOf = (connection: object): SearchMode => {
  const mode = 'mode' in connection ? connection.mode : undefined;
  if (mode === 'LEXICAL' || mode === 'SEMANTIC' || mode === 'HYBRID') return mode;
  throw new Error('a SearchConnection without its mode');
};

const SearchResultRef = builder.unionType('SearchResult', {
  description: 'What a search finds: a talk, paper, concept or person. Ask for fields with `... on Talk { title }`.',
  types: [TalkRef, PaperRef, ConceptRef, PersonRef],
  resolveType: (node) => node.__type,
});

builder.queryField('search', (t) =>
  t.connection(
    {
      type: SearchResultRef,
      description:
        'Search over titles, summaries, concept names and aliases, definitions and people, by words and by meaning ' +
        '(HYBRID, the default when the embedding model is loaded; see `semantic`). Any characters may be typed. When ' +
        'the words as typed never occur together, small typos in words of five letters or more are forgiven. Exact ' +
        'names and aliases come first. People are found by words only.',
      args: {
        query: t.arg.string({
          required: true,
          description: 'The words to find, 1 to 200 characters; any characters may be typed (no query syntax).',
          validate: searchText,
        }),
        types: t.arg({ type: [SearchTypeEnum], required: false, description: 'Only results of these kinds (default: all).' }),
        mode: t.arg({ type: SearchModeEnum, required: false, description: 'Default HYBRID; LEXICAL when the model is missing.' }),
      },
      resolve: async (_root, args, { db, embedder }) => {
        const { offset, limit } = pageParams(args);
        const labels = (args.types ?? []).map((type) => LABELS[type]);
        const page = await searchNodes(db, embedder, args.query, labels, args.mode ?? null, { offset, limit });
        return { ...toConnectionWith(page, offset, (hit: HybridHit) => hit), typosForgiven: page.typosForgiven, mode: page.mode };
      },
    },
    {
      name: 'SearchConnection',
      fields: (c) => ({
        typosForgiven: c.boolean({
          description: 'True when a word of the query occurs nowhere as typed and was matched within one typo; false otherwise.',
          resolve: (connection) => 'typosForgiven' in connection && connection.typosForgiven === true,
        }),
        semantic: c.boolean({
          description: 'True when meaning was searched; false when the search matched words only (LEXICAL asked, or no embedding model).',
          resolve: (connection) => modeOf(connection) !== 'LEXICAL',
        }),
        mode: c.field({
          type: SearchModeEnum,
          description: 'The mode used.',
          resolve: (connection) => modeOf(connection),
        }),
      }),
    },
    {
      name: 'SearchEdge',
      fields: (e) => ({
        score: e.float({
          description:
            'Relevance; higher is better. LEXICAL: Lucene score; SEMANTIC: cosine similarity; HYBRID: fused score. Exact names come first whatever their score.',
          resolve: (edge) => hitOf(edge).score,
        }),
        matchedBy: e.field({
          type: [MatchKindEnum],
          description: 'Why it matched: the words, the meaning, or both (and first, an exact name).',
          resolve: (edge) => hitOf(edge).matchedBy,
        }),
        wordScore: e.float({
          nullable: true,
          description: 'Lucene score, when the words matched.',
          resolve: (edge) => hitOf(edge).wordScore,
        }),
        similarity: e.float({
          nullable: true,
          description: 'Cosine similarity (-1 to 1) of the embeddings of the query and this text, when it matched by meaning.',
          resolve: (edge) => hitOf(edge).similarity,
        }),
        concepts: e.field({
          type: [ConceptRef],
          description: 'HYBRID: the concepts close in meaning to the query that this work discusses (matchedBy CONCEPT).',
          resolve: (edge) => hitOf(edge).concepts,
        }),
      }),
    },
  ),
);
