/**
 * The file names Pacto suggests in save dialogs (the agreement PDF, the
 * `.pacto` workshop file, the funnel's SVG and PNG), made from what users
 * typed (company, title, funnel name). One rule for all: characters no system allows in a name (`/ \ : * ? " < > |`
 * and control characters) become spaces, runs of space become one, and the
 * name is cut to {@link MAX_FILE_NAME_BYTES} UTF-8 bytes at a whole
 * character, keeping the part that tells files apart (a version's ` - v3`)
 * and the extension.
 */

/**
 * At most this many UTF-8 bytes in a suggested name, extension included. ext4 and APFS allow 255 bytes,
 * NTFS 255 UTF-16 units (never more than the UTF-8 bytes of the same name); the margin leaves room for
 * the ` (2)` a save dialog or a browser adds to a name already taken.
 */
export const MAX_FILE_NAME_BYTES = 200;

const NOT_IN_FILE_NAMES = /[/\\:*?"<>|\p{Cc}]+/gu;
/** The same characters, for a test (no `g`: a global regex's `test` keeps its place between calls). */
const HAS_NOT_IN_FILE_NAMES = new RegExp(NOT_IN_FILE_NAMES.source, 'u');

const utf8 = new TextEncoder();
const utf8Bytes = (s: string) => utf8.encode(s).byteLength;

/** `text` with the characters no system allows in a file name replaced by spaces and its spaces collapsed and trimmed. */
function cleanFileNamePart(text: string): string {
  return text.replace(NOT_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A file name `<parts joined by " - "><suffix>.<extension>`: each part cleaned ({@link cleanFileNamePart}),
 * empty parts left out, `fallback` when all are empty. When the name would pass {@link MAX_FILE_NAME_BYTES}
 * the joined parts are cut at a whole character (never half a multi-byte character or an emoji) and
 * trimmed; `suffix` (e.g. ` - v3`, written by Pacto, not by users) and the extension are always kept.
 */
export function safeFileName(parts: readonly string[], extension: string, { suffix = '', fallback = 'Pacto' } = {}): string {
  const tail = `${suffix}.${extension}`;
  let stem = parts.map(cleanFileNamePart).filter(Boolean).join(' - ') || fallback;
  if (utf8Bytes(stem + tail) > MAX_FILE_NAME_BYTES) {
    const room = MAX_FILE_NAME_BYTES - utf8Bytes(tail);
    let kept = '';
    let bytes = 0;
    for (const char of stem) {
      bytes += utf8Bytes(char);
      if (bytes > room) break;
      kept += char;
    }
    // A cut between words can leave a dangling " -" of the join.
    stem = kept.replace(/[\s-]+$/u, '') || fallback;
  }
  return stem + tail;
}

/**
 * True for a file name as {@link safeFileName} makes them, ending in `.<extension>` (any extension of letters
 * and digits when omitted; case ignored): something before the extension, none of the characters it replaces
 * (so no folders), at most {@link MAX_FILE_NAME_BYTES} UTF-8 bytes. The main process accepts no other
 * suggested name from the renderer (shared/bridge/contract.ts).
 */
export function isSafeFileName(name: string, extension?: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0 || name.slice(0, dot).trim() === '') return false;
  const ext = name.slice(dot + 1);
  if (extension === undefined ? !/^[a-z0-9]+$/i.test(ext) : ext.toLowerCase() !== extension.toLowerCase()) return false;
  return !HAS_NOT_IN_FILE_NAMES.test(name) && utf8Bytes(name) <= MAX_FILE_NAME_BYTES;
}
