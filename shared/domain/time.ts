/**
 * Instants with their zone, as signatures and audit events record them:
 * an ISO 8601 text with the local UTC offset (never a bare UTC time with no
 * label) plus the IANA zone name.
 */

/**
 * Formats `date` as ISO 8601 with the UTC offset in force in the runtime's
 * zone at that instant, e.g. `2026-11-30T18:04:05-06:00`.
 */
export function isoWithOffset(date: Date): string {
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** The runtime's IANA time zone, e.g. `America/Mexico_City`; `UTC` when unknown. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
