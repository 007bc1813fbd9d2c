/**
 * The references of the node types, declared before any is implemented so that the type files
 * can point at each other without import cycles. Each is implemented in the file of its name.
 */
import type { Entity } from '../model/rows.js';
import { builder } from './builder.js';

export const WorkRef = builder.interfaceRef<Entity>('Work');
export const TalkRef = builder.objectRef<Entity>('Talk');
export const PaperRef = builder.objectRef<Entity>('Paper');
export const ConceptRef = builder.objectRef<Entity>('Concept');
export const PersonRef = builder.objectRef<Entity>('Person');
export const EventRef = builder.objectRef<Entity>('Event');
export const DayRef = builder.objectRef<Entity>('Day');
export const SessionRef = builder.objectRef<Entity>('Session');

/** The options every node type shares: its plain id, its kind check, and batched loading. */
export function nodeOptions(typename: string) {
  return {
    id: { resolve: (node: Entity) => node.id },
    isTypeOf: (value: unknown) => (value as Entity | null)?.__type === typename,
    loadManyWithoutCache: async (ids: string[], { loaders }: { loaders: import('../db/loaders.js').Loaders }) =>
      (await loaders.entity.loadMany(ids)).map((node) => (node instanceof Error || node?.__type !== typename ? null : node)),
  };
}
