/**
 * Which `.pacto` file each workshop was last opened from or saved to, and
 * whether the workshop has changed since (the title bar's unsaved mark).
 * Kept in the `settings` table under `file:<workshopId>`. The workshop's
 * data is always saved in the database as typed; "unsaved" here means only
 * that the file on disk is behind the database.
 *
 * The comparison uses a state fingerprint: the document's Yjs state vector
 * (which grows with every edit, from any origin) plus how many versions,
 * signatures and audit events the workshop has (all of them are in the
 * file). It is cheap to compute and equal exactly when nothing was added.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { PactoDb } from './db';

/** The file a workshop is linked to. `fingerprint` is the workshop's state when the file was written or read; `null` until first seen open. */
export interface FileLink {
  path: string;
  name: string;
  /** ISO instant of the last save or open. */
  at: string;
  fingerprint: string | null;
}

const linkSchema = z.object({ path: z.string().min(1), name: z.string(), at: z.string(), fingerprint: z.string().nullable() });

const key = (workshopId: string) => `file:${workshopId}`;

/** Workshop `workshopId`'s file, or null when it has none. */
export async function getFileLink(db: PactoDb, workshopId: string): Promise<FileLink | null> {
  const row = await db.settings.get(key(workshopId));
  const parsed = linkSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** Links workshop `workshopId` to a file. */
export async function setFileLink(db: PactoDb, workshopId: string, link: FileLink): Promise<void> {
  await db.settings.put({ key: key(workshopId), value: link });
}

/** The state fingerprint of workshop `workshopId` whose open document is `doc` (see the module comment). */
export async function stateFingerprint(db: PactoDb, workshopId: string, doc: Y.Doc): Promise<string> {
  const vector = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, k]) => `${c}:${k}`)
    .join(',');
  const [versions, signatures, audit] = await db.transaction('r', [db.versions, db.signatures, db.audit], () =>
    Promise.all([
      db.versions.where('workshopId').equals(workshopId).count(),
      db.signatures.where('workshopId').equals(workshopId).count(),
      db.audit.where('workshopId').equals(workshopId).count(),
    ]),
  );
  return `${vector}|v${versions}|s${signatures}|a${audit}`;
}
