/**
 * Hostile and malformed GraphQL requests, each with what the server must answer. The test in
 * tests/integration/hostile.test.ts sends each one and checks that nothing in the graph changed.
 */
export interface HostileRequest {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** A raw request body, sent as it is instead of { query, variables }. */
  body?: string;
  /** 'none': no bearer token; 'wrong': a token that is not configured; 'curator': a valid one. */
  auth?: 'none' | 'wrong' | 'curator';
  /**
   * The error code the answer's first error must carry, a pattern its message must match and
   * extensions it must hold; or 'answered' (no error, and every root field answered).
   */
  expect: { code: string; message?: RegExp; extensions?: Record<string, unknown> } | { code?: string; message: RegExp } | 'answered';
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
      query: 'query($q: String!) { talks(text: $q, session: $q, person: $q) { totalCount } }',
      variables: { q },
      expect: 'answered',
    },
    {
      // A concept filter names a concept, or it is refused: never an empty list for a concept that is not there.
      name: `Cypher in a concept filter: ${q}`,
      query: 'query($q: String!) { talks(concept: $q) { totalCount } }',
      variables: { q },
      expect: { code: 'NOT_FOUND', extensions: { argument: 'concept', value: q } },
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

/** A body whose variable is JSON nested `depth` levels deep: arrays, or objects. */
const nestedBody = (depth: number, kind: 'array' | 'object') =>
  `{"query": "query($q: String!) { search(query: $q) { totalCount } }", "variables": {"q": ${
    kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
  }}}`;
const talksFirst = 'query($f: Int) { talks(first: $f) { totalCount } }';
const search = 'query($q: String!) { search(query: $q) { totalCount } }';
const wrongInput = (name: string, query: string, variables: Record<string, unknown>, message?: RegExp): HostileRequest => ({
  name,
  query,
  variables,
  expect: message ? { code: 'BAD_USER_INPUT', message } : { code: 'BAD_USER_INPUT' },
});
const asCurator = (request: HostileRequest): HostileRequest => ({ ...request, auth: 'curator' });
const aliasMutation = 'mutation($c: ID!, $a: String!, $v: Int) { addConceptAlias(concept: $c, alias: $a, expectedVersion: $v) { name } }';

/** GraphQL variables of the wrong types and sizes, and request bodies that are not GraphQL requests. */
export const malformedVariables: HostileRequest[] = [
  wrongInput('a string for an Int', talksFirst, { f: 'ten' }, /Int cannot represent non-integer value/),
  wrongInput('a float for an Int', talksFirst, { f: 1.5 }, /Int cannot represent non-integer value/),
  wrongInput('2^40 for an Int', talksFirst, { f: 2 ** 40 }, /non 32-bit signed integer/),
  wrongInput('-2^31 - 1 for an Int', talksFirst, { f: -(2 ** 31) - 1 }, /non 32-bit signed integer/),
  wrongInput('a boolean for an Int', talksFirst, { f: true }, /Int cannot represent/),
  wrongInput('an object for a String', search, { q: { query: 'gan' } }, /String cannot represent a non string value/),
  wrongInput('a list for a String', search, { q: ['gan'] }, /String cannot represent a non string value/),
  wrongInput('a number for a String', search, { q: 42 }, /String cannot represent a non string value/),
  wrongInput('null for a non-null String', search, { q: null }, /must not be null/),
  wrongInput('a missing non-null variable', search, {}, /was not provided/),
  wrongInput('null inside a list of non-null ids', 'query($a: [ID!]!) { nodes(ids: $a) { id } }', { a: ['x', null] }, /not to be null/),
  wrongInput('an object for an ID', 'query($a: ID!) { talk(id: $a) { title } }', { a: { id: 'wasserstein-gan' } }, /ID cannot represent/),
  wrongInput(
    'an unknown enum value',
    'query($k: TalkKind) { talks(kind: $k) { totalCount } }',
    { k: 'KEYNOTE' },
    /does not exist in "TalkKind"/,
  ),
  wrongInput('an enum value in lower case', 'query($k: TalkKind) { talks(kind: $k) { totalCount } }', { k: 'talk' }, /does not exist/),
  wrongInput('a string for a Boolean', 'mutation($d: Boolean) { importRecords(text: "x", dryRun: $d) { records } }', { d: 'yes' }),
  wrongInput(
    'an unknown field in an input object',
    'mutation($s: SourceInput!) { linkWorkToConcept(work: "a", concept: "b", source: $s) { title } }',
    {
      s: { quote: 'x', url: 'https://example.org', sql: 'DROP' },
    },
  ),
  wrongInput('a string for a File', 'mutation($f: File) { importRecords(file: $f) { records } }', { f: 'not a file' }),
  wrongInput('10,000 ids where 50 are allowed', 'query($a: [ID!]!) { nodes(ids: $a) { id } }', {
    a: Array.from({ length: 10_000 }, (_, i) => `id-${i}`),
  }),
  wrongInput('10,000 seed ids for relatedWork', 'query($a: [ID!]!) { relatedWork(to: $a) { score } }', {
    a: Array.from({ length: 10_000 }, (_, i) => `id-${i}`),
  }),
  wrongInput('a 1 MB id', 'query($a: ID!) { talk(id: $a) { title } }', { a: 'x'.repeat(1_000_000) }),
  wrongInput('a 1 MB person name', 'query($a: String!) { person(name: $a) { name } }', { a: 'y'.repeat(1_000_000) }),
  wrongInput('a 300 kB list filter', 'query($a: String) { talks(text: $a) { totalCount } }', { a: 'z'.repeat(300_000) }),
  asCurator(
    wrongInput('5,000 aliases', 'mutation($a: [String!]) { upsertConcept(name: "Hostile", aliases: $a) { name } }', {
      a: Array.from({ length: 5_000 }, (_, i) => `alias ${i}`),
    }),
  ),
  asCurator(wrongInput('a 1 MB alias', aliasMutation, { c: 'EWC', a: 'a'.repeat(1_000_000) })),
  asCurator(wrongInput('a negative expectedVersion', aliasMutation, { c: 'EWC', a: 'x', v: -1 }, /expectedVersion: must be at least 0/)),
  asCurator(wrongInput('a string expectedVersion', aliasMutation, { c: 'EWC', a: 'x', v: '3' }, /Int cannot represent/)),
  asCurator(wrongInput('2^31 as expectedVersion', aliasMutation, { c: 'EWC', a: 'x', v: 2 ** 31 }, /non 32-bit signed integer/)),
  asCurator(
    wrongInput(
      'a 21 MB records text',
      'mutation($t: String) { importRecords(text: $t) { records } }',
      { t: 'r'.repeat(21_000_000) },
      /text: Too big/,
    ),
  ),
  {
    name: 'a 70 MB body, over the 64 MiB limit',
    query: 'mutation($t: String) { importRecords(text: $t) { records } }',
    variables: { t: 'r'.repeat(70 * 2 ** 20) },
    auth: 'curator',
    expect: { code: 'REQUEST_ENTITY_TOO_LARGE', message: /Request body too large/ },
  },
  asCurator(
    wrongInput(
      'a line of 100,000 for a talk',
      'mutation($o: Int) { upsertTalk(title: "T", kind: TALK, day: "icml-2017-day-2", order: $o) { title } }',
      {
        o: 100_000,
      },
    ),
  ),
  { name: 'variables nested 100,000 arrays deep', query: '', body: nestedBody(100_000, 'array'), expect: { code: 'BAD_USER_INPUT' } },
  { name: 'variables nested 100,000 objects deep', query: '', body: nestedBody(100_000, 'object'), expect: { code: 'BAD_USER_INPUT' } },
  ...(
    [
      ['a body that is not JSON', '{"query": "{ talks { totalCount } ", "variables": '],
      ['an empty body', ''],
      ['a body that is JSON null', 'null'],
      ['a number as the query', '{"query": 5}'],
      ['a string as the variables', '{"query": "{ talks { totalCount } }", "variables": "x"}'],
      ['a list as the variables', '{"query": "{ talks { totalCount } }", "variables": [1]}'],
      ['a string as the extensions', '{"query": "{ talks { totalCount } }", "extensions": "x"}'],
      ['a body of 100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ] as const
  ).map(([name, body]): HostileRequest => ({ name, query: '', body, expect: { code: 'BAD_REQUEST' } })),
  { name: 'a literal of the wrong type', query: '{ talks(first: "ten") { totalCount } }', expect: { code: 'GRAPHQL_VALIDATION_FAILED' } },
  {
    name: 'a lone surrogate escaped in the query text',
    query: '{ search(query: "gan\\uD800") { totalCount } }',
    expect: { code: 'GRAPHQL_PARSE_FAILED' },
  },
  {
    name: 'a NUL escaped in the query text',
    query: '{ search(query: "gan\\u0000") { totalCount } }',
    expect: { code: 'BAD_USER_INPUT', message: /argument query: contains a NUL/ },
  },
  {
    name: 'a NUL in an inline list of aliases',
    query: 'mutation { upsertConcept(name: "Hostile", aliases: ["a", "b\\u0000"]) { name } }',
    auth: 'curator',
    expect: { code: 'BAD_USER_INPUT', message: /argument aliases\[1\]: contains a NUL/ },
  },
];
