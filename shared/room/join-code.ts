/**
 * The room's join code and `pacto://join` link (see `docs/lan.md`).
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

/** Why a link was rejected. */
export type JoinUrlProblem = 'not-a-join-link' | 'bad-address' | 'bad-port' | 'bad-code';

/** Reads a `pacto://join` link back into a target (the code is checked, not just copied). */
export function parseJoinUrl(url: string): Result<RoomTarget, JoinUrlProblem> {
  const text = url.trim();
  if (!text.toLowerCase().startsWith(`${JOIN_URL_PREFIX}?`)) return err('not-a-join-link');
  const query = new URLSearchParams(text.slice(JOIN_URL_PREFIX.length + 1));
  const address = (query.get('address') ?? '').trim();
  if (address.length === 0 || address.length > 255 || !/^[0-9A-Za-z.:%_-]+$/.test(address)) return err('bad-address');
  const port = Number(query.get('port'));
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return err('bad-port');
  const code = query.get('code') ?? '';
  if (!parseJoinCode(code).ok) return err('bad-code');
  return ok({ address, port, code });
}
