import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/model/rows.js';
import { describeReason } from '../../src/graph/ranking.js';
import type { ReasonKind } from '../../src/model/vocabulary.js';
import type { Reason } from '../../src/model/rows.js';

const concept = { id: 'ewc', __type: 'Concept', name: 'Elastic weight consolidation' } as Entity;
const related = { id: 'fisher', __type: 'Concept', name: 'Fisher information' } as Entity;
const talk = { id: 'si', __type: 'Talk', title: 'Continual Learning Through Synaptic Intelligence' } as Entity;
const reason = (kind: ReasonKind, extra: Partial<Reason> = {}): Reason => ({ kind, weight: 1, seed: 's', direction: null, via: [], source: null, ...extra });

describe('describeReason: one sentence per reason', () => {
  it.each([
    [reason('SHARED_CONCEPT', { via: [concept] }), 'Both discuss “Elastic weight consolidation”'],
    [reason('NEIGHBOURING_CONCEPT', { via: [concept, related] }), 'Discusses “Fisher information”, related to “Elastic weight consolidation”'],
    [reason('FOLLOW_UP_READ', { direction: 'OUT' }), 'The notes suggest it as a follow-up read'],
    [reason('FOLLOW_UP_READ', { direction: 'IN' }), 'The notes suggest this as its follow-up read'],
    [reason('CITES', { seed: null, direction: null, via: [talk] }), 'Linked by a cites edge to “Continual Learning Through Synaptic Intelligence”, which discusses it'],
    [reason('SAME_TALK'), 'Part of the same talk'],
    [reason('BROADER_CONCEPT', { via: [related] }), 'Discusses “Fisher information”, a broader concept'],
  ])('%#: %s', (given, sentence) => {
    expect(describeReason(given)).toBe(sentence);
  });
});
