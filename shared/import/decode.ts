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

/**
 * Whether bytes are a workbook container rather than text: `zip` for a ZIP
 * archive (`.xlsx`, `.ods`; also any other ZIP), `cfb` for an OLE compound
 * file (legacy `.xls`, or an `.xlsx` encrypted with a password), null for
 * anything else (read as text: a CSV, or an ".xls" that is really
 * tab-separated text or HTML, as some CRMs write).
 */
export function workbookContainer(bytes: Uint8Array): 'zip' | 'cfb' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (cfb.every((b, i) => bytes[i] === b)) return 'cfb';
  return null;
}
