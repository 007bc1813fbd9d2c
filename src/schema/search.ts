import { search, type SearchHit } from '../db/repository.js';
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
        'Full-text search over titles, summaries, concept names and aliases, definitions and people, ranked by ' +
        'relevance. Any characters may be typed. When the words as typed never occur together, small typos in words of ' +
        'five letters or more are forgiven.',
      args: {
        query: t.arg.string({ required: true, description: 'The words to find, 1 to 200 characters; any characters may be typed (no query syntax).', validate: searchText }),
        types: t.arg({ type: [SearchTypeEnum], required: false, description: 'Only results of these kinds (default: all).' }),
      },
      resolve: async (_root, args, { db }) => {
        const { offset, limit } = pageParams(args);
        const labels = (args.types ?? []).map((type) => LABELS[type]);
        const page = await search(db, args.query, labels, { offset, limit });
        return { ...toConnectionWith(page, offset, (hit: SearchHit) => ({ node: hit.node, score: hit.score })), typosForgiven: page.typosForgiven };
      },
    },
    {
      name: 'SearchConnection',
      fields: (c) => ({
        typosForgiven: c.boolean({
          description: 'True when the words as typed never occur together, so words within one typo of them matched too.',
          resolve: (connection) => (connection as unknown as { typosForgiven: boolean }).typosForgiven,
        }),
      }),
    },
    {
      name: 'SearchEdge',
      fields: (e) => ({
        score: e.float({ description: "Relevance: Lucene's score of the match, higher is better; comparable only within one search.", resolve: (edge) => (edge as unknown as { score: number }).score }),
      }),
    },
  ),
);
