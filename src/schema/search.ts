import { search, type SearchHit } from '../db/repository.js';
import { builder } from './builder.js';
import { pageParams, toConnectionWith } from './pagination.js';
import { ConceptRef, PaperRef, PersonRef, TalkRef } from './refs.js';
import { searchText } from './validation.js';

const SearchTypeEnum = builder.enumType('SearchType', { values: ['TALK', 'PAPER', 'CONCEPT', 'PERSON'] as const });
const LABELS = { TALK: 'Talk', PAPER: 'Paper', CONCEPT: 'Concept', PERSON: 'Person' } as const;

const SearchResultRef = builder.unionType('SearchResult', {
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
        query: t.arg.string({ required: true, validate: searchText }),
        types: t.arg({ type: [SearchTypeEnum], required: false, description: 'Only these kinds (default: all).' }),
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
        score: e.float({ description: 'Relevance; higher is better.', resolve: (edge) => (edge as unknown as { score: number }).score }),
      }),
    },
  ),
);
