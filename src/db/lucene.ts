/**
 * Turns what a person types into safe Lucene queries for the full-text index: every special
 * character is escaped and boolean keywords lose their meaning. Matching the words as typed is
 * cheap; matching them with small typos (fuzzy, for words of five letters or more) costs about
 * twice as much, so search/fulltext asks for typos only when the words as typed never occur
 * together.
 */
const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export function escapeLucene(word: string): string {
  return word.replace(SPECIAL, (ch) => `\\${ch}`);
}

export interface LuceneQueries {
  /** Every word as typed, all in one document: does the text occur as typed? */
  together: string;
  /** All the words (boosted), the phrase (boosted more), or any word: as typed. */
  exact: string;
  /** The same, where each word of five letters or more may also match with one typo. */
  fuzzy: string;
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
  const query = (clause: (word: string, escaped: string) => string) => {
    const clauses = words.map((word) => clause(word, escapeLucene(word)));
    const phrase = words.length > 1 ? ` OR "${words.map(escapeLucene).join(' ')}"^4` : '';
    return `(${clauses.join(' AND ')})${phrase} OR (${clauses.join(' OR ')})`;
  };
  return {
    together: words.map(escapeLucene).join(' AND '),
    exact: query((word, escaped) => (word.length >= 5 ? `${escaped}^2` : escaped)),
    fuzzy: query((word, escaped) => (word.length >= 5 ? `(${escaped}^2 OR ${escaped}~1)` : escaped)),
  };
}
