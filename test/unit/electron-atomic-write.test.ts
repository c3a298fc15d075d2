import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryPathFor, writeFileAtomic, writeFileAtomicSync, type AtomicFs, type AtomicFsSync } from '../../electron/main/atomic-write';

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await fsp.mkdtemp(join(tmpdir(), 'pacto-atomic-'));
  target = join(dir, 'Acuerdo marketing–ventas.pdf');
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

function failure(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('temporaryPathFor', () => {
  it('is a new hidden name in the same folder each time', () => {
    const first = temporaryPathFor(target);
    const second = temporaryPathFor(target);
    expect(dirname(first)).toBe(dir);
    expect(first).not.toBe(second);
    expect(first).not.toBe(target);
    expect(first.split('/').pop()).toMatch(/^\.Acuerdo marketing–ventas\.pdf\.[0-9a-f]{12}\.tmp$/);
  });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves nothing else behind', async () => {
    await writeFileAtomic(target, new Uint8Array([37, 80, 68, 70]));
    expect(await fsp.readFile(target)).toEqual(Buffer.from('%PDF'));
    expect(await fsp.readdir(dir)).toEqual(['Acuerdo marketing–ventas.pdf']);
  });

  it('replaces an existing file', async () => {
    await fsp.writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await fsp.readFile(target, 'utf8')).toBe('new');
  });

  it('keeps the old file and removes the temporary one when the rename fails', async () => {
    await fsp.writeFile(target, 'old');
    const failingRename: AtomicFs = { open: fsp.open, rm: fsp.rm, rename: () => Promise.reject(failure('EPERM')) };
    await expect(writeFileAtomic(target, 'new', failingRename)).rejects.toThrow(/EPERM/);
    expect(await fsp.readFile(target, 'utf8')).toBe('old');
    expect(await fsp.readdir(dir)).toEqual(['Acuerdo marketing–ventas.pdf']);
  });

  it('keeps the old file when the disk is full mid-write', async () => {
    await fsp.writeFile(target, 'old');
    const fullDisk: AtomicFs = {
      rename: fsp.rename,
      rm: fsp.rm,
      open: async (path, flags) => {
        const handle = await fsp.open(path, flags);
        return {
          writeFile: async () => {
            await handle.writeFile('partial');
            throw failure('ENOSPC');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeFileAtomic(target, 'new', fullDisk)).rejects.toThrow(/ENOSPC/);
    expect(await fsp.readFile(target, 'utf8')).toBe('old');
    expect(await fsp.readdir(dir)).toEqual(['Acuerdo marketing–ventas.pdf']);
  });

  it('fails with the file system error when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.pdf'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('writeFileAtomicSync', () => {
  it('writes and replaces', () => {
    writeFileAtomicSync(target, 'one');
    writeFileAtomicSync(target, 'two');
    expect(fs.readFileSync(target, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir)).toEqual(['Acuerdo marketing–ventas.pdf']);
  });

  it('keeps the old file and removes the temporary one when the rename fails', () => {
    fs.writeFileSync(target, 'old');
    const failingRename: AtomicFsSync = {
      openSync: fs.openSync,
      writeFileSync: fs.writeFileSync,
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      rmSync: fs.rmSync,
      renameSync: () => {
        throw failure('EXDEV');
      },
    };
    expect(() => writeFileAtomicSync(target, 'new', failingRename)).toThrow(/EXDEV/);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['Acuerdo marketing–ventas.pdf']);
  });
});
