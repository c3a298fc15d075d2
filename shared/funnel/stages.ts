/**
 * The palette of standard stages a team adds to its funnel (Lead/Inquiry,
 * MQL, SAL, SQL, Opportunity, Customer, Recycled, Disqualified), with their
 * names in Spanish and English, standard ids and owners; and the small
 * helpers every funnel edit needs: fresh ids, linking a stage to a glossary
 * term, copying a funnel. The six funnel stages reuse the standard glossary
 * of `shared/sample/standard-content.ts` (names, owners, ids `term-<key>`).
 */
import type { Funnel, FunnelStage, Language, Party, Term } from '../domain/workshop';
import { STANDARD_TERMS, standardStageName, type Bilingual } from '../sample/standard-content';
import { stageKindOfName, type StageKind } from './names';

export type { Bilingual } from '../sample/standard-content';

/** One kind of standard stage as offered by the palette or used by a template. */
export interface StandardStage {
  kind: StageKind;
  /** Standard stage id, `stage-<kind>` (the id `standardFunnel` uses). */
  id: string;
  /** The name a new stage of this kind gets, per language ("MQL", "Oportunidad"). */
  name: Bilingual;
  /** The team that usually owns the stage (docs/domain.md: each waterfall stage has an owner). */
  ownerTeam: Party;
  /** Id of the standard glossary term defining it (`term-<kind>`), or `null` where the standard glossary has none. */
  termId: string | null;
}

function fromStandardTerm(term: (typeof STANDARD_TERMS)[number]): StandardStage {
  return {
    kind: term.key,
    id: `stage-${term.key}`,
    name: { es: standardStageName(term.key, 'es'), en: standardStageName(term.key, 'en') },
    ownerTeam: term.owner,
    termId: `term-${term.key}`,
  };
}

/**
 * Every standard stage kind, in funnel order. Recycled leads go back to
 * marketing's nurturing (SLA clause catalogue, item 7), so marketing owns
 * that stage; sales disqualifies, so it owns Disqualified. Subscriber is
 * HubSpot's first lifecycle stage, used by that template, not in the palette.
 */
export const STANDARD_STAGES: Readonly<Record<StageKind, StandardStage>> = {
  subscriber: { kind: 'subscriber', id: 'stage-subscriber', name: { es: 'Suscriptor', en: 'Subscriber' }, ownerTeam: 'marketing', termId: null },
  ...(Object.fromEntries(STANDARD_TERMS.map((t) => [t.key, fromStandardTerm(t)])) as Record<(typeof STANDARD_TERMS)[number]['key'], StandardStage>),
  recycled: { kind: 'recycled', id: 'stage-recycled', name: { es: 'Reciclado', en: 'Recycled' }, ownerTeam: 'marketing', termId: null },
  disqualified: {
    kind: 'disqualified',
    id: 'stage-disqualified',
    name: { es: 'Descalificado', en: 'Disqualified' },
    ownerTeam: 'sales',
    termId: null,
  },
};

/** The palette of standard stages, in the order it shows them. */
export const STAGE_PALETTE: readonly StandardStage[] = (
  ['lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'recycled', 'disqualified'] as const
).map((kind) => STANDARD_STAGES[kind]);

/**
 * `base` if no id in `taken` uses it, else `base-2`, `base-3`, … : the first
 * one free. Never returns an id in `taken`.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The glossary term that defines stages of `kind` in `terms`: the standard
 * term (`term-<kind>`) if the glossary has it, else the first term whose
 * acronym or name stands for that kind ("Lead reciclado" for `recycled`);
 * `null` if none does.
 */
export function termForKind(kind: StageKind, terms: readonly Term[]): Term | null {
  return (
    terms.find((t) => t.id === `term-${kind}`) ??
    terms.find((t) => (t.acronym && stageKindOfName(t.acronym) === kind) || stageKindOfName(t.name) === kind) ??
    null
  );
}

/**
 * The standard kind `stage` stands for: by its name ("Lead calificado por
 * marketing" → `mql`), else by its linked term's acronym or name, else by a
 * standard term id (`term-mql`); `null` for a stage of its own ("Demo").
 */
export function stageKindOf(stage: FunnelStage, terms: readonly Term[]): StageKind | null {
  const byName = stageKindOfName(stage.name);
  if (byName || stage.termId === null) return byName;
  const term = terms.find((t) => t.id === stage.termId);
  const byTerm = term ? stageKindOfName(term.acronym) ?? stageKindOfName(term.name) : null;
  return byTerm ?? STANDARD_KIND_BY_TERM_ID.get(stage.termId) ?? null;
}

const STANDARD_KIND_BY_TERM_ID: ReadonlyMap<string, StageKind> = new Map(
  Object.values(STANDARD_STAGES).flatMap((s) => (s.termId ? [[s.termId, s.kind] as const] : [])),
);

/**
 * A new stage of standard `kind` for a funnel that already has `funnel`'s
 * stages: named in `language`, owned by the kind's usual owner, linked to
 * the glossary's term for that kind (see {@link termForKind}) and placed at
 * (`x`, `y`) px. Its id is the standard id, suffixed if the funnel has it already.
 */
export function createStandardStage(
  kind: StageKind,
  language: Language,
  funnel: Funnel,
  terms: readonly Term[],
  position: { x: number; y: number } = { x: 0, y: 0 },
): FunnelStage {
  const standard = STANDARD_STAGES[kind];
  return {
    id: uniqueId(standard.id, new Set(funnel.stages.map((s) => s.id))),
    name: standard.name[language],
    ownerTeam: standard.ownerTeam,
    termId: termForKind(kind, terms)?.id ?? null,
    x: position.x,
    y: position.y,
  };
}

/** A deep copy of `funnel` (stages and transitions are fresh objects; nothing is shared). */
export function cloneFunnel(funnel: Funnel): Funnel {
  return { stages: funnel.stages.map((s) => ({ ...s })), transitions: funnel.transitions.map((t) => ({ ...t })) };
}
