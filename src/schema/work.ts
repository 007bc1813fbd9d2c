/**
 * What can be read: talks and papers share the Work interface (title, kind, year, concepts,
 * people, links, references in and out), and the edge types that carry their sources.
 */

import * as curation from '../db/curation.js';
import type { ConceptLink, Contribution, ReferenceEdge, WorkLink } from '../model/rows.js';
import { linkKinds, origins, paperKinds, personRoles, referenceTypes, referenceWeights, talkKinds } from '../model/vocabulary.js';
import { builder } from './builder.js';
import { asSource, curatorOf, curatorOnly, SourceInput, VERSION_DESCRIPTION, versionArgs } from './curation.js';
import { describedValues } from './described.js';
import { ConceptRef, PersonRef, WorkRef } from './refs.js';
import { CONCEPT, PAPER, resolveId, WORK } from './resolve.js';
import { nodeSource, SourceRef } from './source.js';
import { idRef, optionalText, sourceSchema } from './validation.js';

/** What each kind of talk is, for the TalkKind, WorkKind and TalkKindInput enums. */
export const talkKindDescriptions = {
  TUTORIAL: 'A tutorial, usually hours long and in headed sections.',
  TALK: 'A talk of the main conference, most often presenting one paper.',
  INVITED_TALK: 'An invited talk or keynote.',
  WORKSHOP_TALK: 'A talk in a workshop.',
  PANEL: 'A panel discussion.',
  SECTION: 'A headed section of a longer talk or tutorial (see `Talk.parent`).',
} satisfies Record<(typeof talkKinds)[number], string>;

export const WorkKindEnum = builder.enumType('WorkKind', {
  description: 'What a work is: a kind of talk, a paper, or another readable work the notes point to (BOOK, SOFTWARE, THREAD).',
  values: describedValues([...talkKinds, ...paperKinds], {
    ...talkKindDescriptions,
    PAPER: 'A paper: one a talk presents, or one the notes point to.',
    BOOK: 'A book the notes suggest reading.',
    SOFTWARE: 'A software library the notes suggest reading.',
    THREAD: 'A discussion thread the notes suggest reading.',
  }),
});
export const ReferenceTypeEnum = builder.enumType('ReferenceType', {
  description: 'How one work points to another in the notes.',
  values: describedValues(referenceTypes, {
    FOLLOW_UP_READ: `The notes suggest reading the target after the source (weight ${referenceWeights.FOLLOW_UP_READ} in relatedWork).`,
    RELATED: `The notes name the target as related or parallel work (weight ${referenceWeights.RELATED}).`,
    SEE_ALSO: `The notes point to the target for more on the subject (weight ${referenceWeights.SEE_ALSO}).`,
    BUILDS_ON: `The source builds on the target (weight ${referenceWeights.BUILDS_ON}).`,
    CITES: `The source cites the target (weight ${referenceWeights.CITES}).`,
  }),
});
export const LinkKindEnum = builder.enumType('LinkKind', {
  description: 'What a link leads to.',
  values: describedValues(linkKinds, {
    CODE: 'Source code, such as a GitHub repository.',
    DEMO: 'A demo or video to try or watch.',
    SITE: 'A project or personal web page.',
    PAPER: 'A paper or preprint page.',
    DATA: 'A data set.',
  }),
});
export const RoleEnum = builder.enumType('Role', {
  description: "A person's part in a talk or paper.",
  values: describedValues(personRoles, {
    SPEAKER: 'Gave the talk.',
    AUTHOR: 'Wrote the paper (or the paper the talk presents).',
    PANELIST: 'Sat on the panel.',
    ORGANIZER: 'Organised the workshop or session.',
    MENTIONED: 'Named in what the notes say about the work, without taking part; left out of `Work.people`.',
  }),
});
export const OriginEnum = builder.enumType('Origin', {
  description: 'Where a contribution comes from: the notes, or the public record.',
  values: describedValues(origins, {
    NOTES: 'Stated by the source document (the notes).',
    PUBLIC_RECORD: 'Added by the curators from the public record (e.g. the author list of the paper); the notes do not say it.',
  }),
});

export const LinkRef = builder.objectRef<WorkLink>('Link').implement({
  description: 'A code repository, demo or site the notes give.',
  fields: (t) => ({
    url: t.exposeString('url', { description: 'An address a browser can open.' }),
    kind: t.field({
      type: LinkKindEnum,
      description: 'What the link leads to: code, a demo, a site, a paper or data.',
      resolve: (l) => l.kind,
    }),
    label: t.string({
      nullable: true,
      description: 'A short name for the link, where the pack gives one.',
      resolve: (l) => l.label ?? null,
    }),
    asWritten: t.exposeString('asWritten', { description: 'The address exactly as the notes write it.' }),
    corrected: t.exposeBoolean('corrected', {
      description: 'True when `url` differs from what the notes write (a fixed typo, an added scheme).',
    }),
    source: t.field({ type: SourceRef, description: 'The line of the notes that gives the link.', resolve: (l) => l.source }),
  }),
});

export const ReferenceRef = builder.objectRef<ReferenceEdge>('Reference').implement({
  description: 'A typed reference edge between two works, with the line of the notes that makes it.',
  fields: (t) => ({
    type: t.field({
      type: ReferenceTypeEnum,
      description: 'How the work the edge leaves points to the work it reaches.',
      resolve: (r) => r.type,
    }),
    work: t.field({ type: WorkRef, description: 'The work at the other end of the edge.', resolve: (r) => r.work }),
    fromId: t.exposeString('from', { description: 'The plain id of the work the edge leaves.' }),
    toId: t.exposeString('to', { description: 'The plain id of the work the edge reaches.' }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The line of the notes that makes the reference, or the source a curator gave; null when there is none.',
      resolve: (r) => r.source,
    }),
  }),
});

export const ConceptLinkRef = builder.objectRef<ConceptLink>('ConceptLink').implement({
  description: 'A concept a work discusses, with where the notes discuss it.',
  fields: (t) => ({
    concept: t.field({ type: ConceptRef, description: 'The concept the work discusses.', resolve: (l) => l.concept }),
    source: t.field({ type: SourceRef, description: 'The line of the notes that says the work discusses it.', resolve: (l) => l.source }),
  }),
});

export const ContributionRef = builder.objectRef<Contribution>('Contribution').implement({
  description: "A person's part in a work.",
  fields: (t) => ({
    person: t.field({ type: PersonRef, description: 'Who took part.', resolve: (c) => c.person }),
    role: t.field({
      type: RoleEnum,
      description: 'What they did: spoke, wrote, sat on the panel, organised, or were mentioned.',
      resolve: (c) => c.role,
    }),
    origin: t.field({
      type: OriginEnum,
      description: 'Whether the notes say so, or the curators added it from the public record.',
      resolve: (c) => c.origin,
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The line of the notes that names them; null for public-record facts.',
      resolve: (c) => c.source,
    }),
  }),
});

WorkRef.implement({
  description: 'What can be read: a talk or a paper.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (work) => work.__type,
  fields: (t) => ({
    slug: t.string({ description: 'The plain id from the knowledge pack ("wasserstein-gan").', resolve: (w) => w.id }),
    version: t.int({ description: VERSION_DESCRIPTION, resolve: (w) => w.version ?? 0 }),
    title: t.string({ description: 'The title, as the notes or the paper give it.', resolve: (w) => w.title }),
    kind: t.field({
      type: WorkKindEnum,
      description:
        'For a paper, PAPER (or BOOK, SOFTWARE, THREAD for the other works the notes point to); for a talk, its kind (TALK, TUTORIAL, SECTION, ...).',
      resolve: (w) => (w.__type === 'Paper' ? (w.kind ?? 'PAPER') : w.kind),
    }),
    year: t.int({ nullable: true, description: 'The year it was given or published; null when unknown.', resolve: (w) => w.year ?? null }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'Where the notes name this work, or, for a work an import brought, the record and field its title comes from.',
      resolve: (w) => nodeSource(w),
    }),
    concepts: t.field({
      type: [ConceptRef],
      description: 'The concepts it discusses (see `conceptLinks` for where the notes say so).',
      resolve: async (w, _args, { loaders }) => (await loaders.conceptsOfWork.load(w.id)).map((l) => l.concept),
    }),
    conceptLinks: t.field({
      type: [ConceptLinkRef],
      description: 'The concepts it discusses, each with the line of the notes that says so.',
      resolve: (w, _args, { loaders }) => loaders.conceptsOfWork.load(w.id),
    }),
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
    contributions: t.field({
      type: [ContributionRef],
      description: 'Everyone who took part or is mentioned, with their role, origin and source; a person may appear once per role.',
      resolve: (w, _args, { loaders }) => loaders.contributionsToWork.load(w.id),
    }),
    links: t.field({
      type: [LinkRef],
      description: 'Code, demos and sites the notes give for it.',
      resolve: (w, _args, { loaders }) => loaders.linksOfWork.load(w.id),
    }),
    referencesOut: t.field({
      type: [ReferenceRef],
      description: 'Works this one points to (follow-up reads, related work, ...).',
      args: { type: t.arg({ type: ReferenceTypeEnum, required: false, description: 'Only edges of this type (default: all).' }) },
      resolve: async (w, { type }, { loaders }) => (await loaders.referencesOut.load(w.id)).filter((r) => !type || r.type === type),
    }),
    referencesIn: t.field({
      type: [ReferenceRef],
      description: 'Works that point to this one.',
      args: { type: t.arg({ type: ReferenceTypeEnum, required: false, description: 'Only edges of this type (default: all).' }) },
      resolve: async (w, { type }, { loaders }) => (await loaders.referencesIn.load(w.id)).filter((r) => !type || r.type === type),
    }),
  }),
});

/** The work and the concept a "discusses" link joins: the arguments of linkWorkToConcept and removeConceptLink. */
const workAndConcept = builder.args((t) => ({
  work: t.id({ required: true, description: 'The talk or paper, by global or plain id; an unknown one is NOT_FOUND.', validate: idRef }),
  concept: t.id({
    required: true,
    description: 'The concept, by global or plain id, name or alias; an unknown one is NOT_FOUND.',
    validate: idRef,
  }),
}));

builder.mutationFields((t) => ({
  linkWorkToConcept: t.field({
    type: WorkRef,
    authScopes: curatorOnly,
    description: 'Records that a talk or paper discusses a concept, with where the source says so.',
    args: {
      ...workAndConcept,
      source: t.arg({
        type: SourceInput,
        required: true,
        description: 'Where the source says the work discusses the concept.',
        validate: sourceSchema,
      }),
      ...versionArgs,
    },
    resolve: async (_root, args, ctx) => {
      const work = await resolveId(ctx.db, 'work', String(args.work), WORK);
      const concept = await resolveId(ctx.db, 'concept', String(args.concept), CONCEPT);
      return curation.linkWorkToConcept(ctx.db, curatorOf(ctx), work, concept, asSource(args.source)!, args.expectedVersion);
    },
  }),
  addReference: t.field({
    type: WorkRef,
    authScopes: curatorOnly,
    description: 'Adds a typed reference edge from a talk or paper to a paper, with its source. Returns the citing work.',
    args: {
      from: t.arg.id({ required: true, description: 'The citing talk or paper, by global or plain id.', validate: idRef }),
      to: t.arg.id({ required: true, description: 'The paper it points to, by global or plain id.', validate: idRef }),
      type: t.arg({ type: ReferenceTypeEnum, required: true, description: 'How it points to it.' }),
      source: t.arg({ type: SourceInput, required: true, description: 'Where the source makes the reference.', validate: sourceSchema }),
      ...versionArgs,
    },
    resolve: async (_root, args, ctx) => {
      const from = await resolveId(ctx.db, 'from', String(args.from), WORK);
      const to = await resolveId(ctx.db, 'to', String(args.to), PAPER);
      return curation.addReference(ctx.db, curatorOf(ctx), from, to, args.type, asSource(args.source)!, args.expectedVersion);
    },
  }),
  removeReference: t.boolean({
    authScopes: curatorOnly,
    description: 'Removes a wrong reference edge. True when one was removed; false when there was none.',
    args: {
      from: t.arg.id({ required: true, description: 'The talk or paper the edge leaves, by global or plain id.', validate: idRef }),
      to: t.arg.id({ required: true, description: 'The paper the edge reaches, by global or plain id.', validate: idRef }),
      type: t.arg({ type: ReferenceTypeEnum, required: true, description: 'The type of the edge to remove.' }),
      reason: t.arg.string({
        description: 'Why it is wrong, at most 500 characters; kept in the change record.',
        validate: optionalText(500),
      }),
      ...versionArgs,
    },
    resolve: async (_root, args, ctx) => {
      const from = await resolveId(ctx.db, 'from', String(args.from), WORK);
      const to = await resolveId(ctx.db, 'to', String(args.to), PAPER);
      const removal = { by: curatorOf(ctx), reason: args.reason, expectedVersion: args.expectedVersion };
      return curation.removeReference(ctx.db, removal, from, to, args.type);
    },
  }),
  removeConceptLink: t.boolean({
    authScopes: curatorOnly,
    description: 'Removes a wrong "discusses" link between a work and a concept. True when one was removed.',
    args: {
      ...workAndConcept,
      reason: t.arg.string({
        description: 'Why it is wrong, at most 500 characters; kept in the change record.',
        validate: optionalText(500),
      }),
      ...versionArgs,
    },
    resolve: async (_root, args, ctx) => {
      const work = await resolveId(ctx.db, 'work', String(args.work), WORK);
      const concept = await resolveId(ctx.db, 'concept', String(args.concept), CONCEPT);
      const removal = { by: curatorOf(ctx), reason: args.reason, expectedVersion: args.expectedVersion };
      return curation.removeConceptLink(ctx.db, removal, work, concept);
    },
  }),
}));
