/**
 * The window title and the "unsaved changes to the file" state, as pure
 * functions of what the store knows about the open workshop's file.
 */
import type { FileLink } from '../../data/file-links';

/** Whether the open workshop's file is behind the database (changed since it was saved or opened). */
export function fileIsBehind(link: FileLink | null, fingerprint: string | null): boolean {
  return link !== null && link.fingerprint !== null && fingerprint !== null && link.fingerprint !== fingerprint;
}

/**
 * The window title: `Pacto` on the home screen; `• Acuerdo 2027.pacto — Pacto`
 * for a workshop whose file is behind (no dot when it is up to date); the
 * workshop's title for one that has no file yet.
 */
export function documentTitle(open: { workshopTitle: string; fileName: string | null; edited: boolean } | null): string {
  if (open === null) return 'Pacto';
  if (open.fileName === null) return `${open.workshopTitle} — Pacto`;
  return `${open.edited ? '• ' : ''}${open.fileName} — Pacto`;
}
