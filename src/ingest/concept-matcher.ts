/**
 * Finds the graph's concepts in a record's title, abstract and subject names: whole words only,
 * names and aliases, a trailing plural "s" allowed. A term with two or more capitals (an acronym
 * or a coined name: "GAN", "WGAN", "CycleGAN") matches only with the same case, so "GAN" is not
 * found in "organ" nor "gan"; other terms match in any case. All terms go into one regular
 * expression per case mode, so a record costs two scans whatever the vocabulary's size.
 */
import { foldText, type WorkRecord } from './records.js';

export interface ConceptTerms {
  id: string;
  name: string;
  aliases: string[];
}

export interface ConceptMatch {
  concept: string;
  /** "title", "abstract" or "concepts", in the record's own words (record.fields). */
  field: string;
  /** The sentence that names the concept, at most 240 characters. */
  quote: string;
  /** 0.9 for a name in the title, 0.8 for an alias there or a subject name, 0.7 / 0.6 in the abstract. */
  confidence: number;
}

const QUOTE_MAX = 240;

export class ConceptMatcher {
  private readonly exact = new Map<string, { concept: string; alias: boolean }>();
  private readonly folded = new Map<string, { concept: string; alias: boolean }>();
  private readonly caseSensitive: RegExp | null;
  private readonly caseInsensitive: RegExp | null;

  constructor(concepts: ConceptTerms[]) {
    const sensitive: string[] = [];
    const insensitive: string[] = [];
    for (const concept of concepts) {
      for (const [i, term] of [concept.name, ...concept.aliases].entries()) {
        const clean = term.trim();
        if (clean.length < 2) continue;
        const entry = { concept: concept.id, alias: i > 0 };
        if (isAcronymLike(clean)) {
          if (!this.exact.has(clean)) this.exact.set(clean, entry);
          sensitive.push(clean);
        } else {
          if (clean.length < 4) continue; // short lowercase words ("rl", "map") are too ambiguous
          const key = clean.toLowerCase();
          if (!this.folded.has(key)) this.folded.set(key, entry);
          insensitive.push(clean);
        }
      }
    }
    this.caseSensitive = termsRegex(sensitive, 'gu');
    this.caseInsensitive = termsRegex(insensitive, 'giu');
  }

  /** The concepts a record discusses, one match per concept (the most confident). */
  match(record: WorkRecord): ConceptMatch[] {
    const best = new Map<string, ConceptMatch>();
    const keep = (m: ConceptMatch) => {
      const current = best.get(m.concept);
      if (!current || current.confidence < m.confidence) best.set(m.concept, m);
    };
    const scan = (text: string, field: string, nameConfidence: number) => {
      for (const [regex, lookup, fold] of [
        [this.caseSensitive, this.exact, false],
        [this.caseInsensitive, this.folded, true],
      ] as const) {
        if (!regex) continue;
        for (const found of text.matchAll(regex)) {
          const word = found[1]!.replace(/\s+/g, ' ');
          const entry = lookup.get(fold ? word.toLowerCase() : word);
          if (!entry) continue;
          keep({ concept: entry.concept, field, quote: sentenceAround(text, found.index!), confidence: entry.alias ? nameConfidence - 0.1 : nameConfidence });
        }
      }
    };
    scan(record.title, record.fields.title ?? 'title', 0.9);
    if (record.abstract) scan(record.abstract, record.fields.abstract ?? 'abstract', 0.7);
    for (const subject of record.concepts) {
      const key = foldText(subject);
      for (const [term, entry] of this.folded) {
        if (foldText(term) === key) keep({ concept: entry.concept, field: record.fields.concepts ?? 'concepts', quote: subject, confidence: 0.8 });
      }
    }
    return [...best.values()];
  }
}

/** Two or more capital letters: an acronym or a coined name, matched case-sensitively. */
function isAcronymLike(term: string): boolean {
  return (term.match(/\p{Lu}/gu) ?? []).length >= 2;
}

function termsRegex(terms: string[], flags: string): RegExp | null {
  if (terms.length === 0) return null;
  // Longest first, so "Wasserstein GAN" wins over "GAN" at the same place.
  const alternatives = [...new Set(terms)].sort((a, b) => b.length - a.length).map(escapeRegex);
  return new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`, flags);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** The sentence around a position, cut to QUOTE_MAX characters around the match when longer. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const from = start === -1 ? 0 : start + 2;
  const endMatch = /[.?!](\s|$)/.exec(text.slice(at));
  const to = endMatch ? at + endMatch.index + 1 : text.length;
  let sentence = text.slice(from, to).trim();
  if (sentence.length > QUOTE_MAX) {
    const offset = Math.max(0, at - from - QUOTE_MAX / 2);
    sentence = text.slice(from + offset, from + offset + QUOTE_MAX).trim();
  }
  return sentence;
}
