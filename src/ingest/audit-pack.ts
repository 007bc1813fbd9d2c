/**
 * The support check: does each statement's quote support it? read-pack.ts proves that a quote is
 * on its line; this pass asks whether the line says what the statement claims:
 *
 * - a concept link's quote names the concept (its name or an alias, ignoring case, hyphens and a
 *   plural ending);
 * - a follow-up read's quote has a reading cue ("read", "worth", "look at", "see", ...);
 * - a statement of a talk quotes the talk's lines; a statement of a paper quotes the lines of a
 *   talk that presents it, points to it, or contains the line where the notes name it (a paper
 *   no talk contains quotes its own line).
 *
 * A statement that fails a test is `flagged`, unless the curator wrote why it holds (`why:` on
 * the statement), which makes it `justified`. The same pass counts the papers a reader can open
 * (a DOI, an arXiv id or a URL) and the exceptions the pack explains in `noRecord`.
 */
import type { Evidence, Pack, PackPaper, PackTalk } from './pack-schema.js';

export type Verdict = 'supported' | 'justified' | 'flagged';

export interface AuditedStatement {
  /** Place in the pack, as in read-pack's messages: `talks[3].concepts[1]`. */
  at: string;
  /** Stable across edits that keep the statement: `wasserstein-gan concept wgan`. */
  key: string;
  verdict: Verdict;
  problems: string[];
  why?: string;
}

export interface PackAudit {
  statements: AuditedStatement[];
  counts: Record<Verdict, number>;
  papers: {
    total: number;
    openable: number;
    /** Entries with no identifier, with the pack's reason. */
    exceptions: { id: string; reason: string }[];
    /** Entries with neither an identifier nor a reason: problems. */
    missing: string[];
  };
}

/** Words that tell a reader to go and read something. */
const readingCue = /\b(read|reading|worth|look at|looking at|see|check out|check the|follow[ -]?up|refer to|further|book)\b/i;

/** Lowercase, straight quotes, hyphens and slashes as spaces, single spaces. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[-‐–—_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when `quote` names `term` as a whole word or phrase, perhaps with a plural ending. */
export function names(quote: string, term: string): boolean {
  const escaped = normalize(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z0-9])${escaped}(?:s|es)?(?![a-z0-9])`).test(normalize(quote));
}

export function auditPack(pack: Pack): PackAudit {
  const statements: AuditedStatement[] = [];
  const concepts = new Map(pack.concepts.map((c) => [c.id, [c.name, ...c.aliases]]));

  // The line ranges each paper's statements may quote.
  const ranges = new Map<string, { from: number; to: number }[]>();
  const addRange = (paper: string | undefined, range: { from: number; to: number }) => {
    const known = paper ? (ranges.get(paper) ?? []) : [];
    if (paper && !known.includes(range)) ranges.set(paper, [...known, range]);
  };
  for (const talk of pack.talks) {
    addRange(talk.presents, talk.lines);
    for (const r of talk.references) addRange(r.to, talk.lines);
  }
  for (const paper of pack.papers) {
    const line = paper.source?.line;
    if (line === undefined) continue;
    for (const talk of pack.talks) if (talk.lines.from <= line && line <= talk.lines.to) addRange(paper.id, talk.lines);
    if (!ranges.has(paper.id)) addRange(paper.id, { from: line, to: line });
  }

  const audit = (work: PackTalk | PackPaper, at: string) => {
    const allowed = 'lines' in work ? [work.lines] : (ranges.get(work.id) ?? []);
    const inside = (e: Evidence) => allowed.some((r) => r.from <= e.line && e.line <= r.to);
    const where = allowed.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(', ') || 'none';
    const check = (place: string, key: string, e: Evidence, extra: string[] = []) => {
      const problems = [...extra];
      if (!inside(e)) problems.push(`line ${e.line} is outside the lines of its talk (${where})`);
      const verdict: Verdict = problems.length === 0 ? 'supported' : e.why ? 'justified' : 'flagged';
      statements.push({ at: place, key: `${work.id} ${key}`, verdict, problems, ...(e.why ? { why: e.why } : {}) });
    };

    work.people.forEach((p, j) => p.source && check(`${at}.people[${j}]`, `person ${p.person} ${p.role}`, p.source));
    work.concepts.forEach((c, j) => {
      const terms = concepts.get(c.concept) ?? [];
      const named = terms.some((term) => names(c.quote, term));
      check(
        `${at}.concepts[${j}]`,
        `concept ${c.concept}`,
        c,
        named ? [] : [`the quote names neither "${terms[0] ?? c.concept}" nor an alias`],
      );
    });
    work.links.forEach((l, j) => check(`${at}.links[${j}]`, `link ${l.url}`, l));
    work.references.forEach((r, j) => {
      const cue = r.type !== 'FOLLOW_UP_READ' || readingCue.test(r.quote);
      check(`${at}.references[${j}]`, `reference ${r.type} ${r.to}`, r, cue ? [] : ['a follow-up read whose quote has no reading cue']);
    });
  };
  pack.talks.forEach((talk, i) => audit(talk, `talks[${i}]`));
  pack.papers.forEach((paper, i) => audit(paper, `papers[${i}]`));

  const counts: Record<Verdict, number> = { supported: 0, justified: 0, flagged: 0 };
  for (const s of statements) counts[s.verdict] += 1;

  const openable = pack.papers.filter((p) => p.doi || p.arxiv || p.url);
  const closed = pack.papers.filter((p) => !(p.doi || p.arxiv || p.url));
  return {
    statements,
    counts,
    papers: {
      total: pack.papers.length,
      openable: openable.length,
      exceptions: closed.filter((p) => p.noRecord).map((p) => ({ id: p.id, reason: p.noRecord! })),
      missing: closed.filter((p) => !p.noRecord).map((p) => p.id),
    },
  };
}

/**
 * What became of the statements an earlier audit flagged: `fixed` when the statement is still
 * there and now supported, `removed` when it is gone (the rest are now justified, or still flagged).
 */
export function compareAudits(before: PackAudit, after: PackAudit): { fixed: number; removed: number } {
  const now = new Map(after.statements.map((s) => [s.key, s]));
  let fixed = 0;
  let removed = 0;
  for (const s of before.statements) {
    if (s.verdict !== 'flagged') continue;
    const current = now.get(s.key);
    if (!current) removed += 1;
    else if (current.verdict === 'supported') fixed += 1;
  }
  return { fixed, removed };
}
