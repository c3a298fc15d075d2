/**
 * Automatic backups of workshops, renderer side: a backup is the workshop
 * exported as `.pacto` bytes (`exportWorkshopFile`), handed to the platform,
 * which keeps and rotates them (the app in `userData/backups/<id>/`, the
 * browser platform in IndexedDB; rules in `shared/backup/rotation.ts`).
 *
 * When: every {@link BACKUP_INTERVAL_MS} while the open workshop changes,
 * when leaving a workshop that changed, before a file is merged into a
 * workshop or a backup restored over it, and when the app closes. A
 * workshop with no backup at all gets one when it is opened.
 *
 * Restore (see `shared/backup/revert.ts`): the current state is backed up
 * first (reason `restore`, so the restore itself can be undone by restoring
 * that backup), then the backup's content is written into the workshop's
 * document as new edits. Versions, signatures and the audit trail are
 * append-only and stay as they are; an audit event records the restore.
 */
import * as Y from 'yjs';
import { backupSummary, type BackupEntry, type BackupReason } from '../../shared/backup/rotation';
import { revertUpdate } from '../../shared/backup/revert';
import { RESTORE_ORIGIN } from '../../shared/domain/doc-edit';
import { decodePactoFile, type PactoFileError } from '../../shared/file/pacto-file';
import { readWorkshop } from '../../shared/domain/workshop-doc';
import { migrateWorkshopDoc } from '../../shared/domain/migrations';
import { err, ok, type Result } from '../../shared/domain/result';
import { platform } from '../platform';
import { recordAudit } from './audit';
import type { PactoDb } from './db';
import { exportWorkshopFile } from './pacto-file';
import { flushDoc, openWorkshop, syncIndex } from './workshops';

/** How often the open workshop is backed up while it changes, ms (5 minutes). */
export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;

async function appVersion(): Promise<string> {
  const info = await platform().appInfo();
  return info.ok ? info.value.version : '0.0.0';
}

/**
 * Backs up workshop `workshopId` now. Resolves to the entry written, or the
 * platform's error (a failed backup never stops what the user is doing).
 */
export async function backupWorkshop(db: PactoDb, workshopId: string, reason: BackupReason): Promise<Result<BackupEntry>> {
  let bytes: Uint8Array;
  try {
    bytes = await exportWorkshopFile(db, workshopId, await appVersion());
  } catch (e) {
    return err({ code: 'export-failed', message: e instanceof Error ? e.message : String(e) });
  }
  const decoded = decodePactoFile(bytes);
  if (!decoded.ok) return err({ code: 'export-failed', message: decoded.error.message });
  const summary = backupSummary(decoded.value.content, decoded.value.versions.length);
  return platform().writeBackup({ workshopId, reason, summary, bytes: bytes as Uint8Array<ArrayBuffer> });
}

/** Why a restore did not happen (the workshop is unchanged): the backup is gone, unreadable, or the current state could not be backed up first. */
export type RestoreError =
  { code: 'not-found' | 'read-failed' | 'backup-failed' | 'apply-failed'; message: string } | { code: 'file'; file: PactoFileError; message: string };

/**
 * Restores backup `backupId` of workshop `workshopId`: backs up the current
 * state (reason `restore`), then brings the backup's content back as new
 * edits and records a `restored` audit event. If the current state cannot be
 * backed up, nothing is restored.
 *
 * @param openDoc the workshop's document when it is open (the session's), so the restore reaches the screen at once
 */
export async function restoreBackup(
  db: PactoDb,
  workshopId: string,
  backupId: string,
  openDoc: Y.Doc | null,
): Promise<Result<{ restored: BackupEntry; undo: BackupEntry }, RestoreError>> {
  const listed = await platform().listBackups(workshopId);
  const restored = listed.ok ? listed.value.find((b) => b.id === backupId) : undefined;
  if (!restored) return err({ code: 'not-found', message: `Backup ${backupId} is no longer there.` });
  const read = await platform().readBackup({ workshopId, id: backupId });
  if (!read.ok) return err({ code: read.error.code === 'not-found' ? 'not-found' : 'read-failed', message: read.error.message });
  const decoded = decodePactoFile(read.value);
  if (!decoded.ok) return err({ code: 'file', file: decoded.error, message: decoded.error.message });
  if (decoded.value.workshopId !== workshopId) return err({ code: 'read-failed', message: `Backup ${backupId} belongs to another workshop.` });

  const before = await backupWorkshop(db, workshopId, 'restore');
  if (!before.ok) return err({ code: 'backup-failed', message: before.error.message });

  const open = openDoc ? null : await openWorkshop(db, workshopId);
  const doc = openDoc ?? open!.doc;
  try {
    try {
      Y.applyUpdate(doc, revertUpdate(doc, decoded.value.yjsUpdate), RESTORE_ORIGIN);
      // A backup written by an older Pacto brings back its older layout: bring it up to date.
      migrateWorkshopDoc(doc);
    } catch (e) {
      return err({ code: 'apply-failed', message: e instanceof Error ? e.message : String(e) });
    }
    await flushDoc(db);
    await syncIndex(db, workshopId, doc);
  } finally {
    open?.close();
  }
  await recordAudit(db, workshopId, {
    type: 'restored',
    actor: { participantId: null, name: 'Pacto', team: null },
    details: { backup: backupId, backupCreatedAt: restored.createdAt, title: readWorkshop(doc).meta.title, undoBackup: before.value.id },
  });
  return ok({ restored, undo: before.value });
}
