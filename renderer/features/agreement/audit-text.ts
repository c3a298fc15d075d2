/** Readable words for audit events and freeze overrides, shared by the screens and the printed agreement. */
import type { TFunction } from 'i18next';
import { approvableItems, SLA_TEXT_CLAUSE_ID, slaSectionClauseId, type FreezeOverride } from '../../../shared/agreement/approvals';
import { SLA_SECTION_KEYS, type WorkshopContent } from '../../../shared/domain/workshop';
import type { AuditEvent } from '../../../shared/agreement/audit';
import type { Inconsistency } from '../../../shared/agreement/consistency';
import type { Formatters } from '../../i18n';
import { copiedFromOf, type CopiedFrom } from '../../../shared/domain/agreement-doc';

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * A short description of `event`'s details in `t`'s language: the version,
 * an override's reason, the signing method, whether an export was sealed,
 * the term or clause an approval is about (named from `content` when given)…
 */
export function auditDetails(event: AuditEvent, t: TFunction, content?: WorkshopContent): string {
  const d = event.details;
  const parts: string[] = [];
  const version = num(d['version']);
  if (version !== null && event.type !== 'signatures-voided') parts.push(t('agreement.audit.versionN', { number: version }));
  if (event.type === 'created' && d['sample'] === true) parts.push(t('agreement.audit.sample'));
  const override = d['override'] as { reason?: unknown } | undefined;
  if (event.type === 'frozen' && override && str(override.reason)) parts.push(t('agreement.audit.overrideReason', { reason: override.reason }));
  if (event.type === 'signed' && str(d['method'])) parts.push(t(d['method'] === 'drawn' ? 'pdf.drawnMethod' : 'pdf.typedMethod'));
  if (event.type === 'exported') parts.push(t(d['sealed'] === true ? 'agreement.audit.sealed' : 'agreement.audit.unsealed'));
  if (event.type === 'signatures-voided' && Array.isArray(d['signatures'])) {
    parts.push(t('agreement.audit.voided', { number: version ?? '', names: (d['signatures'] as unknown[]).filter((n) => typeof n === 'string').join(', ') }));
  }
  const section = str(d['section']);
  if (section && (event.type === 'locked' || event.type === 'unlocked')) parts.push(t(`facilitation.sections.${section}`, { defaultValue: section }));
  const itemId = str(d['itemId']);
  // The label recorded with the event names the item as it was (it may have been renamed or deleted since);
  // older events carry none and are named from the content, or said to be about a deleted item.
  const recordedLabel = str(d['label']);
  const found = itemId && content ? approvableItems(content).find((i) => i.id === itemId && i.kind === d['kind']) : undefined;
  const item =
    itemId && recordedLabel
      ? itemLabel({ kind: String(d['kind']), id: itemId, label: recordedLabel }, t)
      : found
        ? itemLabel(found, t)
        : (recordedLabel ?? str(d['item']));
  if (item) parts.push(item);
  else if (itemId && content) parts.push(t('agreement.audit.deletedItem'));
  const team = str(d['team']);
  if (team && (event.type === 'approved' || event.type === 'approval-withdrawn')) parts.push(t(`teams.${team}`));
  const recordedOnText = recordedText(d, event.actor.name, t);
  if (recordedOnText) parts.push(recordedOnText);
  const copied = copiedFromOf(event);
  // Copied in from another laptop of the room: which one, unless the laptop it was recorded on is already named.
  if (copied) {
    const recordedOn = (d['device'] as { id?: unknown } | undefined)?.id;
    parts.push(recordedOn === copied.deviceId ? t('agreement.audit.copiedFromThere') : t('agreement.audit.copiedFrom', { device: laptopLabel(copied) }));
  }
  return parts.join(' · ');
}

/**
 * On which laptop a person's act was recorded, and by whom when not by them
 * at their own seat, for `actor` (`details.device`, `details.recordedBy`:
 * `data/seat.ts`'s `recordedOn`); null for events without them (older ones, the app's own).
 */
function recordedText(d: Record<string, unknown>, actor: string, t: TFunction): string | null {
  const device = d['device'] as { id?: unknown; name?: unknown } | undefined;
  if (!device || typeof device !== 'object') return null;
  const label = str(device.name) ?? (str(device.id) ? `${String(device.id).slice(0, 8)}…` : '?');
  const by = d['recordedBy'] as { name?: unknown; role?: unknown } | undefined;
  if (!by || typeof by !== 'object') return t('agreement.audit.ownDevice', { device: label });
  const name = str(by.name);
  return name ? t('agreement.audit.recordedBy', { name, actor, device: label }) : t('agreement.audit.recordedByFacilitator', { actor, device: label });
}

/** The laptop an event came from, for people: who sat at it and its name ("Jorge, MacBook de Jorge"), else its id's start. */
function laptopLabel(from: CopiedFrom): string {
  const parts = [from.seat, from.deviceName].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ') : `${from.deviceId.slice(0, 8)}…`;
}

/** Who did it, readable: the participant's name and team, or the app. */
export function auditActor(event: AuditEvent, t: TFunction): string {
  const { name, team } = event.actor;
  return team ? `${name} (${t(`teams.${team}`)})` : name;
}

/** "Decided by … on … (zone). Reason: …" for a freeze override, in `t`'s language. */
export function overrideSummary(override: FreezeOverride, t: TFunction, fmt: Formatters): string {
  return t('agreement.pdf.overrideBy', {
    name: override.participantName,
    team: t(`teams.${override.team}`),
    date: fmt.dateTime(override.at, override.timeZone),
    zone: override.timeZone,
    reason: override.reason,
  });
}

/**
 * A term's or clause's label for people: SLA sections are labelled by their
 * key (`handoff`…) and the SLA's own text `SLA`; those read as the section's
 * name in `t`'s language.
 */
export function itemLabel(item: { kind: string; id: string; label: string }, t: TFunction): string {
  if (item.kind !== 'clause') return item.label;
  if (item.id === SLA_TEXT_CLAUSE_ID) return `SLA · ${t('versions.fields.intro')}`;
  const key = SLA_SECTION_KEYS.find((k) => slaSectionClauseId(k) === item.id);
  return key ? `SLA · ${t(`versions.fields.${key}`)}` : item.label;
}

/**
 * One inconsistency of the freeze gate in words, in `t`'s language, with its
 * figures formatted as the printed agreement formats them (`fmt.rate`,
 * `fmt.days`, whole MQLs).
 */
export function inconsistencyText(item: Inconsistency, t: TFunction, fmt: Formatters): string {
  switch (item.kind) {
    case 'sla-volume':
      return t('agreement.consistency.sla-volume', { label: item.label, committed: fmt.integer(item.committed), needed: fmt.integer(item.needed) });
    case 'scenario-differs': {
      const list = item.differences.flatMap((d) => [
        ...(d.scenarioRate !== null && d.funnelRate !== null
          ? [t('agreement.consistency.rateDiffers', { label: d.label, scenario: fmt.rate(d.scenarioRate), funnel: fmt.rate(d.funnelRate) })]
          : []),
        ...(d.scenarioDays !== null && d.funnelDays !== null
          ? [t('agreement.consistency.daysDiffers', { label: d.label, scenario: fmt.days(d.scenarioDays), funnel: fmt.days(d.funnelDays) })]
          : []),
      ]);
      return t('agreement.consistency.scenario-differs', { label: item.label, list: list.join('; ') });
    }
    case 'rates-over-100':
      return t('agreement.consistency.rates-over-100', { label: item.label, total: fmt.rate(item.total) });
    case 'rate-missing':
      return t('agreement.consistency.rate-missing', { label: item.label });
    case 'plan-unavailable':
      return t('agreement.consistency.plan-unavailable', { label: item.label });
  }
}
