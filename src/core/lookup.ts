// Tables looked up with text from the document (a command, an operator name, a law's name) must not answer
// for the names every plain object inherits: `\constructor` was read as a relation, and
// `\operatorname{constructor}(x)` was evaluated as `Object(x)`.

/** A null-prototype copy of `entries`: a key such as `constructor`, `toString` or `__proto__` finds nothing. */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
