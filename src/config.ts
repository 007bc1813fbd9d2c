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
  PORT: port.default(4000),

  /** A Neo4j to use instead of the managed local one (bolt://, neo4j://, with +s/+ssc). */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/, 'must be a bolt:// or neo4j:// URI such as bolt://localhost:7687')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'must be at least 8 characters (Neo4j refuses shorter ones)').default('knowledge-graph'),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name').default('neo4j'),

  /** The managed local Neo4j, used when NEO4J_URI is not set. */
  NEO4J_LOCAL_PORT: port.default(7687),
  NEO4J_LOCAL_DIR: z.string().min(1).default('.neo4j/dev'),
  NEO4J_LOCAL_HEAP: z.string().regex(/^\d+[mg]$/, 'must be a JVM size such as 512m or 2g').default('2g'),
  NEO4J_LOCAL_PAGECACHE_MB: z.coerce.number().int().min(16).max(16384).default(1024),
  NEO4J_LOCAL_START_TIMEOUT_S: z.coerce.number().int().min(5).max(1800).default(300),

  /** Load the seed knowledge packs when the database holds no event yet. */
  SEED_ON_START: flag.default(true),
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
