/**
 * Converts what the driver returns into plain JavaScript, once, at the repository boundary:
 * Integers become numbers (or strings past 2^53), temporals ISO strings, nodes and
 * relationships their properties, and lists and maps are converted all the way down.
 */
import neo4j from 'neo4j-driver';
import type { Plain } from '../model/rows.js';

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(toPlain);
  // Maps (map projections, records) are most of what a statement returns: no driver type to test.
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value);
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : value.toString();
  if (isTemporal(value)) return value.toString();
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
    return toPlain(value.properties);
  }
  if (neo4j.isPath(value)) {
    return value.segments.map(toPlain);
  }
  return plainMap(value);
}

function plainMap(value: object): { [key: string]: Plain } {
  const out: Record<string, Plain> = {};
  for (const key in value) out[key] = toPlain(Reflect.get(value, key));
  return out;
}

function isTemporal(value: object): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  );
}

/**
 * Prepares parameters for the driver: JavaScript numbers that are whole become Neo4j Integers
 * (otherwise they travel as floats, which LIMIT and SKIP refuse and properties would keep).
 */
export function toParams(params: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, toParam(v)]));
}

function toParam(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParam);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return toParams(value);
  }
  return value;
}
