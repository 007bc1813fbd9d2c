/**
 * Sentence embeddings on the CPU: the model's tokenizer (@huggingface/tokenizers, from its local
 * tokenizer.json) and its ONNX graph (onnxruntime-node). Vectors are L2-normalised, so the dot
 * product of two is their cosine similarity.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
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
    private readonly texts: ModelRunner,
    private readonly queries: ModelRunner,
  ) {
    this.spec = MODELS[name];
  }

  /**
   * Texts to store are embedded by `threads` single-threaded sessions in worker threads, a text
   * each at a time: 119 abstracts per second on two cores against 63 for one session with two
   * intra-op threads, which spent 24 ms of CPU on an abstract against 16 (bench/RESULTS.md,
   * 2026-12-08). Search queries run in a single-threaded session of their own in this thread: a
   * query is 10–20 tokens and waits for no text. With `threads` 1 one session does both, here.
   * The vectors are the same either way (within 3e-8).
   */
  static async load(files: ModelFiles, threads = 2): Promise<Embedder> {
    const tokenizer = new Tokenizer(JSON.parse(readFileSync(files.tokenizer, 'utf8')), {});
    const queries = new SessionRunner(await ort.InferenceSession.create(files.onnx, sessionOptions));
    const texts = threads === 1 ? queries : await WorkerPool.start(files.onnx, threads);
    const version = createHash('sha256').update(readFileSync(files.onnx)).digest('hex').slice(0, 16);
    return new Embedder(files.name, version, tokenizer, texts, queries);
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
   * 72–82 against 58–61 (bench/RESULTS.md, 2026-12-05). The worker threads take the texts in
   * turn, each the next one when it is done.
   */
  async embed(texts: string[]): Promise<Vector[]> {
    return Promise.all(texts.map((text) => this.embedOne(text, this.texts)));
  }

  /** The vector of a search query, with the model's query instruction; the last 1000 are cached. */
  async embedQuery(text: string): Promise<Vector> {
    const cached = this.queryCache.get(text);
    if (cached) return cached;
    const vector = await this.embedOne(this.spec.queryPrefix + text, this.queries);
    if (this.queryCache.size >= QUERY_CACHE_SIZE) this.queryCache.delete(this.queryCache.keys().next().value!);
    this.queryCache.set(text, vector);
    return vector;
  }

  async close() {
    await this.queries.close();
    if (this.texts !== this.queries) await this.texts.close();
  }

  /** Token ids with [CLS] and [SEP], cut to MAX_TOKENS (keeping the closing [SEP]). */
  private encode(text: string): number[] {
    const { ids } = this.tokenizer.encode(text);
    return ids.length <= MAX_TOKENS ? ids : [...ids.slice(0, MAX_TOKENS - 1), ids[ids.length - 1]!];
  }

  private async embedOne(text: string, runner: ModelRunner): Promise<Vector> {
    const t0 = performance.now();
    const tokens = this.encode(text);
    const width = tokens.length;
    const feeds: Feeds = {
      input_ids: BigInt64Array.from(tokens, BigInt),
      attention_mask: new BigInt64Array(width).fill(1n),
      token_type_ids: new BigInt64Array(width),
    };
    const t1 = performance.now();
    const { hidden, ms } = await runner.run(feeds);
    const t2 = performance.now();
    if (!(hidden instanceof Float32Array))
      throw new Error(`the model ${this.name} gave ${(hidden as object).constructor.name} hidden states, not float32`);
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
    timings.modelMs += ms;
    timings.poolMs += t3 - t2;
    return vector;
  }
}

/** Every session's options: one thread (more spent CPU keeping threads in step; see `load`). */
const sessionOptions: ort.InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  // Idle threads sleep instead of spinning: spinning doubled the CPU of a query's embedding
  // (10.6 against 5.7 ms), CPU that Neo4j and the server share.
  extra: { session: { intra_op: { allow_spinning: '0' } } },
};

/** The model's inputs for one text. */
interface Feeds {
  input_ids: BigInt64Array;
  attention_mask: BigInt64Array;
  token_type_ids: BigInt64Array;
}

/**
 * Runs of the model, one text each: its hidden states (float32, tokens × dimensions), and the
 * milliseconds of the run itself (a text waiting for a worker is not counted).
 */
interface ModelRunner {
  run(feeds: Feeds): Promise<{ hidden: unknown; ms: number }>;
  close(): Promise<void>;
}

/** A session in this thread (onnxruntime-node runs it on the calling thread). */
class SessionRunner implements ModelRunner {
  constructor(private readonly session: ort.InferenceSession) {}

  async run(feeds: Feeds) {
    const start = performance.now();
    const dims = [1, feeds.input_ids.length];
    const output = await this.session.run({
      input_ids: new ort.Tensor('int64', feeds.input_ids, dims),
      attention_mask: new ort.Tensor('int64', feeds.attention_mask, dims),
      token_type_ids: new ort.Tensor('int64', feeds.token_type_ids, dims),
    });
    return { hidden: output[this.session.outputNames[0]!]!.data, ms: performance.now() - start };
  }

  close() {
    return this.session.release();
  }
}

interface Job {
  feeds: Feeds;
  resolve: (result: { hidden: unknown; ms: number }) => void;
  reject: (error: Error) => void;
  /** When it went to its worker. */
  sent?: number;
}

/**
 * Sessions in worker threads (src/embed/model-worker.mjs), one text in each at a time; the others
 * wait here, in order, and go to the first worker free. A worker holds the process open only while
 * it has a text.
 */
class WorkerPool implements ModelRunner {
  private readonly waiting: Job[] = [];
  private readonly idle: Worker[];
  private readonly busy = new Map<Worker, Job>();
  private closed = false;

  private constructor(private readonly workers: Worker[]) {
    this.idle = [...workers];
    for (const worker of workers) {
      worker.unref();
      worker.on('message', (message: { hidden?: unknown; error?: string }) => this.done(worker, message));
      worker.on('error', (error: Error) => this.lost(worker, error));
      worker.on('exit', (code) => this.lost(worker, new Error(`the embedding model's worker thread stopped (exit code ${code})`)));
    }
  }

  static async start(onnx: string, count: number): Promise<WorkerPool> {
    const workers = Array.from(
      { length: count },
      () => new Worker(new URL('./model-worker.mjs', import.meta.url), { workerData: { onnx, options: sessionOptions } }),
    );
    const started = await Promise.allSettled(
      workers.map((worker) => new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject))),
    );
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(workers.map((worker) => worker.terminate()));
      throw failed.reason;
    }
    return new WorkerPool(workers);
  }

  run(feeds: Feeds) {
    return new Promise<{ hidden: unknown; ms: number }>((resolve, reject) => {
      if (this.workers.length === 0) return reject(new Error('the embedding model is closed or its worker threads stopped'));
      this.waiting.push({ feeds, resolve, reject });
      this.next();
    });
  }

  async close() {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private next() {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.waiting.shift()!;
      this.busy.set(worker, job);
      worker.ref();
      job.sent = performance.now();
      worker.postMessage({ feeds: job.feeds });
    }
  }

  private done(worker: Worker, message: { hidden?: unknown; error?: string }) {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (message.error !== undefined) job?.reject(new Error(`the embedding model failed: ${message.error}`));
    else job?.resolve({ hidden: message.hidden, ms: performance.now() - job.sent! });
    this.next();
  }

  /** A worker that died takes its text with it; when none is left, the waiting texts fail too. */
  private lost(worker: Worker, error: Error) {
    if (!this.workers.includes(worker)) return;
    this.busy.get(worker)?.reject(this.closed ? new Error('the embedding model was closed') : error);
    this.busy.delete(worker);
    this.workers.splice(this.workers.indexOf(worker), 1);
    if (this.idle.includes(worker)) this.idle.splice(this.idle.indexOf(worker), 1);
    if (this.workers.length === 0) for (const job of this.waiting.splice(0)) job.reject(error);
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
