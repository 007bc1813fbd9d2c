/**
 * Hostile and malformed GraphQL requests, each with what the server must answer. The test in
 * tests/integration/hostile.test.ts sends each one and checks that nothing in the graph changed.
 */
export interface HostileRequest {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** 'none': no bearer token; 'wrong': a token that is not configured; 'curator': a valid one. */
  auth?: 'none' | 'wrong' | 'curator';
  /** The error code the answer's first error must carry and/or a pattern its message must match, or 'answered' (no error). */
  expect: { code: string; message?: RegExp } | { code?: string; message: RegExp } | 'answered';
}

const deep = (depth: number) => {
  let selection = 'name';
  for (let i = 0; i < depth; i++) selection = `related { ${selection} }`;
  return `{ concept(name: "EWC") { ${selection} } }`;
};
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: search(query: "gan") { totalCount }`).join(' ')} }`;

const cypherInjections = [
  `x" }) MATCH (n) DETACH DELETE n //`,
  `') MATCH (n) DETACH DELETE n RETURN 1 //`,
  `EWC' OR 1=1 //`,
  '`; CALL dbms.shutdown() //',
  `\${process.exit()}`,
];
const luceneInjections = [
  '*:*',
  'title:* OR name:*',
  'GAN (Wasserstein',
  '"unclosed',
  'a~999999',
  '/.*/',
  'AND OR NOT',
  '\\\\',
  '[* TO *]',
  '((((((((((((((((gan',
];

export const hostileRequests: HostileRequest[] = [
  {
    name: 'nesting 30 levels deep',
    query: deep(30),
    expect: { code: 'QUERY_TOO_COMPLEX', message: /depth is over the limit of 12|cost is over the limit/i },
  },
  { name: 'nesting 13 levels deep', query: deep(12), expect: { code: 'QUERY_TOO_COMPLEX', message: /depth is over the limit of 12/i } },
  {
    name: 'an alias bomb of 200 searches',
    query: aliases(200),
    expect: { code: 'QUERY_TOO_COMPLEX', message: /number of aliases is over the limit/i },
  },
  {
    name: 'first: 1000000',
    query: '{ talks(first: 1000000) { totalCount } }',
    expect: { code: 'BAD_USER_INPUT', message: /first: must be at most 100/i },
  },
  { name: 'first: 101', query: '{ talks(first: 101) { totalCount } }', expect: { code: 'BAD_USER_INPUT' } },
  { name: 'first: -1', query: '{ papers(first: -1) { totalCount } }', expect: { code: 'BAD_USER_INPUT' } },
  {
    name: 'depth: 50 on a trail',
    query: '{ followUpReads(from: "wasserstein-gan", depth: 50) { depth } }',
    expect: { code: 'BAD_USER_INPUT' },
  },
  { name: 'a path of length 1000', query: '{ path(from: "a", to: "b", maxLength: 1000) { length } }', expect: { code: 'BAD_USER_INPUT' } },
  { name: 'a graph of 10^9 nodes', query: '{ graph(limit: 1000000000) { totalNodes } }', expect: { code: 'BAD_USER_INPUT' } },
  { name: 'an empty search', query: '{ search(query: "") { totalCount } }', expect: { code: 'BAD_USER_INPUT' } },
  {
    name: 'a 100 kB search string',
    query: 'query($q: String!) { search(query: $q) { totalCount } }',
    variables: { q: 'gan '.repeat(25_000) },
    expect: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'a 100 kB concept name',
    query: 'query($q: String!) { concept(name: $q) { name } }',
    variables: { q: 'x'.repeat(100_000) },
    expect: { code: 'BAD_USER_INPUT' },
  },
  {
    name: '60 seed ids for relatedWork',
    query: 'query($ids: [ID!]!) { relatedWork(to: $ids) { score } }',
    variables: { ids: Array.from({ length: 60 }, (_, i) => `id-${i}`) },
    expect: { code: 'BAD_USER_INPUT' },
  },
  { name: 'a malformed global id', query: '{ node(id: "!!!not-base64") { id } }', expect: { message: /Invalid global ID|not a valid/i } },
  ...luceneInjections.map(
    (q): HostileRequest => ({
      name: `Lucene syntax in search: ${q}`,
      query: 'query($q: String!) { search(query: $q) { totalCount } }',
      variables: { q },
      expect: 'answered',
    }),
  ),
  ...cypherInjections.flatMap((q): HostileRequest[] => [
    {
      name: `Cypher in a concept name: ${q}`,
      query: 'query($q: String!) { concept(name: $q) { name } }',
      variables: { q },
      expect: 'answered',
    },
    {
      name: `Cypher in a person name: ${q}`,
      query: 'query($q: String!) { person(name: $q) { name } }',
      variables: { q },
      expect: 'answered',
    },
    { name: `Cypher in a talk id: ${q}`, query: 'query($q: ID!) { talk(id: $q) { title } }', variables: { q }, expect: 'answered' },
    {
      name: `Cypher in a search: ${q}`,
      query: 'query($q: String!) { search(query: $q) { totalCount } }',
      variables: { q },
      expect: 'answered',
    },
    {
      name: `Cypher in a list filter: ${q}`,
      query: 'query($q: String!) { talks(text: $q, session: $q, concept: $q, person: $q) { totalCount } }',
      variables: { q },
      expect: 'answered',
    },
  ]),
  {
    name: 'a mutation without a token',
    query: 'mutation { upsertConcept(name: "Intruder", definition: "x") { name } }',
    auth: 'none',
    expect: { code: 'UNAUTHENTICATED' },
  },
  {
    name: 'a mutation with a wrong token',
    query: 'mutation { mergeConcepts(keep: "wgan", remove: "elastic-weight-consolidation") { name } }',
    auth: 'wrong',
    expect: { code: 'UNAUTHENTICATED' },
  },
  {
    name: 'a delete-like mutation without a token',
    query:
      'mutation { removeReference(from: "learning-to-discover-cross-domain-relations-with-gans", to: "paper-cyclegan", type: RELATED) }',
    auth: 'none',
    expect: { code: 'UNAUTHENTICATED' },
  },
  {
    name: 'an import without a token',
    query: 'mutation { importPack(pack: "format: 1", documents: []) { labels { name } } }',
    auth: 'wrong',
    expect: { code: 'UNAUTHENTICATED' },
  },
  {
    name: 'a curator sending a 1 MB concept name',
    query: 'mutation($n: String!) { upsertConcept(name: $n) { name } }',
    variables: { n: 'x'.repeat(1_000_000) },
    auth: 'curator',
    expect: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'a curator sending Cypher as an id',
    query: `mutation { upsertConcept(id: "x\\") DETACH DELETE n //", name: "Injected", definition: "x") { name } }`,
    auth: 'curator',
    expect: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'a curator quoting a line that does not say it',
    query:
      'mutation { linkWorkToConcept(work: "wasserstein-gan", concept: "elastic-weight-consolidation", source: { document: "icml-2017-notes", line: 168, quote: "EWC is the best" }) { title } }',
    auth: 'curator',
    expect: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'a curator linking to a work that does not exist',
    query:
      'mutation { linkWorkToConcept(work: "no-such-work", concept: "wgan", source: { url: "https://example.org", quote: "x" }) { title } }',
    auth: 'curator',
    expect: { code: 'NOT_FOUND' },
  },
  {
    name: 'a curator merging a concept into itself',
    query: 'mutation { mergeConcepts(keep: "wgan", remove: "wgan") { name } }',
    auth: 'curator',
    expect: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'a curator importing a 6 MB pack',
    query: 'mutation($p: String!) { importPack(pack: $p, documents: []) { labels { name } } }',
    variables: { p: `format: 1\n# ${'x'.repeat(6_000_000)}` },
    auth: 'curator',
    expect: { code: 'BAD_USER_INPUT' },
  },
];
