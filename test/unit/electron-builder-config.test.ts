// electron-builder.yml cannot be exercised here (packaging needs the Electron
// binary), so it is loaded and validated with electron-builder's own config
// loader and JSON-schema validator (app-builder-lib, pinned through
// electron-builder), then checked for the targets, fuses and resources Pacto needs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
let config: Configuration;

/** Target names of a platform section, whatever shape electron-builder allows there. */
function targetNames(section: { target?: unknown } | null | undefined): string[] {
  const targets = section?.target;
  const list = Array.isArray(targets) ? targets : [targets];
  return list.map((target) => (typeof target === 'string' ? target : (target as { target: string }).target));
}

beforeAll(async () => {
  config = await getConfig(root, resolve(root, 'electron-builder.yml'), null);
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // Loading electron-builder's schema takes seconds on a busy machine: not a speed check.
  }, 60_000);

  it('names the app and packs only the built output into an asar', () => {
    expect(config.appId).toBe('app.pacto.desktop');
    expect(config.productName).toBe('Pacto');
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' });
    expect(config.asar).toBe(true);
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }]);
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('builds NSIS for Windows, a dmg for macOS, AppImage and deb for Linux', () => {
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(targetNames(config.linux)).toEqual(['AppImage', 'deb']);
    expect(config.mac?.category).toBe('public.app-category.business');
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+\.[a-z]+>$/);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has a 512×512 PNG icon in the build resources', () => {
    for (const section of [config.win, config.mac, config.linux]) expect(section?.icon).toBe('icon.png');
    const png = readFileSync(resolve(root, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('signs macOS builds with the hardened runtime and only the JIT entitlement', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    const plist = readFileSync(resolve(root, config.mac!.entitlements!), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('associates .pacto files on Windows, macOS and Linux, with the per-machine NSIS install associations need', () => {
    const associations = Array.isArray(config.fileAssociations) ? config.fileAssociations : [config.fileAssociations];
    expect(associations).toEqual([
      expect.objectContaining({ ext: 'pacto', name: 'Pacto workshop', mimeType: 'application/vnd.pacto.workshop+json', role: 'Editor', rank: 'Owner' }),
    ]);
    expect(associations[0]!.description).toMatch(/\S/);
    expect(config.nsis?.perMachine).toBe(true);
  });
});
