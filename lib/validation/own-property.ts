/**
 * Sets `key` on `target` as its own property, as JSON.parse does: a key named `__proto__` (from a query
 * string or a form) becomes a field that a strict schema reports as unknown, never the object's prototype,
 * and `constructor` or `toString` never reach what the object inherits.
 */
export function setOwn<T>(target: Record<string, unknown>, key: string, value: T): T {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** The own value of `key`, ignoring what `target` inherits (`constructor`, `__proto__`, …). */
export function getOwn(target: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}
