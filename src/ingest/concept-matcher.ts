/**
 * Finds the graph's concepts in a record's title, abstract and subject names: whole words only,
 * names and aliases, a trailing plural "s" or "es" allowed. A term with two or more capitals (an
 * acronym or a coined name: "GAN", "WGAN", "CycleGAN") matches only with the same case, so "GAN"
 * is not found in "organ" nor in "gan"; other terms match in any case, and lowercase terms under
 * four letters are ignored as too ambiguous.
 *
 * The text is split into words once and every run of up to `longest` words is looked up in two
 * maps (exact and lowercased), so a record costs the same whatever the vocabulary's size.
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

interface Entry {
  concept: string;
  alias: boolean;
}

const QUOTE_MAX = 240;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export class ConceptMatcher {
  private readonly exact = new Map<string, Entry>();
  private readonly lower = new Map<string, Entry>();
  private readonly folded = new Map<string, Entry>();
  private readonly longest: number;
  /** The first word of every term, lowercased: most words start none, and are skipped at once. */
  private readonly starts = new Set<string>();

  constructor(concepts: ConceptTerms[]) {
    let longest = 1;
    for (const concept of concepts) {
      for (const [i, term] of [concept.name, ...concept.aliases].entries()) {
        const words = [...term.matchAll(WORD)].map((m) => m[0]);
        if (words.length === 0) continue;
        const entry = { concept: concept.id, alias: i > 0 };
        const key = words.join(' ');
        if ((term.match(/\p{Lu}/gu) ?? []).length >= 2) {
          if (!this.exact.has(key)) this.exact.set(key, entry);
        } else if (key.length >= 4) {
          if (!this.lower.has(key.toLowerCase())) this.lower.set(key.toLowerCase(), entry);
        } else continue;
        if (!this.folded.has(foldText(term))) this.folded.set(foldText(term), entry);
        longest = Math.max(longest, words.length);
        this.starts.add(words[0]!.toLowerCase());
      }
    }
    this.longest = longest;
  }

  /** The concepts a record discusses, one match per concept (the most confident). */
  match(record: WorkRecord): ConceptMatch[] {
    const best = new Map<string, ConceptMatch>();
    const keep = (m: ConceptMatch) => {
      const current = best.get(m.concept);
      if (!current || current.confidence < m.confidence) best.set(m.concept, m);
    };
    const scan = (text: string, field: string, nameConfidence: number) => {
      const words = [...text.matchAll(WORD)];
      for (let i = 0; i < words.length; i++) {
        if (!this.starts.has(words[i]![0].toLowerCase())) continue;
        for (let n = 1; n <= this.longest && i + n <= words.length; n++) {
          const phrase = words
            .slice(i, i + n)
            .map((w) => w[0])
            .join(' ');
          const entry =
            this.lookup(phrase) ??
            (phrase.endsWith('s') ? (this.lookup(phrase.slice(0, -1)) ?? this.lookup(phrase.replace(/es$/, ''))) : undefined);
          if (entry)
            keep({
              concept: entry.concept,
              field,
              quote: sentenceAround(text, words[i]!.index),
              confidence: entry.alias ? nameConfidence - 0.1 : nameConfidence,
            });
        }
      }
    };
    scan(record.title, record.fields.title ?? 'title', 0.9);
    if (record.abstract) scan(record.abstract, record.fields.abstract ?? 'abstract', 0.7);
    for (const subject of record.concepts) {
      const entry = this.folded.get(foldText(subject));
      if (entry) keep({ concept: entry.concept, field: record.fields.concepts ?? 'concepts', quote: subject, confidence: 0.8 });
    }
    return [...best.values()];
  }

  private lookup(phrase: string): Entry | undefined {
    return this.exact.get(phrase) ?? this.lower.get(phrase.toLowerCase());
  }
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
