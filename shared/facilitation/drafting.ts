/**
 * Private drafting, then reveal, as pure rules. While a block's private
 * round is `drafting`, each party sees only its own drafts (and its own
 * team funnel); nobody else (leadership, the projector, the other party)
 * sees either party's content, only how far each has got. When the
 * facilitator reveals, every draft of the round becomes visible to all,
 * side by side by item (the funnel's Compare view and the glossary's term
 * variants read {@link draftsSideBySide}); with `hideAuthors` the authors'
 * names are replaced by their team.
 *
 * Invariant kept by the model (`facilitation-doc.ts`): a new round starts
 * only when no round is drafting, so drafts of any block other than the
 * drafting round's were revealed.
 */
import type { FunnelId, Party, Team } from '../domain/workshop';
import { PARTIES } from '../domain/workshop';
import type { FacilitationTarget, PrivateDraft, PrivateRound } from './types';

/** The id of `party`'s draft of `target` in block `blockId`'s round: one draft per team and item. */
export function draftId(blockId: string, party: Party, target: Pick<FacilitationTarget, 'kind' | 'id'>): string {
  return `${blockId}:${party}:${target.kind}:${target.id}`;
}

/** Who is looking: the viewer's team (`leadership` or null drafts for neither party). */
export interface DraftViewer {
  team: Team | null;
}

const partyOf = (viewer: DraftViewer): Party | null =>
  viewer.team !== null && (PARTIES as readonly string[]).includes(viewer.team) ? (viewer.team as Party) : null;

/** True while `round` is drafting privately (nothing revealed yet). */
export function isDrafting(round: PrivateRound | null): round is PrivateRound & { status: 'drafting' } {
  return round !== null && round.status === 'drafting';
}

/**
 * Whether `viewer` may see `draft` now: a draft of the drafting round only
 * by its own party; any other draft (its round was revealed) by everyone.
 */
export function canSeeDraft(draft: PrivateDraft, round: PrivateRound | null, viewer: DraftViewer): boolean {
  if (!isDrafting(round) || draft.blockId !== round.blockId) return true;
  return partyOf(viewer) === draft.party;
}

/** A draft as shown: its author's name is null when the round revealed it with authors hidden. */
export type ShownDraft = Omit<PrivateDraft, 'authorName' | 'authorId'> & { authorName: string | null; authorId: string | null };

/**
 * The drafts `viewer` may see now, authors hidden where the revealed round
 * says so (a party always sees its own authors while drafting). Order kept.
 */
export function visibleDrafts(drafts: readonly PrivateDraft[], round: PrivateRound | null, viewer: DraftViewer): ShownDraft[] {
  return drafts
    .filter((d) => canSeeDraft(d, round, viewer))
    .map((d) => {
      const hidden = round !== null && round.status === 'revealed' && round.hideAuthors && d.blockId === round.blockId;
      return hidden ? { ...d, authorName: null, authorId: null } : d;
    });
}

/** How many items each party has drafted in `round` (counts only, visible to everyone while drafting). */
export function draftProgress(drafts: readonly PrivateDraft[], round: PrivateRound | null): Record<Party, number> {
  const out: Record<Party, number> = { marketing: 0, sales: 0 };
  if (!round) return out;
  for (const d of drafts) if (d.blockId === round.blockId) out[d.party] += 1;
  return out;
}

/**
 * Whether `viewer` may see team funnel `funnelId`: during a drafting round
 * of the funnel step each party sees only its own funnel (and the agreed
 * one); otherwise every funnel. The Compare view needs both, so it waits
 * for the reveal ({@link canCompareFunnels}).
 */
export function canSeeTeamFunnel(funnelId: FunnelId, round: PrivateRound | null, viewer: DraftViewer): boolean {
  if (funnelId === 'agreed' || !isDrafting(round) || round.step !== 'funnel') return true;
  return partyOf(viewer) === funnelId;
}

/** False while the teams draft their funnels privately: Compare would show one team the other's funnel. */
export function canCompareFunnels(round: PrivateRound | null): boolean {
  return !(isDrafting(round) && round.step === 'funnel');
}

/** The visible drafts of one item, each party's side by side (absent when that party drafted none). */
export interface DraftPair {
  target: FacilitationTarget;
  byParty: Partial<Record<Party, ShownDraft>>;
}

/**
 * The drafts `viewer` may see, grouped by item (kind and id) in the order
 * first drafted, each party's beside the other's: what Compare and the
 * glossary's variants show after a reveal. `blockId` limits it to one round.
 */
export function draftsSideBySide(drafts: readonly PrivateDraft[], round: PrivateRound | null, viewer: DraftViewer, blockId?: string): DraftPair[] {
  const pairs = new Map<string, DraftPair>();
  for (const d of visibleDrafts(drafts, round, viewer)) {
    if (blockId !== undefined && d.blockId !== blockId) continue;
    const key = `${d.target.kind}:${d.target.id}`;
    const pair = pairs.get(key) ?? { target: d.target, byParty: {} };
    const mine = pair.byParty[d.party];
    if (!mine || mine.updatedAt <= d.updatedAt) pair.byParty[d.party] = d;
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}

/**
 * The revealed (or own) variants of glossary term `termId`: each party's
 * drafted definition, newest round first, for the glossary's variants side
 * by side.
 */
export function termVariants(drafts: readonly PrivateDraft[], round: PrivateRound | null, viewer: DraftViewer, termId: string): ShownDraft[] {
  return visibleDrafts(drafts, round, viewer)
    .filter((d) => (d.target.kind === 'term' || d.target.kind === 'term-variant') && d.target.id === termId)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}
