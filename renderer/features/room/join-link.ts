/**
 * Reads what a participant types or pastes into the room address field: a
 * `host:port` address (IPv4, a name such as `sala.local`, or `[IPv6]:port`),
 * or the room's join link, `pacto://join?address=…&port=…&code=…` (the link
 * the facilitator's QR code encodes; `host` is accepted for `address`).
 * Pure: no network, no DOM.
 */

/** Where a room is, and its code when the input carried one (a join link). */
export interface ParsedRoomInput {
  address: string;
  /** TCP port, 1..65535. */
  port: number;
  /** The join code from a link; absent for a typed address. */
  code?: string;
}

/** Why an input is not a room address: `address` (no port, or not an address), `link` (a link that is not a complete join link), `port` (out of range). */
export type RoomInputProblem = 'address' | 'link' | 'port';

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?$/;
const IPV6 = /^[0-9A-Fa-f:.]+(?:%[A-Za-z0-9_.-]+)?$/;

/** The port in `text`, or null when it is not a whole number 1..65535. */
function portOf(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65_535 ? port : null;
}

/** A host as typed: an IPv4 address or host name, or an IPv6 address (brackets removed). Null when it is neither. */
function hostOf(text: string): string | null {
  const host = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (host !== text) return host.includes(':') && IPV6.test(host) ? host : null;
  return HOST_NAME.test(host) ? host : null;
}

/**
 * Parses a typed address or a pasted join link.
 *
 * @returns the address, port and (from a link) code, or the problem to show
 */
export function parseRoomInput(input: string): { ok: true; value: ParsedRoomInput } | { ok: false; problem: RoomInputProblem } {
  const text = input.trim();
  if (/^pacto:/i.test(text)) return parseJoinLink(text);
  const at = text.lastIndexOf(':');
  if (at <= 0) return { ok: false, problem: 'address' };
  const hostText = text.slice(0, at);
  // An IPv6 address needs brackets to tell its colons from the port's.
  if (hostText.includes(':') && !hostText.startsWith('[')) return { ok: false, problem: 'address' };
  const host = hostOf(hostText);
  if (host === null) return { ok: false, problem: 'address' };
  const port = portOf(text.slice(at + 1));
  if (port === null) return { ok: false, problem: /^\d+$/.test(text.slice(at + 1)) ? 'port' : 'address' };
  return { ok: true, value: { address: host, port } };
}

/** Parses `pacto://join?address=…&port=…&code=…`. */
export function parseJoinLink(text: string): { ok: true; value: ParsedRoomInput } | { ok: false; problem: RoomInputProblem } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'link' };
  }
  // `pacto://join?…` parses with `join` as the host; `pacto:join?…` with it as the path.
  const target = (url.host || url.pathname.replace(/^\/+/, '')).toLowerCase();
  if (url.protocol !== 'pacto:' || target !== 'join') return { ok: false, problem: 'link' };
  const addressText = url.searchParams.get('address') ?? url.searchParams.get('host');
  const portText = url.searchParams.get('port');
  const code = url.searchParams.get('code')?.trim();
  if (!addressText || !portText || !code) return { ok: false, problem: 'link' };
  const host = hostOf(addressText.includes(':') && !addressText.startsWith('[') ? `[${addressText}]` : addressText);
  if (host === null) return { ok: false, problem: 'link' };
  const port = portOf(portText);
  if (port === null) return { ok: false, problem: 'port' };
  return { ok: true, value: { address: host, port, code } };
}

/** `address:port` as people type it (`[…]` around an IPv6 address). */
export function formatRoomAddress(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
