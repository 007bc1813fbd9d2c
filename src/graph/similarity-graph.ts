/**
 * The related-work ranking of cypher/related/related-work.cypher for one seed, computed in memory
 * for many works at once: a full rebuild of the precomputed lists (src/graph/similarity.ts) reads
 * the few relationships the ranking walks once (`loadRankingGraph`, five streamed statements
 * under cypher/similarity/graph-*.cypher) and ranks every work from arrays, instead of running
 * the statement once per work. The related-to-concept ranking of
 * cypher/related/related-to-concept.cypher is computed over the same arrays (`rankConcept`), for
 * the concepts' lists (src/graph/concept-lists.ts; checked by tests/integration/concept-lists.test.ts).
 *
 * Same reasons, same weights (src/model/vocabulary.ts, through `rankingParams` and
 * `rankingScore`), same hub damping, same order: the statement stays the reference, and
 * tests/integration/similarity.test.ts checks that every list equals its top LIST_SIZE on the
 * ICML graph and on a synthetic one. What the statement does, and how it is done here:
 *   - seeds: the work and the works it is one with through PRESENTS (either way); a result among
 *     them is skipped, and a paper a talk presents is ranked as the first such talk (by id);
 *   - each piece of evidence counts once per result under its key (a concept, a session, a
 *     person, a parent talk, the talk, a reference type and direction), the heaviest reason of a
 *     key standing. All of a key's reasons reach the same works, so a key carries one weight (its
 *     heaviest) and is applied to each work it reaches once;
 *   - BIBLIOGRAPHIC_COUPLING: one key per paper a seed cites (not a seed itself), reaching the
 *     works citing it but the paper's own talk; CO_CITATION: the works citing a seed (each once per
 *     seed, not a seed) with 2 to hubLimit references, ordered by that count and then by number
 *     (the statement's degree, title, id), the first `coCiting` kept; one key per such work as a
 *     result names it (shownAs), its heaviest reason first so that it stands;
 *   - NEIGHBOURING_CONCEPT: the rows (discussed concept, neighbour) of each seed ordered by the
 *     neighbour's degree, its id and the concept's id, the first `neighbours` kept (duplicates
 *     included, as the statement counts rows), from neighbour lists sorted once at load;
 *   - the score: rankingScore of the stated and inferred sums, with the statement's integer
 *     division where Cypher makes one (a work whose reasons are all inferred with whole weights;
 *     see `best`);
 *   - the order: scores rounded as Cypher's round(score, 9) (half up, from the shortest decimal
 *     form, as BigDecimal.valueOf does), then title, then id; the works are numbered in that
 *     (title, id) order by Neo4j itself (graph-works.cypher), so Neo4j's string order decides.
 * Scores can differ from the statement's in their last bits (sums added in another order), never
 * by 1e-9.
 */
import type { Database } from '../db/database.js';
import { rankingScore, referenceTypes } from '../model/vocabulary.js';
import { rankingParams } from './ranking.js';

/** Compressed adjacency: the neighbours of node i are items[start[i]] .. items[start[i + 1] - 1]. */
interface Adjacency {
  start: Int32Array;
  items: Int32Array;
  /** A label per item where the relationship has one (the reference type's index in referenceTypes). */
  labels?: Uint8Array;
}

/** Relationships collected as they stream in, turned into an Adjacency once all have arrived. */
class EdgeList {
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private label = new Uint8Array(1024);
  size = 0;

  /** Adds a relationship; one to a node not read (-1: created since the nodes were read) is left out. */
  add(from: number, to: number, label = 0): void {
    if (from < 0 || to < 0) return;
    if (this.size === this.from.length) {
      const grow = <A extends Int32Array | Uint8Array>(a: A): A => {
        const bigger = new (a.constructor as new (n: number) => A)(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.from = grow(this.from);
      this.to = grow(this.to);
      this.label = grow(this.label);
    }
    this.from[this.size] = from;
    this.to[this.size] = to;
    this.label[this.size] = label;
    this.size += 1;
  }

  /** By source (`reverse`: by target), in the order they arrived; with the labels when `labelled`. */
  adjacency(nodes: number, reverse = false, labelled = false): Adjacency {
    const [from, to] = reverse ? [this.to, this.from] : [this.from, this.to];
    const start = new Int32Array(nodes + 1);
    for (let i = 0; i < this.size; i++) start[from[i]! + 1]! += 1;
    for (let i = 0; i < nodes; i++) start[i + 1]! += start[i]!;
    const next = start.slice(0, nodes);
    const items = new Int32Array(this.size);
    const labels = labelled ? new Uint8Array(this.size) : undefined;
    for (let i = 0; i < this.size; i++) {
      const at = next[from[i]!]!++;
      items[at] = to[i]!;
      if (labels) labels[at] = this.label[i]!;
    }
    return { start, items, labels };
  }
}

/** What the ranking reads of the graph, numbered: works in (title, id) order, concepts in id order. */
export interface RankingGraph {
  /** Work ids by number: the order related-work.cypher breaks equal scores in. */
  ids: string[];
  index: Map<string, number>;
  talk: Uint8Array;
  paper: Uint8Array;
  /** The CITES relationships into and out of each work: the degrees that damp BIBLIOGRAPHIC_COUPLING and CO_CITATION. */
  citedBy: Int32Array;
  citing: Int32Array;
  /** The work a result names: the first talk presenting a paper, otherwise the work itself. */
  shownAs: Int32Array;
  twins: Adjacency;
  referencesOut: Adjacency;
  referencesIn: Adjacency;
  partOfOut: Adjacency;
  partOfIn: Adjacency;
  /** Concept numbers by id (concepts are numbered in id order). */
  conceptIndex: Map<string, number>;
  conceptDegree: Int32Array;
  conceptWorks: Adjacency;
  workConcepts: Adjacency;
  /** Each concept's neighbours, sorted by their degree and then their id (number). */
  conceptNeighbours: Adjacency;
  /** Each concept's neighbours by how they are linked (relatedToConcept's NARROWER_, BROADER_ and RELATED_CONCEPT). */
  narrower: Adjacency;
  broader: Adjacency;
  relatedConcepts: Adjacency;
  sessionDegree: Int32Array;
  sessionWorks: Adjacency;
  workSessions: Adjacency;
  personDegree: Int32Array;
  personWorks: Adjacency;
  workPeople: Adjacency;
}

interface WorkRow {
  id: string;
  talk: boolean;
  paper: boolean;
}
interface WorkLinksRow {
  id: string;
  presenter: string[];
  twins: string[];
  referenceTypes: string[];
  referenceTargets: string[];
  partOf: string[];
}
interface ConceptRow {
  id: string;
  degree: number;
  works: string[];
  narrower: string[];
  broader: string[];
  related: string[];
}
interface MembersRow {
  degree: number;
  works: string[];
}

/** Reads what the ranking walks, in five streamed statements (the last four at once). */
export async function loadRankingGraph(db: Database): Promise<RankingGraph> {
  const ids: string[] = [];
  const talkFlags: boolean[] = [];
  const paperFlags: boolean[] = [];
  await db.stream<WorkRow>('similarity/graph-works', {}, (row) => {
    ids.push(row.id);
    talkFlags.push(row.talk);
    paperFlags.push(row.paper);
  });
  const works = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const work = (id: string) => index.get(id) ?? -1;
  const shownAs = Int32Array.from(ids.keys());
  const twins = new EdgeList();
  const references = new EdgeList();
  const partOf = new EdgeList();
  const referenceType = new Map<string, number>(referenceTypes.map((type, i) => [type, i]));
  const conceptIndex = new Map<string, number>();
  const conceptDegrees: number[] = [];
  const discusses = new EdgeList();
  const linked: { narrower: string[]; broader: string[]; related: string[] }[] = [];
  const sessionDegrees: number[] = [];
  const inSession = new EdgeList();
  const personDegrees: number[] = [];
  const contributed = new EdgeList();
  await Promise.all([
    db.stream<WorkLinksRow>('similarity/graph-work-links', {}, (row) => {
      const w = work(row.id);
      if (w < 0) return;
      const presenter = row.presenter.length > 0 ? work(row.presenter[0]!) : -1;
      if (paperFlags[w] && presenter >= 0) shownAs[w] = presenter;
      for (const id of row.twins) twins.add(w, work(id));
      row.referenceTargets.forEach((id, i) => {
        references.add(w, work(id), referenceType.get(row.referenceTypes[i]!)!);
      });
      for (const id of row.partOf) partOf.add(w, work(id));
    }),
    db.stream<ConceptRow>('similarity/graph-concepts', {}, (row) => {
      const c = conceptDegrees.length;
      conceptIndex.set(row.id, c);
      conceptDegrees.push(row.degree);
      for (const id of row.works) discusses.add(c, work(id));
      linked.push(row);
    }),
    db.stream<MembersRow>('similarity/graph-sessions', {}, (row) => {
      const s = sessionDegrees.length;
      sessionDegrees.push(row.degree);
      for (const id of row.works) inSession.add(s, work(id));
    }),
    db.stream<MembersRow>('similarity/graph-people', {}, (row) => {
      const p = personDegrees.length;
      personDegrees.push(row.degree);
      for (const id of row.works) contributed.add(p, work(id));
    }),
  ]);
  const concepts = conceptDegrees.length;
  const conceptDegree = Int32Array.from(conceptDegrees);
  const neighbours = new EdgeList();
  const kinds = { narrower: new EdgeList(), broader: new EdgeList(), related: new EdgeList() };
  linked.forEach((row, c) => {
    for (const kind of ['narrower', 'broader', 'related'] as const) {
      for (const id of row[kind]) {
        const n = conceptIndex.get(id) ?? -1;
        neighbours.add(c, n);
        kinds[kind].add(c, n);
      }
    }
  });
  const conceptNeighbours = neighbours.adjacency(concepts);
  // Sorted once, so that a seed's rarest neighbours are the heads of its concepts' lists.
  for (let c = 0; c < concepts; c++) {
    const list = conceptNeighbours.items.subarray(conceptNeighbours.start[c]!, conceptNeighbours.start[c + 1]!);
    list.sort((a, b) => conceptDegree[a]! - conceptDegree[b]! || a - b);
  }
  const referencesOut = references.adjacency(works, false, true);
  const referencesIn = references.adjacency(works, true, true);
  const cites = referenceType.get('CITES')!;
  const citedBy = new Int32Array(works);
  const citing = new Int32Array(works);
  for (let w = 0; w < works; w++) {
    for (let i = referencesOut.start[w]!; i < referencesOut.start[w + 1]!; i++) {
      if (referencesOut.labels![i] !== cites) continue;
      citing[w]! += 1;
      citedBy[referencesOut.items[i]!]! += 1;
    }
  }
  return {
    ids,
    index,
    talk: Uint8Array.from(talkFlags, Number),
    paper: Uint8Array.from(paperFlags, Number),
    citedBy,
    citing,
    shownAs,
    twins: twins.adjacency(works),
    referencesOut,
    referencesIn,
    partOfOut: partOf.adjacency(works),
    partOfIn: partOf.adjacency(works, true),
    conceptIndex,
    conceptDegree,
    conceptWorks: discusses.adjacency(concepts),
    workConcepts: discusses.adjacency(works, true),
    conceptNeighbours,
    narrower: kinds.narrower.adjacency(concepts),
    broader: kinds.broader.adjacency(concepts),
    relatedConcepts: kinds.related.adjacency(concepts),
    sessionDegree: Int32Array.from(sessionDegrees),
    sessionWorks: inSession.adjacency(sessionDegrees.length),
    workSessions: inSession.adjacency(works, true),
    personDegree: Int32Array.from(personDegrees),
    personWorks: contributed.adjacency(personDegrees.length),
    workPeople: contributed.adjacency(works, true),
  };
}

/**
 * round(x, places) as Cypher computes it: BigDecimal.valueOf(x) (the shortest decimal form of x)
 * rounded half up to `places` decimals, back to a double.
 */
export function roundLikeCypher(x: number, places: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const kept = Number(exponent) + 1 + places;
  if (kept >= digits.length) return x;
  if (kept < 0) return negative ? -0 : 0;
  let rounded = BigInt(digits.slice(0, kept) || '0');
  if (digits[kept]! >= '5') rounded += 1n;
  const value = Number(`${rounded}e-${places}`);
  return negative ? -value : value;
}

/**
 * How a reason adds to a work's score: a stated reason, or an inferred one whose weight is a
 * computed (float) value, or an inferred one whose weight is a whole-number parameter, which
 * Cypher adds up as an integer (see `RelatedWorkRanker.best`).
 */
const STATED = 0;
const INFERRED = 1;
const INFERRED_WHOLE = 2;
type Adds = typeof STATED | typeof INFERRED | typeof INFERRED_WHOLE;

export interface ListItem {
  id: string;
  score: number;
}

/** Scores that differ by this much or more keep their order once rounded to 9 decimals. */
const APART = 2e-9;

/**
 * Ranks works over a RankingGraph as related-work.cypher ranks one seed. Holds scratch arrays
 * the size of the graph, reused from one work to the next: one ranker per rebuild, one work at a time.
 */
export class RelatedWorkRanker {
  private readonly params = rankingParams();
  private readonly stated = new Set(this.params.stated);
  private readonly referenceWeight: number[] = referenceTypes.map((type) => this.params.referenceWeights[type]);
  private readonly referenceAdds: Adds[] = referenceTypes.map((type) => this.adds(type, this.params.referenceWeights[type]));
  private readonly wholeSaturation = Number.isInteger(this.params.saturation);
  // Stamps: a slot belongs to the current work (or key) when it holds its stamp; nothing is cleared.
  private work = 0;
  private key = 0;
  private readonly skip: Int32Array;
  private readonly seen: Int32Array;
  private readonly keyed: Int32Array;
  private readonly parentSeen: Int32Array;
  private readonly statedSum: Float64Array;
  /** 1 once a work has a reason that makes its inferred sum a float in Cypher (a stated one, or a float weight). */
  private readonly floatSum: Uint8Array;
  private readonly inferredSum: Float64Array;
  private readonly candidates: Int32Array;
  private readonly scores: Float64Array;
  private count = 0;
  private readonly conceptSeen: Int32Array;
  private readonly conceptWeight: Float64Array;
  private readonly conceptStated: Uint8Array;
  private readonly discussed: Int32Array;
  private readonly sessionSeen: Int32Array;
  private readonly personSeen: Int32Array;
  private discussedStamp = 0;
  private readonly cites = referenceTypes.indexOf('CITES');
  private readonly citedSeen: Int32Array;
  private readonly citingSeen: Int32Array;
  private readonly citingRow: Int32Array;
  private citingRowStamp = 0;

  constructor(private readonly graph: RankingGraph) {
    const works = graph.ids.length;
    const concepts = graph.conceptDegree.length;
    this.skip = new Int32Array(works);
    this.seen = new Int32Array(works);
    this.keyed = new Int32Array(works);
    this.parentSeen = new Int32Array(works);
    this.statedSum = new Float64Array(works);
    this.floatSum = new Uint8Array(works);
    this.inferredSum = new Float64Array(works);
    this.candidates = new Int32Array(works);
    this.scores = new Float64Array(works);
    this.conceptSeen = new Int32Array(concepts);
    this.conceptWeight = new Float64Array(concepts);
    this.conceptStated = new Uint8Array(concepts);
    this.discussed = new Int32Array(concepts);
    this.sessionSeen = new Int32Array(graph.sessionDegree.length);
    this.personSeen = new Int32Array(graph.personDegree.length);
    this.citedSeen = new Int32Array(works);
    this.citingSeen = new Int32Array(works);
    this.citingRow = new Int32Array(works);
  }

  /** The top `limit` related works of the work `id`, with their scores, best first. */
  rank(id: string, limit: number): ListItem[] {
    const g = this.graph;
    const x = g.index.get(id);
    if (x === undefined) return [];
    const { hubLimit, reasonWeights } = this.params;
    const stamp = ++this.work;
    this.count = 0;
    const seeds = [x];
    for (let i = g.twins.start[x]!; i < g.twins.start[x + 1]!; i++) {
      if (!seeds.includes(g.twins.items[i]!)) seeds.push(g.twins.items[i]!);
    }
    for (const s of seeds) this.skip[s] = stamp;

    // Concepts: SHARED_CONCEPT and NEIGHBOURING_CONCEPT share the key of the concept the result discusses.
    const concepts: number[] = [];
    const offer = (c: number, weight: number, kind: string) => {
      if (this.conceptSeen[c] !== stamp) {
        this.conceptSeen[c] = stamp;
        concepts.push(c);
      } else if (weight <= this.conceptWeight[c]!) return;
      this.conceptWeight[c] = weight;
      this.conceptStated[c] = this.stated.has(kind) ? 1 : 0;
    };
    for (const s of seeds) {
      for (let i = g.workConcepts.start[s]!; i < g.workConcepts.start[s + 1]!; i++) {
        const c = g.workConcepts.items[i]!;
        const degree = g.conceptDegree[c]!;
        if (degree <= hubLimit) offer(c, 1 / Math.log(degree), 'SHARED_CONCEPT');
      }
      for (const n of this.rarestNeighbours(s)) {
        offer(n, reasonWeights.NEIGHBOURING_CONCEPT / Math.log(1 + g.conceptDegree[n]!), 'NEIGHBOURING_CONCEPT');
      }
    }
    for (const c of concepts) {
      this.reach(g.conceptWorks, c, this.conceptWeight[c]!, this.conceptStated[c] === 1 ? STATED : INFERRED, false);
    }

    // References, one key per type and direction.
    referenceTypes.forEach((_, type) => {
      for (const adjacency of [g.referencesOut, g.referencesIn]) {
        this.key += 1;
        for (const s of seeds) {
          for (let i = adjacency.start[s]!; i < adjacency.start[s + 1]!; i++) {
            if (adjacency.labels![i] === type) this.emit(adjacency.items[i]!, this.referenceWeight[type]!, this.referenceAdds[type]!);
          }
        }
      }
    });

    // Sessions (talks in a session of at most hubLimit works).
    const sessionAdds = this.adds('SAME_SESSION', reasonWeights.SAME_SESSION);
    for (const s of seeds) {
      for (let i = g.workSessions.start[s]!; i < g.workSessions.start[s + 1]!; i++) {
        const session = g.workSessions.items[i]!;
        if (this.sessionSeen[session] === stamp || g.sessionDegree[session]! > hubLimit) continue;
        this.sessionSeen[session] = stamp;
        this.reach(g.sessionWorks, session, reasonWeights.SAME_SESSION, sessionAdds, true);
      }
    }

    // The talk a section is part of and its sections (one key), and the sections of the same talk.
    const talkAdds = this.adds('SAME_TALK', reasonWeights.SAME_TALK);
    this.key += 1;
    for (const s of seeds) {
      for (const adjacency of [g.partOfOut, g.partOfIn]) {
        for (let i = adjacency.start[s]!; i < adjacency.start[s + 1]!; i++) {
          const w = adjacency.items[i]!;
          if (g.talk[w] === 1) this.emit(w, reasonWeights.SAME_TALK, talkAdds);
        }
      }
    }
    const siblingAdds = this.adds('SIBLING_SECTION', reasonWeights.SIBLING_SECTION);
    for (const s of seeds) {
      for (let i = g.partOfOut.start[s]!; i < g.partOfOut.start[s + 1]!; i++) {
        const parent = g.partOfOut.items[i]!;
        if (g.talk[parent] !== 1 || this.parentSeen[parent] === stamp) continue;
        this.parentSeen[parent] = stamp;
        this.reach(g.partOfIn, parent, reasonWeights.SIBLING_SECTION, siblingAdds, true);
      }
    }

    // People (of at most hubLimit contributions), mentions left out.
    const personAdds = this.adds('SHARED_PERSON', reasonWeights.SHARED_PERSON);
    for (const s of seeds) {
      for (let i = g.workPeople.start[s]!; i < g.workPeople.start[s + 1]!; i++) {
        const person = g.workPeople.items[i]!;
        if (this.personSeen[person] === stamp || g.personDegree[person]! > hubLimit) continue;
        this.personSeen[person] = stamp;
        this.reach(g.personWorks, person, reasonWeights.SHARED_PERSON, personAdds, false);
      }
    }

    this.coupling(seeds, stamp);
    this.coCitation(seeds, stamp);
    return this.best(limit);
  }

  /**
   * The top `limit` works related to the concept `id` as cypher/related/related-to-concept.cypher
   * ranks them, with their scores, best first (src/graph/concept-lists.ts). One key per concept (the
   * concept itself under DISCUSSES, each neighbour of at most hubLimit works under its heaviest
   * kind), and, for a concept of at most hubLimit works, one key per reference type and discussing
   * work as a result names it, reaching the works at the other end of its references (either way)
   * but itself.
   */
  rankConcept(id: string, limit: number): ListItem[] {
    const g = this.graph;
    const c = g.conceptIndex.get(id);
    if (c === undefined) return [];
    const { hubLimit, reasonWeights } = this.params;
    // A new stamp that no work is skipped for: a concept has no seed.
    this.work += 1;
    this.count = 0;

    const heaviest = new Map<number, { weight: number; kind: string }>([[c, { weight: reasonWeights.DISCUSSES, kind: 'DISCUSSES' }]]);
    const neighbours = [
      [g.narrower, 'NARROWER_CONCEPT', reasonWeights.NARROWER_CONCEPT],
      [g.relatedConcepts, 'RELATED_CONCEPT', reasonWeights.RELATED_CONCEPT],
      [g.broader, 'BROADER_CONCEPT', reasonWeights.BROADER_CONCEPT],
    ] as const;
    for (const [adjacency, kind, weight] of neighbours) {
      for (let i = adjacency.start[c]!; i < adjacency.start[c + 1]!; i++) {
        const n = adjacency.items[i]!;
        if (g.conceptDegree[n]! > hubLimit) continue;
        const held = heaviest.get(n);
        if (!held || weight > held.weight) heaviest.set(n, { weight, kind });
      }
    }
    for (const [n, { weight, kind }] of heaviest) this.reach(g.conceptWorks, n, weight, this.adds(kind, weight), false);

    if (g.conceptDegree[c]! <= hubLimit) {
      // The discussing works grouped by the work a result names them as: one key per group and type.
      const discussing = [...new Set(g.conceptWorks.items.subarray(g.conceptWorks.start[c]!, g.conceptWorks.start[c + 1]!))];
      discussing.sort((a, b) => g.shownAs[a]! - g.shownAs[b]! || a - b);
      referenceTypes.forEach((type, t) => {
        const weight = reasonWeights.REFERENCE_OF_DISCUSSING_WORK * this.params.referenceWeights[type];
        const adds = this.adds(type, weight);
        discussing.forEach((d, i) => {
          const other = g.shownAs[d]!;
          if (i === 0 || other !== g.shownAs[discussing[i - 1]!]) this.key += 1;
          for (const adjacency of [g.referencesOut, g.referencesIn]) {
            for (let j = adjacency.start[d]!; j < adjacency.start[d + 1]!; j++) {
              const w = adjacency.items[j]!;
              // A reference between a talk and its own paper explains nothing.
              if (adjacency.labels![j] === t && g.shownAs[w] !== other) this.emit(w, weight, adds);
            }
          }
        });
      });
    }
    return this.best(limit);
  }

  /** BIBLIOGRAPHIC_COUPLING: one key per paper a seed cites (of at most hubLimit citing works), reaching the other works citing it. */
  private coupling(seeds: number[], stamp: number): void {
    const g = this.graph;
    const { hubLimit, reasonWeights } = this.params;
    const out = g.referencesOut;
    const cited: number[] = [];
    for (const s of seeds) {
      for (let i = out.start[s]!; i < out.start[s + 1]!; i++) {
        const p = out.items[i]!;
        if (out.labels![i] !== this.cites || g.paper[p] !== 1 || this.skip[p] === stamp || this.citedSeen[p] === stamp) continue;
        this.citedSeen[p] = stamp;
        if (g.citedBy[p]! <= hubLimit) cited.push(p);
      }
    }
    // In a fixed order, whatever order the relationships were read in: the sums, and so the stored scores, come out the same.
    cited.sort((a, b) => a - b);
    for (const p of cited) {
      this.key += 1;
      this.citationsOf(g.referencesIn, p, reasonWeights.BIBLIOGRAPHIC_COUPLING / Math.log(g.citedBy[p]!));
    }
  }

  /**
   * CO_CITATION: the `coCiting` works citing each seed with the shortest reference lists (2 to
   * hubLimit references), one key per work as a result names it, reaching the other works they cite.
   */
  private coCitation(seeds: number[], stamp: number): void {
    const g = this.graph;
    const { hubLimit, reasonWeights, coCiting } = this.params;
    const into = g.referencesIn;
    const chosen: number[] = [];
    for (const s of seeds) {
      const row = ++this.citingRowStamp;
      const rows: number[] = [];
      for (let i = into.start[s]!; i < into.start[s + 1]!; i++) {
        const c = into.items[i]!;
        if (into.labels![i] !== this.cites || this.skip[c] === stamp || this.citingRow[c] === row) continue;
        this.citingRow[c] = row;
        if (g.citing[c]! >= 2 && g.citing[c]! <= hubLimit) rows.push(c);
      }
      rows.sort((a, b) => g.citing[a]! - g.citing[b]! || a - b);
      for (const c of rows.slice(0, coCiting)) {
        if (this.citingSeen[c] === stamp) continue;
        this.citingSeen[c] = stamp;
        chosen.push(c);
      }
    }
    // A talk and the paper it presents are one key; the heaviest (shortest list) first, so that it
    // stands. In a fixed order, as for coupling.
    chosen.sort((a, b) => g.shownAs[a]! - g.shownAs[b]! || g.citing[a]! - g.citing[b]! || a - b);
    chosen.forEach((c, i) => {
      if (i === 0 || g.shownAs[c] !== g.shownAs[chosen[i - 1]!]) this.key += 1;
      this.citationsOf(g.referencesOut, c, reasonWeights.CO_CITATION / Math.log(g.citing[c]!));
    });
  }

  /** The current key for every work `adjacency` links to `node` by CITES, but the work's own talk or paper. */
  private citationsOf(adjacency: Adjacency, node: number, weight: number): void {
    for (let i = adjacency.start[node]!; i < adjacency.start[node + 1]!; i++) {
      if (adjacency.labels![i] !== this.cites) continue;
      const w = adjacency.items[i]!;
      if (!this.twinned(w, node)) this.emit(w, weight, INFERRED);
    }
  }

  /** Whether works `a` and `b` are one work (PRESENTS, either way). */
  private twinned(a: number, b: number): boolean {
    const twins = this.graph.twins;
    for (let i = twins.start[a]!; i < twins.start[a + 1]!; i++) if (twins.items[i] === b) return true;
    return false;
  }

  /**
   * The neighbours of the first `neighbours` rows (discussed concept, neighbour) of seed `s` by the
   * neighbour's degree, its id and the concept's id: a merge of its concepts' sorted neighbour lists.
   */
  private rarestNeighbours(s: number): number[] {
    const g = this.graph;
    const { hubLimit, neighbours } = this.params;
    const mark = ++this.discussedStamp;
    const heads: number[] = [];
    const ends: number[] = [];
    const via: number[] = [];
    for (let i = g.workConcepts.start[s]!; i < g.workConcepts.start[s + 1]!; i++) {
      const c = g.workConcepts.items[i]!;
      this.discussed[c] = mark;
      heads.push(g.conceptNeighbours.start[c]!);
      ends.push(g.conceptNeighbours.start[c + 1]!);
      via.push(c);
    }
    const taken: number[] = [];
    const items = g.conceptNeighbours.items;
    while (taken.length < neighbours) {
      let best = -1;
      for (let j = 0; j < heads.length; j++) {
        // Rows whose neighbour the seed discusses itself are not rows; past hubLimit none is.
        while (heads[j]! < ends[j]! && this.discussed[items[heads[j]!]!] === mark) heads[j]! += 1;
        if (heads[j]! >= ends[j]! || g.conceptDegree[items[heads[j]!]!]! > hubLimit) continue;
        if (best < 0) {
          best = j;
          continue;
        }
        const n = items[heads[j]!]!;
        const m = items[heads[best]!]!;
        const order = g.conceptDegree[n]! - g.conceptDegree[m]! || n - m || via[j]! - via[best]!;
        if (order < 0) best = j;
      }
      if (best < 0) break;
      taken.push(items[heads[best]!]!);
      heads[best]! += 1;
    }
    return taken;
  }

  /** One key: every work `adjacency` lists for `node` (talks only when `talks`), at `weight`. */
  private reach(adjacency: Adjacency, node: number, weight: number, adds: Adds, talks: boolean): void {
    this.key += 1;
    const talk = this.graph.talk;
    for (let i = adjacency.start[node]!; i < adjacency.start[node + 1]!; i++) {
      const w = adjacency.items[i]!;
      if (!talks || talk[w] === 1) this.emit(w, weight, adds);
    }
  }

  /** A reason of the current key for the work `w`: counted once per result (the work `w` is shown as). */
  private emit(w: number, weight: number, adds: Adds): void {
    if (this.skip[w] === this.work) return;
    const m = this.graph.shownAs[w]!;
    if (this.keyed[m] === this.key) return;
    this.keyed[m] = this.key;
    if (this.seen[m] !== this.work) {
      this.seen[m] = this.work;
      this.statedSum[m] = 0;
      this.inferredSum[m] = 0;
      this.floatSum[m] = 0;
      this.candidates[this.count++] = m;
    }
    if (adds === STATED) this.statedSum[m]! += weight;
    else this.inferredSum[m]! += weight;
    if (adds !== INFERRED_WHOLE) this.floatSum[m] = 1;
  }

  /** How a reason of `kind` weighing `weight` (a parameter of the statement) adds up. */
  private adds(kind: string, weight: number): Adds {
    if (this.stated.has(kind)) return STATED;
    return Number.isInteger(weight) ? INFERRED_WHOLE : INFERRED;
  }

  /** The candidates ordered as the statement orders them (rounded score, then title and id), the first `limit`. */
  private best(limit: number): ListItem[] {
    const g = this.graph;
    const scored: { work: number; score: number; rounded: number }[] = [];
    const scores = this.scores.subarray(0, this.count);
    const { saturation } = this.params;
    for (let i = 0; i < this.count; i++) {
      const m = this.candidates[i]!;
      // As Cypher computes it: whole weights travel as integers, so a work whose reasons are all
      // inferred with whole weights (one shared person: 1) has an integer sum, and the
      // statement's inferred / $saturation is then an integer division (1 / 2 = 0), as if the sum
      // were cut to a multiple of $saturation. The weights were tuned with it
      // (tests/integration/ranking-eval.test.ts), so the lists keep it.
      const inferred =
        this.floatSum[m] === 0 && this.wholeSaturation ? saturation * Math.trunc(this.inferredSum[m]! / saturation) : this.inferredSum[m]!;
      scores[i] = rankingScore(this.statedSum[m]!, inferred);
    }
    // The limit-th best score (a min-heap of the best seen); a work below it by APART or more cannot make the list.
    let threshold = Number.NEGATIVE_INFINITY;
    if (this.count > limit) {
      const heap = new Float64Array(limit);
      let size = 0;
      for (const score of scores) {
        if (size < limit) {
          let at = size++;
          while (at > 0 && heap[(at - 1) >> 1]! > score) {
            heap[at] = heap[(at - 1) >> 1]!;
            at = (at - 1) >> 1;
          }
          heap[at] = score;
        } else if (score > heap[0]!) {
          let at = 0;
          for (;;) {
            const left = 2 * at + 1;
            if (left >= limit) break;
            const child = left + 1 < limit && heap[left + 1]! < heap[left]! ? left + 1 : left;
            if (heap[child]! >= score) break;
            heap[at] = heap[child]!;
            at = child;
          }
          heap[at] = score;
        }
      }
      threshold = heap[0]! - APART;
    }
    for (let i = 0; i < this.count; i++) {
      if (scores[i]! >= threshold) scored.push({ work: this.candidates[i]!, score: scores[i]!, rounded: Number.NaN });
    }
    // Rounded only where it can change the order: between scores closer than APART.
    const rounded = (item: { score: number; rounded: number }) => {
      if (Number.isNaN(item.rounded)) item.rounded = roundLikeCypher(item.score, 9);
      return item.rounded;
    };
    scored.sort((a, b) => {
      if (Math.abs(a.score - b.score) >= APART) return b.score - a.score;
      return rounded(b) - rounded(a) || a.work - b.work;
    });
    return scored.slice(0, limit).map((item) => ({ id: g.ids[item.work]!, score: item.score }));
  }
}
