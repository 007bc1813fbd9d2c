import { describe, expect, it } from 'vitest';
import { describeReason } from '../../src/graph/ranking.js';
import type { ConceptNode, Reason, TalkNode } from '../../src/model/rows.js';
import type { ReasonKind } from '../../src/model/vocabulary.js';

const concept: ConceptNode = { id: 'ewc', __type: 'Concept', name: 'Elastic weight consolidation', definition: '' };
const related: ConceptNode = { id: 'fisher', __type: 'Concept', name: 'Fisher information', definition: '' };
const talk: TalkNode = {
  id: 'si',
  __type: 'Talk',
  title: 'Continual Learning Through Synaptic Intelligence',
  kind: 'TALK',
  order: 1,
  dayNumber: 2,
  lineFrom: 1,
  lineTo: 2,
  summary: '',
};
const reason = (kind: ReasonKind, extra: Partial<Reason> = {}): Reason => ({
  kind,
  weight: 1,
  seed: 's',
  direction: null,
  via: [],
  source: null,
  ...extra,
});

describe('describeReason: one sentence per reason', () => {
  it.each([
    [reason('SHARED_CONCEPT', { via: [concept] }), 'Both discuss “Elastic weight consolidation”'],
    [
      reason('NEIGHBOURING_CONCEPT', { via: [concept, related] }),
      'Discusses “Fisher information”, related to “Elastic weight consolidation”',
    ],
    [reason('FOLLOW_UP_READ', { direction: 'OUT' }), 'The notes suggest it as a follow-up read'],
    [reason('FOLLOW_UP_READ', { direction: 'IN' }), 'The notes suggest this as its follow-up read'],
    [
      reason('CITES', { seed: null, direction: null, via: [talk] }),
      'Linked by a cites edge to “Continual Learning Through Synaptic Intelligence”, which discusses it',
    ],
    [reason('SAME_TALK'), 'Part of the same talk'],
    [reason('BROADER_CONCEPT', { via: [related] }), 'Discusses “Fisher information”, a broader concept'],
  ])('%#: %s', (given, sentence) => {
    expect(describeReason(given)).toBe(sentence);
  });
});
