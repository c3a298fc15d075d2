// Writing `pacto export --out DIR` files: missing folders are created one at
// a time from the nearest existing one, and a folder that cannot be made
// (under /proc, under a file, in a folder not writable) fails at once with
// the folder named, instead of Node's recursive mkdir spinning forever.
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileCreatingFolders, type WriteFs } from '../../electron/cli/write';

const dir = mkdtempSync(join(tmpdir(), 'pacto-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = new TextEncoder().encode('stage\n');

describe('writeFileCreatingFolders', () => {
  it('creates the missing folders and writes the file', () => {
    const path = join(dir, 'a', 'b', 'c', 'pacto-stages.csv');
    writeFileCreatingFolders(path, data);
    expect(readFileSync(path, 'utf8')).toBe('stage\n');
  });

  it.runIf(process.platform === 'linux')('fails at once under /proc, where Node’s recursive mkdir never returns', () => {
    const mkdirs: string[] = [];
    const spy: WriteFs = { ...fs, mkdirSync: ((p: string) => (mkdirs.push(p), fs.mkdirSync(p))) as WriteFs['mkdirSync'] };
    expect(() => writeFileCreatingFolders('/proc/nope/deeper/pacto-stages.csv', data, spy)).toThrow(
      expect.objectContaining({ code: 'ENOENT', message: 'The folder /proc/nope cannot be created (ENOENT).' }),
    );
    expect(mkdirs).toEqual(['/proc/nope']);
  });

  it('says the nearest existing path is not a folder, or cannot be written in, and creates nothing', () => {
    writeFileSync(join(dir, 'plain'), '');
    expect(() => writeFileCreatingFolders(join(dir, 'plain', 'x', 'f.csv'), data)).toThrow(
      expect.objectContaining({ code: 'ENOTDIR', message: expect.stringContaining(`${join(dir, 'plain')} is not a folder`) }),
    );
    const mkdirs: string[] = [];
    const readOnly: WriteFs = {
      ...fs,
      accessSync: () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
      mkdirSync: ((p: string) => (mkdirs.push(p), undefined)) as WriteFs['mkdirSync'],
    };
    expect(() => writeFileCreatingFolders(join(dir, 'ro', 'f.csv'), data, readOnly)).toThrow(
      expect.objectContaining({ code: 'EACCES', message: `The folder ${dir} cannot be written in, so ${join(dir, 'ro')} cannot be created.` }),
    );
    expect(mkdirs).toEqual([]);
  });
});
