/**
 * Enum values with a description each (GraphiQL's Docs pane shows them), in the order of the
 * vocabulary they come from. The descriptions are keyed by value, so a value added to the
 * vocabulary without a description fails to compile.
 */
export function describedValues<const V extends string>(values: readonly V[], descriptions: Record<V, string>) {
  return Object.fromEntries(values.map((value) => [value, { description: descriptions[value] }])) as Record<V, { description: string }>;
}
