/**
 * The references of the node types, declared before any is implemented so that the type files
 * can point at each other without import cycles. Each is implemented in the file of its name.
 */
import type { ConceptNode, DayNode, Entity, EventNode, PaperNode, PersonNode, SessionNode, TalkNode, WorkNode } from '../model/rows.js';
import { builder } from './builder.js';

export const WorkRef = builder.interfaceRef<WorkNode>('Work');
export const TalkRef = builder.objectRef<TalkNode>('Talk');
export const PaperRef = builder.objectRef<PaperNode>('Paper');
export const ConceptRef = builder.objectRef<ConceptNode>('Concept');
export const PersonRef = builder.objectRef<PersonNode>('Person');
export const EventRef = builder.objectRef<EventNode>('Event');
export const DayRef = builder.objectRef<DayNode>('Day');
export const SessionRef = builder.objectRef<SessionNode>('Session');

/** Whether a value the API resolved is a node of the given type. */
export const isNodeOf =
  <T extends Entity['__type']>(typename: T) =>
  (value: unknown): value is Extract<Entity, { __type: T }> =>
    typeof value === 'object' && value !== null && '__type' in value && value.__type === typename;

/** The options every node type shares: its plain id, its kind check, and batched loading. */
export function nodeOptions<T extends Entity['__type']>(typename: T) {
  const isNode = isNodeOf(typename);
  return {
    id: { resolve: (node: Extract<Entity, { __type: T }>) => node.id },
    isTypeOf: isNode,
    loadManyWithoutCache: async (ids: string[], { loaders }: { loaders: import('../db/loaders.js').Loaders }) =>
      (await loaders.entity.loadMany(ids)).map((node) => (isNode(node) ? node : null)),
  };
}
