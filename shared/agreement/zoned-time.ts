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

/**
 * One wall-clock formatter per zone name, or null for a name Intl refuses. Making an
 * `Intl.DateTimeFormat` costs far more than formatting with one (it was most of a keystroke's
 * approval checks), and a session sees a handful of zones. A name is a key only once checked
 * (at most {@link MAX_ZONES} are kept), so arbitrary input cannot grow the cache without bound.
 */
const wallClocks = new Map<string, Intl.DateTimeFormat | null>();
const MAX_ZONES = 64;

function wallClock(timeZone: string): Intl.DateTimeFormat | null {
  const known = wallClocks.get(timeZone);
  if (known !== undefined) return known;
  let format: Intl.DateTimeFormat | null = null;
  if (timeZone.trim() !== '') {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      format = null;
    }
  }
  if (wallClocks.size >= MAX_ZONES) wallClocks.clear();
  wallClocks.set(timeZone, format);
  return format;
}

/** True when `timeZone` is an IANA zone name this runtime's Intl knows (e.g. `Europe/Madrid`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  return wallClock(timeZone) !== null;
}

/**
 * Writes `instant` as ISO 8601 local time in `timeZone` with its UTC offset,
 * to the second: `2026-11-30T18:04:05-06:00`; UTC is written `+00:00`.
 * Throws {@link TimeZoneError} for an unknown zone and a RangeError for an invalid date.
 */
export function zonedIsoString(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  const format = wallClock(timeZone);
  if (format === null) throw new TimeZoneError(timeZone);
  const parts = format.formatToParts(instant);
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
