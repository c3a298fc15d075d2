/**
 * Canonical JSON: one byte-exact text for one value, so that the same
 * agreement content always has the same fingerprint, whatever the key order
 * it was built in.
 *
 * Follows RFC 8785 (JSON Canonicalization Scheme) for the values an agreement
 * holds: object keys sorted by UTF-16 code units, no insignificant white
 * space, strings escaped as `JSON.stringify` does, numbers in ECMAScript's
 * shortest form (which JCS adopts). `undefined` properties are dropped as
 * JSON does.
 */

/** Thrown for values JSON cannot represent exactly (NaN, Infinity, functions, bigints, cycles). */
export class CanonicalJsonError extends Error {
  constructor(path: string, what: string) {
    super(`Cannot canonicalize ${what} at ${path || '(root)'}`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * Serializes `value` canonically. Throws {@link CanonicalJsonError} for
 * non-finite numbers, bigints, functions, symbols and cyclic structures.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', new Set());
}

function write(value: unknown, path: string, stack: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, String(value));
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(path, typeof value);
  }
  const obj = value as object;
  if (stack.has(obj)) throw new CanonicalJsonError(path, 'a cycle');
  stack.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = `[${obj.map((item, i) => (item === undefined ? 'null' : write(item, `${path}[${i}]`, stack))).join(',')}]`;
  } else {
    const entries = Object.entries(obj as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, path ? `${path}.${k}` : k, stack)}`).join(',')}}`;
  }
  stack.delete(obj);
  return out;
}
