/**
 * Reading a damaged workshop: wrong types inside the document (a stage name
 * that is a number, a rate that is a string, a value beyond the bounds of
 * `./bounds.ts`, an item that is not a map) are repaired or left out item by
 * item, with a list of what was done, instead of breaking the screen that
 * shows them.
 *
 * Rules, per field of an item that fails its schema:
 * - a number or true/false where text belongs becomes that text (`5` → `"5"`);
 * - numeric text where a number belongs becomes the number (`"0.25"` → 0.25);
 * - a number beyond a bound is clamped to it (1e9 days → 3,650);
 * - anything else takes the field's default (optional fields are left out);
 * - an item without a usable id, or that still fails, is left out.
 * A valid item is returned exactly as stored (same keys and values), so the
 * content of an intact workshop, and its fingerprint, never change.
 */
import type { z } from 'zod';
import { MIN_RATE } from './bounds';

/** What reading did to one damaged part: `repaired` (a field was changed or defaulted) or `dropped` (the item was left out). */
export interface ReadProblem {
  /** Dotted path of the item or field, e.g. `funnels.agreed.stages.2.name`. */
  path: string;
  action: 'repaired' | 'dropped';
}

const DROP = Symbol('drop');
const OMIT = Symbol('omit');

/** True for a plain (JSON-like) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Issue = z.core.$ZodIssue;

function fixField(issue: Issue, current: unknown, fallback: unknown): unknown {
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'string' && (typeof current === 'number' || typeof current === 'boolean')) return String(current);
    if (issue.expected === 'number' && typeof current === 'string' && current.trim() !== '' && Number.isFinite(Number(current))) return Number(current);
  }
  if (typeof current === 'number' && Number.isFinite(current)) {
    if (issue.code === 'too_big' && typeof issue.maximum === 'number') return issue.maximum;
    if (issue.code === 'too_small' && typeof issue.minimum === 'number' && issue.inclusive) return issue.minimum;
    if (issue.code === 'custom' && current > 0 && current < MIN_RATE) return MIN_RATE;
  }
  if (fallback === OMIT) return OMIT;
  return fallback === undefined ? DROP : fallback;
}

/**
 * `raw` as a valid `T`, repaired field by field (see the module comment), or
 * null when it cannot be (then a `dropped` problem is listed).
 *
 * @param defaults the value of each field when it cannot be repaired; `'omit'` for optional fields
 *   (left out); fields without a default (ids, ends of an arrow) make the item be left out
 */
export function repairItem<T>(schema: z.ZodType<T>, raw: unknown, path: string, defaults: Record<string, unknown>, problems: ReadProblem[]): T | null {
  if (!isRecord(raw)) {
    problems.push({ path, action: 'dropped' });
    return null;
  }
  if (schema.safeParse(raw).success) return raw as T;
  const value: Record<string, unknown> = { ...raw };
  const fixed = new Set<string>();
  for (let pass = 0; pass < 4; pass++) {
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      for (const key of fixed) problems.push({ path: `${path}.${key}`, action: 'repaired' });
      return value as T;
    }
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key !== 'string') break;
      const fallback = defaults[key] === 'omit' ? OMIT : defaults[key];
      // A nested problem (inside a map or list field) takes the field's default as a whole.
      const fix = issue.path.length > 1 ? (fallback === undefined ? DROP : fallback) : fixField(issue, value[key], fallback);
      if (fix === DROP) {
        problems.push({ path, action: 'dropped' });
        return null;
      }
      if (fix === OMIT) delete value[key];
      else value[key] = structuredClone(fix);
      fixed.add(key);
    }
  }
  problems.push({ path, action: 'dropped' });
  return null;
}

/** Each element of `list` repaired with {@link repairItem}; left-out ones removed. `list` not an array reads as [] (listed). */
export function repairList<T>(schema: z.ZodType<T>, list: unknown, path: string, defaults: Record<string, unknown>, problems: ReadProblem[]): T[] {
  if (!Array.isArray(list)) {
    if (list !== undefined) problems.push({ path, action: 'repaired' });
    return [];
  }
  const out: T[] = [];
  list.forEach((item, i) => {
    const value = repairItem(schema, item, `${path}.${i}`, defaults, problems);
    if (value !== null) out.push(value);
  });
  return out;
}
