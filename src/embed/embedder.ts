/**
 * Sentence embeddings on the CPU: the model's tokenizer (@huggingface/tokenizers, from its local
 * tokenizer.json) and its ONNX graph (onnxruntime-node). Vectors are L2-normalised, so the dot
 * product of two is their cosine similarity.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import ort from 'onnxruntime-node';
import { MODELS, type ModelFiles, type ModelName } from './models.js';

/** Longer texts are cut to this many tokens; an abstract of 600 characters is about 130. */
const MAX_TOKENS = 256;
const QUERY_CACHE_SIZE = 1000;

export type Vector = Float32Array;

/** Where an embedder's time went since it was loaded (bench/embed.ts reads it). */
export interface EmbedTimings {
  texts: number;
  tokens: number;
  tokenizeMs: number;
  modelMs: number;
  poolMs: number;
}

export class Embedder {
  readonly spec;
  readonly timings: EmbedTimings = { texts: 0, tokens: 0, tokenizeMs: 0, modelMs: 0, poolMs: 0 };
  private readonly queryCache = new Map<string, Vector>();

  private constructor(
    readonly name: ModelName,
    /** The model file's version: the first 16 hex digits of its SHA-256, stored with each vector. */
    readonly version: string,
    private readonly tokenizer: Tokenizer,
    private readonly session: ort.InferenceSession,
    private readonly querySession: ort.InferenceSession,
  ) {
    this.spec = MODELS[name];
  }

  /**
   * Texts to store are embedded with `threads` intra-op threads; search queries with one, in a
   * session of their own. A query is 10–20 tokens, too short for a second thread to pay: at two
   * threads it took 13.1–14.6 ms of CPU for about 8–9 ms of wall time, at one 8.8 ms for the same
   * wall time (bench/RESULTS.md, "Search load with a new query every time"), and under load that
   * CPU is Neo4j's and the server's. The vectors are the same either way (within 3e-8).
   */
  static async load(files: ModelFiles, threads = 2): Promise<Embedder> {
    const tokenizer = new Tokenizer(JSON.parse(readFileSync(files.tokenizer, 'utf8')), {});
    const session = await createSession(files.onnx, threads);
    const querySession = threads === 1 ? session : await createSession(files.onnx, 1);
    const version = createHash('sha256').update(readFileSync(files.onnx)).digest('hex').slice(0, 16);
    return new Embedder(files.name, version, tokenizer, session, querySession);
  }

  get dimensions(): number {
    return this.spec.dimensions;
  }

  /**
   * One vector per text, in order: for the texts that are searched (titles, abstracts, definitions).
   *
   * Each text is its own run of the model, so its vector is the same whatever else is embedded
   * with it. The quantised models quantise each layer's input with one scale for the whole batch
   * (DynamicQuantizeMatMul), so batches of 32 moved vectors by up to 0.009 (bge) and 0.026 (MiniLM)
   * in cosine, depending on their neighbours and padding; and batching did not pay on these CPUs:
   * an abstract cost 70–72 ms of CPU in batches of 32 against 65–68 ms alone, a synthetic talk
   * 72–82 against 58–61 (bench/RESULTS.md, 2026-12-05). The runs are one after the other
   * (onnxruntime-node runs a session on the calling thread; its intra-op threads spread one run over
   * the cores), and the event loop gets a turn between two texts.
   */
  async embed(texts: string[]): Promise<Vector[]> {
    const vectors: Vector[] = [];
    for (const text of texts) vectors.push(await this.embedOne(text, this.session));
    return vectors;
  }

  /** The vector of a search query, with the model's query instruction; the last 1000 are cached. */
  async embedQuery(text: string): Promise<Vector> {
    const cached = this.queryCache.get(text);
    if (cached) return cached;
    const vector = await this.embedOne(this.spec.queryPrefix + text, this.querySession);
    if (this.queryCache.size >= QUERY_CACHE_SIZE) this.queryCache.delete(this.queryCache.keys().next().value!);
    this.queryCache.set(text, vector);
    return vector;
  }

  async close() {
    await this.session.release();
    if (this.querySession !== this.session) await this.querySession.release();
  }

  /** Token ids with [CLS] and [SEP], cut to MAX_TOKENS (keeping the closing [SEP]). */
  private encode(text: string): number[] {
    const { ids } = this.tokenizer.encode(text);
    return ids.length <= MAX_TOKENS ? ids : [...ids.slice(0, MAX_TOKENS - 1), ids[ids.length - 1]!];
  }

  private async embedOne(text: string, session: ort.InferenceSession): Promise<Vector> {
    const t0 = performance.now();
    const tokens = this.encode(text);
    const width = tokens.length;
    const ids = BigInt64Array.from(tokens, BigInt);
    const dims = [1, width];
    const t1 = performance.now();
    const output = await session.run({
      input_ids: new ort.Tensor('int64', ids, dims),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(width).fill(1n), dims),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(width), dims),
    });
    const t2 = performance.now();
    const hidden = output[session.outputNames[0]!]!.data;
    if (!(hidden instanceof Float32Array))
      throw new Error(`the model ${this.name} gave ${hidden.constructor.name} hidden states, not float32`);
    const size = this.dimensions;
    const vector = new Float32Array(size);
    const used = this.spec.pooling === 'cls' ? 1 : width;
    for (let t = 0; t < used; t++) {
      const offset = t * size;
      for (let d = 0; d < size; d++) vector[d]! += hidden[offset + d]!;
    }
    normalise(vector);
    const t3 = performance.now();
    const timings = this.timings;
    timings.texts++;
    timings.tokens += width;
    timings.tokenizeMs += t1 - t0;
    timings.modelMs += t2 - t1;
    timings.poolMs += t3 - t2;
    return vector;
  }
}

function createSession(onnx: string, threads: number) {
  return ort.InferenceSession.create(onnx, {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    // Idle threads sleep instead of spinning: spinning doubled the CPU of a query's embedding
    // (10.6 against 5.7 ms), CPU that Neo4j and the server share.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
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
