/**
 * Records keyed by names that come from outside (exercise ids, label keys, field names). A plain
 * `{}` answers `constructor`, `toString` or `__proto__` from `Object.prototype`, and assigning
 * `record['__proto__']` changes its prototype instead of storing a value; these helpers keep such
 * ids ordinary keys.
 */

/** An empty record with no prototype, so every key it answers is one it was given. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A copy of `entries` as a prototype-free record; `__proto__` becomes an ordinary key. */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = emptyRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** A prototype-free copy of `record` with `key` set to `value`. */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const copy = recordOf(Object.entries(record));
  copy[key] = value;
  return copy;
}

/** The value stored under `key` itself, never one inherited from `Object.prototype`. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
