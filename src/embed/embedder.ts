/**
 * Sentence embeddings on the CPU: the model's tokenizer (@huggingface/tokenizers, from its local
 * tokenizer.json) and its ONNX graph (onnxruntime-node). Vectors are L2-normalised, so the dot
 * product of two is their cosine similarity.
 */
import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import ort from 'onnxruntime-node';
import { MODELS, type ModelFiles, type ModelName } from './models.js';

/** Longer texts are cut to this many tokens; an abstract of 600 characters is about 130. */
const MAX_TOKENS = 256;
/** Texts per call of the model; texts of similar length are batched together to limit padding. */
const BATCH_SIZE = 32;
const QUERY_CACHE_SIZE = 1000;

export type Vector = Float32Array;

export class Embedder {
  readonly spec;
  private readonly queryCache = new Map<string, Vector>();
  private readonly waiting: { text: string; resolve: (vector: Vector) => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  private constructor(
    readonly name: ModelName,
    private readonly tokenizer: Tokenizer,
    private readonly session: ort.InferenceSession,
  ) {
    this.spec = MODELS[name];
  }

  static async load(files: ModelFiles, threads = 2): Promise<Embedder> {
    const tokenizer = new Tokenizer(JSON.parse(readFileSync(files.tokenizer, 'utf8')), {});
    const session = await ort.InferenceSession.create(files.onnx, {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      // Idle threads sleep instead of spinning: spinning doubled the CPU of a query's embedding
      // (10.6 against 5.7 ms), CPU that Neo4j and the server share.
      extra: { session: { intra_op: { allow_spinning: '0' } } },
    });
    return new Embedder(files.name, tokenizer, session);
  }

  get dimensions(): number {
    return this.spec.dimensions;
  }

  /** One vector per text, in order: for the texts that are searched (titles, abstracts, definitions). */
  async embed(texts: string[]): Promise<Vector[]> {
    const encoded = texts.map((text) => this.encode(text));
    const order = encoded.map((_, i) => i).sort((a, b) => encoded[a]!.length - encoded[b]!.length);
    const vectors: Vector[] = new Array(texts.length);
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const batch = order.slice(start, start + BATCH_SIZE);
      const out = await this.run(batch.map((i) => encoded[i]!));
      batch.forEach((i, j) => (vectors[i] = out[j]!));
    }
    return vectors;
  }

  /**
   * The vector of a search query, with the model's query instruction; the last 1000 are cached.
   * Queries that arrive while the model is busy are embedded together in its next run: one run of
   * ten short texts costs far less than ten runs.
   */
  async embedQuery(text: string): Promise<Vector> {
    const cached = this.queryCache.get(text);
    if (cached) return cached;
    const vector = await new Promise<Vector>((resolve, reject) => {
      this.waiting.push({ text: this.spec.queryPrefix + text, resolve, reject });
      if (!this.running) void this.runWaiting();
    });
    if (this.queryCache.size >= QUERY_CACHE_SIZE) this.queryCache.delete(this.queryCache.keys().next().value!);
    this.queryCache.set(text, vector);
    return vector;
  }

  /** Embeds the waiting queries in one run, then those that arrived meanwhile, until none wait. */
  private async runWaiting() {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, BATCH_SIZE);
        try {
          const vectors = await this.embed(batch.map((query) => query.text));
          batch.forEach((query, i) => query.resolve(vectors[i]!));
        } catch (error) {
          batch.forEach((query) => query.reject(error));
        }
      }
    } finally {
      this.running = false;
    }
  }

  async close() {
    await this.session.release();
  }

  /** Token ids with [CLS] and [SEP], cut to MAX_TOKENS (keeping the closing [SEP]). */
  private encode(text: string): number[] {
    const { ids } = this.tokenizer.encode(text);
    return ids.length <= MAX_TOKENS ? ids : [...ids.slice(0, MAX_TOKENS - 1), ids[ids.length - 1]!];
  }

  private async run(batch: number[][]): Promise<Vector[]> {
    const rows = batch.length;
    const width = Math.max(...batch.map((ids) => ids.length));
    const ids = new BigInt64Array(rows * width);
    const mask = new BigInt64Array(rows * width);
    batch.forEach((tokens, r) =>
      tokens.forEach((id, c) => {
        ids[r * width + c] = BigInt(id);
        mask[r * width + c] = 1n;
      }),
    );
    const dims = [rows, width];
    const output = await this.session.run({
      input_ids: new ort.Tensor('int64', ids, dims),
      attention_mask: new ort.Tensor('int64', mask, dims),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(rows * width), dims),
    });
    const hidden = output[this.session.outputNames[0]!]!.data;
    if (!(hidden instanceof Float32Array))
      throw new Error(`the model ${this.name} gave ${hidden.constructor.name} hidden states, not float32`);
    const size = this.dimensions;
    return batch.map((tokens, r) => {
      const vector = new Float32Array(size);
      const used = this.spec.pooling === 'cls' ? 1 : tokens.length;
      for (let t = 0; t < used; t++) {
        const offset = (r * width + t) * size;
        for (let d = 0; d < size; d++) vector[d]! += hidden[offset + d]!;
      }
      return normalise(vector);
    });
  }
}

function normalise(vector: Vector): Vector {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < vector.length; d++) vector[d]! /= norm;
  return vector;
}

/** The cosine similarity of two normalised vectors. */
export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
  return dot;
}
