/**
 * The graph back into knowledge packs, one per event (`npm run export`): the pack's own sections
 * rebuilt from the graph (curated values included), its documents' text, and a `graph` section
 * with everything loading those sections does not write (curation marks, imported records,
 * curators' nodes and relationships, unresolved references), plus the curation log. Loading the
 * export into an empty database gives the same graph; exporting that gives the same files.
 *
 * What goes in the sections: the event, its days, sessions and talks (by the pack's own
 * relationships, those that carry the event's id in `pack`), and the papers, people, concepts and
 * links those relationships reach. A relationship goes in only when the pack format says all of
 * it; anything else goes in the graph section, whole.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { Database } from '../db/database.js';
import {
  exportLabels,
  exportRelationshipTypes,
  floatProperties,
  isOneOf,
  referenceTypes,
  temporalProperties,
} from '../model/vocabulary.js';
import { packRows } from './load-pack.js';
import { omitEmpty } from './omit.js';
import {
  conceptLinkSchema,
  conceptSchema,
  daySchema,
  documentSchema,
  eventSchema,
  evidenceSchema,
  linkSchema,
  type Pack,
  type PackPaper,
  type PackTalk,
  type PropertyValue,
  packSchema,
  paperSchema,
  participationSchema,
  personSchema,
  referenceSchema,
  sessionSchema,
  talkSchema,
} from './pack-schema.js';
import { checkPack } from './read-pack.js';

/** A node's or relationship's properties: what Neo4j stores (date-times read as ISO text). */
type Properties = Record<string, PropertyValue>;

export interface GraphNode {
  labels: string[];
  properties: Properties;
  /** [property, Neo4j value type] pairs. */
  types: [string, string][];
}

export interface GraphRelationship {
  from: string;
  type: string;
  to: string;
  toUnresolved: boolean;
  properties: Properties;
  types: [string, string][];
}

export interface GraphChange {
  id: string;
  at: string;
  by: string;
  action: string;
  target: string;
  details: string | null;
  source: string | null;
}

export interface Snapshot {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  changes: GraphChange[];
}

export interface ExportedPack {
  event: string;
  pack: Pack;
  /** Each document's text, by its `file`. */
  documents: { file: string; text: string }[];
}

export class ExportError extends Error {
  override name = 'ExportError';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sameKeys = (props: Properties, keys: string[]) => {
  const present = Object.keys(props).sort();
  return same(present, [...keys].sort());
};
const str = (v: PropertyValue | undefined) => (typeof v === 'string' ? v : undefined);
/** A node's id (a stored entity always has one). */
const idOf = (node: GraphNode) => String(node.properties.id);
/** A document's lines (stored with it by ingest/merge-documents). */
const linesOf = (node: GraphNode) => {
  const lines = node.properties.lines;
  return Array.isArray(lines) ? lines.map(String) : [];
};
const strip = <T extends object>(value: T): T => omitEmpty(value, (v) => v === undefined || v === null);
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

/** Fails unless every date-time and float property is one a restore converts back. */
function checkTypes(where: string, types: [string, string][]) {
  for (const [key, type] of types) {
    if (type.startsWith('ZONED DATETIME') && !isOneOf(temporalProperties, key))
      throw new ExportError(`${where}.${key} is a date-time the restore would not convert back (add it to temporalProperties)`);
    if (type.startsWith('FLOAT') && !isOneOf(floatProperties, key))
      throw new ExportError(`${where}.${key} is a float the restore would not convert back (add it to floatProperties)`);
    if (/DATE|TIME|DURATION|POINT/.test(type) && !type.startsWith('ZONED DATETIME'))
      throw new ExportError(`${where}.${key} is a ${type}, which an export cannot write`);
  }
}

/** Rebuilds one pack per event from a snapshot of the graph. Events in id order; the graph section and log go in the first. */
export function exportPacks(snapshot: Snapshot): ExportedPack[] {
  for (const node of snapshot.nodes) {
    const unknown = node.labels.filter((l) => !isOneOf(exportLabels, l));
    if (unknown.length)
      throw new ExportError(`node ${JSON.stringify(node.properties.id ?? null)} has labels an export cannot write: ${unknown.join(', ')}`);
  }
  for (const r of snapshot.relationships) {
    if (!isOneOf(exportRelationshipTypes, r.type))
      throw new ExportError(`relationship ${r.from} ${r.type} ${r.to}: an export cannot write the type ${r.type}`);
  }
  for (const node of snapshot.nodes) checkTypes(`node ${String(node.properties.id ?? node.properties.key)}`, node.types);
  for (const r of snapshot.relationships) checkTypes(`relationship ${r.from} ${r.type} ${r.to}`, r.types);
  const byId = new Map<string, GraphNode>();
  for (const node of snapshot.nodes) if (node.labels.includes('Entity')) byId.set(idOf(node), node);
  const events = snapshot.nodes.filter((n) => n.labels.includes('Event')).sort(byKey(idOf));
  if (events.length === 0) throw new ExportError('the graph holds no event, so there is no pack to export');

  const inPacks = new Set<string>(); // node ids some pack's sections describe
  const relationshipsInPacks = new Set<GraphRelationship>();
  const patches: { id: string; set: Properties; remove: string[] }[] = [];
  const exported = events.map((event) => {
    const built = buildPack(event, snapshot, byId);
    for (const id of built.nodes) inPacks.add(id);
    for (const r of built.relationships) relationshipsInPacks.add(r);
    patches.push(...built.patches);
    return built;
  });

  const first = exported[0]!;
  const nodes = snapshot.nodes
    .filter((n) => !(n.labels.includes('Entity') && inPacks.has(idOf(n))))
    // Every label is one of exportLabels (checked above): the filter only tells the types so.
    .map((n) => ({ labels: n.labels.filter((l) => isOneOf(exportLabels, l)).sort(), properties: sortKeys(n.properties) }))
    .sort(byKey((n) => `${n.labels.includes('UnresolvedReference') ? 'u' : 'e'} ${String(n.properties.id ?? n.properties.key)}`));
  const relationships = snapshot.relationships
    .filter((r) => !relationshipsInPacks.has(r))
    .flatMap(({ from, type, to, toUnresolved, properties }) =>
      isOneOf(exportRelationshipTypes, type) ? [{ from, type, to, toUnresolved, properties: sortKeys(properties) }] : [],
    )
    .sort(byKey((r) => `${r.from} ${r.type} ${r.to} ${JSON.stringify(r.properties)}`));
  const uniquePatches = new Map(patches.map((p) => [p.id, p]));
  first.pack.graph = {
    nodes,
    properties: [...uniquePatches.values()].sort(byKey((p) => p.id)),
    relationships,
  };
  first.pack.changes = [...snapshot.changes];
  return exported.map(({ pack, documents }) => ({ event: pack.event.id, pack, documents }));
}

function sortKeys(props: Properties): Properties {
  return Object.fromEntries(Object.entries(props).sort(([a], [b]) => a.localeCompare(b)));
}

function buildPack(eventNode: GraphNode, snapshot: Snapshot, byId: Map<string, GraphNode>) {
  const eventId = idOf(eventNode);
  const tagged = snapshot.relationships.filter((r) => r.properties.pack === eventId && r.properties.curatedBy == null);
  const out = (from: string, type: string) => tagged.filter((r) => r.from === from && r.type === type);
  const used = new Set<GraphRelationship>();
  const nodeIds = new Set<string>();

  /** A node's own source, for the schema of its section to check. */
  const source = (p: Properties) =>
    p.sourceDocument != null ? { document: p.sourceDocument, line: p.sourceLine, quote: p.sourceQuote } : undefined;
  const evidenceKeys = ['document', 'line', 'quote', 'pack'];
  /** A relationship's evidence; a value the pack format cannot hold fails the export (ZodError), as the whole pack's check would. */
  const evidenceOf = (r: GraphRelationship) =>
    evidenceSchema.parse(
      strip({ document: r.properties.document, line: r.properties.line, quote: r.properties.quote, why: str(r.properties.why) }),
    );
  /** The value as the pack schema reads it (defaults filled in), or null when the schema refuses it. */
  const valid = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  const structural = (r: GraphRelationship) => sameKeys(r.properties, ['pack']);

  const event = valid(
    eventSchema,
    strip({
      id: eventId,
      name: str(eventNode.properties.name),
      fullName: str(eventNode.properties.fullName),
      location: str(eventNode.properties.location),
      startDate: str(eventNode.properties.startDate),
      endDate: str(eventNode.properties.endDate),
      source: source(eventNode.properties),
    }),
  );
  if (!event) throw new ExportError(`event "${eventId}" cannot be written as a pack's event`);
  nodeIds.add(eventId);

  const days: Pack['days'] = [];
  for (const r of out(eventId, 'HAS_DAY')) {
    const d = byId.get(r.to);
    if (!d || !structural(r)) continue;
    const day = valid(daySchema, { id: r.to, number: d.properties.number, title: d.properties.title, source: source(d.properties) });
    if (!day) continue;
    days.push(day);
    used.add(r);
    nodeIds.add(r.to);
  }
  const dayIds = new Set(days.map((d) => d.id));
  const sessions: Pack['sessions'] = [];
  for (const day of days) {
    for (const r of out(day.id, 'HAS_SESSION')) {
      const s = byId.get(r.to);
      if (!s || !structural(r)) continue;
      const session = valid(sessionSchema, {
        id: r.to,
        title: s.properties.title,
        kind: s.properties.kind,
        day: day.id,
        order: s.properties.order,
        source: source(s.properties),
      });
      if (!session) continue;
      sessions.push(session);
      used.add(r);
      nodeIds.add(r.to);
    }
  }
  const sessionIds = new Set(sessions.map((s) => s.id));

  // Talks: on one of the event's days by the pack's own ON_DAY.
  const talks: PackTalk[] = [];
  for (const r of tagged.filter((x) => x.type === 'ON_DAY' && dayIds.has(x.to) && structural(x))) {
    const t = byId.get(r.from);
    if (!t?.labels.includes('Talk')) continue;
    const inSession = out(r.from, 'IN_SESSION').filter((x) => sessionIds.has(x.to) && structural(x));
    const talk = valid(talkSchema, {
      id: r.from,
      title: t.properties.title,
      titleInSource: t.properties.titleInSource,
      kind: t.properties.kind,
      day: r.to,
      session: inSession[0]?.to ?? null,
      parent: null,
      order: t.properties.order,
      lines: { from: t.properties.lineFrom, to: t.properties.lineTo },
      summary: t.properties.summary,
      source: source(t.properties),
    });
    if (!talk || inSession.length > 1) continue;
    talks.push(talk);
    used.add(r);
    if (inSession[0]) used.add(inSession[0]);
    nodeIds.add(r.from);
  }
  const talkIds = new Set(talks.map((t) => t.id));
  for (const talk of talks) {
    const parent = out(talk.id, 'PART_OF').filter((x) => talkIds.has(x.to) && structural(x));
    if (parent.length === 1) {
      talk.parent = parent[0]!.to;
      used.add(parent[0]!);
    }
  }

  // Papers, people, concepts and links: those the pack's relationships reach.
  const reached = (label: string) =>
    [...new Set(tagged.flatMap((r) => [r.from, r.to]))].filter((id) => byId.get(id)?.labels.includes(label)).sort();
  const papers: PackPaper[] = [];
  for (const id of reached('Paper')) {
    const p = byId.get(id)!.properties;
    const paper = valid(
      paperSchema,
      strip({
        id,
        kind: p.kind,
        title: p.title,
        titleAsWritten: p.titleAsWritten ?? undefined,
        citedAs: p.citedAs ?? undefined,
        year: p.year ?? undefined,
        venue: p.venue ?? undefined,
        arxiv: p.arxiv ?? undefined,
        doi: p.doi ?? undefined,
        url: p.url ?? undefined,
        publicRecord: p.publicRecord,
        noRecord: p.noRecord ?? undefined,
        source: source(p),
      }),
    );
    if (!paper || p.kind == null || !Array.isArray(p.publicRecord)) continue;
    papers.push(paper);
    nodeIds.add(id);
  }
  const people: Pack['people'] = [];
  for (const id of reached('Person')) {
    const p = byId.get(id)!.properties;
    const person = valid(personSchema, strip({ id, name: p.name, aliases: p.aliases, affiliation: p.affiliation ?? undefined }));
    if (!person) continue;
    people.push(person);
    nodeIds.add(id);
  }
  const concepts: Pack['concepts'] = [];
  for (const id of reached('Concept')) {
    const c = byId.get(id)!.properties;
    const concept = valid(conceptSchema, { id, name: c.name, aliases: c.aliases, definition: c.definition, broader: [], related: [] });
    if (!concept) continue;
    concepts.push(concept);
    nodeIds.add(id);
  }
  const paperIds = new Set(papers.map((p) => p.id));
  const personIds = new Set(people.map((p) => p.id));
  const conceptIds = new Set(concepts.map((c) => c.id));
  for (const concept of concepts) {
    for (const [type, list] of [
      ['BROADER', concept.broader],
      ['RELATED_TO', concept.related],
    ] as const) {
      for (const r of out(concept.id, type)
        .filter((x) => conceptIds.has(x.to) && structural(x))
        .sort(byKey((x) => x.to))) {
        list.push(r.to);
        used.add(r);
      }
    }
  }

  const works = [...talks, ...papers];
  const documentIds = new Set(snapshot.nodes.filter((n) => n.labels.includes('Document')).map(idOf));
  const isDocument = (id: PropertyValue | undefined) => typeof id === 'string' && documentIds.has(id);
  // A concept link or reference from the notes, with the curator's reason where the audit needs one.
  const evidenced = (r: GraphRelationship) =>
    sameKeys(r.properties, r.properties.why == null ? evidenceKeys : [...evidenceKeys, 'why']) && isDocument(r.properties.document);
  for (const work of works) {
    for (const r of out(work.id, 'DISCUSSES')
      .filter((x) => conceptIds.has(x.to) && evidenced(x))
      .sort(byKey((x) => x.to))) {
      work.concepts.push(conceptLinkSchema.parse({ concept: r.to, ...evidenceOf(r) }));
      used.add(r);
    }
    for (const r of tagged
      .filter((x) => x.from === work.id && isOneOf(referenceTypes, x.type) && paperIds.has(x.to) && evidenced(x))
      .sort(byKey((x) => `${x.type} ${x.to}`))) {
      work.references.push(referenceSchema.parse({ type: r.type, to: r.to, ...evidenceOf(r) }));
      used.add(r);
    }
    for (const r of tagged
      .filter((x) => x.type === 'CONTRIBUTED_TO' && x.to === work.id && personIds.has(x.from))
      .sort(byKey((x) => `${x.from} ${String(x.properties.role)}`))) {
      const { role, origin, document, line, quote } = r.properties;
      const fromNotes = document != null;
      const keys = fromNotes ? ['role', 'origin', ...evidenceKeys] : ['role', 'origin', 'pack'];
      if (!sameKeys(r.properties, keys) || (fromNotes && !isDocument(document))) continue;
      work.people.push(
        participationSchema.parse(strip({ person: r.from, role, origin, source: fromNotes ? { document, line, quote } : undefined })),
      );
      used.add(r);
    }
    for (const r of out(work.id, 'HAS_LINK').sort(byKey((x) => x.to))) {
      const link = byId.get(r.to);
      const props = r.properties;
      if (!link || !sameKeys(props, ['asWritten', 'corrected', ...evidenceKeys]) || !isDocument(props.document)) continue;
      const l = link.properties;
      if (!sameKeys(l, l.label == null ? ['id', 'url', 'kind'] : ['id', 'url', 'kind', 'label']) || l.id !== l.url) continue;
      if (props.corrected !== (props.asWritten !== l.url)) continue;
      work.links.push(linkSchema.parse(strip({ url: l.url, kind: l.kind, label: l.label, asWritten: props.asWritten, ...evidenceOf(r) })));
      used.add(r);
      nodeIds.add(r.to);
    }
  }
  for (const talk of talks) {
    const presents = out(talk.id, 'PRESENTS').filter((x) => paperIds.has(x.to) && structural(x));
    if (presents.length === 1) {
      talk.presents = presents[0]!.to;
      used.add(presents[0]!);
    }
  }

  // Documents: every stored document the pack's evidence names (the event's first).
  const named = new Set<string>();
  const note = (e: { document?: string } | undefined) => e?.document && named.add(e.document);
  note(event.source);
  for (const x of [...days, ...sessions]) note(x.source);
  for (const w of works) {
    note(w.source);
    for (const e of [...w.concepts, ...w.references, ...w.links, ...w.people.map((p) => p.source)]) note(e);
  }
  const documentNodes = [...named].sort().map((id) => byId.get(id)!);
  if (documentNodes.length === 0) throw new ExportError(`event "${eventId}" names no stored document`);
  const documents = documentNodes.map((d) => {
    const p = d.properties;
    const document = valid(
      documentSchema,
      strip({ id: p.id, title: p.title, file: p.file, author: str(p.author), published: str(p.published), url: str(p.url) }),
    );
    if (!document) throw new ExportError(`document "${String(p.id)}" cannot be written as a pack's document`);
    nodeIds.add(document.id);
    return document;
  });

  const pack = packSchema.parse({
    format: 1,
    documents,
    event,
    days: days.sort(byKey((d) => d.id)),
    sessions: sessions.sort(byKey((s) => s.id)),
    talks: talks.sort(byKey((t) => t.id)),
    papers: papers.sort(byKey((p) => p.id)),
    people,
    concepts,
  });
  const lines = new Map(documentNodes.map((d) => [idOf(d), linesOf(d)]));
  const problems = checkPack(pack, lines);
  if (problems.length) throw new ExportError(`the pack rebuilt for "${eventId}" does not check:\n  ${problems.slice(0, 20).join('\n  ')}`);

  // What loading these sections writes on each node; the rest of what the graph holds is patched.
  const written = predictedProperties(pack, lines);
  const patches: { id: string; set: Properties; remove: string[] }[] = [];
  for (const id of nodeIds) {
    const actual = byId.get(id)!.properties;
    const predicted = written.get(id) ?? {};
    const set = sortKeys(Object.fromEntries(Object.entries(actual).filter(([k, v]) => !same(v, predicted[k]))));
    const remove = Object.keys(predicted).filter((k) => !(k in actual) && predicted[k] != null);
    if (Object.keys(set).length || remove.length) patches.push({ id, set, remove: remove.sort() });
  }
  return {
    pack,
    documents: documentNodes.map((d) => ({ file: String(d.properties.file), text: linesOf(d).join('\n') })),
    nodes: nodeIds,
    relationships: used,
    patches,
  };
}

/** The properties each node gets from loading a pack, as the ingest statements write them (SET n = row). */
function predictedProperties(pack: Pack, documents: Map<string, string[]>): Map<string, Record<string, unknown>> {
  const predicted = new Map<string, Record<string, unknown>>();
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  for (const [statement, rows] of packRows({ file: 'export', pack, documents })) {
    for (const row of rows) {
      if (Array.isArray(row)) continue;
      if (statement === 'ingest/merge-links') {
        const link = record(row.link);
        predicted.set(String(link.url), { ...link, id: link.url });
      } else if (['ingest/merge-days', 'ingest/merge-sessions', 'ingest/merge-talks'].includes(statement)) {
        const props = record(row.props);
        predicted.set(String(props.id), props);
      } else if (
        ['ingest/merge-documents', 'ingest/merge-event', 'ingest/merge-people', 'ingest/merge-concepts', 'ingest/merge-papers'].includes(
          statement,
        )
      ) {
        predicted.set(String(row.id), row);
      }
    }
  }
  return predicted;
}

/**
 * The precomputed lists' properties on a work or a concept (src/graph/similarity.ts,
 * concept-lists.ts), derived like the embeddings, and the cursor of a rename's spread to its works'
 * search text (src/db/search-text.ts).
 */
const LIST_PROPERTIES = new Set(['similarAt', 'similarEpoch', 'similarBuiltEpoch', 'similarChange', 'similarChangeSeen', 'spreadAfter']);

/**
 * The labels of a work whose list is due to be computed again (cypher/similarity/mark-stale.cypher),
 * of a concept whose change is still to reach its works' lists (mark-changed-concepts.cypher), and
 * of a node whose embedding is due or queued (cypher/semantic/mark-due.cypher, mark-queued.cypher),
 * and of a concept or person whose new name is still to reach its works' search text
 * (src/db/search-text.ts).
 */
const LIST_LABELS = new Set(['SimilarDue', 'SimilarChanged', 'EmbeddingDue', 'EmbeddingQueued', 'NamesChanged']);

/** A node without the lists' properties and the labels of what is due to be computed again. */
function withoutLists(node: GraphNode): GraphNode {
  if (!Object.keys(node.properties).some((key) => LIST_PROPERTIES.has(key)) && !node.labels.some((label) => LIST_LABELS.has(label))) {
    return node;
  }
  return {
    ...node,
    labels: node.labels.filter((label) => !LIST_LABELS.has(label)),
    properties: Object.fromEntries(Object.entries(node.properties).filter(([key]) => !LIST_PROPERTIES.has(key))),
    types: node.types.filter(([key]) => !LIST_PROPERTIES.has(key)),
  };
}

/**
 * Reads the whole graph in one read transaction's worth of statements, but what is derived and
 * computed again after a restore: the embeddings and the related-work lists.
 */
export async function readSnapshot(db: Database): Promise<Snapshot> {
  const [nodes, relationships, changes] = await Promise.all([
    db.read<GraphNode>('export/nodes'),
    db.read<GraphRelationship>('export/relationships'),
    db.read<GraphChange>('export/changes'),
  ]);
  return {
    nodes: nodes.filter((n) => !n.labels.includes('SimilarityBuild')).map(withoutLists),
    relationships,
    changes,
  };
}

/**
 * Writes the exported packs: the first (with the graph section and the log) to `file`, each other
 * event's to `<file without .yaml>-<event>.yaml` beside it, and every document's text at its
 * `file` in the same folder. Resolves to the files written.
 */
export async function writeExport(file: string, packs: ExportedPack[]): Promise<string[]> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [i, exported] of packs.entries()) {
    const target = i === 0 ? file : file.replace(/(\.ya?ml)?$/i, `-${exported.event}.yaml`);
    const text = stringify(exported.pack, { lineWidth: 0, aliasDuplicateObjects: false });
    await writeFile(target, `# An export of the knowledge graph (npm run export); restore it with npm run import -- FILE.\n${text}`);
    written.push(target);
    for (const document of exported.documents) {
      const documentFile = path.join(dir, document.file);
      await mkdir(path.dirname(documentFile), { recursive: true });
      await writeFile(documentFile, document.text);
      written.push(documentFile);
    }
  }
  return written;
}
