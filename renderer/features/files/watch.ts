/**
 * Keeps an eye on the open workshop for its file and its backups: computes
 * its state fingerprint (`data/file-links.ts`) shortly after each change,
 * so the header and the window title can say whether the file is behind,
 * and takes the automatic backups of `data/backups.ts`: every
 * `BACKUP_INTERVAL_MS` while the workshop changes, when leaving a workshop
 * that changed, on the app's request before it closes, and once for a
 * workshop that has none yet.
 */
import { liveQuery, type Subscription } from 'dexie';
import { db } from '../../data/instance';
import { activeDoc } from '../../data/session';
import { getFileLink, setFileLink, stateFingerprint } from '../../data/file-links';
import { BACKUP_INTERVAL_MS, backupWorkshop } from '../../data/backups';
import type { BackupReason } from '../../../shared/backup/rotation';
import { platform } from '../../platform';
import { useAppStore } from '../../store';

/** How long after a change the fingerprint is computed, ms. */
const SETTLE_MS = 250;

/** The automatic backups' memory: the state last backed up and last seen, per workshop. */
const lastBacked = new Map<string, string>();
const lastSeen = new Map<string, string>();

/** Backs up `workshopId` if it changed since its last backup. Never throws. */
async function backupIfChanged(workshopId: string, reason: BackupReason): Promise<void> {
  const seen = lastSeen.get(workshopId);
  if (seen === undefined || seen === lastBacked.get(workshopId)) return;
  const result = await backupWorkshop(db, workshopId, reason).catch(() => null);
  if (result?.ok) lastBacked.set(workshopId, seen);
}

/** Backs up the open workshop if it changed (the app is closing). */
export async function backupBeforeQuit(): Promise<void> {
  const id = useAppStore.getState().session?.id;
  const doc = activeDoc();
  if (!id || !doc) return;
  lastSeen.set(id, await stateFingerprint(db, id, doc).catch(() => lastSeen.get(id) ?? ''));
  await backupIfChanged(id, 'quit');
}

async function compute(workshopId: string): Promise<void> {
  const doc = activeDoc();
  if (!doc || useAppStore.getState().session?.id !== workshopId) return;
  const fingerprint = await stateFingerprint(db, workshopId, doc);
  let link = await getFileLink(db, workshopId);
  if (useAppStore.getState().session?.id !== workshopId) return;
  if (link && link.fingerprint === null) {
    // Just opened from the file: this state is the file's.
    link = { ...link, fingerprint };
    await setFileLink(db, workshopId, link);
  }
  useAppStore.getState().setFileState({ workshopId, link, fingerprint });
  lastSeen.set(workshopId, fingerprint);
  if (!lastBacked.has(workshopId)) lastBacked.set(workshopId, fingerprint);
}

/** Starts watching; returns the function that stops it. */
export function watchOpenWorkshop(): () => void {
  let current: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let audit: Subscription | null = null;
  const schedule = (id: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => void compute(id).catch(() => undefined), SETTLE_MS);
  };
  const enter = (id: string) => {
    useAppStore.getState().setFileState({ workshopId: id, link: null, fingerprint: null });
    // Exports and signatures add audit events, which are in the file too.
    audit = liveQuery(() => db.audit.where('workshopId').equals(id).count()).subscribe({ next: () => schedule(id), error: () => undefined });
    void platform()
      .listBackups(id)
      .then((listed) => {
        if (listed.ok && listed.value.length === 0) return backupWorkshop(db, id, 'timer');
        return undefined;
      })
      .catch(() => undefined);
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    const id = state.session?.id ?? null;
    if (id !== current) {
      audit?.unsubscribe();
      audit = null;
      clearTimeout(timer);
      if (current !== null) void backupIfChanged(current, 'timer');
      current = id;
      if (id === null) useAppStore.getState().setFileState(null);
      else enter(id);
      return;
    }
    const s = state.session;
    const p = previous.session;
    if (id !== null && s && p && (s.content !== p.content || s.versions !== p.versions || s.signatures !== p.signatures)) schedule(id);
  });
  const interval = setInterval(() => {
    if (current !== null) void backupIfChanged(current, 'timer');
  }, BACKUP_INTERVAL_MS);
  return () => {
    unsubscribe();
    audit?.unsubscribe();
    clearTimeout(timer);
    clearInterval(interval);
  };
}
