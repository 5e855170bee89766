// Name-keyed lookups that never reach Object.prototype: a lab (or a learner) may name a host,
// guest, check, fault, variable or objective `__proto__` or `constructor`, and that must mean
// "no such thing", never an inherited property that counts as found.

/** The value stored under `key` in a plain record, or undefined when it is not its own property. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string | number): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether a record holds `key` itself (not through its prototype). */
export const hasOwn = (record: object | null | undefined, key: string | number): boolean => record != null && Object.hasOwn(record, key);

/** Sets `key` as an own, enumerable property, even `__proto__` (an assignment would set the prototype). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A name that is a property of every object (`constructor`, `__proto__`, `toString` …). */
export const isPrototypeName = (name: string): boolean => name === '__proto__' || name in Object.prototype;
