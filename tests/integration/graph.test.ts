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
    expect(wgan.data.find((d: any) => d['@_key'] === 'n_label')['#text']).toBe('Wasserstein GAN');
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
