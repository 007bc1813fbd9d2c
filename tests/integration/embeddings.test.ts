/** Embeddings in Neo4j with the real model: the seed's, kept in step with curation, pruned when gone. */
import { parse } from 'graphql';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { embeddingRefresh } from '../../src/embed/refresh-plugin.js';
import { nearestByMeaning } from '../../src/embed/search.js';
import { refreshEmbeddings } from '../../src/embed/store.js';
import { type EmbeddableRow, embeddedText, textHash } from '../../src/embed/text.js';
import { useSearchTextSpread } from '../../src/server/search-text-spread.js';
import { useRealEmbedder } from './embedder.js';
import { TestHelper } from './helpers.js';

const model = useRealEmbedder();
const helper = new TestHelper('embeddings', {}, { embedder: () => model.embedder });
const { db, prefix: p } = helper;

afterAll(async () => {
  await helper.removeOwnData();
  // The store follows the graph: what the removed nodes leave behind is pruned.
  await refreshEmbeddings(db, model.embedder);
  await helper.close();
});

const embeddingOf = async (id: string) => {
  const [row] = await db.runText(
    `MATCH (e:Embedding {id: $id})-[:EMBEDS]->(n)
     RETURN e.model AS model, e.textHash AS textHash, size(e.vector) AS size, e.definitionVector AS definitionVector`,
    { id },
    'READ',
  );
  return row ?? null;
};

describe('embeddings of the seed', () => {
  it('gives every talk, paper and concept one vector of the model, and a second refresh embeds nothing', async () => {
    // The test files before this one change texts (curation links concepts to works): bring the store up to date first.
    await refreshEmbeddings(db, model.embedder);
    const [row] = await db.runText(
      `MATCH (n:Talk|Paper|Concept) OPTIONAL MATCH (e:Embedding {model: $model})-[:EMBEDS]->(n)
       RETURN count(n) AS nodes, count(e) AS embedded, min(size(e.vector)) AS size`,
      { model: model.embedder.name },
      'READ',
    );
    expect(row!.nodes).toBeGreaterThan(300);
    expect(row!.embedded).toBe(row!.nodes);
    expect(row!.size).toBe(384);
    const again = await refreshEmbeddings(db, model.embedder);
    expect(again).toMatchObject({ embedded: 0, unchanged: row!.nodes, removed: 0 });
    // Read a page at a time, every text is still checked once, and progress reaches the total.
    const progress: [number, number][] = [];
    const paged = await refreshEmbeddings(db, model.embedder, { page: 50, onProgress: (done, total) => progress.push([done, total]) });
    expect(paged).toMatchObject({ embedded: 0, unchanged: row!.nodes, removed: 0 });
    expect(progress.at(-1)).toEqual([row!.nodes, row!.nodes]);
    expect(progress.length).toBeGreaterThan(Number(row!.nodes) / 50);
  });

  it("stores the model's version with each vector, embeds again what another version made, and dates older vectors without embedding them", async () => {
    await refreshEmbeddings(db, model.embedder);
    const versions = await db.runText<{ version: string | null; n: number }>(
      'MATCH (e:Embedding {model: $model}) RETURN e.modelVersion AS version, count(*) AS n',
      { model: model.embedder.name },
      'READ',
    );
    expect(versions).toEqual([{ version: model.embedder.version, n: expect.any(Number) }]);
    await db.runText(
      `MATCH (e:Embedding {id: 'wasserstein-gan'}) SET e.modelVersion = 'another-file'
       WITH 1 AS one MATCH (e:Embedding {id: 'deep-voice-real-time-neural-text-to-speech'}) REMOVE e.modelVersion`,
    );
    const refresh = await refreshEmbeddings(db, model.embedder);
    expect(refresh).toMatchObject({ embedded: 1 });
    const [row] = await db.runText<{ versions: string[] }>(
      `MATCH (e:Embedding) WHERE e.id IN ['wasserstein-gan', 'deep-voice-real-time-neural-text-to-speech'] RETURN collect(DISTINCT e.modelVersion) AS versions`,
      {},
      'READ',
    );
    expect(row!.versions).toEqual([model.embedder.version]);
  });

  it('embeds a work from its title, summary and concept names, in a stable order', () => {
    const text = embeddedText({
      id: 'x',
      kind: 'Talk',
      title: 'Deep Voice',
      summary: 'Neural TTS',
      conceptText: 'WaveNet | Text-to-speech TTS | ',
    });
    expect(text).toBe('Deep Voice. Neural TTS. Topics: Text-to-speech TTS, WaveNet.');
    expect(
      embeddedText({ id: 'c', kind: 'Concept', name: 'Primal-dual formulation', aliases: ['dual form'], definition: 'A saddle point.' }),
    ).toBe('Primal-dual formulation (dual form). A saddle point.');
  });
});

describe('embeddings after curation', () => {
  const curate = (query: string, variables: Record<string, unknown>) => helper.requestAsCurator(query, variables);
  const upsert = `mutation($id: String, $name: String!, $definition: String) { upsertConcept(id: $id, name: $name, definition: $definition) { slug } }`;

  it('embeds a new concept before the mutation answers, and again only when its text changes', async () => {
    const id = `${p}-wavelets`;
    const created = await curate(upsert, {
      id,
      name: `${p} Wavelet scattering`,
      definition: 'Fixed wavelet filters as the layers of a network.',
    });
    expect(created.errors).toBeUndefined();
    const first = await embeddingOf(id);
    expect(first).toMatchObject({ model: model.embedder.name, size: 384 });
    expect(first!.textHash).toBe(textHash(`${p} Wavelet scattering. Fixed wavelet filters as the layers of a network.`));
    // The definition alone has a vector of its own: the model's vector of that text.
    const [definition] = await model.embedder.embed(['Fixed wavelet filters as the layers of a network.']);
    const stored = first!.definitionVector as number[];
    expect(stored).toHaveLength(384);
    expect(stored.reduce((sum, x, i) => sum + x * definition![i]!, 0)).toBeGreaterThan(0.9999);

    await curate(upsert, {
      id,
      name: `${p} Wavelet scattering`,
      definition: 'Invariant representations from cascaded wavelet transforms.',
    });
    const second = await embeddingOf(id);
    expect(second!.textHash).not.toBe(first!.textHash);
    expect(second!.definitionVector).not.toEqual(first!.definitionVector);

    // Without a definition, a concept has one vector only: a new one, and one whose definition went.
    const bare = `${p}-bare-wavelets`;
    expect((await curate(upsert, { id: bare, name: `${p} Bare wavelets` })).errors).toBeUndefined();
    expect(await embeddingOf(bare)).toMatchObject({ size: 384, definitionVector: null });
    await db.runText("MATCH (c:Concept {id: $id}) SET c.definition = ''", { id });
    await refreshEmbeddings(db, model.embedder);
    const third = await embeddingOf(id);
    expect(third!.textHash).toBe(textHash(`${p} Wavelet scattering.`));
    expect(third!.definitionVector).toBeNull();
  });

  const isDue = async (id: string) =>
    (await db.runText('MATCH (n:EmbeddingDue {id: $id}) RETURN count(n) AS n', { id }, 'READ'))[0]!.n === 1;

  it('reads again only the texts a curation touched, and embeds a work again when it is linked to a concept', async () => {
    const concept = `${p}-scattering`;
    const paper = `${p}-scattering-paper`;
    await curate(upsert, { id: concept, name: `${p} Scattering transform`, definition: 'Cascaded wavelet transforms.' });
    const created = await curate('mutation($id: String, $title: String!) { upsertPaper(id: $id, title: $title) { slug } }', {
      id: paper,
      title: `${p} Invariant scattering convolution networks`,
    });
    expect(created.errors).toBeUndefined();
    const paperFirst = await embeddingOf(paper);
    expect(paperFirst!.textHash).toBe(textHash(`${p} Invariant scattering convolution networks.`));
    // Changed behind the API's back: a curation of something else does not read this text again.
    await db.runText('MATCH (n:Paper {id: $id}) SET n.title = $title', { id: paper, title: `${p} Retitled quietly` });
    const conceptFirst = await embeddingOf(concept);
    await curate(upsert, { id: concept, name: `${p} Scattering transform`, definition: 'Invariants from wavelet moduli.' });
    expect((await embeddingOf(concept))!.textHash).not.toBe(conceptFirst!.textHash);
    expect((await embeddingOf(paper))!.textHash).toBe(paperFirst!.textHash);

    const linked = await curate(
      'mutation($w: ID!, $c: ID!) { linkWorkToConcept(work: $w, concept: $c, source: { url: "https://example.org", quote: "q" }) { title } }',
      { w: paper, c: concept },
    );
    expect(linked.errors).toBeUndefined();
    // The work's text now names the concept (and has its new title): embedded again before the answer.
    const [row] = await db.runText<EmbeddableRow>(
      "MATCH (n:Paper {id: $id}) RETURN n.id AS id, 'Paper' AS kind, n.title AS title, n.conceptText AS conceptText",
      { id: paper },
      'READ',
    );
    expect(embeddedText(row!)).toContain('Topics: ');
    expect((await embeddingOf(paper))!.textHash).toBe(textHash(embeddedText(row!)));
    expect(await isDue(paper)).toBe(false);
    expect(await isDue(concept)).toBe(false);
  });

  it("embeds a concept's works again in the background after it gains an alias, a few at a time", async () => {
    const concept = `${p}-spread`;
    const papers = [`${p}-spread-a`, `${p}-spread-b`, `${p}-spread-c`];
    await curate(upsert, { id: concept, name: `${p} Optimal transport`, definition: 'Moving mass at least cost.' });
    for (const paper of papers) {
      await curate('mutation($id: String, $title: String!) { upsertPaper(id: $id, title: $title) { slug } }', {
        id: paper,
        title: `${p} Sinkhorn distances ${paper.at(-1)}`,
      });
      await curate(
        'mutation($w: ID!, $c: ID!) { linkWorkToConcept(work: $w, concept: $c, source: { url: "https://example.org", quote: "q" }) { title } }',
        { w: paper, c: concept },
      );
    }
    const before = await embeddingOf(papers[0]!);
    const alias = await curate('mutation($c: ID!, $a: String!) { addConceptAlias(concept: $c, alias: $a) { slug } }', {
      c: concept,
      a: `${p} Earth mover's distance`,
    });
    expect(alias.errors).toBeUndefined();
    // The works' embedded text names the alias now; their vectors follow after the answer.
    const current = async (id: string) => {
      const [row] = await db.runText<EmbeddableRow>(
        "MATCH (n:Paper {id: $id}) RETURN n.id AS id, 'Paper' AS kind, n.title AS title, n.conceptText AS conceptText",
        { id },
        'READ',
      );
      return textHash(embeddedText(row!));
    };
    for (const paper of papers) {
      await vi.waitFor(async () => expect((await embeddingOf(paper))!.textHash).toBe(await current(paper)), { timeout: 30_000 });
    }
    expect((await embeddingOf(papers[0]!))!.textHash).not.toBe(before!.textHash);
    const [queued] = await db.runText('MATCH (n:EmbeddingQueued) RETURN count(n) AS n', {}, 'READ');
    expect(queued!.n).toBe(0);

    // Straight through the store: one round claims at most its page of the queue.
    await db.write('semantic/mark-queued', { ids: papers });
    const round = await refreshEmbeddings(db, model.embedder, { scope: 'queued', page: 2 });
    expect(round.embedded + round.unchanged).toBe(2);
    const [left] = await db.runText('MATCH (n:EmbeddingQueued) RETURN count(n) AS n', {}, 'READ');
    expect(left!.n).toBe(1);
    await refreshEmbeddings(db, model.embedder, { scope: 'queued', page: 2 });
  });

  it("finishes after a mutation's answer the spread its curation left, and then embeds the works it queued", async () => {
    const concept = `${p}-later`;
    const paper = `${p}-later-paper`;
    await curate(upsert, { id: concept, name: `${p} Kernel herding`, definition: 'Deterministic sampling by moments.' });
    await curate('mutation($id: String, $title: String!) { upsertPaper(id: $id, title: $title) { slug } }', {
      id: paper,
      title: `${p} Super-samples from kernel herding`,
    });
    await curate(
      'mutation($w: ID!, $c: ID!) { linkWorkToConcept(work: $w, concept: $c, source: { url: "https://example.org", quote: "q" }) { title } }',
      { w: paper, c: concept },
    );
    const before = await embeddingOf(paper);
    // Deliberately raw: what a curation leaves when its concept has more works than its answer waits for.
    await db.runText("MATCH (c:Concept {id: $id}) SET c.name = $name, c:NamesChanged, c.spreadAfter = ''", {
      id: concept,
      name: `${p} Herding with kernels`,
    });
    const refresh = embeddingRefresh(db, model.embedder);
    let told = 0;
    const plugin = useSearchTextSpread(db, () => {
      told++;
      void refresh.drain();
    });
    expect((plugin.onExecute as any)({ args: { document: parse('{ concepts { slug } }') } })).toBeUndefined();
    (plugin.onExecute as any)({ args: { document: parse('mutation { x }') } }).onExecuteDone({});
    await vi.waitFor(
      async () => {
        const [row] = await db.runText<EmbeddableRow>(
          "MATCH (n:Paper {id: $id}) RETURN n.id AS id, 'Paper' AS kind, n.title AS title, n.conceptText AS conceptText",
          { id: paper },
          'READ',
        );
        expect(row!.conceptText).toContain(`${p} Herding with kernels`);
        expect((await embeddingOf(paper))!.textHash).toBe(textHash(embeddedText(row!)));
      },
      { timeout: 30_000 },
    );
    expect(told).toBe(1);
    expect((await embeddingOf(paper))!.textHash).not.toBe(before!.textHash);
  });

  it('deletes the embedding of a concept merged into another with the merge', async () => {
    const keep = `${p}-keep`;
    const gone = `${p}-merged`;
    await curate(upsert, { id: keep, name: `${p} Kept concept` });
    await curate(upsert, { id: gone, name: `${p} Merged concept` });
    expect(await embeddingOf(gone)).not.toBeNull();
    const merged = await curate('mutation($k: ID!, $r: ID!) { mergeConcepts(keep: $k, remove: $r) { slug } }', { k: keep, r: gone });
    expect(merged.errors).toBeUndefined();
    const [row] = await db.runText('MATCH (e:Embedding {id: $id}) RETURN count(e) AS n', { id: gone }, 'READ');
    expect(row!.n).toBe(0);
  });

  it('removes the embedding of a node that is gone', async () => {
    const id = `${p}-gone`;
    await curate(upsert, { id, name: `${p} Gone soon` });
    expect(await embeddingOf(id)).not.toBeNull();
    // Deliberately raw Cypher: a node removed behind the API's back is what the refresh must notice.
    await db.runText('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
    const report = await refreshEmbeddings(db, model.embedder);
    expect(report.removed).toBe(1);
    const [row] = await db.runText('MATCH (e:Embedding {id: $id}) RETURN count(e) AS n', { id }, 'READ');
    expect(row!.n).toBe(0);
  });
});

describe('the vector index', () => {
  const quantized = async () => (await db.read<{ quantized: boolean }>('semantic/vector-index-quantized'))[0]?.quantized;

  it('keeps vectors unquantized, and rebuilds an index that an older version built quantized', async () => {
    expect(await quantized()).toBe(false);
    // The index as versions before 2026-12-06 built it.
    await db.runText('DROP INDEX embedding_vector');
    await db.runText(
      `CREATE VECTOR INDEX embedding_vector FOR (n:Embedding) ON n.vector
       OPTIONS {indexConfig: {\`vector.dimensions\`: 384, \`vector.similarity_function\`: 'cosine', \`vector.quantization.enabled\`: true}}`,
    );
    await db.runText('CALL db.awaitIndexes(300)', {}, 'READ');
    expect(await quantized()).toBe(true);

    await migrate(db);
    expect(await quantized()).toBe(false);
    const [best] = await nearestByMeaning(db, model.embedder, 'turning written text into spoken audio', ['Talk'], 5);
    expect(best?.node).toMatchObject({ title: 'Deep Voice: Real-time Neural Text-to-Speech' });
  });
});
