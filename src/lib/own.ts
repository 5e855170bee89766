// Name-keyed tables that a learner's words index (variables, aliases, functions, file names,
// awk arrays): null-prototype objects, so `__proto__`, `constructor` or `toString` are names
// like any other and never reach Object.prototype.

/** A table with no prototype (optionally a copy of `from`'s own entries). */
export function dict<T>(from?: Readonly<Record<string, T>> | null): Record<string, T> {
  const d = Object.create(null) as Record<string, T>;
  if (from) for (const k of Object.keys(from)) defineOwn(d, k, from[k] as T);
  return d;
}

/** `table[key]` if it is the table's own entry (a plain object's `constructor` is not). */
export function own<T>(table: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Sets an own entry, also on a plain object where `__proto__` would otherwise change the prototype. */
export function setOwn<T>(table: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') defineOwn(table, key, value);
  else table[key] = value;
}

function defineOwn<T>(table: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
}
