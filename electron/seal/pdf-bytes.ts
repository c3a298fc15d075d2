/**
 * Byte-level reading of a PDF, for what must be judged on the exact bytes
 * rather than on a parser's repaired view: the header, the end-of-file
 * marker, and signature dictionaries (`/ByteRange` + `/Contents`).
 */

/** A signature found in the file: its byte range and the hex text of its `/Contents`. */
export interface FoundSignature {
  /** Offset of the `/ByteRange` key. */
  offset: number;
  /** `[start1, length1, start2, length2]` as written, or `null` for an unfilled placeholder. */
  byteRange: [number, number, number, number] | null;
  /** The `/SubFilter` name of the signature dictionary, e.g. `adbe.pkcs7.detached`, if found near it. */
  subFilter: string | null;
}

const latin1 = (bytes: Uint8Array, start = 0, end = bytes.length) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, end);

/** True when the file starts (within its first 1024 bytes, as readers allow) with `%PDF-`. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  return latin1(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-');
}

/** True when an `%%EOF` marker stands in the last 1024 bytes: a file cut short lacks it. */
export function hasEofMarker(bytes: Uint8Array): boolean {
  return latin1(bytes, Math.max(0, bytes.length - 1024)).includes('%%EOF');
}

/** True when the raw bytes contain `text` (ASCII), e.g. an attachment's name in an uncompressed dictionary. */
export function containsAscii(bytes: Uint8Array, text: string): boolean {
  return latin1(bytes).includes(text);
}

/** Every signature dictionary's byte range in the file, in file order. */
export function findSignatures(bytes: Uint8Array): FoundSignature[] {
  const text = latin1(bytes);
  const found: FoundSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[([^\]]{0,200})\]/g)) {
    const numbers = m[1]!.trim().split(/\s+/);
    const ints = numbers.map((n) => (/^\d+$/.test(n) ? Number(n) : Number.NaN));
    const byteRange = ints.length === 4 && ints.every(Number.isSafeInteger) ? (ints as [number, number, number, number]) : null;
    const near = text.slice(Math.max(0, m.index - 2000), m.index + 2000);
    found.push({ offset: m.index, byteRange, subFilter: /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(near)?.[1] ?? null });
  }
  return found;
}

/**
 * The bytes a byte range covers (both parts joined) and the signature's
 * `/Contents` hex digits (the gap between the parts, which must be exactly
 * `<` hex digits `>`: nothing else, not even a space). `null` when the range
 * does not start at 0, does not fit the file, or the gap is anything else.
 */
export function signedParts(
  bytes: Uint8Array,
  [start1, length1, start2, length2]: [number, number, number, number],
): { signed: Uint8Array; contentsHex: string } | null {
  if (start1 !== 0 || length1 <= 0 || start2 <= length1 || start2 + length2 > bytes.length) return null;
  const gap = latin1(bytes, length1, start2);
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(gap)?.[1];
  if (hex === undefined || hex.length % 2 !== 0) return null;
  const signed = new Uint8Array(length1 + length2);
  signed.set(bytes.subarray(0, length1), 0);
  signed.set(bytes.subarray(start2, start2 + length2), length1);
  return { signed, contentsHex: hex };
}
