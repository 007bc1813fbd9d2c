/**
 * One driver for the process and the two ways to use it: `read` (an auto-commit transaction in a
 * READ session, so a cluster routes it to a reader) and `write` (executeWrite). Each call runs
 * one named statement from cypher/ in its own session on the configured database, names the
 * operation in the transaction metadata, closes the session in `finally`, and returns plain rows.
 */
import neo4j, { isRetryableError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from './cypher.js';
import { fromNeo4jError } from '../errors.js';
import { toParams, toPlain, type Plain } from './values.js';

export type Row = Record<string, Plain>;
export type Params = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** How long a transaction keeps retrying while Neo4j is unreachable (driver default: 30 s). */
  retryMs?: number;
  connectTimeoutMs?: number;
  /** Longest a transaction may run on the server. */
  queryTimeoutMs?: number;
}

export class Database {
  /** Statements sent to Neo4j so far; tests and benchmarks read it to count round trips. */
  roundTrips = 0;

  private constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly queryTimeoutMs: number | undefined,
    private readonly retryMs: number,
  ) {}

  static connect(options: DatabaseOptions): Database {
    const connectTimeout = options.connectTimeoutMs ?? 5000;
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      userAgent: 'icml-knowledge-graph',
      maxTransactionRetryTime: options.retryMs ?? 30_000,
      connectionTimeout: connectTimeout,
      connectionAcquisitionTimeout: connectTimeout + (options.retryMs ?? 0) + 1000,
    });
    return new Database(driver, options.database, options.queryTimeoutMs, options.retryMs ?? 30_000);
  }

  /**
   * Runs a named read statement and returns its rows as plain objects. Every read is one
   * statement, so it runs as an auto-commit transaction: no BEGIN and COMMIT messages, which
   * halves the round trips and the driver's work per read (measured in bench/RESULTS.md). Reads
   * change nothing, so a failure the driver calls retriable (Neo4j restarting, a dropped
   * connection) is tried again, as executeRead would, until `retryMs` has passed.
   */
  async read(statement: string, params: Params = {}): Promise<Row[]> {
    const text = cypher(statement);
    const parameters = toParams(params) as Params;
    const config = { metadata: { app: 'icml-knowledge-graph', operation: statement }, timeout: this.queryTimeoutMs };
    const deadline = Date.now() + this.retryMs;
    this.roundTrips += 1;
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(text, parameters, config);
        return result.records.map((record) => toPlain(record.toObject()) as Row);
      } catch (error) {
        const wait = Math.min(delay, deadline - Date.now());
        if (!isRetryableError(error) || wait <= 0) throw fromNeo4jError(error);
        await new Promise((resolve) => setTimeout(resolve, wait));
      } finally {
        await session.close();
      }
    }
  }

  /** Runs a named write statement and returns its rows as plain objects. */
  write(statement: string, params: Params = {}): Promise<Row[]> {
    return this.session('WRITE', statement, (tx) => this.run(tx, statement, params));
  }

  /**
   * Runs several named statements in one write transaction: all of them commit, or none.
   * `work` receives a runner for named statements.
   */
  writeTransaction<T>(operation: string, work: (run: (statement: string, params?: Params) => Promise<Row[]>) => Promise<T>): Promise<T> {
    return this.session('WRITE', operation, (tx) => work((statement, params = {}) => this.run(tx, statement, params)));
  }

  /** Runs raw Cypher text (migrations, tests' own setup): everything else uses named statements. */
  runText(text: string, params: Params = {}, mode: 'READ' | 'WRITE' = 'WRITE'): Promise<Row[]> {
    return this.session(mode, 'text', async (tx) => {
      this.roundTrips += 1;
      const result = await tx.run(text, toParams(params) as Params);
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    });
  }

  /** True when Neo4j answers a trivial query. One attempt, no retries, so it answers fast. */
  async ping(): Promise<boolean> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
      return true;
    } catch {
      return false;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async run(tx: ManagedTransaction, statement: string, params: Params): Promise<Row[]> {
    this.roundTrips += 1;
    const result = await tx.run(cypher(statement), toParams(params) as Params);
    return result.records.map((record) => toPlain(record.toObject()) as Row);
  }

  private async session<T>(mode: 'READ' | 'WRITE', operation: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { metadata: { app: 'icml-knowledge-graph', operation }, timeout: this.queryTimeoutMs };
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw fromNeo4jError(error);
    } finally {
      await session.close();
    }
  }
}
