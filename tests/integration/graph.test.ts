import cytoscape from 'cytoscape';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphRelationships } from '../../src/graph/subgraph.js';
import { createApi } from '../../src/server/yoga.js';
import { connectTestDb, gql } from './helpers.js';

const db = connectTestDb();
const yoga = createApi({ db });
afterAll(() => db.close());

/** What Neo4j holds: every node but documents, and every relationship between them of an exported type. */
let expected: { nodes: number; edges: number };
beforeAll(async () => {
  const [row] = await db.runText(
    `CALL { MATCH (n:Entity) WHERE NOT n:Document RETURN count(n) AS nodes }
     CALL { MATCH (a:Entity)-[r]->(b:Entity) WHERE NOT a:Document AND NOT b:Document AND type(r) IN $types RETURN count(r) AS edges }
     RETURN nodes, edges`,
    { types: [...graphRelationships] },
    'READ',
  );
  expected = row as { nodes: number; edges: number };
});

const get = (path: string) => yoga.fetch(`http://localhost${path}`);

describe('the graph query', () => {
  it('returns the whole graph as flat nodes and edges, matching Neo4j', async () => {
    const { data } = await gql(
      yoga,
      `{ graph(limit: 2000) { truncated totalNodes totalEdges nodes { id type label } edges { id source target type weight } } }`,
    );
    expect(data.graph.nodes).toHaveLength(expected.nodes);
    expect(data.graph.edges).toHaveLength(expected.edges);
    expect(data.graph).toMatchObject({ truncated: false, totalNodes: expected.nodes, totalEdges: expected.edges });
    const ids = new Set(data.graph.nodes.map((n: any) => n.id));
    for (const e of data.graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(new Set(data.graph.edges.map((e: any) => e.id)).size).toBe(expected.edges);
  });

  it('says when it truncated', async () => {
    const { data } = await gql(yoga, `{ graph(limit: 10) { truncated totalNodes nodes { id } } }`);
    expect(data.graph).toMatchObject({ truncated: true, totalNodes: expected.nodes });
    expect(data.graph.nodes).toHaveLength(10);
  });

  it('returns the neighbourhood of a talk, nearest first, with the quotes on its edges', async () => {
    const { data } = await gql(
      yoga,
      `{ graph(center: ["wasserstein-gan"], depth: 1) { nodes { id type } edges { source target type line quote } } }`,
    );
    const ids = data.graph.nodes.map((n: any) => n.id);
    expect(ids[0]).toBe('wasserstein-gan');
    expect(ids).toEqual(expect.arrayContaining(['paper-wasserstein-gan', 'lipschitz-constraint', 'wasserstein-distance']));
    const lipschitz = data.graph.edges.find(
      (e: any) => e.type === 'DISCUSSES' && e.target === 'lipschitz-constraint' && e.source === 'wasserstein-gan',
    );
    expect(lipschitz.quote).toContain('Lipschitz');
    expect(lipschitz.line).toBeGreaterThanOrEqual(168);
  });

  /** The edges among `ids` of the given types, as Neo4j holds them, and the ids reached at depth 1 from `center`. */
  const among = async (ids: string[], relationships: readonly string[]) =>
    (
      await db.runText<{ source: string; target: string; type: string }>(
        `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $relationships
         RETURN a.id AS source, b.id AS target, type(r) AS type`,
        { ids, relationships: [...relationships] },
        'READ',
      )
    )
      .map((e) => `${e.source} ${e.type} ${e.target}`)
      .sort();
  const reachedAtDepth1 = async (center: string, relationships: readonly string[]) =>
    (
      await db.runText<{ reached: string[] }>(
        `MATCH (c:Entity {id: $center})
         RETURN [c.id] + COLLECT { MATCH (c)-[r]-(b:Entity) WHERE type(r) IN $relationships AND NOT b:Document RETURN DISTINCT b.id } AS reached`,
        { center, relationships: [...relationships] },
        'READ',
      )
    )[0]!.reached;

  // The statement walks each node's outgoing relationships, except a person's with more of them
  // than there are reached nodes, which is tested against each reached node instead
  // (cypher/graph/neighbourhood.cypher): both ways must give the same edges.
  it.each([
    ['every relationship', 'wasserstein-gan', `depth: 1`, graphRelationships],
    ['DISCUSSES only', 'wasserstein-gan', `depth: 1, relationships: [DISCUSSES]`, ['DISCUSSES']],
    ['three nodes kept', 'wasserstein-gan', `depth: 1, limit: 3`, graphRelationships],
    ['depth 2, twenty kept', 'wasserstein-gan', `depth: 2, limit: 20`, graphRelationships],
    ['a talk and its people, one of whom has more works than that', null, `depth: 1, relationships: [CONTRIBUTED_TO]`, ['CONTRIBUTED_TO']],
  ])('finds every edge among the neighbourhood, %s', async (_, given, args, relationships) => {
    let center = given;
    if (!center) {
      const [row] = await db.runText<{ id: string }>(
        `MATCH (t:Talk)<-[:CONTRIBUTED_TO]-(p:Person)
         WHERE COUNT { (t)<-[:CONTRIBUTED_TO]-() } >= 2 AND COUNT { (p)-->() } > 1 + COUNT { (t)<-[:CONTRIBUTED_TO]-() }
         RETURN t.id AS id ORDER BY id LIMIT 1`,
        {},
        'READ',
      );
      center = row!.id;
    }
    const { data } = await gql(yoga, `{ graph(center: ["${center}"], ${args}) { totalEdges nodes { id } edges { source target type } } }`);
    const kept = data.graph.nodes.map((n: any) => n.id);
    const edges = await among(kept, relationships);
    expect(edges.length).toBeGreaterThan(1);
    expect(data.graph.edges.map((e: any) => `${e.source} ${e.type} ${e.target}`).sort()).toEqual(edges);
    if (args.startsWith('depth: 1')) {
      const reached = await reachedAtDepth1(center, relationships);
      expect(data.graph.totalEdges).toBe((await among(reached, relationships)).length);
    }
  });

  it('keeps to the requested node types and relationships', async () => {
    const { data } = await gql(
      yoga,
      `{ graph(center: ["wasserstein-gan"], depth: 2, types: [TALK, CONCEPT], relationships: [DISCUSSES]) { nodes { type } edges { type } } }`,
    );
    for (const n of data.graph.nodes) expect(['Talk', 'Concept']).toContain(n.type);
    for (const e of data.graph.edges) expect(e.type).toBe('DISCUSSES');
    expect(data.graph.nodes.length).toBeGreaterThan(5);
  });
});

describe('exports', () => {
  it('serves GraphML that an XML parser reads, with every node and edge', async () => {
    const response = await get('/export/graph.graphml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="icml-graph.graphml"');
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name) }).parse(
      await response.text(),
    );
    const graph = doc.graphml.graph;
    expect(graph['@_edgedefault']).toBe('directed');
    expect(graph.node).toHaveLength(expected.nodes);
    expect(graph.edge).toHaveLength(expected.edges);
    const wgan = graph.node.find((n: any) => n['@_id'] === 'wasserstein-gan');
    expect(wgan.data.find((d: any) => d['@_key'] === 'n_label')['#text']).toBe('Wasserstein GAN · talk');
  });

  it('serves Cytoscape.js JSON that cytoscape loads, with every node and edge', async () => {
    const response = await get('/export/graph.cyjs');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="icml-graph.cyjs"');
    const json = await response.json();
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes().length).toBe(expected.nodes);
    expect(cy.edges().length).toBe(expected.edges);
    expect(cy.getElementById('wasserstein-gan').data('type')).toBe('Talk');
  });

  it('exports a neighbourhood', async () => {
    const json = await (await get('/export/graph.cyjs?center=wasserstein-gan&depth=1')).json();
    const { data } = await gql(yoga, `{ graph(center: ["wasserstein-gan"], depth: 1, limit: 2000) { nodes { id } edges { id } } }`);
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes().length).toBe(data.graph.nodes.length);
    expect(cy.edges().length).toBe(data.graph.edges.length);
  });

  it("takes node types and relationships in the graph query's spelling, in any letter case", async () => {
    const { data } = await gql(yoga, `{ graph(types: [CONCEPT], relationships: [BROADER], limit: 2000) { nodes { id } edges { id } } }`);
    for (const query of [
      'types=CONCEPT&relationships=BROADER',
      'types=concept&relationships=broader',
      'types=Concept&relationships=Broader',
    ]) {
      const response = await get(`/export/graph.cyjs?${query}`);
      expect(response.status).toBe(200);
      const cy = cytoscape({ headless: true, elements: (await response.json()).elements });
      expect(cy.nodes().length).toBe(data.graph.nodes.length);
      expect(cy.edges().length).toBe(data.graph.edges.length);
    }
    expect((await get('/export/graph.cyjs?types=CONCEPTS')).status).toBe(400);
  });

  it('refuses invalid parameters with a 400 that says which', async () => {
    const response = await get('/export/graph.graphml?depth=9');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/depth/);
    expect((await get('/export/graph.svg')).status).toBe(404);
  });
});

/** The GraphML export parsed with every value kept as text, so the test checks what a reader must convert. */
async function graphML() {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name),
  });
  return parser.parse(await (await get('/export/graph.graphml')).text()).graphml;
}

/** The values of one element's <data>, by attribute name. */
const valuesOf = (element: any, names: Map<string, string>) =>
  Object.fromEntries((element.data ?? []).map((d: any) => [names.get(d['@_key']), d['#text']]));

describe('labels that tell nodes apart', () => {
  it('labels talks, papers, concepts and days so that none is equal in the seeded graph, and keeps their names', async () => {
    const { data } = await gql(yoga, `{ graph(limit: 2000) { nodes { id label name type } } }`);
    const nodes: { id: string; label: string; name: string }[] = data.graph.nodes;
    const names = nodes.map((n) => n.name);
    const labels = nodes.map((n) => n.label);
    // Names repeat (a talk, the concept it is named after, ...); labels do not.
    expect(new Set(names).size).toBeLessThan(names.length);
    expect(new Set(labels).size).toBe(labels.length);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('wasserstein-gan')).toMatchObject({ label: 'Wasserstein GAN · talk', name: 'Wasserstein GAN' });
    expect(byId.get('wgan')).toMatchObject({ label: 'Wasserstein GAN · concept', name: 'Wasserstein GAN' });
    expect(byId.get('paper-wasserstein-gan')!.label).toBe('Wasserstein Generative Adversarial Networks · paper 2017');
    expect(byId.get('icml-2017-day-2')).toMatchObject({ label: 'Day 2 · Conference', name: 'Conference' });
    expect(byId.get('icml-2017-day-2-session-2-deep-generative-models-2')!.label).toBe(
      'Session 2 - Deep Generative Models 2 · session, day 2',
    );
  });

  it('gives the exports the same unique labels', async () => {
    const doc = await graphML();
    const names = new Map<string, string>(doc.key.map((k: any) => [k['@_id'], k['@_attr.name']]));
    const graphmlLabels = doc.graph.node.map((n: any) => valuesOf(n, names).label);
    expect(new Set(graphmlLabels).size).toBe(expected.nodes);
    const json = await (await get('/export/graph.cyjs')).json();
    const cyLabels = json.elements.nodes.map((n: any) => n.data.label);
    expect(new Set(cyLabels).size).toBe(expected.nodes);
    expect(new Set(cyLabels)).toEqual(new Set(graphmlLabels));
  });
});

describe('exports a desktop tool can filter by', () => {
  const parses: Record<string, (text: string) => boolean> = {
    string: () => true,
    int: (text) => /^-?\d+$/.test(text),
    double: (text) => text.trim() !== '' && Number.isFinite(Number(text)),
  };

  it('declares a typed GraphML key for day, session, year, summary, definition, URL and arXiv id, and every value parses as its type', async () => {
    const doc = await graphML();
    const keys = new Map<string, { name: string; type: string; for: string }>(
      doc.key.map((k: any) => [k['@_id'], { name: k['@_attr.name'], type: k['@_attr.type'], for: k['@_for'] }]),
    );
    const nodeKeys = Object.fromEntries([...keys.values()].filter((k) => k.for === 'node').map((k) => [k.name, k.type]));
    expect(nodeKeys).toMatchObject({
      day: 'int',
      session: 'string',
      year: 'int',
      summary: 'string',
      definition: 'string',
      url: 'string',
      arxiv: 'string',
      doi: 'string',
      label: 'string',
      name: 'string',
    });
    let checked = 0;
    for (const element of [...doc.graph.node, ...doc.graph.edge]) {
      for (const d of element.data ?? []) {
        const key = keys.get(d['@_key']);
        expect(key, d['@_key']).toBeDefined();
        expect(parses[key!.type]!(String(d['#text'])), `${key!.name}=${d['#text']}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(expected.nodes * 3);
    const names = new Map([...keys].map(([id, k]) => [id, k.name]));
    const node = (id: string) =>
      valuesOf(
        doc.graph.node.find((n: any) => n['@_id'] === id),
        names,
      );
    expect(node('wasserstein-gan')).toMatchObject({
      type: 'Talk',
      day: '2',
      session: 'Session 2 - Deep Generative Models 2',
      year: '2017',
    });
    expect(node('wasserstein-gan').summary).toMatch(/Wasserstein/);
    // A paper carries its identifiers and the day and session of the talk that presented it.
    expect(node('paper-wasserstein-gan')).toMatchObject({
      arxiv: '1701.07875',
      url: 'https://proceedings.mlr.press/v70/arjovsky17a.html',
      year: '2017',
      day: '2',
      session: 'Session 2 - Deep Generative Models 2',
    });
    expect(node('wgan').definition).toMatch(/Wasserstein distance/);
    expect(node('icml-2017-day-2')).toMatchObject({ day: '2', label: 'Day 2 · Conference' });
  });

  it('gives the Cytoscape JSON the same attributes as JSON numbers and strings, leaving out what does not apply', async () => {
    const json = await (await get('/export/graph.cyjs')).json();
    const types: Record<string, string> = {
      id: 'string',
      label: 'string',
      name: 'string',
      type: 'string',
      kind: 'string',
      day: 'number',
      session: 'string',
      year: 'number',
      summary: 'string',
      definition: 'string',
      url: 'string',
      arxiv: 'string',
      doi: 'string',
    };
    for (const { data } of json.elements.nodes) {
      for (const [field, value] of Object.entries(data)) {
        expect(typeof value, `${data.id}.${field}`).toBe(types[field]);
        if (types[field] === 'number') expect(Number.isInteger(value)).toBe(true);
      }
    }
    for (const { data } of json.elements.edges) {
      expect(typeof data.weight).toBe('number');
      if ('line' in data) expect(Number.isInteger(data.line)).toBe(true);
    }
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.getElementById('paper-wasserstein-gan').data()).toMatchObject({ arxiv: '1701.07875', year: 2017, day: 2, type: 'Paper' });
    expect(cy.getElementById('wgan').data('definition')).toMatch(/Wasserstein distance/);
    expect(cy.getElementById('wgan').data('year')).toBeUndefined();
  });
});
