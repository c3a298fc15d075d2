/**
 * Times with their zone, as agreements record them: an ISO 8601 instant
 * written with the UTC offset the signer's clock showed, plus the IANA zone
 * name (e.g. `2026-11-30T18:04:05-06:00` in `America/Mexico_City`). An audit
 * time in bare UTC with no label is a known complaint against e-signature
 * tools (docs/domain.md, "What signing involves").
 */

/** Thrown when a time zone is not an IANA zone name the runtime knows. */
export class TimeZoneError extends Error {
  constructor(readonly timeZone: string) {
    super(`Unknown time zone "${timeZone}" (expected an IANA name such as "America/Mexico_City")`);
    this.name = 'TimeZoneError';
  }
}

/** True when `timeZone` is an IANA zone name this runtime's Intl knows (e.g. `Europe/Madrid`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `instant` as ISO 8601 local time in `timeZone` with its UTC offset,
 * to the second: `2026-11-30T18:04:05-06:00`; UTC is written `+00:00`.
 * Throws {@link TimeZoneError} for an unknown zone and a RangeError for an invalid date.
 */
export function zonedIsoString(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  if (!isTimeZone(timeZone)) throw new TimeZoneError(timeZone);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const [year, month, day, hour, minute, second] = [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
  // The wall clock read as if it were UTC, minus the real instant, is the zone's offset.
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - wholeSeconds) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 date-time with a mandatory UTC offset or `Z`, as {@link zonedIsoString} writes (seconds optional fraction). */
export const ZONED_ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
