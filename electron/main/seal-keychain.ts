/**
 * The OS keychain for the seal key (electron/seal/key.ts `KeyProtection`),
 * from Electron's `safeStorage` (injected, so it is tested without
 * Electron). `available` is false where safeStorage has no real keychain:
 * when it reports encryption unavailable, and on Linux when its backend is
 * `basic_text` (no secret service: Electron would encrypt with a fixed
 * password, which protects nothing). The key is then stored with
 * `file-permissions` protection only (docs/verification.md).
 */
import type { SafeStorage } from 'electron';
import type { KeyProtection } from '../seal/key';

/** {@link KeyProtection} on `safeStorage`, on `platform` (`process.platform`). */
export function safeStorageProtection(
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>,
  platform: NodeJS.Platform,
): KeyProtection {
  return {
    async available() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
    },
    encrypt: async (plain) => new Uint8Array(await safeStorage.encryptStringAsync(plain)),
    decrypt: async (cipher) => (await safeStorage.decryptStringAsync(Buffer.from(cipher))).result,
  };
}
