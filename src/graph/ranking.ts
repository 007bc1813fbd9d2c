/**
 * Related-work rankings: the statements that rank on the fly (cypher/related/ adds up the weights
 * of src/model/vocabulary.ts, given as parameters), and the sentence that explains each reason.
 */
import type { Database } from '../db/database.js';
import { type Entity, nameOf, type RankedWork, type Reason } from '../model/rows.js';
import { reasonWeights, referenceWeights, scoreTuning } from '../model/vocabulary.js';

/** The weights cypher/related/ is given (src/model/vocabulary.ts; bench/eval-ranking.ts may override them). */
export const rankingParams = () => ({
  referenceWeights,
  reasonWeights,
  stated: scoreTuning.stated,
  saturation: scoreTuning.saturation,
  hubLimit: scoreTuning.hubLimit,
  neighbours: scoreTuning.neighbours,
  coCiting: scoreTuning.coCiting,
});

/** Related work for seed works, ranked on the fly; `withReasons` false leaves the reasons out (empty). */
export async function relatedWork(
  db: Database,
  ids: string[],
  exclude: string[],
  limit: number,
  withReasons = true,
): Promise<RankedWork[]> {
  return db.read<RankedWork>('related/related-work', { ids, exclude, limit, withReasons, ...rankingParams() });
}

/** Related work for seed works among the candidate works `works` only (src/graph/similarity.ts), ranked as relatedWork ranks. */
export async function relatedWorkAmong(
  db: Database,
  ids: string[],
  works: string[],
  exclude: string[],
  limit: number,
): Promise<RankedWork[]> {
  return db.read<RankedWork>('related/reasons-between', { ids, works, exclude, limit, ...rankingParams() });
}

/** Works related to a concept named by its name or an alias (any letter case), ranked. */
export async function relatedToConcept(db: Database, concept: string, limit: number): Promise<RankedWork[]> {
  return db.read<RankedWork>('related/related-to-concept', {
    key: concept.trim().toLowerCase(),
    limit,
    withReasons: true,
    ...rankingParams(),
  });
}

const label = (e: Entity | undefined) => `“${e ? nameOf(e) : ''}”`;

/** One sentence a client can show for a reason. */
export function describeReason(reason: Reason): string {
  const [a, b] = reason.via;
  const reference: Record<string, [string, string]> = {
    FOLLOW_UP_READ: ['The notes suggest it as a follow-up read', 'The notes suggest this as its follow-up read'],
    RELATED: ['The notes name it as related work', 'It names this as related work'],
    SEE_ALSO: ['The notes point to it for more', 'It points to this for more'],
    BUILDS_ON: ['Builds on it', 'It builds on this'],
    CITES: ['Cites it', 'It cites this'],
  };
  if (reason.kind in reference) {
    // relatedToConcept: the reference is to or from a work (via) that discusses the concept.
    if (reason.seed === null && reason.direction === null) {
      return `Linked by a ${reason.kind.replace(/_/g, ' ').toLowerCase()} edge to ${label(a)}, which discusses it`;
    }
    const [out, inward] = reference[reason.kind]!;
    return reason.direction === 'IN' ? inward : out;
  }
  switch (reason.kind) {
    case 'SHARED_CONCEPT':
      return `Both discuss ${label(a)}`;
    case 'NEIGHBOURING_CONCEPT':
      return `Discusses ${label(b)}, related to ${label(a)}`;
    case 'SAME_SESSION':
      return `In the same session, ${label(a)}`;
    case 'SAME_TALK':
      return 'Part of the same talk';
    case 'SIBLING_SECTION':
      return `Another section of ${label(a)}`;
    case 'SHARED_PERSON':
      return `Both involve ${label(a)}`;
    case 'BIBLIOGRAPHIC_COUPLING':
      return `Both cite ${label(a)}`;
    case 'CO_CITATION':
      return `Cited together with it by ${label(a)}`;
    case 'DISCUSSES':
      return `Discusses ${label(a)}`;
    case 'NARROWER_CONCEPT':
      return `Discusses ${label(a)}, a narrower concept`;
    case 'RELATED_CONCEPT':
      return `Discusses the related concept ${label(a)}`;
    case 'BROADER_CONCEPT':
      return `Discusses ${label(a)}, a broader concept`;
    default:
      return reason.kind;
  }
}
