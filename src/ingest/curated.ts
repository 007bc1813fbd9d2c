/**
 * Curation survives a reload. The curation writes (cypher/curation/) remember what a curator
 * changed: the fields set on a node (`curatedFields`), the relationships made or sourced again
 * (`curatedBy`/`curatedAt`), and the concept links and references removed (`removedConcepts`,
 * `removedReferences` on the work). Before a pack is written again, `reconcile` compares the
 * pack with those marks: where the pack disagrees, the curated value is kept and the
 * disagreement reported, or, with `overwriteCurated`, the pack's value is written and what was
 * dropped is reported.
 */
import type { Plain } from '../model/rows.js';
import { isOneOf } from '../model/vocabulary.js';
import type { Pack, PackPaper, PackTalk } from './pack-schema.js';

/** A pack node's curation marks, as cypher/ingest/curated-nodes.cypher reads them. */
export interface CuratedNode {
  id: string;
  curatedFields: string[];
  removedConcepts: string[];
  removedReferences: string[];
  /** The curator who changed the node last, and when. */
  by: string | null;
  at: string | null;
  /** The node's values now, by field (a talk's day and session by id). */
  values: Record<string, Plain>;
}

/** A curated relationship out of a pack node, as cypher/ingest/curated-relationships.cypher reads it. */
export interface CuratedRelationship {
  from: string;
  type: string;
  to: string;
  document: string | null;
  line: number | null;
  quote: string | null;
  url: string | null;
  by: string | null;
  at: string | null;
}

/** A pack concept a curator merged into another (mergeConcepts), as cypher/ingest/merged-concepts.cypher reads it. */
export interface MergedConcept {
  gone: string;
  keep: string;
  by: string | null;
  at: string | null;
}

/** One place where the pack and the curated graph disagree. */
export interface CurationDifference {
  /** The node id, or the relationship as "from TYPE to". */
  target: string;
  /**
   * The field, or `source` for a relationship's evidence, `removed` for a link a curator removed,
   * `mergedInto` for a concept a curator merged into another.
   */
  field: string;
  /** The curated value (for a removal: "removed"). */
  curated: Plain;
  /** What the pack says: a value of the pack, or text. */
  pack: unknown;
  by: string | null;
  at: string | null;
}

export interface CurationReport {
  /** Disagreements where the curated value was kept (a reload without overwriteCurated). */
  kept: CurationDifference[];
  /** Curated values the pack's replaced (a reload with overwriteCurated). */
  dropped: CurationDifference[];
}

/** Curation marks to write back after an overwriting reload: null removes a mark. */
export interface CurationMarks {
  id: string;
  curatedFields: string[] | null;
  removedConcepts: string[] | null;
  removedReferences: string[] | null;
}

export interface Reconciled {
  /** The pack to write: curated values in place of the pack's, removed facts left out (unless overwriting). */
  pack: Pack;
  report: CurationReport;
  /** With overwriteCurated: the marks left on each curated node. Empty otherwise. */
  marks: CurationMarks[];
  /** With overwriteCurated: the merged concepts the pack brings back. Empty otherwise. */
  unmerged: string[];
}

/** The ids of the nodes a pack writes that curators can change. */
export function curatableIds(pack: Pack): string[] {
  return [...pack.talks, ...pack.papers, ...pack.people, ...pack.concepts].map((n) => n.id);
}

/** The fields each kind of node can have curated, as the pack names them. */
const curatableFields = {
  talk: ['title', 'kind', 'day', 'session', 'summary', 'order'],
  paper: ['title', 'year', 'venue', 'arxiv', 'url'],
  person: ['name', 'aliases', 'affiliation'],
  concept: ['name', 'aliases', 'definition'],
} as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const evidenceText = (e: { document?: string | null; line?: number | null; quote?: string | null; url?: string | null }) =>
  e.url ? `${e.url}: "${e.quote ?? ''}"` : `${e.document ?? ''}:${e.line ?? ''}: "${e.quote ?? ''}"`;

export function reconcile(
  pack: Pack,
  nodes: readonly CuratedNode[],
  relationships: readonly CuratedRelationship[],
  merged: readonly MergedConcept[],
  overwriteCurated: boolean,
): Reconciled {
  const copy: Pack = structuredClone(pack);
  const report: CurationReport = { kept: [], dropped: [] };
  const marks: CurationMarks[] = [];
  const unmerged: string[] = [];
  const curated = new Map(nodes.map((n) => [n.id, n]));
  const curatedEdges = new Map(relationships.map((r) => [`${r.from} ${r.type} ${r.to}`, r]));
  const defaultDocument = copy.documents[0]!.id;

  const differ = (difference: CurationDifference) => (overwriteCurated ? report.dropped : report.kept).push(difference);

  // A concept a curator merged into another stays merged: the pack's statements about it are about the other.
  for (const m of merged) {
    const concept = copy.concepts.find((c) => c.id === m.gone);
    if (!concept) continue;
    differ({ target: m.gone, field: 'mergedInto', curated: m.keep, pack: concept.name, by: m.by, at: m.at });
    if (overwriteCurated) {
      unmerged.push(m.gone);
      continue;
    }
    copy.concepts = copy.concepts.filter((c) => c.id !== m.gone);
    const into = (ids: string[], self: string) => [...new Set(ids.map((id) => (id === m.gone ? m.keep : id)))].filter((id) => id !== self);
    for (const c of copy.concepts) {
      c.broader = into(c.broader, c.id);
      c.related = into(c.related, c.id);
    }
    for (const work of [...copy.talks, ...copy.papers]) {
      const has = new Set(work.concepts.map((c) => c.concept));
      work.concepts = work.concepts
        .filter((c) => c.concept !== m.gone || !has.has(m.keep))
        .map((c) => (c.concept === m.gone ? { ...c, concept: m.keep } : c));
    }
  }

  const fields = (kind: keyof typeof curatableFields, items: ({ id: string } & Record<string, unknown>)[]) => {
    for (const item of items) {
      const node = curated.get(item.id);
      if (!node) continue;
      const left: string[] = [];
      for (const field of node.curatedFields) {
        if (!isOneOf(curatableFields[kind], field)) continue;
        const value = node.values[field] ?? null;
        const incoming = item[field];
        // A field the pack leaves out is not a disagreement: the curated value stays, even when overwriting.
        if (incoming === undefined) {
          if (value !== null) item[field] = value;
          left.push(field);
          continue;
        }
        if (!same(value, incoming)) differ({ target: node.id, field, curated: value, pack: incoming, by: node.by, at: node.at });
        if (!overwriteCurated) {
          item[field] = value;
          left.push(field);
        }
      }
      if (overwriteCurated)
        marks.push({ id: node.id, curatedFields: left.length ? left : null, removedConcepts: null, removedReferences: null });
    }
  };
  fields('talk', copy.talks);
  fields('paper', copy.papers);
  fields('person', copy.people);
  fields('concept', copy.concepts);

  // Relationships: a link a curator removed stays removed; one a curator sourced keeps its source.
  const marksOf = (id: string) => {
    let mark = marks.find((m) => m.id === id);
    if (!mark) {
      const node = curated.get(id);
      mark = { id, curatedFields: node?.curatedFields.length ? node.curatedFields : null, removedConcepts: null, removedReferences: null };
      marks.push(mark);
    }
    return mark;
  };
  const works: (PackTalk | PackPaper)[] = [...copy.talks, ...copy.papers];
  for (const work of works) {
    const node = curated.get(work.id);
    const removedConcepts = new Set(node?.removedConcepts ?? []);
    const removedReferences = new Set(node?.removedReferences ?? []);
    const keep = <T extends { document?: string; line: number; quote: string }>(
      type: string,
      to: string,
      removed: Set<string>,
      entry: T,
    ) => {
      const target = `${work.id} ${type} ${to}`;
      const evidence = { document: entry.document ?? defaultDocument, line: entry.line, quote: entry.quote };
      if (node && removed.has(type === 'DISCUSSES' ? to : `${type} ${to}`)) {
        differ({ target, field: 'removed', curated: 'removed', pack: evidenceText(evidence), by: node.by, at: node.at });
        if (overwriteCurated) removed.delete(type === 'DISCUSSES' ? to : `${type} ${to}`);
        return overwriteCurated;
      }
      const edge = curatedEdges.get(target);
      if (!edge) return true;
      if (!same([edge.document, edge.line, edge.quote, edge.url], [evidence.document, evidence.line, evidence.quote, null])) {
        differ({ target, field: 'source', curated: evidenceText(edge), pack: evidenceText(evidence), by: edge.by, at: edge.at });
      }
      // Without overwriting, the curated relationship is left as it is (clear-pack-relationships keeps it).
      return overwriteCurated;
    };
    work.concepts = work.concepts.filter((c) => keep('DISCUSSES', c.concept, removedConcepts, c));
    work.references = work.references.filter((r) => keep(r.type, r.to, removedReferences, r));
    if (overwriteCurated && node) {
      const mark = marksOf(work.id);
      mark.removedConcepts = removedConcepts.size ? [...removedConcepts] : null;
      mark.removedReferences = removedReferences.size ? [...removedReferences] : null;
    }
  }
  return { pack: copy, report, marks, unmerged };
}

/** The report as text, for the command line: one line per disagreement. */
export function formatCuration(report: CurationReport): string {
  const line = (d: CurationDifference) =>
    `  ${d.target}.${d.field}: curated ${JSON.stringify(d.curated)}${d.by ? ` (by ${d.by}${d.at ? ` at ${d.at}` : ''})` : ''}, pack ${JSON.stringify(d.pack)}`;
  const lines: string[] = [];
  if (report.kept.length) {
    lines.push(`Kept ${report.kept.length} curated value(s) where the pack disagrees (--overwrite-curated drops them):`);
    lines.push(...report.kept.map(line));
  }
  if (report.dropped.length) {
    lines.push(`Dropped ${report.dropped.length} curated value(s) for the pack's (--overwrite-curated):`);
    lines.push(...report.dropped.map(line));
  }
  return lines.join('\n');
}
