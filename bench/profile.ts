/**
 * Query plans for the report: PROFILE a statement through the driver and keep what explains its
 * cost (total db hits, rows, the operators that do most of the work), and the statements our
 * server actually sends for one request (captured from Database.read in-process).
 */
import type { Driver } from 'neo4j-driver';
import { cypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import { toParams } from '../src/db/values.js';
import type { CypherRequest } from './load.js';

export interface OperatorCost {
  operator: string;
  details: string;
  dbHits: number;
  rows: number;
}

export interface ProfileSummary {
  /** The statement's name (cypher/ file) or "floor". */
  statement: string;
  ms: number;
  dbHits: number;
  /** Rows out of the statement. */
  rows: number;
  /** The operators with the most db hits, most first. */
  top: OperatorCost[];
  /** The operator producing the most rows (where the work fans out). */
  widest: OperatorCost | null;
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

const num = (v: unknown) =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number((v as { toNumber?: () => number })?.toNumber?.() ?? v ?? 0);

export async function profileStatement(driver: Driver, name: string, request: CypherRequest): Promise<ProfileSummary> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
  try {
    const t = performance.now();
    const result = await session.run(`PROFILE ${request.text}`, toParams(request.params) as Record<string, unknown>);
    const ms = performance.now() - t;
    const plan = result.summary.profile as unknown as PlanNode | false;
    const operators: OperatorCost[] = [];
    const walk = (node: PlanNode) => {
      operators.push({
        operator: node.operatorType.replace(/@neo4j$/, ''),
        details: String(node.arguments.Details ?? '')
          .replace(/\s+/g, ' ')
          .slice(0, 160),
        dbHits: num(node.dbHits),
        rows: num(node.rows),
      });
      node.children.forEach(walk);
    };
    if (plan) walk(plan);
    const byHits = [...operators].sort((a, b) => b.dbHits - a.dbHits);
    const widest = [...operators].sort((a, b) => b.rows - a.rows)[0] ?? null;
    return {
      statement: name,
      ms,
      dbHits: operators.reduce((sum, o) => sum + o.dbHits, 0),
      rows: result.records.length,
      top: byHits.slice(0, 3),
      widest,
    };
  } finally {
    await session.close();
  }
}

/** Records every named statement (and its parameters) `db` runs while `work` runs. */
export async function captureStatements<T>(
  db: Database,
  work: () => Promise<T>,
): Promise<{ result: T; statements: { name: string; params: Record<string, unknown> }[] }> {
  const statements: { name: string; params: Record<string, unknown> }[] = [];
  const read = db.read.bind(db);
  db.read = (name, params = {}) => {
    statements.push({ name, params });
    return read(name, params);
  };
  try {
    return { result: await work(), statements };
  } finally {
    db.read = read;
  }
}

/** PROFILEs each captured statement of our server's request. */
export async function profileCaptured(
  driver: Driver,
  statements: { name: string; params: Record<string, unknown> }[],
): Promise<ProfileSummary[]> {
  const out: ProfileSummary[] = [];
  for (const s of statements) out.push(await profileStatement(driver, s.name, { text: cypher(s.name), params: s.params }));
  return out;
}
