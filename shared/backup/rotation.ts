/**
 * Automatic backups of a workshop: what a backup is called, what it says
 * about itself, and which ones are kept. Pure; the main process (files in
 * `userData/backups/<workshopId>/`) and the browser platform (IndexedDB)
 * both use it, so the two keep exactly the same backups.
 *
 * Rotation: per workshop, the {@link KEEP_LATEST} newest backups, plus the
 * newest backup of each earlier calendar day (UTC) for {@link KEEP_DAYS}
 * days; everything else is deleted. So a workshop never has more than
 * KEEP_LATEST + KEEP_DAYS = 40 backups, and "yesterday's state" is there
 * for a month.
 */
import { z } from 'zod';

/** The newest backups always kept, per workshop. */
export const KEEP_LATEST = 10;
/** Earlier days that keep their newest backup, per workshop. */
export const KEEP_DAYS = 30;
/** Most backups one workshop can have after rotation. */
export const MAX_BACKUPS_PER_WORKSHOP = KEEP_LATEST + KEEP_DAYS;

/**
 * Why a backup was taken: `timer` (every few minutes while edited), `quit`
 * (the app closing), `import`/`merge` (before a file is merged into the
 * workshop), `restore` (the state replaced by a restore, so it can be undone).
 */
export const BACKUP_REASONS = ['timer', 'quit', 'import', 'merge', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A workshop id as it may appear in a folder name: letters, digits, `-`, `_` (UUIDs and the like). */
export const workshopIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { message: 'workshop-id' });

/** What the restore screen shows of a backup without opening it. */
export const backupSummarySchema = z.object({
  title: z.string().max(500),
  /** Glossary terms. */
  terms: z.number().int().min(0),
  /** Stages of the agreed funnel. */
  stages: z.number().int().min(0),
  /** Frozen agreement versions. */
  versions: z.number().int().min(0),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

/** One backup: `id` names it (and its file), `createdAt` is an ISO instant, `bytes` the size of its `.pacto`. */
export interface BackupEntry {
  id: string;
  workshopId: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  summary: BackupSummary | null;
}

/**
 * A backup id: the UTC time to the millisecond, then the reason, e.g.
 * `20261130T100000123Z-timer`. Ids sort in time order and are safe file
 * names on every system.
 */
export const backupIdSchema = z.string().regex(new RegExp(`^\\d{8}T\\d{9}Z-(${BACKUP_REASONS.join('|')})$`), { message: 'backup-id' });

/** The id of a backup taken at `at` for `reason`. */
export function backupId(at: Date, reason: BackupReason): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${reason}`;
}

/** The time and reason in `id`, or null when it is not a backup id. */
export function parseBackupId(id: string): { createdAt: string; reason: BackupReason } | null {
  if (!backupIdSchema.safeParse(id).success) return null;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(\w+)$/.exec(id)!;
  const createdAt = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt, reason: m[8] as BackupReason };
}

/**
 * The ids of `ids` to delete so that only the rotation's keepers remain
 * (see the module comment). Ids that are not backup ids are never deleted.
 */
export function backupsToDelete(ids: readonly string[]): string[] {
  const valid = ids
    .filter((id) => parseBackupId(id) !== null)
    .sort()
    .reverse();
  const keep = new Set(valid.slice(0, KEEP_LATEST));
  const days = new Set<string>();
  for (const id of valid.slice(KEEP_LATEST)) {
    const day = id.slice(0, 8);
    if (days.has(day) || days.size >= KEEP_DAYS) continue;
    // The newest backup of a day not already kept among the latest.
    if ([...keep].some((k) => k.slice(0, 8) === day)) continue;
    days.add(day);
    keep.add(id);
  }
  return valid.filter((id) => !keep.has(id));
}

/** Newest first. */
export function sortBackups<T extends { id: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** The summary of a workshop's content with `versions` frozen versions. */
export function backupSummary(
  content: { meta: { title: string }; terms: readonly unknown[]; funnels: { agreed: { stages: readonly unknown[] } } },
  versions: number,
): BackupSummary {
  return { title: content.meta.title.slice(0, 500), terms: content.terms.length, stages: content.funnels.agreed.stages.length, versions };
}
