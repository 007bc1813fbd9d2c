/** ResolvedConcept: how free text in an argument was taken to stand for a concept (src/embed/resolve-concept.ts). */
import type { ResolvedConcept } from '../embed/resolve-concept.js';
import { builder } from './builder.js';
import { ConceptRef } from './refs.js';

const ResolutionEnum = builder.enumType('ConceptResolution', {
  description: 'How free text was taken to stand for a concept, in the order they are tried.',
  values: {
    EXACT: { description: "The concept's name, ignoring case, or its id." },
    ALIAS: { description: 'One of its aliases, ignoring case.' },
    FUZZY: { description: 'A name or alias within a few typos (score: edit similarity, at least 0.8).' },
    SEMANTIC: { description: 'Close in meaning to its name, aliases and definition (score: cosine similarity).' },
  },
});

export const ResolvedConceptRef = builder.objectRef<ResolvedConcept>('ResolvedConcept').implement({
  description: 'A concept that free text was taken to stand for, and how.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The text as the argument gave it.' }),
    concept: t.field({ type: ConceptRef, description: 'The concept the text was taken to stand for.', resolve: (r) => r.concept }),
    how: t.field({
      type: ResolutionEnum,
      description: 'How: its name, an alias, a close spelling, or its meaning.',
      resolve: (r) => r.how,
    }),
    score: t.exposeFloat('score', { description: '1 for EXACT and ALIAS; edit similarity for FUZZY; cosine similarity for SEMANTIC.' }),
  }),
});

/** What an argument that takes a concept as free text accepts, for its description. */
export const CONCEPT_TEXT =
  'a concept by id, name or alias, any case ("ewc"); else free text, taken as the concept within a few typos ' +
  '("Wasserstien distance") or, failing that, the closest in meaning ("generating speech from text"); NOT_FOUND, ' +
  'naming the nearest concepts, when none is close enough';

/** A connection's `resolvedConcepts`: what its `concept` argument was taken to stand for (the resolver puts it on the connection). */
export const resolvedConceptsOf = (connection: object): ResolvedConcept[] =>
  'resolvedConcepts' in connection ? (connection.resolvedConcepts as ResolvedConcept[]) : [];

export const RESOLVED_CONCEPTS_OF_FILTER =
  'What the `concept` argument was taken to stand for, and how; several when the text is about as close in meaning ' +
  'to each (the list then holds the works of any of them). Empty without `concept`.';
