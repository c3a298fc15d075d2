/**
 * What the agreement keeps of the facilitation: the decision log and the
 * open parking-lot questions ("follow-ups"), frozen with a version (the
 * snapshot's `facilitation` field, `shared/agreement/version.ts`) and
 * printed in the agreement PDF as the "Decisions" and "Follow-ups" sections.
 * Absent when both are empty, so a workshop that never used them freezes
 * exactly as before (same canonical JSON, same fingerprint).
 */
import { z } from 'zod';
import type { Participant } from '../domain/workshop';
import { decisionSchema, type FacilitationState } from './types';

/** An open parking-lot question as the agreement records it, its owner named as they were. */
export const followUpSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1).max(1000),
    ownerId: z.string().nullable(),
    /** The owner's name when frozen (null: unassigned, or no longer a participant). */
    ownerName: z.string().nullable(),
    /** ISO date `YYYY-MM-DD`, or null. */
    due: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
  })
  .strict();
export type FollowUp = z.infer<typeof followUpSchema>;

export const agreementRecordSchema = z
  .object({
    /** Decisions, oldest first. */
    decisions: z.array(decisionSchema).max(500),
    /** Open questions, by due date (undated last), then as raised. */
    followUps: z.array(followUpSchema).max(500),
  })
  .strict();
/** The decisions and follow-ups frozen with an agreement version. */
export type AgreementRecord = z.infer<typeof agreementRecordSchema>;

/**
 * The record to freeze from facilitation state `state`, owners named from
 * `participants`; null when there is no decision and no open question.
 */
export function agreementRecord(state: Pick<FacilitationState, 'decisions' | 'parkingLot'>, participants: readonly Participant[]): AgreementRecord | null {
  const names = new Map(participants.map((p) => [p.id, p.name]));
  const decisions = [...state.decisions].sort((a, b) => a.decidedAt - b.decidedAt || a.id.localeCompare(b.id));
  const followUps = state.parkingLot
    .filter((p) => p.status === 'open')
    .sort((a, b) => (a.due ?? '9999-99-99').localeCompare(b.due ?? '9999-99-99') || a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((p) => ({ id: p.id, question: p.question, ownerId: p.ownerId, ownerName: p.ownerId ? (names.get(p.ownerId) ?? null) : null, due: p.due }));
  if (decisions.length === 0 && followUps.length === 0) return null;
  return { decisions, followUps };
}
