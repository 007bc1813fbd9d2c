/**
 * What can be read: talks and papers share the Work interface (title, kind, year, concepts,
 * people, links, references in and out), and the edge types that carry their sources.
 */
import type { Entity, ReferenceEdge, Source } from '../db/loaders.js';
import { referenceTypes, talkKinds, linkKinds, personRoles, origins, paperKinds } from '../ingest/pack-schema.js';
import { builder } from './builder.js';
import { ConceptRef, PersonRef, WorkRef } from './refs.js';
import { nodeSource, SourceRef } from './source.js';

export const WorkKindEnum = builder.enumType('WorkKind', {
  description: 'What a work is: a kind of talk, a paper, or another readable work the notes point to (BOOK, SOFTWARE, THREAD).',
  values: [...talkKinds, ...paperKinds] as const,
});
export const ReferenceTypeEnum = builder.enumType('ReferenceType', {
  description: 'How one work points to another in the notes.',
  values: referenceTypes,
});
export const LinkKindEnum = builder.enumType('LinkKind', { values: linkKinds });
export const RoleEnum = builder.enumType('Role', { values: personRoles });
export const OriginEnum = builder.enumType('Origin', {
  description: 'NOTES: stated by the source document; PUBLIC_RECORD: added by the curators from the public record.',
  values: origins,
});

interface LinkShape {
  url: string;
  kind: string;
  label?: string | null;
  asWritten: string;
  corrected: boolean;
  source: Source;
}

export const LinkRef = builder.objectRef<LinkShape>('Link').implement({
  description: 'A code repository, demo or site the notes give.',
  fields: (t) => ({
    url: t.exposeString('url', { description: 'An address a browser can open.' }),
    kind: t.field({ type: LinkKindEnum, resolve: (l) => l.kind as (typeof linkKinds)[number] }),
    label: t.string({ nullable: true, resolve: (l) => l.label ?? null }),
    asWritten: t.exposeString('asWritten', { description: 'The address exactly as the notes write it.' }),
    corrected: t.exposeBoolean('corrected', { description: 'True when `url` differs from what the notes write (a fixed typo, an added scheme).' }),
    source: t.field({ type: SourceRef, resolve: (l) => l.source }),
  }),
});

export const ReferenceRef = builder.objectRef<ReferenceEdge>('Reference').implement({
  description: 'A typed reference edge between two works, with the line of the notes that makes it.',
  fields: (t) => ({
    type: t.field({ type: ReferenceTypeEnum, resolve: (r) => r.type as (typeof referenceTypes)[number] }),
    work: t.field({ type: WorkRef, description: 'The work at the other end of the edge.', resolve: (r) => r.work }),
    fromId: t.exposeString('from', { description: 'The plain id of the work the edge leaves.' }),
    toId: t.exposeString('to', { description: 'The plain id of the work the edge reaches.' }),
    source: t.field({ type: SourceRef, nullable: true, resolve: (r) => r.source }),
  }),
});

export const ConceptLinkRef = builder.objectRef<{ concept: Entity; source: Source }>('ConceptLink').implement({
  description: 'A concept a work discusses, with where the notes discuss it.',
  fields: (t) => ({
    concept: t.field({ type: ConceptRef, resolve: (l) => l.concept }),
    source: t.field({ type: SourceRef, resolve: (l) => l.source }),
  }),
});

export const ContributionRef = builder
  .objectRef<{ person: Entity; role: string; origin: string; source: Source | null }>('Contribution')
  .implement({
    description: "A person's part in a work.",
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (c) => c.person }),
      role: t.field({ type: RoleEnum, resolve: (c) => c.role as (typeof personRoles)[number] }),
      origin: t.field({ type: OriginEnum, resolve: (c) => c.origin as (typeof origins)[number] }),
      source: t.field({ type: SourceRef, nullable: true, resolve: (c) => c.source }),
    }),
  });

WorkRef.implement({
  description: 'What can be read: a talk or a paper.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (work) => work.__type,
  fields: (t) => ({
    slug: t.string({ description: 'The plain id from the knowledge pack ("wasserstein-gan").', resolve: (w) => w.id }),
    title: t.string({ resolve: (w) => w.title as string }),
    kind: t.field({
      type: WorkKindEnum,
      resolve: (w) =>
        w.__type === 'Paper' ? ((w.kind as (typeof paperKinds)[number] | undefined) ?? 'PAPER') : (w.kind as (typeof talkKinds)[number]),
    }),
    year: t.int({ nullable: true, resolve: (w) => (w.year as number | undefined) ?? null }),
    source: t.field({ type: SourceRef, nullable: true, description: 'Where the notes name this work.', resolve: (w) => nodeSource(w) }),
    concepts: t.field({
      type: [ConceptRef],
      resolve: async (w, _args, { loaders }) => (await loaders.conceptsOfWork.load(w.id)).map((l) => l.concept),
    }),
    conceptLinks: t.field({ type: [ConceptLinkRef], resolve: (w, _args, { loaders }) => loaders.conceptsOfWork.load(w.id) }),
    people: t.field({
      type: [PersonRef],
      description: 'The people of the work, speakers first (people only mentioned are left out).',
      resolve: async (w, _args, { loaders }) => {
        const seen = new Set<string>();
        return (await loaders.contributionsToWork.load(w.id))
          .filter((c) => c.role !== 'MENTIONED' && !seen.has(c.person.id) && seen.add(c.person.id))
          .map((c) => c.person);
      },
    }),
    contributions: t.field({ type: [ContributionRef], resolve: (w, _args, { loaders }) => loaders.contributionsToWork.load(w.id) }),
    links: t.field({ type: [LinkRef], resolve: (w, _args, { loaders }) => loaders.linksOfWork.load(w.id) as Promise<LinkShape[]> }),
    referencesOut: t.field({
      type: [ReferenceRef],
      description: 'Works this one points to (follow-up reads, related work, ...).',
      args: { type: t.arg({ type: ReferenceTypeEnum, required: false }) },
      resolve: async (w, { type }, { loaders }) => (await loaders.referencesOut.load(w.id)).filter((r) => !type || r.type === type),
    }),
    referencesIn: t.field({
      type: [ReferenceRef],
      description: 'Works that point to this one.',
      args: { type: t.arg({ type: ReferenceTypeEnum, required: false }) },
      resolve: async (w, { type }, { loaders }) => (await loaders.referencesIn.load(w.id)).filter((r) => !type || r.type === type),
    }),
  }),
});
