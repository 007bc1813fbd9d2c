/**
 * What the server knows about its own state, and the two endpoints that tell it:
 *   GET /health  200 while the process serves; the body says which part is up (no database call)
 *   GET /ready   200 only when Neo4j answers, the schema is applied and (with SEED_ON_START) the
 *                seed is loaded; 503 until then, and whenever Neo4j stops answering
 * Both answer a small JSON body such as {"ready":false,"neo4j":"up","schema":"applied","seed":"loading"}.
 */
import type { Plugin } from 'graphql-yoga';

export type Neo4jState = 'unknown' | 'up' | 'down';
export type SchemaState = 'pending' | 'applied' | 'failed';
/** `off`: SEED_ON_START is false; `loaded`: the seed is in the database (loaded now or before). */
export type SeedState = 'off' | 'pending' | 'loading' | 'loaded' | 'failed';

export interface ReadinessReport {
  ready: boolean;
  neo4j: Neo4jState;
  schema: SchemaState;
  seed: SeedState;
}

export class Readiness {
  neo4j: Neo4jState = 'unknown';

  /**
   * @param log receives one line when Neo4j goes away while serving, and one when it comes back.
   * @param where names the Neo4j in those lines (its URI).
   */
  constructor(
    public schema: SchemaState,
    public seed: SeedState,
    private readonly log: (line: string) => void = () => undefined,
    private readonly where = 'Neo4j',
  ) {}

  /** For a server over a database that someone else prepared (tests, embedding the API). */
  static prepared(): Readiness {
    return new Readiness('applied', 'off');
  }

  /** Records whether Neo4j answered; logs the change when it went away or came back. */
  observeNeo4j(up: boolean): void {
    const next: Neo4jState = up ? 'up' : 'down';
    if (this.neo4j === 'up' && next === 'down') this.log(`Neo4j at ${this.where} stopped answering; /ready is 503 until it is back.`);
    if (this.neo4j === 'down' && next === 'up') this.log(`Neo4j at ${this.where} answers again.`);
    this.neo4j = next;
  }

  report(): ReadinessReport {
    const ready = this.neo4j === 'up' && this.schema === 'applied' && (this.seed === 'off' || this.seed === 'loaded');
    return { ready, neo4j: this.neo4j, schema: this.schema, seed: this.seed };
  }
}

/**
 * Serves /health and /ready. `/ready` asks Neo4j once (`ping`, no retries) before it answers, so
 * an outage shows at once, not at the next background check.
 */
export function useHealthEndpoints(readiness: Readiness, ping: () => Promise<boolean>): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/health' && url.pathname !== '/ready') return;
      if (url.pathname === '/ready') readiness.observeNeo4j(await ping());
      const report = readiness.report();
      const status = url.pathname === '/health' || report.ready ? 200 : 503;
      endResponse(
        new fetchAPI.Response(JSON.stringify(report), {
          status,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
