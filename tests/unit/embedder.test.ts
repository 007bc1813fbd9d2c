/** The real embedding models (fetched by Maven into .models/ when missing): pooling, batching, meaning. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosine, Embedder } from '../../src/embed/embedder.js';
import { locateModel, MODELS, type ModelName } from '../../src/embed/models.js';

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
