/**
 * Connections between two nodes, ranked by how much they explain (graph/shortest-paths): each
 * step carries what it costs and a sentence that says what it means, so a client can show why two
 * works or ideas meet, not only that they do.
 */
import type { Database } from '../db/database.js';
import { BadUserInputError } from '../errors.js';
import { type Entity, type GraphPath, nameOf, type PathStep, type Source } from '../model/rows.js';
import {
  type NodeType,
  type PathRelationshipType,
  pathPanelCost,
  pathRelationshipEnds,
  pathRelationshipTypes,
  pathStepCosts,
} from '../model/vocabulary.js';

/** How many candidate paths (of the shortest length and one more) are ranked by cost at most. */
const CANDIDATES = 2000;

export interface PathRequest {
  from: string;
  to: string;
  maxLength: number;
  limit: number;
  /** The relationship types a path may follow; absent: all of pathRelationshipTypes. */
  relationships?: readonly PathRelationshipType[];
}

/** A step as graph/shortest-paths returns it, before it is explained. */
interface StoredStep {
  type: PathRelationshipType;
  from: string;
  to: string;
  role: string | null;
  source: Source | null;
}

/**
 * The cheapest paths from `from` to `to` (plain ids), cheapest first, each step explained.
 * Restricting `relationships` to types that can never join the two ends' kinds is BAD_USER_INPUT.
 */
export async function connections(db: Database, request: PathRequest): Promise<GraphPath[]> {
  const relationships = request.relationships ?? pathRelationshipTypes;
  if (request.relationships) await checkRelationships(db, request.from, request.to, request.relationships);
  if (request.from === request.to) {
    const [row] = await db.read<{ node: Entity }>('entity/by-ids', { ids: [request.from] });
    return row ? [{ cost: 0, nodes: [row.node], edges: [] }] : [];
  }
  const rows = await db.read<{ cost: number; nodes: Entity[]; edges: StoredStep[] }>('graph/shortest-paths', {
    from: request.from,
    to: request.to,
    maxLength: request.maxLength,
    limit: request.limit,
    relationships: [...relationships],
    stepCosts: pathStepCosts,
    panelCost: pathPanelCost,
    candidates: CANDIDATES,
  });
  return rows.map((row) => {
    const byId = new Map(row.nodes.map((n) => [n.id, n]));
    return { cost: row.cost, nodes: row.nodes, edges: row.edges.map((step) => explain(step, byId)) };
  });
}

function explain(step: StoredStep, byId: Map<string, Entity>): PathStep {
  const from = byId.get(step.from);
  const to = byId.get(step.to);
  return {
    ...step,
    cost: pathStepCosts[step.type],
    reason: from && to ? describeStep(step.type, from, to, step.role) : `${step.from} ${step.type} ${step.to}`,
  };
}

const quoted = (node: Entity) => `"${nameOf(node)}"`;
const workNoun = (node: Entity) =>
  node.__type === 'Talk' ? (node.kind === 'PANEL' ? 'the panel' : node.kind === 'TUTORIAL' ? 'the tutorial' : 'the talk') : 'the paper';

const roleSentences: Record<string, (person: string, work: string) => string> = {
  SPEAKER: (p, w) => `${p} spoke at ${w}.`,
  AUTHOR: (p, w) => `${p} is an author of ${w}.`,
  PANELIST: (p, w) => `${p} sat on ${w}.`,
  ORGANIZER: (p, w) => `${p} organised ${w}.`,
  MENTIONED: (p, w) => `${p} is mentioned in ${w}.`,
};

/** One step in a sentence, in the relationship's stored direction (from `from` to `to`). */
export function describeStep(type: PathRelationshipType, from: Entity, to: Entity, role: string | null = null): string {
  const a = quoted(from);
  const b = quoted(to);
  switch (type) {
    case 'DISCUSSES':
      return `${a} discusses the concept ${b}.`;
    case 'BROADER':
      return `${a} is a narrower concept than ${b}.`;
    case 'RELATED_TO':
      return `The concepts ${a} and ${b} are related.`;
    case 'FOLLOW_UP_READ':
      return `The notes suggest reading ${b} after ${a}.`;
    case 'RELATED':
      return `The notes name ${b} as related work of ${a}.`;
    case 'SEE_ALSO':
      return `The notes point from ${a} to ${b} for more.`;
    case 'BUILDS_ON':
      return `${a} builds on ${b}.`;
    case 'CITES':
      return `${a} cites ${b}.`;
    case 'PRESENTS':
      return `The talk ${a} presents the paper ${b}.`;
    case 'CONTRIBUTED_TO':
      return (roleSentences[role ?? ''] ?? ((p, w) => `${p} contributed to ${w}.`))(a, `${workNoun(to)} ${b}`);
    case 'PART_OF':
      return `${a} is a section of ${workNoun(to)} ${b}.`;
    case 'IN_SESSION':
      return `${workNoun(from).replace(/^the/, 'The')} ${a} was given in the session ${b}.`;
  }
}

/**
 * Refuses a set of relationship types under which no path can join the two ends' kinds (say,
 * only IN_SESSION from a concept): the kinds each type joins (pathRelationshipEnds) are walked
 * from the start's kind, and the end's must be reached.
 */
async function checkRelationships(db: Database, from: string, to: string, relationships: readonly PathRelationshipType[]) {
  if (relationships.length === 0) {
    throw new BadUserInputError('relationships: give at least one relationship type, or leave the argument out for all.', 'relationships');
  }
  const rows = await db.read<{ id: string; node: Entity }>('entity/by-ids', { ids: [from, to] });
  const kindOf = (id: string) => rows.find((r) => r.id === id)?.node.__type;
  const start = kindOf(from);
  const end = kindOf(to);
  if (!start || !end || from === to) return;
  const reached = new Set<NodeType>([start]);
  let size = 0;
  while (reached.size > size) {
    size = reached.size;
    for (const type of relationships) {
      const [tails, heads] = pathRelationshipEnds[type];
      if (tails.some((k) => reached.has(k))) for (const k of heads) reached.add(k);
      if (heads.some((k) => reached.has(k))) for (const k of tails) reached.add(k);
    }
  }
  if (!reached.has(end)) {
    const joining = pathRelationshipTypes.filter((t) => pathRelationshipEnds[t].some((kinds) => kinds.includes(end)));
    throw new BadUserInputError(
      `relationships: ${relationships.join(', ')} never lead from a ${start} to a ${end}; ` +
        `a path to a ${end} needs one of ${joining.join(', ')} and types that join it to a ${start}.`,
      'relationships',
    );
  }
}
