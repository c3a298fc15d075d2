/**
 * The palette of standard stages a team adds to its funnel (Lead/Inquiry,
 * MQL, SAL, SQL, Opportunity, Customer, Recycled, Disqualified), with their
 * names in Spanish and English, standard ids and owners; and the small
 * helpers every funnel edit needs: fresh ids, linking a stage to a glossary
 * term, copying a funnel. Kinds, names and owners come from
 * `./standard-stages.ts`; the six main-chain stages link to the standard
 * glossary of `shared/sample/standard-content.ts` (ids `term-<key>`).
 */
import type { Funnel, FunnelStage, Language, Party, Term } from '../domain/workshop';
import { STANDARD_TERMS } from '../sample/standard-content';
import { stageKindOfName } from './names';
import { PALETTE_STAGE_KINDS, STAGE_KINDS, STAGE_NAMES, STAGE_OWNERS, type Bilingual, type StageKind } from './standard-stages';

export type { Bilingual } from './standard-stages';

/** One kind of standard stage as offered by the palette or used by a template. */
export interface StandardStage {
  kind: StageKind;
  /** Standard stage id, `stage-<kind>` (the id `standardFunnel` uses). */
  id: string;
  /** The name a new stage of this kind gets, per language ("MQL", "Oportunidad"). */
  name: Bilingual;
  /** The team that usually owns the stage (`STAGE_OWNERS`: each waterfall stage has an owner). */
  ownerTeam: Party;
  /** Id of the standard glossary term defining it (`term-<kind>`), or `null` where the standard glossary has none. */
  termId: string | null;
}

/**
 * Every standard stage kind, in funnel order, from `./standard-stages.ts`
 * (names, owners). The six main-chain kinds link to the standard glossary's
 * terms (`term-<kind>`); subscriber, recycled and disqualified have no term.
 */
export const STANDARD_STAGES: Readonly<Record<StageKind, StandardStage>> = Object.fromEntries(
  STAGE_KINDS.map((kind) => [
    kind,
    {
      kind,
      id: `stage-${kind}`,
      name: STAGE_NAMES[kind],
      ownerTeam: STAGE_OWNERS[kind],
      termId: STANDARD_TERMS.some((t) => t.key === kind) ? `term-${kind}` : null,
    },
  ]),
) as Record<StageKind, StandardStage>;

/** The palette of standard stages, in the order it shows them. */
export const STAGE_PALETTE: readonly StandardStage[] = PALETTE_STAGE_KINDS.map((kind) => STANDARD_STAGES[kind]);

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
  const byTerm = term ? (stageKindOfName(term.acronym) ?? stageKindOfName(term.name)) : null;
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
