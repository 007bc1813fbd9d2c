/** The real embedding models (fetched by Maven into .models/ when missing): pooling, batching, meaning. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { cosine, Embedder } from '../../src/embed/embedder.js';
import { locateModel, MODELS, type ModelName } from '../../src/embed/models.js';
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

  it('returns unit vectors that barely depend on the other texts of the batch (padding is masked)', async () => {
    const short = 'Primal-dual formulation';
    const long = 'A saddle-point view of empirical risk minimisation that alternates updates of the primal and the dual variables.';
    const [alone] = await embedder.embed([short]);
    const [, batched] = await embedder.embed([long, short]);
    expect(alone!.length).toBe(MODELS[name].dimensions);
    expect(cosine(alone!, alone!)).toBeCloseTo(1, 5);
    // Not exactly 1: the quantised models scale activations per batch. Unmasked padding gives about 0.8.
    expect(cosine(alone!, batched!)).toBeGreaterThan(0.98);
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
  it('gives concurrent queries the vectors they get alone, embedding them in fewer model runs', async () => {
    const embedder = await Embedder.load(await locateModel('all-minilm-l6-v2-q'));
    const queries = Array.from({ length: 10 }, (_, i) => `query number ${i} about speech synthesis`);
    const alone: Float32Array[] = [];
    for (const q of queries) alone.push((await embedder.embed([embedder.spec.queryPrefix + q]))[0]!);
    const runs = vi.spyOn(embedder, 'embed');
    const together = await Promise.all(queries.map((q) => embedder.embedQuery(q)));
    expect(runs.mock.calls.length).toBeLessThanOrEqual(2);
    together.forEach((vector, i) => expect(cosine(vector, alone[i]!)).toBeGreaterThan(0.98));
    // Cached: asking again runs nothing.
    await embedder.embedQuery(queries[0]!);
    expect(runs.mock.calls.length).toBeLessThanOrEqual(2);
    await embedder.close();
  });
});
