/**
 * The workshop's agenda as pure functions: the templates (3 h standard,
 * 2 h compact, 4 h extended, each in Spanish and English), building and
 * checking an agenda, the time each block starts and ends (a block starts
 * when the one before it ends), reordering (durations travel with their
 * blocks, so the end stays where it was), and adding minutes to a block
 * either by shrinking the blocks after it (the end time is kept) or by
 * moving the end.
 *
 * Units: durations in whole minutes (`AgendaBlock.durationMinutes`), times
 * in epoch milliseconds. Nothing here reads the clock.
 */
import type { Language } from '../domain/workshop';
import type { FieldErrors } from '../domain/workshop';
import { agendaBlockSchema, type AgendaBlock, type AgendaStep } from './types';

/** One minute in milliseconds. */
export const MINUTE_MS = 60_000;
/** At most this many blocks in an agenda. */
export const MAX_AGENDA_BLOCKS = 40;
/** An agenda lasts at most this many minutes (a long day). */
export const MAX_AGENDA_MINUTES = 12 * 60;
/** The shortest a block can be shrunk to when the facilitator keeps the end time (minutes). */
export const MIN_BLOCK_MINUTES = 1;

/** The agenda templates a facilitator picks from. */
export const AGENDA_TEMPLATE_IDS = ['standard-3h', 'compact-2h', 'extended-4h'] as const;
export type AgendaTemplateId = (typeof AGENDA_TEMPLATE_IDS)[number];

/** Where each kind of template block takes the room, and whether the teams draft privately in it. */
const TEMPLATE_BLOCKS: Record<TemplateKey, { step: AgendaStep; privateDrafting: boolean }> = {
  intro: { step: 'intro', privateDrafting: false },
  funnels: { step: 'funnel', privateDrafting: true },
  compare: { step: 'compare', privateDrafting: false },
  glossaryDraft: { step: 'glossary', privateDrafting: true },
  glossary: { step: 'glossary', privateDrafting: false },
  break: { step: 'break', privateDrafting: false },
  slaDraft: { step: 'sla', privateDrafting: true },
  sla: { step: 'sla', privateDrafting: false },
  targets: { step: 'targets', privateDrafting: false },
  sign: { step: 'sign', privateDrafting: false },
};

type TemplateKey = keyof (typeof BLOCK_TITLES)['en'];

/** Block titles of the templates, in both languages of the app. */
export const BLOCK_TITLES = {
  es: {
    intro: 'Bienvenida, objetivos y participantes',
    funnels: 'Cada equipo dibuja su embudo (en privado)',
    compare: 'Comparar los embudos y resolver las diferencias',
    glossary: 'Glosario: una definición por término',
    glossaryDraft: 'Glosario: cada equipo redacta sus definiciones (en privado)',
    sla: 'SLA: compromisos de cada equipo',
    slaDraft: 'SLA: cada equipo propone sus números (en privado)',
    targets: 'Objetivos: tasas de conversión y volumen',
    break: 'Pausa',
    sign: 'Revisar, congelar y firmar',
  },
  en: {
    intro: 'Welcome, goals and participants',
    funnels: 'Each team draws its funnel (private)',
    compare: 'Compare the funnels and settle the gaps',
    glossary: 'Glossary: one definition per term',
    glossaryDraft: 'Glossary: each team drafts its definitions (private)',
    sla: 'SLA: each team’s commitments',
    slaDraft: 'SLA: each team proposes its numbers (private)',
    targets: 'Targets: conversion rates and volume',
    break: 'Break',
    sign: 'Review, freeze and sign',
  },
} as const;

/** Each template as its blocks in order: which kind of block, for how many minutes. */
const TEMPLATES: Record<AgendaTemplateId, readonly (readonly [TemplateKey, number])[]> = {
  // 10 + 40 + 25 + 30 + 10 + 25 + 25 + 15 = 180 minutes.
  'standard-3h': [
    ['intro', 10],
    ['funnels', 40],
    ['compare', 25],
    ['glossary', 30],
    ['break', 10],
    ['sla', 25],
    ['targets', 25],
    ['sign', 15],
  ],
  // 5 + 30 + 20 + 25 + 20 + 10 + 10 = 120 minutes.
  'compact-2h': [
    ['intro', 5],
    ['funnels', 30],
    ['compare', 20],
    ['glossary', 25],
    ['sla', 20],
    ['targets', 10],
    ['sign', 10],
  ],
  // 15 + 45 + 30 + 25 + 25 + 15 + 25 + 15 + 30 + 15 = 240 minutes.
  'extended-4h': [
    ['intro', 15],
    ['funnels', 45],
    ['compare', 30],
    ['glossaryDraft', 25],
    ['glossary', 25],
    ['break', 15],
    ['slaDraft', 25],
    ['sla', 15],
    ['targets', 30],
    ['sign', 15],
  ],
};

/**
 * The blocks of template `id` with titles in `language`; `newId` gives each
 * block its id (called once per block, in order). The 3 h standard template:
 * intro, each team's funnel (private), compare, glossary, break, SLA, targets, sign.
 */
export function agendaTemplate(id: AgendaTemplateId, language: Language, newId: () => string): AgendaBlock[] {
  return TEMPLATES[id].map(([key, durationMinutes]) => ({ id: newId(), title: BLOCK_TITLES[language][key], ...TEMPLATE_BLOCKS[key], durationMinutes }));
}

/** Sum of the blocks' durations, in minutes. */
export function totalMinutes(agenda: readonly AgendaBlock[]): number {
  return agenda.reduce((sum, b) => sum + b.durationMinutes, 0);
}

/** When a block starts and ends (epoch ms). */
export interface BlockTime {
  blockId: string;
  startsAt: number;
  endsAt: number;
}

/**
 * The planned start and end of every block (epoch ms) when the first starts
 * at `startsAt`: each block starts when the one before it ends.
 */
export function blockTimes(agenda: readonly AgendaBlock[], startsAt: number): BlockTime[] {
  let at = startsAt;
  return agenda.map((b) => {
    const time = { blockId: b.id, startsAt: at, endsAt: at + b.durationMinutes * MINUTE_MS };
    at = time.endsAt;
    return time;
  });
}

/** When the agenda ends if it starts at `startsAt` (epoch ms). */
export function agendaEnd(agenda: readonly AgendaBlock[], startsAt: number): number {
  return startsAt + totalMinutes(agenda) * MINUTE_MS;
}

/**
 * The schedule as the workshop runs: blocks before the current one as
 * planned from `startsAt`, the current one from its timer (`started`, host
 * clock, with its duration, which may have been extended), and every block
 * after it following on from the current one's end. Without a current
 * block it is the plan ({@link blockTimes}).
 */
export function liveSchedule(
  agenda: readonly AgendaBlock[],
  startsAt: number,
  current: { blockId: string; startedAt: number; durationMs: number } | null,
): BlockTime[] {
  const planned = blockTimes(agenda, startsAt);
  const index = current ? agenda.findIndex((b) => b.id === current.blockId) : -1;
  if (!current || index < 0) return planned;
  const endsAt = current.startedAt + current.durationMs;
  return [...planned.slice(0, index), { blockId: current.blockId, startsAt: current.startedAt, endsAt }, ...blockTimes(agenda.slice(index + 1), endsAt)];
}

/**
 * Moves the block at `from` to index `to` (both 0-based, clamped to the
 * list). Every block keeps its duration, so the agenda still starts and ends
 * when it did; the start times of the blocks in between follow from their
 * new order. Returns a new list (the input unchanged).
 */
export function moveBlock(agenda: readonly AgendaBlock[], from: number, to: number): AgendaBlock[] {
  const list = [...agenda];
  if (from < 0 || from >= list.length) return list;
  const [block] = list.splice(from, 1);
  const at = Math.max(0, Math.min(list.length, to));
  list.splice(at, 0, block!);
  return list;
}

/** How added minutes are paid for: by the blocks after it (the end time stays) or by moving the end. */
export type ExtendMode = 'keep-end' | 'move-end';

/** What {@link addMinutes} did. */
export interface ExtendResult {
  agenda: AgendaBlock[];
  /**
   * Minutes the later blocks could not give (each keeps at least
   * {@link MIN_BLOCK_MINUTES}): the end moves by this much even when
   * keeping it was asked. Always 0 for `move-end` (the end moves by `minutes`).
   */
  shortByMinutes: number;
  /** Minutes taken from each later block, by block id (only blocks that gave some). */
  takenFrom: Record<string, number>;
}

/**
 * Adds `minutes` (a whole number ≥ 1) to block `blockId`. With `keep-end`
 * the blocks after it shrink by as much in total so the agenda still ends
 * when it did: one minute at a time from the longest remaining block (the
 * later one when two are as long), none below {@link MIN_BLOCK_MINUTES};
 * what they cannot give is reported as `shortByMinutes`. With `move-end` only
 * the block grows. An unknown block id, or `minutes` not a whole number ≥ 1,
 * returns the agenda unchanged with `shortByMinutes` 0.
 */
export function addMinutes(agenda: readonly AgendaBlock[], blockId: string, minutes: number, mode: ExtendMode): ExtendResult {
  const index = agenda.findIndex((b) => b.id === blockId);
  const list = agenda.map((b) => ({ ...b }));
  if (index < 0 || !Number.isInteger(minutes) || minutes < 1) return { agenda: list, shortByMinutes: 0, takenFrom: {} };
  list[index]!.durationMinutes += minutes;
  const takenFrom: Record<string, number> = {};
  if (mode === 'move-end') return { agenda: list, shortByMinutes: 0, takenFrom };
  let owed = minutes;
  const later = list.slice(index + 1);
  while (owed > 0) {
    let pick: AgendaBlock | null = null;
    for (const b of later) if (b.durationMinutes > MIN_BLOCK_MINUTES && (!pick || b.durationMinutes >= pick.durationMinutes)) pick = b;
    if (!pick) break;
    pick.durationMinutes -= 1;
    takenFrom[pick.id] = (takenFrom[pick.id] ?? 0) + 1;
    owed -= 1;
  }
  return { agenda: list, shortByMinutes: owed, takenFrom };
}

/**
 * Checks an agenda: every block valid (`agendaBlockSchema`), ids unique, at
 * most {@link MAX_AGENDA_BLOCKS} blocks and {@link MAX_AGENDA_MINUTES} in all.
 * Returns the field errors by path (`3.durationMinutes`, `''` for the whole
 * list: `tooMany`, `agendaTooLong`, `duplicate`), or null when valid.
 */
export function agendaErrors(agenda: readonly AgendaBlock[]): FieldErrors | null {
  const errors: FieldErrors = {};
  if (agenda.length > MAX_AGENDA_BLOCKS) errors[''] = 'tooMany';
  const seen = new Set<string>();
  agenda.forEach((block, i) => {
    const parsed = agendaBlockSchema.safeParse(block);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = [i, ...issue.path.map(String)].join('.');
        if (!(key in errors)) errors[key] = issue.path[0] === 'durationMinutes' ? 'blockMinutes' : issue.message.length < 20 ? issue.message : 'invalid';
      }
    }
    if (seen.has(block.id)) errors[`${i}.id`] = 'duplicate';
    seen.add(block.id);
  });
  if (!('' in errors) && totalMinutes(agenda) > MAX_AGENDA_MINUTES) errors[''] = 'agendaTooLong';
  return Object.keys(errors).length > 0 ? errors : null;
}
