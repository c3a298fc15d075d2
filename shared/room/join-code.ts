/**
 * The room's join code, its `pacto://join` link and the room address as
 * people type it (see `docs/lan.md`). The one parser of join links
 * ({@link parseJoinUrl}): main reads the links the system opens with it, the
 * Join dialog what people paste.
 *
 * A code is Crockford base32 (digits and capitals without I, L, O, U; read
 * case-insensitively, `I`/`L` as 1 and `O` as 0, dashes and spaces ignored)
 * and carries three things:
 * - the start of the host certificate's SHA-256 fingerprint, which the guest
 *   pins: a machine that answers at the address with another certificate is
 *   not the room (`fingerprint-mismatch`);
 * - a random secret the host checks (wrong secrets are counted and limited);
 * - two check characters, so a typo is caught on the guest before it costs
 *   an attempt at the host.
 *
 * Two lengths: the **short code** people type (20 characters, shown as
 * `K7QM-2XPA-9RTD-WF3H-8MNB`: 12 fingerprint characters = 60 bits, 6 secret
 * characters = 30 bits, 2 check characters) and the **long code** a QR link
 * carries (60 characters: the whole 256-bit fingerprint, the secret, the
 * check). Pure TypeScript: the host (main) and the renderer both use it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { err, ok, type Result } from '../domain/result';
import type { RoomTarget } from './contract';

/** Crockford's base32 alphabet. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters of fingerprint in a short code (5 bits each: 60 bits pinned). */
export const SHORT_FINGERPRINT_CHARS = 12;
/** Characters of the whole 256-bit fingerprint (the last carries 1 bit and 4 zero bits). */
export const LONG_FINGERPRINT_CHARS = 52;
/** Characters of the secret (30 bits). */
export const SECRET_CHARS = 6;
/** Check characters (10 bits of SHA-256 of the rest). */
export const CHECK_CHARS = 2;

/** Length of a short code without dashes (20). */
export const SHORT_CODE_LENGTH = SHORT_FINGERPRINT_CHARS + SECRET_CHARS + CHECK_CHARS;
/** Length of a long code (60). */
export const LONG_CODE_LENGTH = LONG_FINGERPRINT_CHARS + SECRET_CHARS + CHECK_CHARS;

/** The scheme and path of a join link: `pacto://join?address=…&port=…&code=…`. */
export const JOIN_URL_PREFIX = 'pacto://join';

/** A code taken apart. All parts are canonical Crockford characters (upper case). */
export interface ParsedJoinCode {
  /** The fingerprint characters the code pins: 12 (short code) or 52 (long code). */
  fingerprintChars: string;
  /** The secret to present to the host. */
  secret: string;
  /** `short` (typed) or `long` (from a link). */
  kind: 'short' | 'long';
}

/** Why a code was rejected before it reached a host. */
export type JoinCodeProblem = 'empty' | 'bad-character' | 'bad-length' | 'bad-check';

/** Encodes bytes in Crockford base32, most significant bit first, padded with zero bits to whole characters. */
export function toCrockford(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Canonical form of typed text: upper case, dashes/spaces dropped, `I`/`L` → `1`, `O` → `0`.
 * Returns null when a character is not Crockford base32 (e.g. `U`, `#`).
 */
export function normalizeCrockford(text: string): string | null {
  let out = '';
  for (const raw of text.toUpperCase()) {
    if (raw === '-' || raw === ' ' || raw === '\t') continue;
    const char = raw === 'I' || raw === 'L' ? '1' : raw === 'O' ? '0' : raw;
    if (!CROCKFORD_ALPHABET.includes(char)) return null;
    out += char;
  }
  return out;
}

function hexToBytes(hex: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`join code: the fingerprint must be 64 lower-case hex digits, got "${hex.slice(0, 80)}"`);
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The fingerprint (64 hex digits) as the 52 Crockford characters codes carry. */
export function fingerprintToCrockford(fingerprintHex: string): string {
  return toCrockford(hexToBytes(fingerprintHex));
}

function checkOf(body: string): string {
  return toCrockford(sha256(utf8ToBytes(`pacto-join-code|${body}`))).slice(0, CHECK_CHARS);
}

/** A new random secret (6 Crockford characters, 30 bits) from `randomBytes` (Node's or Web Crypto's). */
export function newJoinSecret(randomBytes: (length: number) => Uint8Array): string {
  return toCrockford(randomBytes(4)).slice(0, SECRET_CHARS);
}

function assertSecret(secret: string): void {
  if (secret.length !== SECRET_CHARS || normalizeCrockford(secret) !== secret)
    throw new Error(`join code: the secret must be ${SECRET_CHARS} Crockford characters`);
}

/** The short code people type, grouped by four: `K7QM-2XPA-9RTD-WF3H-8MNB`. */
export function makeJoinCode(fingerprintHex: string, secret: string): string {
  assertSecret(secret);
  const body = fingerprintToCrockford(fingerprintHex).slice(0, SHORT_FINGERPRINT_CHARS) + secret;
  const code = body + checkOf(body);
  return code.match(/.{1,4}/g)!.join('-');
}

/** The long code a link carries (60 characters, no dashes): the whole fingerprint is pinned. */
export function makeLongJoinCode(fingerprintHex: string, secret: string): string {
  assertSecret(secret);
  const body = fingerprintToCrockford(fingerprintHex) + secret;
  return body + checkOf(body);
}

/** Takes a typed or linked code apart; the problem says what is wrong with it (all map to `bad-code`). */
export function parseJoinCode(text: string): Result<ParsedJoinCode, JoinCodeProblem> {
  const normalized = normalizeCrockford(text.trim());
  if (normalized === null) return err('bad-character');
  if (normalized.length === 0) return err('empty');
  const kind = normalized.length === SHORT_CODE_LENGTH ? 'short' : normalized.length === LONG_CODE_LENGTH ? 'long' : null;
  if (kind === null) return err('bad-length');
  const body = normalized.slice(0, -CHECK_CHARS);
  if (checkOf(body) !== normalized.slice(-CHECK_CHARS)) return err('bad-check');
  const fingerprintLength = kind === 'short' ? SHORT_FINGERPRINT_CHARS : LONG_FINGERPRINT_CHARS;
  return ok({ fingerprintChars: body.slice(0, fingerprintLength), secret: body.slice(fingerprintLength), kind });
}

/** Whether a certificate fingerprint (64 hex digits) is the one `code` pins. */
export function codePinsFingerprint(code: ParsedJoinCode, fingerprintHex: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(fingerprintHex)) return false;
  return fingerprintToCrockford(fingerprintHex).startsWith(code.fingerprintChars);
}

/** Compares two secrets in time independent of where they differ. */
export function secretsEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** The link a QR code encodes: `pacto://join?address=192.168.1.5&port=47913&code=<long code>`. */
export function makeJoinUrl(target: RoomTarget): string {
  const query = new URLSearchParams({ address: target.address, port: String(target.port), code: target.code });
  return `${JOIN_URL_PREFIX}?${query.toString()}`;
}

/**
 * Why a link was rejected: `not-a-join-link` (not `pacto://join?…`),
 * `incomplete` (the address, port or code is missing), `bad-address`,
 * `bad-port` (not a whole number 1..65535), `bad-code` (the code's
 * characters, length or check characters are wrong).
 */
export type JoinUrlProblem = 'not-a-join-link' | 'incomplete' | 'bad-address' | 'bad-port' | 'bad-code';

/** Longest link read (a QR code's link is about 120 characters). */
export const MAX_JOIN_URL_LENGTH = 2048;

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
 * Reads a join link back into a target: `pacto://join?address=…&port=…&code=…`
 * (also `pacto:join?…`, and `host` for `address`; an IPv6 address with or
 * without brackets). The code is checked, not just copied. The one parser of
 * join links: main reads the links the system opens with it, the Join
 * dialog the links people paste.
 */
export function parseJoinUrl(url: string): Result<RoomTarget, JoinUrlProblem> {
  const text = url.trim();
  const match = /^pacto:(?:\/\/)?join\/?\?/i.exec(text);
  if (!match || text.length > MAX_JOIN_URL_LENGTH) return err('not-a-join-link');
  const query = new URLSearchParams(text.slice(match[0].length));
  // Each part in turn: missing (`incomplete`), or present and wrong.
  const addressText = (query.get('address') ?? query.get('host'))?.trim();
  if (addressText === undefined) return err('incomplete');
  const address = hostOf(addressText.includes(':') && !addressText.startsWith('[') ? `[${addressText}]` : addressText);
  if (address === null || address.length > 255) return err('bad-address');
  const portText = query.get('port')?.trim();
  if (portText === undefined) return err('incomplete');
  const port = portOf(portText);
  if (port === null) return err('bad-port');
  const code = query.get('code')?.trim();
  if (code === undefined) return err('incomplete');
  if (!parseJoinCode(code).ok) return err('bad-code');
  return ok({ address, port, code });
}

/** Where a room is, and its code when the input carried one (a join link). */
export interface ParsedRoomInput {
  address: string;
  /** TCP port, 1..65535. */
  port: number;
  /** The join code from a link; absent for a typed address. */
  code?: string;
}

/** Why what was typed is not a room address: `address` (no port, or not an address), `port` (out of range), or a link's {@link JoinUrlProblem}. */
export type RoomInputProblem = 'address' | 'port' | JoinUrlProblem;

/**
 * Reads what a participant types or pastes into the room address field: a
 * `host:port` address (IPv4, a name such as `sala.local`, or `[IPv6]:port`),
 * or a join link (read by {@link parseJoinUrl}). Pure: no network, no DOM.
 */
export function parseRoomInput(input: string): Result<ParsedRoomInput, RoomInputProblem> {
  const text = input.trim();
  if (/^pacto:/i.test(text)) return parseJoinUrl(text);
  const at = text.lastIndexOf(':');
  if (at <= 0) return err('address');
  const hostText = text.slice(0, at);
  // An IPv6 address needs brackets to tell its colons from the port's.
  if (hostText.includes(':') && !hostText.startsWith('[')) return err('address');
  const host = hostOf(hostText);
  if (host === null) return err('address');
  const port = portOf(text.slice(at + 1));
  if (port === null) return err(/^\d+$/.test(text.slice(at + 1)) ? 'port' : 'address');
  return ok({ address: host, port });
}

/** `address:port` as people type it (`[…]` around an IPv6 address). */
export function formatRoomAddress(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
