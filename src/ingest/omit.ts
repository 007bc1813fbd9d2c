/**
 * A shallow copy of `value` without the keys whose values `empty` picks (by default: undefined),
 * so that optional fields are absent rather than undefined; the order of the other keys is kept.
 */
export function omitEmpty<T extends object>(value: T, empty: (v: unknown) => boolean = (v) => v === undefined): T {
  const copy = { ...value };
  for (const [key, v] of Object.entries(copy)) if (empty(v)) Reflect.deleteProperty(copy, key);
  return copy;
}
