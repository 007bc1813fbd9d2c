/**
 * One driver for the process and one way to run a statement. `read` runs a named read statement
 * (an auto-commit transaction in a READ session, so a cluster routes it to a reader),
 * `readTogether` several independent ones as one statement, `write` a named write statement,
 * `writeTransaction` several in one transaction, and `runText` raw Cypher for migrations and
 * tests. All of them go through `run` below: a session on the configured
 * database that shares one bookmark manager (a read sees every write this process finished,
 * also behind `neo4j://` routing), the operation named in the transaction metadata, one
 * transaction timeout, retries while Neo4j is unreachable, the session closed in `finally`, and
 * rows converted to plain objects once.
 *
 * Rows are typed by the caller: `db.read<{ id: string; node: Entity }>('entity/by-ids', ...)`.
 * The type is the statement's contract (what its RETURN clause gives), checked by the tests
 * that run it, as an objectRef's shape is in Pothos.
 */
import neo4j, { type BookmarkManager, type Driver, isRetryableError, type QueryResult, type Session } from 'neo4j-driver';
import { fromNeo4jError } from '../errors.js';
import type { Row } from '../model/rows.js';
import { cypher, cypherTogether } from './cypher.js';
import { toParams, toPlain } from './values.js';

export type { Row };
export type Params = Record<string, unknown>;
/** Runs a named statement inside a transaction and resolves to its rows. */
export type StatementRunner = <T = Row>(statement: string, params?: Params) => Promise<T[]>;

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

type Mode = 'READ' | 'WRITE';

export interface WriteOptions {
  /**
   * False for work no client waits on (migrations, seeding, imports), which NEO4J_QUERY_TIMEOUT_MS
   * must not cut short on a busy machine. Default true.
   */
  bounded?: boolean;
}

export class Database {
  /** Statements sent to Neo4j so far; tests and benchmarks read it to count round trips. */
  roundTrips = 0;

  private constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly queryTimeoutMs: number | undefined,
    private readonly retryMs: number,
    /** Shared by every session: each starts after the last transaction this process committed. */
    private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager(),
    /** Bookmarks a client brought from another app server's answer: every session waits for them too. */
    private readonly clientBookmarks: readonly string[] = [],
  ) {}

  /**
   * This database for one request whose client brought `bookmarks` (the X-Neo4j-Bookmarks header,
   * src/server/bookmarks.ts): the same driver and bookmark manager, and every session also waits
   * until the server it reads from has the transactions those bookmarks name. With several app
   * servers behind a load balancer, that is how a curator reads their own write through any of
   * them. Its round trips are counted on itself.
   */
  withBookmarks(bookmarks: readonly string[]): Database {
    if (bookmarks.length === 0) return this;
    return new Database(this.driver, this.name, this.queryTimeoutMs, this.retryMs, this.bookmarks, bookmarks);
  }

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
   * Runs a named read statement. A read is one statement, so it runs as an auto-commit
   * transaction: no BEGIN and COMMIT messages, which halves the round trips and the driver's
   * work per read (measured in bench/RESULTS.md). Reads change nothing, so a failure the driver
   * calls retriable (Neo4j restarting, a dropped connection) is tried again, as executeRead
   * would, until `retryMs` has passed.
   */
  read<T = Row>(statement: string, params: Params = {}): Promise<T[]> {
    return this.run('READ', statement, (session, config) => this.rows<T>(session.run(cypher(statement), toParams(params), config)));
  }

  /**
   * Runs independent named read statements in one round trip (cypherTogether) and resolves to
   * their one row, holding the columns of all of them: hybrid search reads its words and its
   * meaning so, saving a round trip's work on both sides (bench/RESULTS.md).
   */
  async readTogether<T = Row>(statements: string[], params: Params = {}): Promise<T> {
    const [row] = await this.run('READ', statements.join(' + '), (session, config) =>
      this.rows<T>(session.run(cypherTogether(statements), toParams(params), config)),
    );
    return row!;
  }

  /**
   * Runs a named read statement for a batch job and hands its rows to `onRow` as they arrive, so
   * a result too large to hold at once (the whole graph, read by src/graph/similarity-graph.ts)
   * is never materialised. One auto-commit transaction without the client timeout; not retried,
   * since rows already handed on cannot be taken back. Resolves to the number of rows.
   */
  stream<T = Row>(statement: string, params: Params, onRow: (row: T) => void): Promise<number> {
    return this.run(
      'READ',
      statement,
      async (session, { metadata }) => {
        this.roundTrips += 1;
        let rows = 0;
        for await (const record of session.run(cypher(statement), toParams(params), { metadata })) {
          onRow(toPlain(record.toObject()) as T);
          rows += 1;
        }
        return rows;
      },
      false,
    );
  }

  /** Runs a named write statement in its own transaction. */
  write<T = Row>(statement: string, params: Params = {}, options: WriteOptions = {}): Promise<T[]> {
    return this.writeTransaction(statement, (run) => run<T>(statement, params), options);
  }

  /**
   * Runs several named statements in one write transaction: all of them commit, or none.
   * `work` receives a runner for named statements; the driver retries it on transient errors.
   */
  writeTransaction<T>(operation: string, work: (run: StatementRunner) => Promise<T>, { bounded = true }: WriteOptions = {}): Promise<T> {
    return this.run('WRITE', operation, (session, config) =>
      session.executeWrite(
        (tx) => work((statement, params = {}) => this.rows(tx.run(cypher(statement), toParams(params)))),
        bounded ? config : { metadata: config.metadata },
      ),
    );
  }

  /**
   * Runs raw Cypher text (migrations, tests' own setup): everything else uses named statements.
   * No client waits on it, so NEO4J_QUERY_TIMEOUT_MS does not apply (db.awaitIndexes, say, may
   * rightly take longer on a busy machine).
   */
  runText<T = Row>(text: string, params: Params = {}, mode: Mode = 'WRITE'): Promise<T[]> {
    return this.run(mode, 'text', (session, { metadata }) => {
      const config = { metadata };
      const work = (tx: { run: Session['run'] }) => this.rows<T>(tx.run(text, toParams(params)));
      return mode === 'READ' ? session.executeRead(work, config) : session.executeWrite(work, config);
    });
  }

  /** True when Neo4j answers a trivial query. One attempt, no retries, so it answers fast. */
  async ping(): Promise<boolean> {
    const session = this.session('READ');
    try {
      await session.run('RETURN 1');
      return true;
    } catch {
      return false;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** The bookmarks the next session will wait for: those of the last transaction this process committed. */
  lastBookmarks(): Promise<Iterable<string>> {
    return this.bookmarks.getBookmarks();
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /**
   * The one execution path: a session per call, the transaction config, retries of auto-commit
   * reads while Neo4j is unreachable (transaction functions retry inside the driver), Neo4j's
   * errors mapped to ours, and the session closed whatever happens. `retry` false: a failure is
   * thrown at once.
   */
  private async run<T>(
    mode: Mode,
    operation: string,
    work: (session: Session, config: TransactionConfig) => Promise<T>,
    retry = mode === 'READ',
  ): Promise<T> {
    const config = { metadata: { app: 'icml-knowledge-graph', operation }, timeout: this.queryTimeoutMs };
    const deadline = Date.now() + this.retryMs;
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      const session = this.session(mode);
      try {
        return await work(session, config);
      } catch (error) {
        const wait = Math.min(delay, deadline - Date.now());
        if (!retry || !isRetryableError(error) || wait <= 0) throw fromNeo4jError(error);
        await new Promise((resolve) => setTimeout(resolve, wait));
      } finally {
        await session.close();
      }
    }
  }

  private session(mode: Mode): Session {
    return this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
      ...(this.clientBookmarks.length ? { bookmarks: [...this.clientBookmarks] } : {}),
    });
  }

  /** Counts the round trip and converts the records to plain rows: the one place rows are made. */
  private async rows<T>(pending: PromiseLike<QueryResult>): Promise<T[]> {
    this.roundTrips += 1;
    const result = await pending;
    return result.records.map((record) => toPlain(record.toObject()) as T);
  }
}

interface TransactionConfig {
  metadata: Record<string, unknown>;
  timeout: number | undefined;
}
