import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../electron/cli/main';
import { formatFingerprint } from '../../shared/agreement/fingerprint';
import { runVerify, VERIFY_EXIT } from '../../electron/cli/verify';
import { agreementPdf, indexOf, sampleVersion, textPdf, fakeVerifyIo } from './seal-fixture';

const fakeIo = fakeVerifyIo;

let files: Record<string, Uint8Array>;
beforeAll(async () => {
  const { bytes } = await agreementPdf();
  const altered = new Uint8Array(bytes);
  altered[indexOf(bytes, 'delivers')] = 'D'.charCodeAt(0);
  files = { 'ok.pdf': bytes, 'altered.pdf': altered, 'letter.pdf': await textPdf(['A letter.']), 'notes.txt': new TextEncoder().encode('hello') };
});

describe('pacto verify', () => {
  it('--json reports status, fingerprint, version and signatories; exit 0 when intact', async () => {
    const t = fakeIo(files);
    expect(await runVerify(['ok.pdf', '--json'], t.io)).toBe(0);
    const report = JSON.parse(t.out());
    expect(report).toMatchObject({ file: 'ok.pdf', status: 'intact', fingerprint: sampleVersion().fingerprint, version: 2 });
    expect(report.signatories.map((s: { name: string; signed: boolean }) => [s.name, s.signed])).toEqual([
      ['Lucía Fernández Ortega', true],
      ['Jorge Ibáñez Muñoz', true],
    ]);
    expect(t.err()).toBe('');
  });

  it('prints a readable summary with the grouped fingerprint', async () => {
    const t = fakeIo(files);
    expect(await runVerify(['ok.pdf'], t.io)).toBe(0);
    expect(t.out()).toMatch(/^INTACT/);
    expect(t.out()).toContain(formatFingerprint(sampleVersion().fingerprint));
    expect(t.out()).toContain('integrity, not identity');
    expect(t.out()).toContain('Jorge Ibáñez Muñoz, Director Comercial (sales): signed 2026-11-30T11:06:00-06:00 America/Mexico_City');
  });

  it('exits non-zero for altered and not-Pacto files, naming what is wrong', async () => {
    const altered = fakeIo(files);
    expect(await runVerify(['altered.pdf'], altered.io)).toBe(VERIFY_EXIT.altered);
    expect(altered.out()).toMatch(/^ALTERED/);
    expect(altered.out()).toContain('[seal-broken]');

    for (const name of ['letter.pdf', 'notes.txt']) {
      const t = fakeIo(files);
      expect(await runVerify([name, '--json'], t.io)).toBe(VERIFY_EXIT['not-pacto']);
      expect(JSON.parse(t.out()).status).toBe('not-pacto');
    }
    expect(VERIFY_EXIT.altered).not.toBe(0);
    expect(VERIFY_EXIT['not-pacto']).not.toBe(0);
  });

  it('explains usage errors and unreadable files on stderr', async () => {
    const none = fakeIo(files);
    expect(await runVerify([], none.io)).toBe(64);
    expect(none.err()).toContain('no file given');
    const bad = fakeIo(files);
    expect(await runVerify(['ok.pdf', '--yaml'], bad.io)).toBe(64);
    expect(bad.err()).toContain('unknown option --yaml');
    const missing = fakeIo(files);
    expect(await runVerify(['missing.pdf'], missing.io)).toBe(66);
    expect(missing.err()).toBe('pacto verify: cannot read missing.pdf: no such file\n');
    const help = fakeIo(files);
    expect(await runVerify(['--help'], help.io)).toBe(0);
    expect(help.out()).toContain('Usage: pacto verify <file.pdf> [--workshop <file.pacto>] [--json]');
  });
});

describe('npx pacto verify (spawned, as a user runs it)', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pacto-verify-'));
    await writeFile(join(dir, 'acuerdo.pdf'), files['ok.pdf']!);
    await writeFile(join(dir, 'acuerdo-editado.pdf'), files['altered.pdf']!);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('says intact with exit 0, and altered with exit 1', () => {
    const ok = spawnSync('npx', ['--no-install', 'pacto', 'verify', join(dir, 'acuerdo.pdf'), '--json'], { cwd: root, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'intact', fingerprint: sampleVersion().fingerprint, version: 2 });
    const bad = spawnSync(process.execPath, ['electron/cli/pacto.mjs', 'verify', join(dir, 'acuerdo-editado.pdf')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^ALTERED/);
  }, 60_000);

  it('is reachable through the entry in-process, which lists it in its usage', async () => {
    const t = fakeIo(files);
    expect(await runCli(['verify', 'letter.pdf'], t.io)).toBe(VERIFY_EXIT['not-pacto']);
    const help = fakeIo(files);
    expect(await runCli(['help'], help.io)).toBe(0);
    expect(help.out()).toContain('pacto verify <file.pdf> [--workshop <file.pacto>] [--json]');
  });
});
