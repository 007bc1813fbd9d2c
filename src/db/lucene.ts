/**
 * Turns what a person types into a safe Lucene query for the full-text index: every special
 * character is escaped, boolean keywords lose their meaning, and each word may match exactly
 * (boosted) or with small typos (fuzzy, for words of five letters or more).
 */
const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export function escapeLucene(word: string): string {
  return word.replace(SPECIAL, (ch) => `\\${ch}`);
}

/** Returns null when the text holds nothing searchable (only punctuation, say). */
export function luceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[\s+\-!(){}[\]^"~*?:\\/&|,.;]+/)
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (words.length === 0) return null;
  const clauses = words.map((word) => {
    const escaped = escapeLucene(word);
    // Lowercased "and", "or", "not" are plain words to Lucene; only the upper-case ones are operators.
    return word.length >= 5 ? `(${escaped}^2 OR ${escaped}~1)` : escaped;
  });
  const phrase = words.length > 1 ? ` OR "${words.map(escapeLucene).join(' ')}"^4` : '';
  return `(${clauses.join(' AND ')})${phrase} OR (${clauses.join(' OR ')})`;
}
