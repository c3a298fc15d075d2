/**
 * What the facilitation components share beyond the model: where an agenda
 * step takes the app, a ticking clock for the timer, the countdown as text,
 * who votes or drafts at this seat, and the workshop items a vote, decision
 * or draft can be about (read from the open workshop's content).
 */
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { AgendaStep, FacilitationTarget, LockableSection } from '../../../shared/facilitation/types';
import { LOCKABLE_SECTIONS } from '../../../shared/facilitation/types';
import type { Team, WorkshopContent } from '../../../shared/domain/workshop';
import { findGaps } from '../../../shared/funnel/gaps';
import type { Step } from '../../store';
import { routeForAgendaStep } from './hooks';
import type { SeatView } from '../../data/seat';

/**
 * The route an agenda block opens (the model's `routeForAgendaStep`, with
 * Compare as the funnel step's `focus`); a break stays on the agenda.
 */
export function routeOfAgendaStep(step: AgendaStep): { step: Step; focus?: string } {
  const route = routeForAgendaStep(step);
  if (!route) return { step: 'agenda' };
  return route.tab ? { step: route.step, focus: route.tab } : { step: route.step };
}

/** The agenda step that stands for app step `step` (for "bring everyone here"); `focus` `'compare'` on the funnel is Compare. */
export function agendaStepOfRoute(step: Step, focus?: string): AgendaStep {
  if (step === 'agenda') return 'intro';
  if (step === 'versions') return 'export';
  if (step === 'funnel' && focus === 'compare') return 'compare';
  return step;
}

/** The section a step's screen edits, when it can be locked. */
export function lockableSectionOf(step: Step): LockableSection | null {
  return (LOCKABLE_SECTIONS as readonly string[]).includes(step) ? (step as LockableSection) : null;
}

/** Epoch ms now, re-rendering every `everyMs` (default 1 s) while mounted. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** Someone who votes or drafts: participant id (or device id), name and team. */
export interface Voter {
  id: string;
  name: string;
  team: Team;
}

/**
 * Local UI choices of this laptop (not in the document): whether this screen
 * follows the facilitator, who votes or drafts at this laptop when it is the
 * shared screen (outside a room anyone in the room votes here in turn), and
 * the facilitation panel's state.
 */
interface FacilitationUi {
  /** Follow "bring everyone here": null = this seat's default (on for participants, off for the facilitator's own screen). */
  following: boolean | null;
  /** Participant picked to vote as at a shared screen (outside a room). */
  voteAsId: string | null;
  presenter: boolean;
  /** The agenda step this screen was last on (to tell the leading facilitator's own moves from the follow changing). */
  lastStep: AgendaStep | null;
  panel: 'votes' | 'decisions' | 'parking' | 'private' | 'locks' | null;
}
export const useFacilitationUi = create<FacilitationUi>(() => ({ following: null, voteAsId: null, presenter: false, lastStep: null, panel: null }));

/**
 * Whether this screen follows the facilitator: as chosen, else on for a
 * seat that does not facilitate. A facilitator's second window (the
 * projector on one laptop) turns it on to follow the first.
 */
export function isFollowing(choice: boolean | null, canFacilitate: boolean): boolean {
  return choice ?? !canFacilitate;
}

/** Who votes at this seat: the room identity, or (shared screen) the participant picked, else null. */
export function voterOf(seat: SeatView, content: WorkshopContent, voteAsId: string | null): Voter | null {
  if (seat.inRoom && seat.identity) return { id: seat.identity.participantId ?? seat.identity.deviceId, name: seat.identity.name, team: seat.identity.team };
  const p = content.participants.find((x) => x.id === voteAsId);
  return p ? { id: p.id, name: p.name, team: p.team } : null;
}

/** Workshop items a vote or a decision can be about, grouped by kind; labels as the items are named now. */
export function targetOptions(content: WorkshopContent, sectionLabel: (s: LockableSection) => string): FacilitationTarget[] {
  const out: FacilitationTarget[] = [];
  const gaps = (() => {
    try {
      return findGaps(content.funnels.marketing, content.funnels.sales, undefined, content.terms);
    } catch {
      // A funnel Compare cannot line up yet offers no gaps; the other items still can be voted on.
      return [];
    }
  })();
  for (const g of gaps) out.push({ kind: 'gap', id: g.id, label: g.subject });
  for (const term of content.terms) out.push({ kind: 'term', id: term.id, label: term.acronym ? `${term.acronym} — ${term.name}` : term.name });
  for (const stage of content.funnels.agreed.stages) out.push({ kind: 'stage', id: stage.id, label: stage.name });
  for (const c of content.sla.commitments) out.push({ kind: 'sla-item', id: c.id, label: c.commitment });
  for (const s of content.scenarios?.items ?? []) out.push({ kind: 'scenario', id: s.id, label: s.name });
  for (const section of LOCKABLE_SECTIONS) out.push({ kind: 'section', id: section, label: sectionLabel(section) });
  return out.map((x) => ({ ...x, label: x.label.slice(0, 200) }));
}

/** Key of a target in a list or a select (`kind:id`). */
export const targetKey = (t: FacilitationTarget) => `${t.kind}:${t.id}`;

/**
 * What a team drafts privately in a block of `step`: the agreed funnel's
 * arrows (a conversion rate in percent) for the funnel and targets, the
 * glossary's terms (a definition) for the glossary, the SLA's commitments
 * (the number promised) for the SLA. Empty for other steps.
 */
export function draftItems(step: AgendaStep, content: WorkshopContent): { target: FacilitationTarget; wants: 'text' | 'value'; unit: string }[] {
  const stageName = new Map(content.funnels.agreed.stages.map((s) => [s.id, s.name]));
  if (step === 'funnel' || step === 'compare' || step === 'targets') {
    return content.funnels.agreed.transitions
      .filter((x) => !x.recycle)
      .map((x) => ({
        target: { kind: 'stage' as const, id: x.source, label: `${stageName.get(x.source) ?? '?'} → ${stageName.get(x.target) ?? '?'}`.slice(0, 200) },
        wants: 'value' as const,
        unit: '%',
      }));
  }
  if (step === 'glossary')
    return content.terms.map((term) => ({
      target: { kind: 'term' as const, id: term.id, label: (term.acronym || term.name).slice(0, 200) },
      wants: 'text' as const,
      unit: '',
    }));
  if (step === 'sla')
    return content.sla.commitments.map((c) => ({
      target: { kind: 'sla-item' as const, id: c.id, label: `${c.commitment} (${c.metric})`.slice(0, 200) },
      wants: 'value' as const,
      unit: c.unit,
    }));
  return [];
}

/** `options` grouped by kind (gaps, terms, clauses…), the kinds in the order they first appear: for grouped pickers. */
export function byKind(options: readonly FacilitationTarget[]): [FacilitationTarget['kind'], FacilitationTarget[]][] {
  const groups = new Map<FacilitationTarget['kind'], FacilitationTarget[]>();
  for (const option of options) groups.set(option.kind, [...(groups.get(option.kind) ?? []), option]);
  return [...groups];
}
