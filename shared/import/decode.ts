/**
 * Turning an export file's bytes into text, as spreadsheets and CRMs write
 * them: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
 * mark (Excel's "Unicode text"), else Windows-1252 (Excel's default "CSV" on
 * Windows in Western Europe and Latin America). Shared by the CLI and the import screen.
 */

/**
 * Decodes a text file's bytes. A UTF-8 byte-order mark is kept in the text
 * (U+FEFF), so the import can report it. Never throws.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // ignoreBOM keeps a UTF-8 byte-order mark in the text, so the import can report it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
