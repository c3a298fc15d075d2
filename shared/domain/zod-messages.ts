/**
 * Pacto's wording of zod's own validation issues, set once for the whole
 * program with zod 4's global error customization (`z.config({ customError })`).
 *
 * Schemas name their own message keys where a rule is Pacto's (`rate`,
 * `days`, `money` …, see `./workshop.ts`); what zod reports by itself — a
 * missing field, a value of the wrong type, a choice not in a list — is
 * turned here into a short message key too, instead of zod's English
 * ("Invalid input: expected string, received undefined"). Keys are
 * translated by the renderer (`errors.<key>`) and by the command line
 * ({@link ENGLISH_MESSAGES}).
 *
 * Importing this module configures zod; `./workshop.ts` imports it, so every
 * schema of the domain is covered.
 */
import { z } from 'zod';
import { MAX_COUNT, MAX_DAYS, MAX_MONEY, MAX_PERIOD_MONTHS, MAX_PLAN_STAGES, MIN_MONEY, MIN_RATE } from './bounds';

/** The message key for a zod issue zod raised by itself (no message set by the schema); undefined = zod's own text. */
export function zodMessageKey(issue: { code: string; input?: unknown; expected?: unknown }): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'required';
      const expected = String(issue.expected);
      if (expected === 'number' || expected === 'int') return 'number';
      if (expected === 'string') return 'text';
      if (expected === 'boolean') return 'yesNo';
      if (expected === 'array') return 'list';
      if (expected === 'object' || expected === 'record' || expected === 'map') return 'group';
      return 'invalid';
    }
    case 'invalid_value':
      return 'choice';
    case 'unrecognized_keys':
      return 'unknownField';
    default:
      return undefined;
  }
}

z.config({ customError: (issue) => zodMessageKey(issue) });

// One formatter for every bound: each toLocaleString call would build (and load locale data for) a new one.
const english = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const fmt = (n: number) => english.format(n);

/** English explanations of every message key of the domain schemas, for the command line and logs ("stages.1.name: is required"). */
export const ENGLISH_MESSAGES: Record<string, string> = {
  required: 'is required',
  number: 'must be a number',
  text: 'must be text',
  yesNo: 'must be true or false',
  list: 'must be a list',
  group: 'must be an object of named fields',
  choice: 'is not one of the allowed values',
  unknownField: 'has a field Pacto does not know',
  invalid: 'is not valid',
  rate: 'must be a fraction from 0 to 1 (35 % is 0.35)',
  rateMin: `must be 0 or at least ${fmt(MIN_RATE)} (one in a million)`,
  tooMany: 'has too many items',
  days: `must be a number of days from 0 to ${fmt(MAX_DAYS)}`,
  positive: `must be a number greater than 0 and at most ${fmt(MAX_COUNT)}`,
  money: `must be an amount from ${fmt(MIN_MONEY)} to ${fmt(MAX_MONEY)}`,
  months: `must be a whole number of months from 1 to ${MAX_PERIOD_MONTHS}`,
  month: 'must be a month written YYYY-MM',
  budget: `must be an amount from 0 to ${fmt(MAX_MONEY)}`,
  reps: `must be a whole number from 0 to ${fmt(MAX_COUNT)}`,
  target: `must be a number from 0 to ${fmt(MAX_COUNT)}`,
  currency: 'must be a three-letter ISO 4217 code such as EUR',
  stages: `must list from 2 to ${MAX_PLAN_STAGES} stages`,
  duplicate: 'repeats an id used by an earlier stage',
  date: 'must be a date written YYYY-MM-DD',
};
