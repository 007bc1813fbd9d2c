/**
 * Unicode edge cases in every text argument of every query and mutation: right-to-left marks and
 * overrides, stacks of combining characters, NUL, and lone UTF-16 surrogates. NUL and lone
 * surrogates are refused everywhere (BAD_USER_INPUT naming where); RTL and combining text is
 * legitimate and gets a sane answer, or the specific refusal the argument's own rule gives
 * (an id that is no slug, a name that names nothing). Mutations carry an expectedVersion no
 * node has, so text that passes every check is still refused (CONFLICT) and nothing is written;
 * imports are dry runs or invalid packs.
 */
import type { HostileRequest } from './queries.js';

/** A text argument, and the request that puts a text in it with everything else valid. */
interface TextArgument {
  /** "Query.concept(name)". */
  name: string;
  query: string;
  variables: (text: string) => Record<string, unknown>;
  auth?: 'curator';
  /** What legitimate text (RTL, combining characters) gets: an answer, or a specific refusal. */
  legit: 'answered' | { code: string };
}

const NO_SUCH_VERSION = 999_999;
const urlSource = (quote: string) => ({ url: 'https://example.org/hostile', quote });
const answered = 'answered' as const;
const badInput = { code: 'BAD_USER_INPUT' };
const notFound = { code: 'NOT_FOUND' };
const conflict = { code: 'CONFLICT' };

type Variables = (text: string) => Record<string, unknown>;
/** q(...) for a query's argument; m(...) for a mutation's, sent as the curator with an expectedVersion no node has. */
const argumentOf =
  (root: 'Query' | 'Mutation') =>
  (name: string, query: string, variables: Variables, legit: TextArgument['legit']): TextArgument =>
    root === 'Query'
      ? { name: `Query.${name}`, query, variables, legit }
      : { name: `Mutation.${name}`, query, variables: (text) => ({ v: NO_SUCH_VERSION, ...variables(text) }), auth: 'curator', legit };
const q = argumentOf('Query');
const m = argumentOf('Mutation');

const queries: TextArgument[] = [
  q('concept(name)', 'query($t: String!) { concept(name: $t) { name } }', (t) => ({ t }), answered),
  q('concepts(text)', 'query($t: String) { concepts(text: $t) { totalCount } }', (t) => ({ t }), answered),
  q('concepts(after)', 'query($t: String) { concepts(after: $t) { totalCount } }', (t) => ({ t }), badInput),
  q('concepts(before)', 'query($t: String) { concepts(before: $t, last: 2) { totalCount } }', (t) => ({ t }), badInput),
  q('followUpReads(from)', 'query($t: ID!) { followUpReads(from: $t) { depth } }', (t) => ({ t }), notFound),
  q('readingTrail(from)', 'query($t: ID!) { readingTrail(from: $t) { exhausted } }', (t) => ({ t }), notFound),
  q('importReport(id)', 'query($t: String!) { importReport(id: $t) { records } }', (t) => ({ t }), notFound),
  q('graph(center)', 'query($t: ID!) { graph(center: [$t]) { totalNodes } }', (t) => ({ t }), notFound),
  q('node(id)', 'query($t: ID!) { node(id: $t) { id } }', (t) => ({ t }), badInput),
  q('nodes(ids)', 'query($t: ID!) { nodes(ids: [$t]) { id } }', (t) => ({ t }), badInput),
  q('paper(id)', 'query($t: ID!) { paper(id: $t) { title } }', (t) => ({ t }), answered),
  q('papers(concept)', 'query($t: String) { papers(concept: $t) { totalCount } }', (t) => ({ t }), notFound),
  q('papers(person)', 'query($t: String) { papers(person: $t) { totalCount } }', (t) => ({ t }), answered),
  q('papers(text)', 'query($t: String) { papers(text: $t) { totalCount } }', (t) => ({ t }), answered),
  q('papers(after)', 'query($t: String) { papers(after: $t) { totalCount } }', (t) => ({ t }), badInput),
  q('papers(before)', 'query($t: String) { papers(before: $t, last: 2) { totalCount } }', (t) => ({ t }), badInput),
  q('path(from)', 'query($t: ID!) { path(from: $t, to: "wasserstein-gan") { length } }', (t) => ({ t }), notFound),
  q('path(to)', 'query($t: ID!) { path(from: "wasserstein-gan", to: $t) { length } }', (t) => ({ t }), notFound),
  q('paths(from)', 'query($t: ID!) { paths(from: $t, to: "wasserstein-gan") { searchedUpTo } }', (t) => ({ t }), notFound),
  q('paths(to)', 'query($t: ID!) { paths(from: "wasserstein-gan", to: $t) { searchedUpTo } }', (t) => ({ t }), notFound),
  q('people(text)', 'query($t: String) { people(text: $t) { totalCount } }', (t) => ({ t }), answered),
  q('people(after)', 'query($t: String) { people(after: $t) { totalCount } }', (t) => ({ t }), badInput),
  q('people(before)', 'query($t: String) { people(before: $t, last: 2) { totalCount } }', (t) => ({ t }), badInput),
  q('person(name)', 'query($t: String!) { person(name: $t) { name } }', (t) => ({ t }), answered),
  q('relatedToConcept(concept)', 'query($t: String!) { relatedToConcept(concept: $t) { score } }', (t) => ({ t }), notFound),
  q('relatedWork(to)', 'query($t: ID!) { relatedWork(to: [$t]) { score } }', (t) => ({ t }), notFound),
  q('relatedWork(exclude)', 'query($t: ID!) { relatedWork(to: ["wasserstein-gan"], exclude: [$t]) { score } }', (t) => ({ t }), notFound),
  q('resolveConcept(text)', 'query($t: String!) { resolveConcept(text: $t) { resolved text } }', (t) => ({ t }), answered),
  q('search(query)', 'query($t: String!) { search(query: $t) { totalCount } }', (t) => ({ t }), answered),
  q('search(after)', 'query($t: String) { search(query: "gan", after: $t) { totalCount } }', (t) => ({ t }), badInput),
  q('search(before)', 'query($t: String) { search(query: "gan", before: $t, last: 2) { totalCount } }', (t) => ({ t }), badInput),
  q('talk(id)', 'query($t: ID!) { talk(id: $t) { title } }', (t) => ({ t }), answered),
  q('talks(concept)', 'query($t: String) { talks(concept: $t) { totalCount } }', (t) => ({ t }), notFound),
  q('talks(person)', 'query($t: String) { talks(person: $t) { totalCount } }', (t) => ({ t }), answered),
  q('talks(session)', 'query($t: String) { talks(session: $t) { totalCount } }', (t) => ({ t }), answered),
  q('talks(text)', 'query($t: String) { talks(text: $t) { totalCount } }', (t) => ({ t }), answered),
  q('talks(after)', 'query($t: String) { talks(after: $t) { totalCount } }', (t) => ({ t }), badInput),
  q('talks(before)', 'query($t: String) { talks(before: $t, last: 2) { totalCount } }', (t) => ({ t }), badInput),
];

const alias = 'mutation($c: ID!, $a: String!, $v: Int) { addConceptAlias(concept: $c, alias: $a, expectedVersion: $v) { name } }';
const reference =
  'mutation($f: ID!, $t: ID!, $s: SourceInput!, $v: Int) { addReference(from: $f, to: $t, type: SEE_ALSO, source: $s, expectedVersion: $v) { title } }';
const link =
  'mutation($w: ID!, $c: ID!, $s: SourceInput!, $v: Int) { linkWorkToConcept(work: $w, concept: $c, source: $s, expectedVersion: $v) { title } }';
const merge = 'mutation($k: ID!, $r: ID!, $v: Int) { mergeConcepts(keep: $k, remove: $r, expectedVersion: $v) { name } }';
const unlink =
  'mutation($w: ID!, $c: ID!, $r: String, $v: Int) { removeConceptLink(work: $w, concept: $c, reason: $r, expectedVersion: $v) }';
const unreference =
  'mutation($f: ID!, $t: ID!, $r: String, $v: Int) { removeReference(from: $f, to: $t, type: RELATED, reason: $r, expectedVersion: $v) }';
const concept = `mutation($id: String, $n: String!, $d: String, $a: [String!], $b: [String!], $r: [String!], $s: SourceInput, $v: Int) {
  upsertConcept(id: $id, name: $n, definition: $d, aliases: $a, broader: $b, related: $r, source: $s, expectedVersion: $v) { name } }`;
const paper = `mutation($id: String, $t: String!, $venue: String, $arxiv: String, $url: String, $s: SourceInput, $v: Int) {
  upsertPaper(id: $id, title: $t, venue: $venue, arxiv: $arxiv, url: $url, source: $s, expectedVersion: $v) { title } }`;
const person = `mutation($id: String, $n: String!, $aff: String, $a: [String!], $s: SourceInput, $v: Int) {
  upsertPerson(id: $id, name: $n, affiliation: $aff, aliases: $a, source: $s, expectedVersion: $v) { name } }`;
const talk = `mutation($id: String, $t: String!, $day: ID!, $session: ID, $summary: String, $s: SourceInput, $v: Int) {
  upsertTalk(id: $id, title: $t, kind: TALK, day: $day, session: $session, summary: $summary, source: $s, expectedVersion: $v) { title } }`;
const pack = 'mutation($p: String!, $d: [DocumentInput!]!) { importPack(pack: $p, documents: $d) { labels { name } } }';
const records = 'mutation($t: String, $n: String) { importRecords(text: $t, name: $n, dryRun: true) { dryRun records } }';
const aBibEntry = '@article{hostile2017,\n  title = {A hostile entry},\n  author = {Tester, Test},\n  year = {2017}\n}\n';
const day = 'icml-2017-day-2';

const mutations: TextArgument[] = [
  m('addConceptAlias(alias)', alias, (t) => ({ c: 'EWC', a: t }), conflict),
  m('addConceptAlias(concept)', alias, (t) => ({ c: t, a: 'another name' }), notFound),
  m('addReference(from)', reference, (t) => ({ f: t, t: 'paper-cyclegan', s: urlSource('q') }), notFound),
  m('addReference(to)', reference, (t) => ({ f: 'wasserstein-gan', t, s: urlSource('q') }), notFound),
  m('addReference(source.quote)', reference, (t) => ({ f: 'wasserstein-gan', t: 'paper-cyclegan', s: urlSource(t) }), conflict),
  m('addReference(source.url)', reference, (t) => ({ f: 'wasserstein-gan', t: 'paper-cyclegan', s: { url: t, quote: 'q' } }), badInput),
  m(
    'addReference(source.document)',
    reference,
    (t) => ({ f: 'wasserstein-gan', t: 'paper-cyclegan', s: { document: t, line: 1, quote: 'q' } }),
    badInput,
  ),
  m('importPack(pack)', pack, (t) => ({ p: `format: 1\nevent: "${t}"\n`, d: [] }), badInput),
  m('importPack(documents.file)', pack, (t) => ({ p: 'format: 1\n', d: [{ file: t, text: 'notes' }] }), badInput),
  m('importPack(documents.text)', pack, (t) => ({ p: 'format: 1\n', d: [{ file: 'notes.txt', text: t }] }), badInput),
  m('importRecords(text)', records, (t) => ({ t }), badInput),
  m('importRecords(name)', records, (t) => ({ t: aBibEntry, n: t }), answered),
  m('linkWorkToConcept(work)', link, (t) => ({ w: t, c: 'EWC', s: urlSource('q') }), notFound),
  m('linkWorkToConcept(concept)', link, (t) => ({ w: 'wasserstein-gan', c: t, s: urlSource('q') }), notFound),
  m('linkWorkToConcept(source.quote)', link, (t) => ({ w: 'wasserstein-gan', c: 'EWC', s: urlSource(t) }), conflict),
  m('mergeConcepts(keep)', merge, (t) => ({ k: t, r: 'EWC' }), notFound),
  m('mergeConcepts(remove)', merge, (t) => ({ k: 'EWC', r: t }), notFound),
  m('removeConceptLink(work)', unlink, (t) => ({ w: t, c: 'EWC' }), notFound),
  m('removeConceptLink(concept)', unlink, (t) => ({ w: 'wasserstein-gan', c: t }), notFound),
  m('removeConceptLink(reason)', unlink, (t) => ({ w: 'wasserstein-gan', c: 'EWC', r: t }), conflict),
  m('removeReference(from)', unreference, (t) => ({ f: t, t: 'paper-cyclegan' }), notFound),
  m('removeReference(to)', unreference, (t) => ({ f: 'wasserstein-gan', t }), notFound),
  m('removeReference(reason)', unreference, (t) => ({ f: 'wasserstein-gan', t: 'paper-cyclegan', r: t }), conflict),
  m('upsertConcept(name)', concept, (t) => ({ n: t }), conflict),
  m('upsertConcept(id)', concept, (t) => ({ id: t, n: 'Hostile concept' }), badInput),
  m('upsertConcept(definition)', concept, (t) => ({ id: 'hostile-concept', n: 'Hostile concept', d: t }), conflict),
  m('upsertConcept(aliases)', concept, (t) => ({ id: 'hostile-concept', n: 'Hostile concept', a: [t] }), conflict),
  m('upsertConcept(broader)', concept, (t) => ({ id: 'hostile-concept', n: 'Hostile concept', b: [t] }), notFound),
  m('upsertConcept(related)', concept, (t) => ({ id: 'hostile-concept', n: 'Hostile concept', r: [t] }), notFound),
  m('upsertConcept(source.quote)', concept, (t) => ({ id: 'hostile-concept', n: 'Hostile concept', s: urlSource(t) }), conflict),
  m('upsertPaper(title)', paper, (t) => ({ t }), conflict),
  m('upsertPaper(id)', paper, (t) => ({ id: t, t: 'Hostile paper' }), badInput),
  m('upsertPaper(venue)', paper, (t) => ({ id: 'hostile-paper-x', t: 'Hostile paper', venue: t }), conflict),
  m('upsertPaper(arxiv)', paper, (t) => ({ id: 'hostile-paper-x', t: 'Hostile paper', arxiv: t }), badInput),
  m('upsertPaper(url)', paper, (t) => ({ id: 'hostile-paper-x', t: 'Hostile paper', url: t }), badInput),
  m('upsertPaper(source.quote)', paper, (t) => ({ id: 'hostile-paper-x', t: 'Hostile paper', s: urlSource(t) }), conflict),
  m('upsertPerson(name)', person, (t) => ({ n: t }), conflict),
  m('upsertPerson(id)', person, (t) => ({ id: t, n: 'Hostile Person' }), badInput),
  m('upsertPerson(affiliation)', person, (t) => ({ id: 'hostile-person', n: 'Hostile Person', aff: t }), conflict),
  m('upsertPerson(aliases)', person, (t) => ({ id: 'hostile-person', n: 'Hostile Person', a: [t] }), conflict),
  m(
    'upsertPerson(source.document)',
    person,
    (t) => ({ id: 'hostile-person', n: 'Hostile Person', s: { document: t, line: 1, quote: 'q' } }),
    badInput,
  ),
  m('upsertTalk(title)', talk, (t) => ({ t, day }), conflict),
  m('upsertTalk(id)', talk, (t) => ({ id: t, t: 'Hostile talk', day }), badInput),
  m('upsertTalk(day)', talk, (t) => ({ id: 'hostile-talk', t: 'Hostile talk', day: t }), notFound),
  m('upsertTalk(session)', talk, (t) => ({ id: 'hostile-talk', t: 'Hostile talk', day, session: t }), notFound),
  m('upsertTalk(summary)', talk, (t) => ({ id: 'hostile-talk', t: 'Hostile talk', day, summary: t }), conflict),
  m('upsertTalk(source.url)', talk, (t) => ({ id: 'hostile-talk', t: 'Hostile talk', day, s: { url: t, quote: 'q' } }), badInput),
];

/** Every text argument of the schema; tests/integration/hostile.test.ts checks that none is missing. */
export const textArguments = [...queries, ...mutations];

/** The edge cases, each with whether it is legitimate text. */
export const unicodeCases = [
  { kind: 'right-to-left marks and overrides', text: 'EWC \u200F\u202Bنموذج\u202C \u202Egan\u202C', legit: true },
  { kind: 'stacked combining characters', text: `Wasserstein GAN ${'e\u0301\u0308\u0323'.repeat(3)}${'\u0336'.repeat(40)}`, legit: true },
  { kind: 'a NUL character', text: 'EWC\u0000', legit: false, refusal: /NUL character/ },
  { kind: 'a lone UTF-16 surrogate', text: 'EWC \uD83D', legit: false, refusal: /lone UTF-16 surrogate \(U\+D83D\)/ },
] as const;

export const unicodeRequests: HostileRequest[] = textArguments.flatMap((argument) =>
  unicodeCases.map(
    (edge): HostileRequest => ({
      name: `${edge.kind} in ${argument.name}`,
      query: argument.query,
      variables: argument.variables(edge.text),
      auth: argument.auth,
      expect: edge.legit ? argument.legit : { code: 'BAD_USER_INPUT', message: edge.refusal },
    }),
  ),
);
