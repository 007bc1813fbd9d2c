/**
 * Keeps every benchmark request bounded. Neo4j runs a statement to its end even after the
 * client that sent it has gone (autocannon's test ended, or a request timed out), and neither
 * server sets a transaction timeout, so a statement that takes minutes would load the database
 * through every measurement after it. The watchdog terminates (TERMINATE TRANSACTIONS) any
 * transaction of the bench database older than its limit, and `sweep` ends every running one
 * between two measurements.
 */
import type { Driver } from 'neo4j-driver';

export interface Watchdog {
  /** Transactions terminated so far. */
  readonly terminated: number;
  /** Terminates every running transaction (between measurements). Resolves to how many. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

export function startWatchdog(driver: Driver, limits: { ms: number; profileMs: number }, everyMs = 1000): Watchdog {
  let terminated = 0;
  let busy: Promise<number> | null = null;
  const check = (olderThan: (query: string) => number) => {
    busy ??= terminate(driver, olderThan)
      .then((n) => {
        terminated += n;
        return n;
      })
      .catch(() => 0)
      .finally(() => (busy = null));
    return busy;
  };
  const timer = setInterval(() => void check((query) => (query.startsWith('PROFILE') ? limits.profileMs : limits.ms)), everyMs);
  return {
    get terminated() {
      return terminated;
    },
    async sweep() {
      await busy;
      return check(() => 0);
    },
    async stop() {
      clearInterval(timer);
      await busy;
    },
  };
}

async function terminate(driver: Driver, olderThan: (query: string) => number): Promise<number> {
  const { records } = await driver.executeQuery(
    `SHOW TRANSACTIONS YIELD transactionId, currentQuery, elapsedTime, database
     WHERE database = 'neo4j' AND currentQuery IS NOT NULL AND NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
       AND NOT currentQuery STARTS WITH 'TERMINATE TRANSACTIONS'
     RETURN transactionId AS id, currentQuery AS query, elapsedTime.milliseconds AS ms`,
    {},
    { database: 'system' },
  );
  const ids = records.filter((r) => Number(r.get('ms')) >= olderThan(String(r.get('query')).trimStart())).map((r) => r.get('id') as string);
  if (ids.length === 0) return 0;
  await driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids }, { database: 'system' }).catch(() => undefined);
  return ids.length;
}
