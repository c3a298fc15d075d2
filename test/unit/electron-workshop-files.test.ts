// Opening and saving .pacto files in the main process (electron/main/workshop-files.ts)
// with the real atomic write on a temporary folder: the dialogs are injected, and
// a full disk or a folder Pacto may not write to is simulated at the file system,
// so the test also proves the old file stays whole and no temporary file is left.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, type AtomicFs } from '../../electron/main/atomic-write';
import { createWorkshopFiles, writeErrorCode, type WorkshopFilesDeps } from '../../electron/main/workshop-files';
import { MAX_PACTO_FILE_BYTES } from '../../shared/bridge/contract';
import { PACTO_FILE_MAX_BYTES } from '../../shared/file/pacto-file';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'pacto-files-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** An fs for writeFileAtomic whose writes fail with `code` (after creating the temporary file, as a full disk does). */
function failingFs(code: string): AtomicFs {
  return {
    open: async (path, flags) => {
      const handle = await fsp.open(path, flags);
      return {
        writeFile: async () => {
          throw Object.assign(new Error(`${code}: simulated`), { code });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
    rename: fsp.rename,
    rm: fsp.rm,
  };
}

function deps(overrides: Partial<WorkshopFilesDeps> = {}): WorkshopFilesDeps & { remembered: string[] } {
  const remembered: string[] = [];
  return {
    remembered,
    openDialog: vi.fn(async () => join(dir, 'Acuerdo 2027.pacto')),
    saveDialog: vi.fn(async (name: string) => join(dir, name)),
    size: async (path) => (await fsp.stat(path)).size,
    readFile: async (path) => new Uint8Array(await fsp.readFile(path)),
    writeFile: (path, data) => writeFileAtomic(path, data),
    remember: async (path) => {
      remembered.push(path);
    },
    ...overrides,
  };
}

describe('opening a workshop file', () => {
  it('reads the file chosen in the dialog and remembers it', async () => {
    fs.writeFileSync(join(dir, 'Acuerdo 2027.pacto'), '{"format":"pacto-workshop"}');
    const d = deps();
    const result = await createWorkshopFiles(d).open({});
    expect(result).toMatchObject({ ok: true, value: { path: join(dir, 'Acuerdo 2027.pacto'), name: 'Acuerdo 2027.pacto' } });
    expect(d.remembered).toEqual([join(dir, 'Acuerdo 2027.pacto')]);
  });

  it('says cancelled when the dialog is closed, not-found for a file that is gone, not-pacto-name for another kind of file', async () => {
    const files = createWorkshopFiles(deps({ openDialog: async () => null }));
    expect(await files.open({})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await files.open({ path: join(dir, 'gone.pacto') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    fs.writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(await files.open({ path: join(dir, 'notes.txt') })).toMatchObject({ ok: false, error: { code: 'not-pacto-name' } });
  });

  it('names the file an error is about, also when it was chosen in the dialog (the message shows its name)', async () => {
    fs.writeFileSync(join(dir, 'notes.txt'), 'x');
    const files = createWorkshopFiles(deps({ openDialog: async () => join(dir, 'notes.txt') }));
    expect(await files.open({})).toMatchObject({ ok: false, error: { code: 'not-pacto-name', path: join(dir, 'notes.txt') } });
    const huge = createWorkshopFiles(deps({ openDialog: async () => join(dir, 'huge.pacto'), size: async () => 200 * 1024 * 1024 }));
    expect(await huge.open({})).toMatchObject({ ok: false, error: { code: 'too-large', path: join(dir, 'huge.pacto') } });
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const readFile = vi.fn();
    const files = createWorkshopFiles(deps({ size: async () => 200 * 1024 * 1024, readFile }));
    const result = await files.open({ path: join(dir, 'huge.pacto') });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringContaining('200 MB') } });
    expect(readFile).not.toHaveBeenCalled();
  });

  it('uses the format’s own size limit', () => {
    expect(MAX_PACTO_FILE_BYTES).toBe(PACTO_FILE_MAX_BYTES);
  });
});

describe('saving a workshop file', () => {
  it('asks where the first time, then saves over the same file without asking', async () => {
    const d = deps();
    const files = createWorkshopFiles(d);
    const first = await files.save({ mode: 'save', suggestedName: 'Acuerdo 2027.pacto', path: null, bytes: bytes('one') });
    const path = join(dir, 'Acuerdo 2027.pacto');
    expect(first).toEqual({ ok: true, value: { path, name: 'Acuerdo 2027.pacto', bytes: 3 } });
    const again = await files.save({ mode: 'save', suggestedName: 'Acuerdo 2027.pacto', path, bytes: bytes('two') });
    expect(again.ok).toBe(true);
    expect(d.saveDialog).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(path, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir)).toEqual(['Acuerdo 2027.pacto']); // no temporary or .bkp file left beside it
  });

  it('asks before writing over a path Pacto was never given (a renderer cannot pick where to write)', async () => {
    const d = deps({ saveDialog: vi.fn(async () => null) });
    const result = await createWorkshopFiles(d).save({ mode: 'save', suggestedName: 'A.pacto', path: '/etc/passwd.pacto', bytes: bytes('x') });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(d.saveDialog).toHaveBeenCalledWith('A.pacto', 'save');
  });

  it('adds .pacto to a name chosen without it; a copy is not linked for later saves', async () => {
    const d = deps({ saveDialog: vi.fn(async () => join(dir, 'Copia')) });
    const files = createWorkshopFiles(d);
    const copy = await files.save({ mode: 'copy', suggestedName: 'A.pacto', path: null, bytes: bytes('c') });
    expect(copy).toMatchObject({ ok: true, value: { path: join(dir, 'Copia.pacto') } });
    expect(d.saveDialog).toHaveBeenCalledWith('A.pacto', 'copy');
    expect(files.mayWrite(join(dir, 'Copia.pacto'))).toBe(false);
  });

  it.each([
    ['ENOSPC', 'disk-full', 'the disk is full'],
    ['EDQUOT', 'disk-full', 'the disk is full'],
    ['EACCES', 'not-writable', 'may not write there'],
    ['EPERM', 'not-writable', 'may not write there'],
    ['EROFS', 'not-writable', 'may not write there'],
  ])('%s while saving → %s, with the old file intact and nothing left behind', async (code, expected, words) => {
    const path = join(dir, 'Acuerdo 2027.pacto');
    fs.writeFileSync(path, 'the old file');
    const files = createWorkshopFiles(deps({ writeFile: (p, data) => writeFileAtomic(p, data, failingFs(code)) }));
    files.grant(path);
    const result = await files.save({ mode: 'save', suggestedName: 'Acuerdo 2027.pacto', path, bytes: bytes('new content') });
    expect(result).toMatchObject({ ok: false, error: { code: expected, message: expect.stringContaining(words) } });
    if (!result.ok) expect(result.error.message).toContain('unchanged');
    expect(fs.readFileSync(path, 'utf8')).toBe('the old file');
    expect(fs.readdirSync(dir)).toEqual(['Acuerdo 2027.pacto']);
  });

  it('says the folder does not exist when it was removed meanwhile', async () => {
    const files = createWorkshopFiles(deps({ saveDialog: async () => join(dir, 'gone', 'A.pacto') }));
    const result = await files.save({ mode: 'save-as', suggestedName: 'A.pacto', path: null, bytes: bytes('x') });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('maps other errors to io', () => {
    expect(writeErrorCode(Object.assign(new Error('x'), { code: 'EIO' }))).toBe('io');
    expect(writeErrorCode('weird')).toBe('io');
  });
});
