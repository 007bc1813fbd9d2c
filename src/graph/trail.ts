/**
 * Reading trails: from a work along the follow-up reads, related work and "see also" edges of the
 * notes (related/follow-up-reads), saying where those edges run out, and (readingTrail) going on
 * from there through the strongest related work of the ranking, each such step marked as such.
 *
 * On the seeded ICML 2017 notes the edges form no chains: every one leaves a talk (or its paper)
 * and reaches a paper the notes give no further reading for, so a trail of the notes alone stops
 * after one step, whatever the depth.
 */
import type { Database } from '../db/database.js';
import { followUpReads } from '../db/repository.js';
import { nameOf, type RankedWork, type TrailStep, type WorkNode } from '../model/rows.js';
import { describeStep } from './paths.js';
import { describeReason, relatedWork } from './ranking.js';

/** How a step of a reading trail was found. */
export const trailVias = ['NOTES', 'RELATED_WORK'] as const;
export type TrailVia = (typeof trailVias)[number];

export interface ReadingStep {
  depth: number;
  work: WorkNode;
  via: TrailVia;
  /** The work the step comes from. */
  from: WorkNode;
  /** The plain ids from the start to this work. */
  route: string[];
  /** NOTES: the edge of the notes that leads here. */
  reference: TrailStep['reference'] | null;
  /** RELATED_WORK: the ranking's answer for `from` that this step takes. */
  related: RankedWork | null;
  /** True when the notes lead nowhere new from this work (nor from its talk or paper). */
  exhausted: boolean;
  /** The step in a sentence. */
  reason: string;
}

export interface ReadingTrail {
  steps: ReadingStep[];
  /** The depth asked for. */
  depth: number;
  /** The deepest step the notes' own edges reach (0: none leaves the start). */
  notesDepth: number;
  /** True when the notes' edges run out before `depth`. */
  exhausted: boolean;
}

const quoted = (work: WorkNode) => `"${nameOf(work)}"`;

/** A step of the notes' trail, as a reading step from `base` (depth and route continue from it). */
function notesStep(s: TrailStep, base: { depth: number; route: string[] }): ReadingStep {
  const route = [...base.route, ...s.route.slice(1)];
  return {
    depth: base.depth + s.depth,
    work: s.work,
    via: 'NOTES',
    from: s.fromWork,
    route,
    reference: s.reference,
    related: null,
    // The notes lead on from here when they lead anywhere but back along the route.
    exhausted: s.next.every((id) => route.includes(id)),
    reason: describeStep(s.reference.type, s.fromWork, s.work),
  };
}

/** The followUpReads trail: the notes' edges only, up to `depth` steps. */
export async function notesTrail(db: Database, id: string, depth: number): Promise<ReadingTrail> {
  const steps = (await followUpReads(db, id, depth)).map((s) => notesStep(s, { depth: 0, route: [id] }));
  const notesDepth = Math.max(0, ...steps.map((s) => s.depth));
  return { steps, depth, notesDepth, exhausted: notesDepth < depth };
}

interface TrailEnd {
  work: WorkNode;
  depth: number;
  route: string[];
  /** The related-work step that reached it, whose `exhausted` the notes from it decide. */
  step: ReadingStep | null;
}

/**
 * The notes' trail, then from every work where the notes' edges run out (the start, when none
 * leaves it) the strongest related work of that work not yet on the trail (relatedWork's
 * ranking), and from there the notes again where they lead on, up to `depth` steps. A talk and
 * the paper it presents count as one work: once one is on the trail, the other is never a step.
 */
export async function readingTrail(db: Database, start: WorkNode, depth: number): Promise<ReadingTrail> {
  const steps: ReadingStep[] = [];
  const onTrail = new Set<string>();
  /** Marks works as on the trail, with their talk or paper: one work is one step. */
  const reach = async (ids: string[]) => {
    for (const id of ids) onTrail.add(id);
    for (const row of await db.read<{ id: string }>('work/twins', { ids })) onTrail.add(row.id);
  };
  await reach([start.id]);
  let ends: TrailEnd[] = [{ work: start, depth: 0, route: [start.id], step: null }];
  let notesDepth: number | null = null;
  while (ends.length > 0) {
    // The notes from each end first; one query per end, the ends of a level together.
    const notes = await Promise.all(ends.map((end) => followUpReads(db, end.work.id, Math.max(1, depth - end.depth))));
    const relatedFrom: TrailEnd[] = [];
    const next: TrailEnd[] = [];
    const reached: string[] = [];
    ends.forEach((end, i) => {
      const fresh = notes[i]!.filter((s) => s.route.slice(1).every((id) => !onTrail.has(id)));
      if (end.step) end.step.exhausted = fresh.length === 0;
      if (end.depth >= depth) return;
      if (fresh.length === 0) {
        relatedFrom.push(end);
        return;
      }
      for (const s of fresh) for (const id of s.route) onTrail.add(id);
      reached.push(...fresh.map((s) => s.work.id));
      const found = fresh.map((s) => notesStep(s, end));
      steps.push(...found);
      for (const s of found) if (s.exhausted && s.depth < depth) next.push({ work: s.work, depth: s.depth, route: s.route, step: null });
    });
    await reach(reached);
    // After the notes from the start, the steps are the notes' own trail.
    notesDepth ??= Math.max(0, ...steps.map((s) => s.depth));
    // Where the notes lead nowhere new: the strongest related work, one per end (asking for as
    // many as there are ends, so that each can have one the others did not take).
    const ranked = await Promise.all(relatedFrom.map((end) => relatedWork(db, [end.work.id], [...onTrail], relatedFrom.length)));
    const taken: string[] = [];
    relatedFrom.forEach((end, i) => {
      const best = ranked[i]!.find((r) => !onTrail.has(r.work.id));
      if (!best) return;
      onTrail.add(best.work.id);
      taken.push(best.work.id);
      const strongest = best.reasons[0];
      const step: ReadingStep = {
        depth: end.depth + 1,
        work: best.work,
        via: 'RELATED_WORK',
        from: end.work,
        route: [...end.route, best.work.id],
        reference: null,
        related: best,
        exhausted: true,
        reason:
          `The notes give no further reading from ${quoted(end.work)}; ${quoted(best.work)} is its strongest related work` +
          (strongest ? ` (${describeReason(strongest)}).` : '.'),
      };
      steps.push(step);
      next.push({ work: best.work, depth: step.depth, route: step.route, step });
    });
    await reach(taken);
    ends = next;
  }
  steps.sort((a, b) => a.depth - b.depth);
  return { steps, depth, notesDepth: notesDepth ?? 0, exhausted: (notesDepth ?? 0) < depth };
}
