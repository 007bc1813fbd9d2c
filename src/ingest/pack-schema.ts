/**
 * The knowledge-pack format: a human-editable YAML file describing one event (a conference,
 * a workshop, a reading group) and everything its source documents say about it.
 *
 * Contract:
 * - Every id is a lowercase slug, unique within its kind (talk ids among talks, ...).
 * - Every statement taken from a source document carries `Evidence`: the document, the 1-based
 *   line and a verbatim quote from that line. The loader checks each quote against the document.
 * - Facts added from outside the notes (a paper's authors, arXiv id) say so with
 *   `origin: public-record` (people) or `publicRecord: [field, ...]` (papers).
 * - A statement the support check (audit-pack.ts) flags is kept only with a curator's reason in
 *   `why`: a concept link whose quote does not name the concept, a follow-up read without a
 *   reading cue, a quote from outside the lines of the talk it belongs to.
 */
import { z } from 'zod';
import {
  exportLabels,
  exportRelationshipTypes,
  linkKinds,
  origins,
  paperKinds,
  personRoles,
  publicRecordFields,
  referenceTypes,
  sessionKinds,
  talkKinds,
} from '../model/vocabulary.js';

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "wasserstein-gan"')
  .max(120);

const text = (max: number) => z.string().trim().min(1).max(max);

/** Where a statement comes from: a line of one of the pack's documents and a verbatim quote. */
export const evidenceSchema = z.strictObject({
  /** The document id; defaults to the pack's first document. */
  document: slug.optional(),
  line: z.number().int().positive(),
  quote: z.string().min(1).max(240),
  /** Why the quote supports the statement, when the support check cannot see it (audit-pack.ts). */
  why: z.string().trim().min(1).max(400).optional(),
});

/** A work (talk or paper) discusses a concept at a line of the notes. */
export const conceptLinkSchema = z.strictObject({
  concept: slug,
  ...evidenceSchema.shape,
});

/** A typed reference from a talk or paper to a paper. */
export const referenceSchema = z.strictObject({
  type: z.enum(referenceTypes),
  to: slug,
  ...evidenceSchema.shape,
});

/** A person's part in a talk or paper. Evidence is required when the fact comes from the notes. */
export const participationSchema = z
  .strictObject({
    person: slug,
    role: z.enum(personRoles),
    origin: z.enum(origins).default('NOTES'),
    source: evidenceSchema.optional(),
  })
  .refine((p) => p.origin === 'PUBLIC_RECORD' || p.source !== undefined, {
    message: 'a fact from the notes needs a source { line, quote }',
    path: ['source'],
  });

/**
 * A code repository, demo or site. `asWritten` is the address exactly as the notes write it
 * (it must occur on the evidence line); `url` is the address a user can open.
 */
export const linkSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  kind: z.enum(linkKinds),
  label: text(200).optional(),
  asWritten: z.string().min(1).max(300),
  ...evidenceSchema.shape,
});

export const documentSchema = z.strictObject({
  id: slug,
  title: text(300),
  /** Path of the document's text, relative to the pack file, inside the pack's folder. */
  file: text(300).refine((f) => !f.startsWith('/') && !f.split(/[\\/]/).includes('..'), "must be a path inside the pack's folder"),
  author: text(200).optional(),
  published: z.iso.date().optional(),
  url: z.url().optional(),
});

export const eventSchema = z.strictObject({
  id: slug,
  name: text(200),
  fullName: text(300).optional(),
  location: text(200).optional(),
  startDate: z.iso.date().optional(),
  endDate: z.iso.date().optional(),
  source: evidenceSchema.optional(),
});

export const daySchema = z.strictObject({
  id: slug,
  number: z.number().int().positive(),
  title: text(200),
  source: evidenceSchema,
});

export const sessionSchema = z.strictObject({
  id: slug,
  title: text(300),
  kind: z.enum(sessionKinds),
  day: slug,
  /** Position within its day, from 1. */
  order: z.number().int().positive(),
  source: evidenceSchema,
});

export const talkSchema = z.strictObject({
  id: slug,
  title: text(300),
  /** False when the notes give no heading and the title was written by the curator. */
  titleInSource: z.boolean().default(true),
  kind: z.enum(talkKinds),
  day: slug,
  session: slug.nullable().default(null),
  /** The invited talk (or other talk) this one is a headed section of. */
  parent: slug.nullable().default(null),
  /** Position within its day, in the order of the notes, from 1. */
  order: z.number().int().positive(),
  lines: z.strictObject({ from: z.number().int().positive(), to: z.number().int().positive() }),
  summary: text(600),
  /** The heading line (or the first line, for a talk without heading). */
  source: evidenceSchema,
  /** The paper this talk presents. */
  presents: slug.optional(),
  people: z.array(participationSchema).default([]),
  concepts: z.array(conceptLinkSchema).default([]),
  links: z.array(linkSchema).default([]),
  references: z.array(referenceSchema).default([]),
});

export const paperSchema = z.strictObject({
  id: slug,
  kind: z.enum(paperKinds).default('PAPER'),
  /** The title of record (or the notes' words, when there is no record). */
  title: text(400),
  /** The title exactly as the notes write it, when it differs from `title`; it must occur on the source line. */
  titleAsWritten: text(400).optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  venue: text(200).optional(),
  /**
   * How the notes cite it, when that differs from the record ("Feudal RL (NIPS ‘93)", "Redondo and
   * Morris (2010)"); it must occur on the source line.
   */
  citedAs: text(300).optional(),
  /** An arXiv identifier without its version. */
  arxiv: z
    .string()
    .regex(/^\d{4}\.\d{4,5}$/, 'an arXiv id such as "1701.07875"')
    .optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as "10.1073/pnas.1611835114"')
    .optional(),
  url: z.url().optional(),
  /** Fields whose values come from the public record rather than the notes. */
  publicRecord: z.array(z.enum(publicRecordFields)).default([]),
  /** Why this entry has no DOI, arXiv id or URL (the public record has none, or it is not identified). */
  noRecord: text(400).optional(),
  /** Where the notes name this paper, if they do. */
  source: evidenceSchema.optional(),
  people: z.array(participationSchema).default([]),
  concepts: z.array(conceptLinkSchema).default([]),
  links: z.array(linkSchema).default([]),
  references: z.array(referenceSchema).default([]),
});

export const personSchema = z.strictObject({
  id: slug,
  name: text(200),
  /** Other spellings, including how the notes write the name ("Allen Zhu", "Ganguli"). */
  aliases: z.array(text(200)).default([]),
  affiliation: text(200).optional(),
});

export const conceptSchema = z.strictObject({
  id: slug,
  name: text(200),
  aliases: z.array(text(100)).default([]),
  definition: text(600),
  /** More general concepts (Wasserstein GAN -> generative adversarial network). */
  broader: z.array(slug).default([]),
  related: z.array(slug).default([]),
});

/** A property value the graph section carries: what a Neo4j property can hold and JSON can write. */
const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);
const properties = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a property name'), propertyValue);

/**
 * What an export (src/ingest/export-pack.ts) holds beyond the pack's own sections, so that a
 * restore is exact: whole nodes the sections do not describe (imported papers, curators' nodes,
 * unresolved references), the properties of the pack's nodes that loading the sections does not
 * write (curation marks, imported identifiers), and the relationships the sections do not
 * describe. Applied after the sections, in the same transaction. Properties named in
 * `temporalProperties` are ISO date-times, and those in `floatProperties` floats.
 */
export const graphSectionSchema = z.strictObject({
  nodes: z
    .array(
      z
        .strictObject({ labels: z.array(z.enum(exportLabels)).min(1), properties })
        .refine((n) => typeof n.properties[n.labels.includes('UnresolvedReference') ? 'key' : 'id'] === 'string', {
          message: 'a node needs its id (an unresolved reference its key)',
          path: ['properties'],
        }),
    )
    .default([]),
  properties: z
    .array(z.strictObject({ id: z.string().min(1), set: properties.default({}), remove: z.array(z.string()).default([]) }))
    .default([]),
  relationships: z
    .array(
      z.strictObject({
        from: z.string().min(1),
        type: z.enum(exportRelationshipTypes),
        to: z.string().min(1),
        /** The target is an :UnresolvedReference, named by its key. */
        toUnresolved: z.boolean().default(false),
        properties: properties.default({}),
      }),
    )
    .default([]),
});

/** The curation log (:Change records), as an export carries it. */
export const changeSchema = z.strictObject({
  id: z.string().min(1),
  at: z.string().min(1),
  by: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.string().nullable().default(null),
  source: z.string().nullable().default(null),
});

export const packSchema = z.strictObject({
  format: z.literal(1),
  documents: z.array(documentSchema).min(1),
  event: eventSchema,
  days: z.array(daySchema).default([]),
  sessions: z.array(sessionSchema).default([]),
  talks: z.array(talkSchema).default([]),
  papers: z.array(paperSchema).default([]),
  people: z.array(personSchema).default([]),
  concepts: z.array(conceptSchema).default([]),
  /** Only in an export: see graphSectionSchema. */
  graph: graphSectionSchema.optional(),
  /** Only in an export: the curation log. */
  changes: z.array(changeSchema).optional(),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type PropertyValue = z.infer<typeof propertyValue>;
export type Pack = z.infer<typeof packSchema>;
export type PackTalk = z.infer<typeof talkSchema>;
export type PackPaper = z.infer<typeof paperSchema>;
