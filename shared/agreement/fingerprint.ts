/**
 * Fingerprint of an agreement version: SHA-256 of its canonical JSON
 * (UTF-8 bytes), as 64 lowercase hex digits. Pure JavaScript (@noble/hashes),
 * so main, renderer and the command line compute the same value.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';

/** SHA-256 of the UTF-8 bytes of `text`, lowercase hex. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * Fingerprint of `value`: SHA-256 hex of `canonicalJson(value)`.
 * Throws what {@link canonicalJson} throws.
 */
export function fingerprint(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** Groups a fingerprint in blocks of four for reading aloud and printing: `3f2a 9c01 …`. */
export function formatFingerprint(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A fingerprint as stored: exactly 64 lowercase hex digits. */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/;
