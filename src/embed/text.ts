/**
 * The text embedded for each kind of node, and its hash (stored beside the vector, so that only
 * what changed is embedded again). Works: title, summary or abstract, and the names of the
 * concepts they discuss (papers of the seed have only a title). Concepts: name, aliases, definition.
 */
import { createHash } from 'node:crypto';

export interface EmbeddableRow {
  id: string;
  kind: 'Talk' | 'Paper' | 'Concept';
  title?: string | null;
  summary?: string | null;
  abstract?: string | null;
  /** The names and aliases of the concepts a work discusses, separated by " | " (set by ingest). */
  conceptText?: string | null;
  name?: string | null;
  aliases?: string[] | null;
  definition?: string | null;
}

const sentence = (text: string | null | undefined) => {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? '' : /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/**
 * What a concept's second vector embeds: its definition alone, or null (not a concept, or none).
 * A phrasing of what a concept is often lies nearer its definition than its whole text, where the
 * name and aliases weigh as much as the definition (bench/RESULTS.md, 2026-12-08).
 */
export function definitionText(row: EmbeddableRow): string | null {
  return row.kind === 'Concept' && row.definition?.trim() ? sentence(row.definition) : null;
}

export function embeddedText(row: EmbeddableRow): string {
  if (row.kind === 'Concept') {
    const aliases = row.aliases?.length ? ` (${row.aliases.join(', ')})` : '';
    return [sentence(`${row.name ?? ''}${aliases}`), sentence(row.definition)].filter(Boolean).join(' ');
  }
  const topics = (row.conceptText ?? '')
    .split('|')
    .map((t) => t.trim())
    .filter(Boolean)
    .sort() // ingest collects them in no particular order
    .join(', ');
  return [sentence(row.title), sentence(row.summary ?? row.abstract), topics ? sentence(`Topics: ${topics}`) : '']
    .filter(Boolean)
    .join(' ');
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
