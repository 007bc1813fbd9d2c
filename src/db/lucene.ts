/**
 * Turns what a person types into the pieces of safe Lucene queries for the full-text index: every
 * special character is escaped and boolean keywords lose their meaning. search/fulltext allows a
 * typo (one edit, words of five letters or more) only in a word that occurs nowhere as typed.
 */
const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export function escapeLucene(word: string): string {
  return word.replace(SPECIAL, (ch) => `\\${ch}`);
}

/** One word of the text, as the pieces search/fulltext builds its Lucene query from. */
export interface LuceneWord {
  /** The word escaped: does it occur as typed? */
  typed: string;
  /** Its clause when it occurs: boosted when five letters or more. */
  clause: string;
  /** Its clause when it does not occur (a typo): one edit away allowed; null under five letters. */
  fuzzy: string | null;
}

export interface LuceneQueries {
  words: LuceneWord[];
  /** The words as a phrase (boosted), or '' for one word. */
  phrase: string;
}

/** Null when the text holds nothing searchable (only punctuation, say). */
export function luceneQueries(text: string): LuceneQueries | null {
  const words = text
    .toLowerCase()
    .split(/[\s+\-!(){}[\]^"~*?:\\/&|,.;]+/)
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (words.length === 0) return null;
  // Lowercased "and", "or", "not" are plain words to Lucene; only the upper-case ones are operators.
  return {
    words: words.map((word) => {
      const typed = escapeLucene(word);
      const long = word.length >= 5;
      return { typed, clause: long ? `${typed}^2` : typed, fuzzy: long ? `(${typed}^2 OR ${typed}~1)` : null };
    }),
    phrase: words.length > 1 ? `"${words.map(escapeLucene).join(' ')}"^4` : '',
  };
}
