/**
 * Team approvals of glossary terms and SLA clauses, and the freeze gate.
 *
 * A participant of marketing or sales approves an item for their team; the
 * approval records the item's content and its fingerprint at that moment.
 * An item is `agreed` when both parties' approvals match its current
 * content, `approved-by-one` when one does, `draft` otherwise. An approval
 * whose fingerprint no longer matches is "changed since approval", with the
 * field-by-field, word-by-word changes. The agreement may be frozen when
 * every item is agreed, or with an explicit, recorded override.
 *
 * Pure: approvals are plain records the caller stores (e.g. in the workshop
 * document) and passes back in.
 */
import { z } from 'zod';
import { PARTIES, SLA_SECTION_KEYS, TEAMS, type Participant, type Party, type SlaSectionKey, type WorkshopContent } from '../domain/workshop';
import { isRichDoc, richTextToPlain, type RichText } from '../domain/rich-text';
import { err, ok, type Result } from '../domain/result';
import { agreementInconsistencies, inconsistencySchema, type Inconsistency } from './consistency';
import { diffFields, diffText, type FieldChange } from './diff';
import { fingerprint, FINGERPRINT_PATTERN } from './fingerprint';
import { isTimeZone, zonedIsoString, ZONED_ISO_PATTERN } from './zoned-time';

/** What can be approved: a glossary term, or an SLA clause (the SLA's text, a commitment). */
export const APPROVABLE_KINDS = ['term', 'clause'] as const;
export type ApprovableKind = (typeof APPROVABLE_KINDS)[number];

/** An approvable term or clause: identity, a readable label, and the content an approval covers. */
export interface ApprovableItem {
  kind: ApprovableKind;
  id: string;
  /** A term's name (and acronym), a commitment's wording; for display only. */
  label: string;
  /** Every field of the item; its fingerprint is what an approval binds to. */
  content: Record<string, unknown>;
}

/** Id of the SLA's own text (purpose and scope) as an approvable clause. */
export const SLA_TEXT_CLAUSE_ID = 'sla-text';

/** Id of the SLA's written section `key` as an approvable clause, e.g. `sla-handoff`. */
export function slaSectionClauseId(key: SlaSectionKey): string {
  return `sla-${key}`;
}

/**
 * The approvable items of `content`, in document order: every glossary term
 * (`term`), then the SLA's purpose and scope (`clause` {@link SLA_TEXT_CLAUSE_ID},
 * content `{ intro }`), each written SLA section present (`clause`
 * {@link slaSectionClauseId}, content `{ text }`, label = the section key) and
 * every commitment (`clause`, its own id).
 */
export function approvableItems(content: WorkshopContent): ApprovableItem[] {
  const { commitments, intro, sections } = content.sla;
  return [
    ...content.terms.map((t) => ({
      kind: 'term' as const,
      id: t.id,
      // "Lead", not "Lead (Lead)", when the acronym is the name.
      label: t.acronym && t.acronym !== t.name ? `${t.name} (${t.acronym})` : t.name,
      content: t,
    })),
    { kind: 'clause', id: SLA_TEXT_CLAUSE_ID, label: 'SLA', content: { intro } },
    ...SLA_SECTION_KEYS.flatMap((key) => {
      const text = sections?.[key];
      return text === undefined ? [] : [{ kind: 'clause' as const, id: slaSectionClauseId(key), label: key, content: { text } }];
    }),
    ...commitments.map((c) => ({ kind: 'clause' as const, id: c.id, label: c.commitment, content: c })),
  ];
}

const isRichTextValue = (v: unknown): v is RichText => typeof v === 'string' || (typeof v === 'object' && v !== null && isRichDoc(v as RichText));

/**
 * {@link diffFields}, with rich-text fields compared word by word on their
 * plain text ({@link richTextToPlain}); a change of formatting only (same
 * words) stays a `value` change.
 */
export function diffItemFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return diffFields(before, after).map((change) => {
    if (change.kind !== 'value' || !isRichTextValue(change.before) || !isRichTextValue(change.after)) return change;
    const a = richTextToPlain(change.before);
    const b = richTextToPlain(change.after);
    if (a === b) return change;
    return { kind: 'text', field: change.field, before: a, after: b, parts: diffText(a, b), layout: change.layout };
  });
}

const hex64 = z.string().regex(FINGERPRINT_PATTERN);

export const approvalSchema = z.object({
  kind: z.enum(APPROVABLE_KINDS),
  itemId: z.string().min(1),
  /** The party approving; leadership is not a party and does not approve items. */
  team: z.enum(PARTIES),
  participantId: z.string().min(1),
  /** Name at approval time, kept so the record reads on its own. */
  participantName: z.string(),
  /** ISO 8601 with the approver's UTC offset, e.g. `2026-11-30T18:04:05-06:00`. */
  approvedAt: z.string().regex(ZONED_ISO_PATTERN),
  /** IANA zone of the approver, e.g. `America/Mexico_City`. */
  timeZone: z.string().min(1),
  /** Fingerprint ({@link fingerprint}) of `content`. */
  fingerprint: hex64,
  /** The item as approved, to show what changed since. */
  content: z.record(z.string(), z.unknown()),
});
/** One team's approval of one item's exact content. */
export type Approval = z.infer<typeof approvalSchema>;

/** `draft`: no party's approval matches the current content; `approved-by-one`: one does; `agreed`: both do. */
export type ApprovalStatus = 'draft' | 'approved-by-one' | 'agreed';

/** An approval that no longer matches the item, with what changed since. */
export interface StaleApproval {
  team: Party;
  approval: Approval;
  /** Field-by-field changes from the approved content to the current one (text word by word). */
  changes: FieldChange[];
}

/** Where one item stands. */
export interface ItemApprovalState {
  item: ApprovableItem;
  status: ApprovalStatus;
  /** Parties whose approval matches the current content (in {@link PARTIES} order): for `approved-by-one`, which team. */
  approvedBy: Party[];
  /** Parties still to approve the current content. */
  pending: Party[];
  /** Approvals made before the latest edit: the item "changed since approval" when non-empty. */
  changedSinceApproval: StaleApproval[];
}

const sameItem = (a: Pick<Approval, 'kind' | 'itemId'>, item: Pick<ApprovableItem, 'kind' | 'id'>) => a.kind === item.kind && a.itemId === item.id;

/**
 * Records that `participant` approves `item` for their team at `at` in
 * `timeZone`, replacing that team's earlier approval of the item. Returns the
 * new list (the input is not changed), or an error: `not-a-party` when the
 * participant is not in marketing or sales, `time-zone` for an unknown zone,
 * `empty-definition` for a term whose definition is blank (nothing to agree on).
 */
export function approve(
  approvals: readonly Approval[],
  item: ApprovableItem,
  participant: Pick<Participant, 'id' | 'name' | 'team'>,
  at: Date,
  timeZone: string,
): Result<Approval[]> {
  const team = participant.team;
  if (!isParty(team)) {
    return err({ code: 'not-a-party', message: `${participant.name} (${team}) cannot approve for a party; only marketing and sales do` });
  }
  if (!isTimeZone(timeZone)) return err({ code: 'time-zone', message: `Unknown time zone "${timeZone}"` });
  if (!isApprovable(item)) {
    return err({ code: 'empty-definition', message: `"${item.label}" has no definition yet; a term is approved for what it says` });
  }
  const approval: Approval = {
    kind: item.kind,
    itemId: item.id,
    team,
    participantId: participant.id,
    participantName: participant.name,
    approvedAt: zonedIsoString(at, timeZone),
    timeZone,
    fingerprint: fingerprint(item.content),
    // A deep copy: later edits of the live item must not rewrite what was approved.
    content: JSON.parse(JSON.stringify(item.content)) as Record<string, unknown>,
  };
  return ok([...approvals.filter((a) => !(sameItem(a, item) && a.team === team)), approval]);
}

/** Removes `team`'s approval of `item` (if any); returns the new list. */
export function withdrawApproval(approvals: readonly Approval[], item: Pick<ApprovableItem, 'kind' | 'id'>, team: Party): Approval[] {
  return approvals.filter((a) => !(sameItem(a, item) && a.team === team));
}

/**
 * Whether `item` may be approved as it stands, by any party: a term only with a definition that has
 * words (otherwise {@link approve} refuses it, `empty-definition`); a clause always.
 */
export function isApprovable(item: ApprovableItem): boolean {
  return !(item.kind === 'term' && isBlankDefinition(item.content['definition']));
}

/** True when a term's definition is missing or has no words (plain or rich text). */
function isBlankDefinition(value: unknown): boolean {
  return !isRichTextValue(value) || richTextToPlain(value).trim() === '';
}

function isParty(team: (typeof TEAMS)[number]): team is Party {
  return (PARTIES as readonly string[]).includes(team);
}

/** Where `item` stands given `approvals` (approvals of other items are ignored). */
export function approvalState(item: ApprovableItem, approvals: readonly Approval[]): ItemApprovalState {
  const current = fingerprint(item.content);
  const approvedBy: Party[] = [];
  const changedSinceApproval: StaleApproval[] = [];
  for (const team of PARTIES) {
    const approval = approvals.find((a) => sameItem(a, item) && a.team === team);
    if (!approval) continue;
    if (approval.fingerprint === current) approvedBy.push(team);
    else changedSinceApproval.push({ team, approval, changes: diffItemFields(approval.content, item.content) });
  }
  const status: ApprovalStatus = approvedBy.length === PARTIES.length ? 'agreed' : approvedBy.length > 0 ? 'approved-by-one' : 'draft';
  return { item, status, approvedBy, pending: PARTIES.filter((p) => !approvedBy.includes(p)), changedSinceApproval };
}

/** {@link approvalState} for every approvable item of `content`, in document order. */
export function approvalStates(content: WorkshopContent, approvals: readonly Approval[]): ItemApprovalState[] {
  return approvableItems(content).map((item) => approvalState(item, approvals));
}

/** Counts for a status bar: items per status, and how many changed since an approval. */
export function summarizeApprovals(states: readonly ItemApprovalState[]) {
  return {
    total: states.length,
    draft: states.filter((s) => s.status === 'draft').length,
    approvedByOne: states.filter((s) => s.status === 'approved-by-one').length,
    agreed: states.filter((s) => s.status === 'agreed').length,
    changedSinceApproval: states.filter((s) => s.changedSinceApproval.length > 0).length,
  };
}

/** Whether the agreement may be frozen for signature, and what is still open. */
export interface FreezeGate {
  /** True when every term and clause is agreed and the agreement states every figure once ({@link agreementInconsistencies}). */
  ready: boolean;
  /** Items not agreed yet, in document order. */
  open: ItemApprovalState[];
  /** Figures the agreement would state twice with two values (SLA volume behind the plan…), each an open item too. */
  inconsistencies: Inconsistency[];
}

/**
 * The freeze gate of `content`: ready when every term and clause is agreed by
 * both parties and nothing in it contradicts itself.
 */
export function freezeGate(content: WorkshopContent, approvals: readonly Approval[]): FreezeGate {
  const open = approvalStates(content, approvals).filter((s) => s.status !== 'agreed');
  const inconsistencies = agreementInconsistencies(content);
  return { ready: open.length === 0 && inconsistencies.length === 0, open, inconsistencies };
}

/** How many open items the gate has: terms and clauses not agreed plus inconsistencies. */
export function openItemCount(gate: FreezeGate): number {
  return gate.open.length + gate.inconsistencies.length;
}

export const freezeOverrideSchema = z.object({
  /** Why the teams froze with items still open, in the author's words. */
  reason: z.string().trim().min(1, { message: 'required' }),
  participantId: z.string().min(1),
  participantName: z.string(),
  team: z.enum(TEAMS),
  /** ISO 8601 with the UTC offset in `timeZone`. */
  at: z.string().regex(ZONED_ISO_PATTERN),
  timeZone: z.string().min(1),
  /** The items that were not agreed when frozen. */
  openItems: z.array(
    z.object({
      kind: z.enum(APPROVABLE_KINDS),
      id: z.string().min(1),
      label: z.string(),
      status: z.enum(['draft', 'approved-by-one']),
      changedSinceApproval: z.boolean(),
    }),
  ),
  /** The inconsistencies when frozen (absent in versions frozen before the gate checked them). */
  inconsistencies: z.array(inconsistencySchema).optional(),
});
/** An explicit decision to freeze with open items: recorded in the audit trail and printed in the PDF. */
export type FreezeOverride = z.infer<typeof freezeOverrideSchema>;

/**
 * Records `participant`'s decision to freeze although `gate` is not ready.
 * Errors: `not-needed` when every item is agreed (freeze normally),
 * `reason-required` for a blank reason, `time-zone` for an unknown zone.
 */
export function overrideFreezeGate(
  gate: FreezeGate,
  participant: Pick<Participant, 'id' | 'name' | 'team'>,
  reason: string,
  at: Date,
  timeZone: string,
): Result<FreezeOverride> {
  if (gate.ready) return err({ code: 'not-needed', message: 'Every term and clause is agreed and consistent; no override is needed' });
  if (reason.trim() === '') return err({ code: 'reason-required', message: 'An override needs a reason' });
  if (!isTimeZone(timeZone)) return err({ code: 'time-zone', message: `Unknown time zone "${timeZone}"` });
  return ok({
    reason: reason.trim(),
    participantId: participant.id,
    participantName: participant.name,
    team: participant.team,
    at: zonedIsoString(at, timeZone),
    timeZone,
    openItems: gate.open.map((s) => ({
      kind: s.item.kind,
      id: s.item.id,
      label: s.item.label,
      // Open items are never agreed.
      status: s.status as 'draft' | 'approved-by-one',
      changedSinceApproval: s.changedSinceApproval.length > 0,
    })),
    ...(gate.inconsistencies.length > 0 ? { inconsistencies: gate.inconsistencies } : {}),
  });
}
