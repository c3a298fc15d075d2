// Automatic backups: the rotation rules (shared/backup/rotation.ts), the main
// process's store on a temporary folder (electron/main/backups.ts), and the
// small main modules around files: recent list, open queue, close guard, title.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupId, backupsToDelete, KEEP_DAYS, KEEP_LATEST, MAX_BACKUPS_PER_WORKSHOP, parseBackupId } from '../../shared/backup/rotation';
import { createBackupStore } from '../../electron/main/backups';
import { nodeBackupFs } from '../../electron/main/file-feature';
import { createRecentFiles } from '../../electron/main/recent-files';
import { MAX_RECENT_FILES, parseRecentFiles, withRecent } from '../../shared/bridge/recent-files';
import { createOpenQueue, pactoPathsFromArgv } from '../../electron/main/open-requests';
import { createCloseGuard } from '../../electron/main/close-guard';
import { documentTitle, fileIsBehind } from '../../renderer/features/files/title';

const summary = { title: 'Acuerdo', terms: 6, stages: 6, versions: 1 };
const hour = 3600_000;

describe('backup ids and rotation', () => {
  it('names a backup by its UTC time and reason, and reads it back', () => {
    const id = backupId(new Date('2026-11-30T10:00:00.123Z'), 'quit');
    expect(id).toBe('20261130T100000123Z-quit');
    expect(parseBackupId(id)).toEqual({ createdAt: '2026-11-30T10:00:00.123Z', reason: 'quit' });
    expect(parseBackupId('../../seal-key')).toBeNull();
    expect(parseBackupId('20261130T100000123Z-other')).toBeNull();
  });

  it('keeps the 10 newest and the newest of each earlier day, for 30 days', () => {
    const start = Date.parse('2026-01-01T08:00:00Z');
    // Three backups a day for 60 days.
    const ids = Array.from({ length: 180 }, (_, i) => backupId(new Date(start + Math.floor(i / 3) * 24 * hour + (i % 3) * hour), 'timer'));
    const deleted = new Set(backupsToDelete(ids));
    const kept = ids
      .filter((id) => !deleted.has(id))
      .sort()
      .reverse();
    expect(kept).toHaveLength(MAX_BACKUPS_PER_WORKSHOP); // the latest 10 (4 days), then 30 earlier days, one each
    expect(kept.slice(0, KEEP_LATEST)).toEqual([...ids].sort().reverse().slice(0, KEEP_LATEST));
    const olderDays = kept.slice(KEEP_LATEST).map((id) => id.slice(0, 8));
    expect(new Set(olderDays).size).toBe(olderDays.length);
    expect(olderDays).toHaveLength(KEEP_DAYS);
    // Each day kept keeps its newest backup (the third of the day, 10:00).
    for (const id of kept.slice(KEEP_LATEST)) expect(id.slice(9, 13)).toBe('1000');
  });

  it('never deletes what is not a backup id, and nothing when there are few', () => {
    expect(backupsToDelete(['notes', 'x.pacto'])).toEqual([]);
    expect(backupsToDelete([backupId(new Date(), 'timer')])).toEqual([]);
  });
});

describe('backup store in the user-data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), 'pacto-backups-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes, lists newest first with summaries, reads back, and rotates to the bound', async () => {
    let now = Date.parse('2026-03-01T09:00:00Z');
    const store = createBackupStore(dir, nodeBackupFs, () => new Date(now));
    for (let i = 0; i < 45; i++) {
      now += 6 * hour;
      const result = await store.write({ workshopId: 'w-1', reason: 'timer', summary: { ...summary, terms: i }, bytes: new Uint8Array([i]) });
      expect(result.ok).toBe(true);
    }
    const listed = await store.list('w-1');
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.length).toBeLessThanOrEqual(MAX_BACKUPS_PER_WORKSHOP);
    expect(listed.value[0]).toMatchObject({ workshopId: 'w-1', reason: 'timer', bytes: 1, summary: { terms: 44 } });
    expect(fs.readdirSync(join(dir, 'w-1')).filter((n) => n.endsWith('.json'))).toHaveLength(listed.value.length);
    expect(await store.read({ workshopId: 'w-1', id: listed.value[0]!.id })).toEqual({ ok: true, value: new Uint8Array([44]) });
    expect(fs.readdirSync(join(dir, 'w-1')).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('gives two backups in the same millisecond different ids', async () => {
    const store = createBackupStore(dir, nodeBackupFs, () => new Date('2026-03-01T09:00:00Z'));
    const a = await store.write({ workshopId: 'w', reason: 'merge', summary, bytes: new Uint8Array([1]) });
    const b = await store.write({ workshopId: 'w', reason: 'merge', summary, bytes: new Uint8Array([2]) });
    expect(a.ok && b.ok && a.value.id !== b.value.id).toBe(true);
  });

  it('lists a backup whose summary is unreadable, and says not-found for one rotated away', async () => {
    const store = createBackupStore(dir, nodeBackupFs);
    const written = await store.write({ workshopId: 'w', reason: 'quit', summary, bytes: new Uint8Array([1]) });
    if (!written.ok) throw new Error(written.error.message);
    fs.writeFileSync(join(dir, 'w', `${written.value.id}.json`), '{broken');
    expect(await store.list('w')).toMatchObject({ ok: true, value: [{ id: written.value.id, summary: null }] });
    expect(await store.read({ workshopId: 'w', id: '20200101T000000000Z-timer' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await store.list('nobody')).toEqual({ ok: true, value: [] });
  });

  it('never builds a path outside the workshop’s folder', async () => {
    const store = createBackupStore(dir, nodeBackupFs);
    expect(await store.read({ workshopId: '..', id: '20200101T000000000Z-timer' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await store.read({ workshopId: 'w', id: '../../seal-key' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await store.write({ workshopId: '../x', reason: 'timer', summary, bytes: new Uint8Array() })).toMatchObject({ ok: false });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('recent files', () => {
  it('moves a reopened file to the front and keeps at most 10', () => {
    let list = parseRecentFiles(null);
    for (let i = 0; i < 12; i++) list = withRecent(list, `/docs/t${i}.pacto`, new Date(Date.UTC(2026, 0, 1, i)));
    list = withRecent(list, '/docs/t5.pacto', new Date(Date.UTC(2026, 0, 2)));
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]).toEqual({ path: '/docs/t5.pacto', name: 't5.pacto', openedAt: '2026-01-02T00:00:00.000Z' });
    expect(list.filter((f) => f.path === '/docs/t5.pacto')).toHaveLength(1);
    expect(withRecent([], 'C:\\Users\\ana\\Acuerdo.pacto', new Date())[0]!.name).toBe('Acuerdo.pacto');
  });

  it('reads a damaged list as empty, and tells the system and the menu of every change', () => {
    expect(parseRecentFiles('{not json')).toEqual([]);
    expect(parseRecentFiles('[{"path": 3}]')).toEqual([]);
    const written: string[] = [];
    const deps = {
      read: () => null,
      write: (t: string) => written.push(t),
      addRecentDocument: vi.fn(),
      clearRecentDocuments: vi.fn(),
      now: () => new Date(0),
      changed: vi.fn(),
    };
    const recent = createRecentFiles(deps);
    recent.add('/a/A.pacto');
    expect(deps.addRecentDocument).toHaveBeenCalledWith('/a/A.pacto');
    expect(JSON.parse(written.at(-1)!)).toEqual([{ path: '/a/A.pacto', name: 'A.pacto', openedAt: '1970-01-01T00:00:00.000Z' }]);
    recent.clear();
    expect(deps.clearRecentDocuments).toHaveBeenCalled();
    expect(deps.changed).toHaveBeenLastCalledWith([]);
  });
});

describe('files the system asks to open', () => {
  it('takes the .pacto paths of a command line, absolute', () => {
    expect(pactoPathsFromArgv(['/opt/Pacto/pacto', '--inspect', '.', 'Acuerdo.pacto', '/tmp/B.PACTO', 'notes.txt'], '/home/ana')).toEqual([
      '/home/ana/Acuerdo.pacto',
      '/tmp/B.PACTO',
    ]);
  });

  it('queues until the renderer listens, then delivers at once; queues again after a reload', () => {
    const delivered: string[] = [];
    const queue = createOpenQueue((p) => delivered.push(p));
    queue.push('/a.pacto');
    queue.push('/a.pacto');
    expect(delivered).toEqual([]);
    expect(queue.drain()).toEqual(['/a.pacto']);
    queue.push('/b.pacto');
    expect(delivered).toEqual(['/b.pacto']);
    queue.reset();
    queue.push('/c.pacto');
    expect(queue.drain()).toEqual(['/c.pacto']);
  });
});

describe('the last backup before closing', () => {
  function guard(request = () => true) {
    const timers: (() => void)[] = [];
    const g = createCloseGuard({ request, setTimer: (run) => timers.push(run), clearTimer: vi.fn() }, 1000);
    return { g, timers };
  }

  it('holds the first close until the renderer is ready, then lets every close pass', () => {
    const { g } = guard();
    const proceed = vi.fn();
    expect(g.intercept(proceed)).toBe(true);
    expect(g.intercept(proceed)).toBe(true); // before-quit and close both waiting
    g.ready();
    expect(proceed).toHaveBeenCalledTimes(2);
    expect(g.intercept(vi.fn())).toBe(false);
    g.rearm();
    expect(g.intercept(vi.fn())).toBe(true);
  });

  it('goes on when the renderer does not answer in time, or when there is none to ask', () => {
    const { g, timers } = guard();
    const proceed = vi.fn();
    g.intercept(proceed);
    timers[0]!();
    expect(proceed).toHaveBeenCalledOnce();
    const none = guard(() => false).g;
    expect(none.intercept(vi.fn())).toBe(false);
  });
});

describe('window title', () => {
  it('names the file and marks it when the file is behind the workshop', () => {
    const link = { path: '/a/Acuerdo 2027.pacto', name: 'Acuerdo 2027.pacto', at: '', fingerprint: 'A' };
    expect(fileIsBehind(link, 'A')).toBe(false);
    expect(fileIsBehind(link, 'B')).toBe(true);
    expect(fileIsBehind({ ...link, fingerprint: null }, 'B')).toBe(false);
    expect(fileIsBehind(null, 'B')).toBe(false);
    expect(documentTitle({ workshopTitle: 'Acuerdo', fileName: 'Acuerdo 2027.pacto', edited: true })).toBe('• Acuerdo 2027.pacto — Pacto');
    expect(documentTitle({ workshopTitle: 'Acuerdo', fileName: 'Acuerdo 2027.pacto', edited: false })).toBe('Acuerdo 2027.pacto — Pacto');
    expect(documentTitle({ workshopTitle: 'Acuerdo', fileName: null, edited: false })).toBe('Acuerdo — Pacto');
    expect(documentTitle(null)).toBe('Pacto');
  });
});
