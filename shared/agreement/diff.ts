/**
 * What changed between two versions of an agreement: section by section
 * (meta, participants, glossary terms, SLA text and commitments, each
 * funnel's stages and transitions with their conversion rates, targets),
 * item by item (matched by id), field by field, and inside text fields word
 * by word (the `diff` package's `diffWordsWithSpace`).
 *
 * Pure data in, pure data out: the UI renders it, the approvals module uses
 * {@link diffFields} to show what changed since an approval.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import { FUNNEL_IDS, SLA_SECTION_KEYS, type FunnelId, type WorkshopContent } from '../domain/workshop';
import { isRichDoc, richTextToPlain, type RichText } from '../domain/rich-text';
import { canonicalJson } from './canonical-json';
import { fingerprint } from './fingerprint';
import type { AgreementSnapshot } from './version';

/** One run of text in a word diff: kept, inserted in the newer text, or deleted from the older one. */
export interface TextPart {
  type: 'same' | 'added' | 'removed';
  text: string;
}

/** A changed text field, with its word-by-word diff. */
export interface TextFieldChange {
  kind: 'text';
  /** Field name inside the item, e.g. `definition`, `intro`. */
  field: string;
  before: string;
  after: string;
  /** Concatenating the `same` + `removed` parts gives `before`; `same` + `added` gives `after`. */
  parts: TextPart[];
  /** True for canvas-only fields (a stage's `x`/`y`), which the UI may fold away. */
  layout: boolean;
}

/** A changed non-text field (number, boolean, enum, nested value): old and new value as stored. */
export interface ValueFieldChange {
  kind: 'value';
  field: string;
  /** `undefined` when the field did not exist on that side. Rates are fractions 0..1, money in the workshop currency. */
  before: unknown;
  after: unknown;
  layout: boolean;
}

export type FieldChange = TextFieldChange | ValueFieldChange;

/** Sections of a version diff. `stages` and `transitions` come once per funnel (see {@link SectionDiff.funnel}). */
export type DiffSection = 'meta' | 'participants' | 'terms' | 'sla' | 'commitments' | 'stages' | 'transitions' | 'targets';

/** One item that differs between the two versions. */
export interface ItemChange {
  /** The item's id; `meta`, `sla` (its text fields, e.g. `intro`) and `targets` for the single-value parts. */
  id: string;
  /** A readable name from the newer side (older side for removed items), e.g. a term's name, `Lead → MQL`. */
  label: string;
  change: 'added' | 'removed' | 'changed';
  /** Changed fields (only for `changed`). */
  fields: FieldChange[];
  /** True when the item changed place in an ordered list (terms, participants, commitments). */
  moved: boolean;
  /** The whole item on the older side (absent for `added`). */
  before?: Record<string, unknown>;
  /** The whole item on the newer side (absent for `removed`). */
  after?: Record<string, unknown>;
}

export interface SectionDiff {
  section: DiffSection;
  /** For `stages` and `transitions`: which funnel. */
  funnel?: FunnelId;
  changes: ItemChange[];
}

/** Differences between two workshop contents; `sections` lists only sections with changes, in print order. */
export interface ContentDiff {
  sections: SectionDiff[];
  totals: { added: number; removed: number; changed: number };
}

/** A {@link ContentDiff} between two frozen versions, with what identifies each side. */
export interface VersionDiff extends ContentDiff {
  from: VersionRef;
  to: VersionRef;
}

export interface VersionRef {
  version: number;
  /** ISO 8601 instant in UTC. */
  frozenAt: string;
  /** SHA-256 hex of the snapshot's canonical JSON: the version's fingerprint. */
  fingerprint: string;
}

type Item = Record<string, unknown> & { id: string };

/**
 * Word-by-word diff of two texts (`diffWordsWithSpace`: words, punctuation
 * marks and runs of white space are the units). Exact: the `same` and
 * `removed` parts rebuild `before`, the `same` and `added` parts rebuild
 * `after`, so a re-flowed paragraph shows as a change rather than nothing.
 */
export function diffText(before: string, after: string): TextPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ type: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

const isRichTextValue = (v: unknown): v is RichText =>
  typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v) && isRichDoc(v as RichText));

/**
 * The text of a field for a word diff: a string as it is, rich text
 * (ProseMirror JSON, see shared/domain/rich-text.ts) as its plain text; null
 * for anything else.
 */
function textOf(a: unknown, b: unknown): [string, string] | null {
  if (typeof a === 'string' && typeof b === 'string') return [a, b];
  if (isRichTextValue(a) && isRichTextValue(b)) return [richTextToPlain(a), richTextToPlain(b)];
  return null;
}

/**
 * Field-by-field differences of two versions of one item (any plain object).
 * Fields are compared by canonical JSON; strings and rich text get a word
 * diff (rich text on its plain text; a change of formatting only, same
 * words, stays a `value` change). `id` is never reported. Fields named in
 * `layoutFields` are flagged `layout: true`.
 */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, layoutFields: readonly string[] = []): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'id');
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const a = before[field];
    const b = after[field];
    if (same(a, b)) continue;
    const layout = layoutFields.includes(field);
    const texts = textOf(a, b);
    // A plain string stored again as rich text (an editor or a migration rewrote it) with the same words and
    // no formatting is no change; with formatting (bold, a link…) it stays a `value` change.
    if (texts && typeof a !== typeof b && sameWords(texts[0], texts[1]) && !hasMarks(typeof a === 'string' ? b : a)) continue;
    if (texts && texts[0] !== texts[1]) {
      changes.push({ kind: 'text', field, before: texts[0], after: texts[1], parts: diffText(texts[0], texts[1]), layout });
    } else {
      changes.push({ kind: 'value', field, before: a, after: b, layout });
    }
  }
  return changes;
}

/** Same words in the same order, white space aside (paragraph breaks written as one or two newlines). */
function sameWords(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** Whether rich text carries any formatting mark (bold, italic, link…). */
function hasMarks(value: unknown): boolean {
  return /"marks":\[\{/.test(JSON.stringify(value));
}

function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

/** How to diff one list section. */
interface ListSpec {
  section: DiffSection;
  funnel?: FunnelId;
  items: (c: WorkshopContent) => readonly Item[];
  label: (item: Item, side: WorkshopContent) => string;
  /** Whether list order means something (printed order) and a move is a change. */
  ordered: boolean;
  layoutFields?: readonly string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const stageName = (c: WorkshopContent, funnel: FunnelId, id: unknown): string => c.funnels[funnel].stages.find((s) => s.id === id)?.name ?? str(id);

function funnelSpecs(funnel: FunnelId): ListSpec[] {
  return [
    {
      section: 'stages',
      funnel,
      items: (c) => c.funnels[funnel].stages,
      label: (s) => str(s.name),
      ordered: false,
      layoutFields: ['x', 'y'],
    },
    {
      section: 'transitions',
      funnel,
      items: (c) => c.funnels[funnel].transitions,
      label: (t, c) => `${stageName(c, funnel, t.source)} → ${stageName(c, funnel, t.target)}`,
      ordered: false,
    },
  ];
}

const PARTICIPANTS: ListSpec = { section: 'participants', items: (c) => c.participants, label: (p) => str(p.name), ordered: true };
const TERMS: ListSpec = {
  section: 'terms',
  items: (c) => c.terms,
  label: (t) => (str(t.acronym) ? `${str(t.name)} (${str(t.acronym)})` : str(t.name)),
  ordered: true,
};
const COMMITMENTS: ListSpec = { section: 'commitments', items: (c) => c.sla.commitments, label: (k) => str(k.commitment), ordered: true };
const FUNNELS: readonly ListSpec[] = FUNNEL_IDS.flatMap(funnelSpecs);

function diffList(spec: ListSpec, before: WorkshopContent, after: WorkshopContent): ItemChange[] {
  const olds = spec.items(before);
  const news = spec.items(after);
  const oldById = new Map(olds.map((i) => [i.id, i]));
  const newById = new Map(news.map((i) => [i.id, i]));
  const moved = new Set<string>();
  if (spec.ordered) {
    // Items kept on both sides but outside the longest common order moved.
    const keptOld = olds.filter((i) => newById.has(i.id)).map((i) => i.id);
    const keptNew = news.filter((i) => oldById.has(i.id)).map((i) => i.id);
    for (const part of diffArrays(keptOld, keptNew)) if (part.removed) part.value.forEach((id) => moved.add(id));
  }
  const changes: ItemChange[] = [];
  for (const item of news) {
    const old = oldById.get(item.id);
    const label = spec.label(item, after);
    if (!old) {
      changes.push({ id: item.id, label, change: 'added', fields: [], moved: false, after: item });
      continue;
    }
    const fields = diffFields(old, item, spec.layoutFields);
    if (fields.length > 0 || moved.has(item.id)) {
      changes.push({ id: item.id, label, change: 'changed', fields, moved: moved.has(item.id), before: old, after: item });
    }
  }
  for (const old of olds) {
    if (!newById.has(old.id)) {
      changes.push({ id: old.id, label: spec.label(old, before), change: 'removed', fields: [], moved: false, before: old });
    }
  }
  return changes;
}

function diffSingle(id: string, before: Record<string, unknown>, after: Record<string, unknown>): ItemChange[] {
  const fields = diffFields(before, after);
  return fields.length === 0 ? [] : [{ id, label: id, change: 'changed', fields, moved: false, before, after }];
}

/** The SLA's written parts as one flat item: purpose and scope (`intro`), then each section by its key. */
function slaText(content: WorkshopContent): Record<string, unknown> {
  const { commitments: _commitments, sections, ...rest } = content.sla;
  const flat: Record<string, unknown> = { ...rest };
  for (const key of SLA_SECTION_KEYS) if (sections?.[key] !== undefined) flat[key] = sections[key];
  return flat;
}

/**
 * Differences between two workshop contents, in print order: meta,
 * participants, terms, SLA text (section and item `sla`), commitments, then for
 * each funnel (agreed, marketing, sales) its stages and transitions
 * (conversion rates as fractions 0..1, days), then targets (money in the
 * workshop currency). Never throws for valid contents.
 */
export function diffContent(before: WorkshopContent, after: WorkshopContent): ContentDiff {
  const oldSlaText = slaText(before);
  const newSlaText = slaText(after);
  const sections: SectionDiff[] = [];
  const push = (section: DiffSection, changes: ItemChange[], funnel?: FunnelId) => {
    if (changes.length > 0) sections.push(funnel ? { section, funnel, changes } : { section, changes });
  };
  push('meta', diffSingle('meta', before.meta, after.meta));
  push('participants', diffList(PARTICIPANTS, before, after));
  push('terms', diffList(TERMS, before, after));
  push('sla', diffSingle('sla', oldSlaText, newSlaText));
  push('commitments', diffList(COMMITMENTS, before, after));
  for (const spec of FUNNELS) push(spec.section, diffList(spec, before, after), spec.funnel);
  push('targets', diffSingle('targets', before.targets, after.targets));
  const totals = { added: 0, removed: 0, changed: 0 };
  for (const s of sections) for (const c of s.changes) totals[c.change] += 1;
  return { sections, totals };
}

/** Differences from version `before` to version `after` (any two versions, either order). */
export function diffVersions(before: AgreementSnapshot, after: AgreementSnapshot): VersionDiff {
  const ref = (s: AgreementSnapshot): VersionRef => ({ version: s.version, frozenAt: s.frozenAt, fingerprint: fingerprint(s) });
  return { from: ref(before), to: ref(after), ...diffContent(before.content, after.content) };
}
