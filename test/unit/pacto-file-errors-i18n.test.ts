/**
 * Every `.pacto` error has its words in Spanish and English: each decode
 * error code, each damaged part and each import error resolves to a string
 * in both languages (not to its key), with its values filled in.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { es } from '../../renderer/i18n/es';
import { en } from '../../renderer/i18n/en';
import { fileErrorText, PactoImportError, type PactoImportErrorCode } from '../../renderer/data/pacto-file';
import type { PactoFileError, PactoFilePart } from '../../shared/file/pacto-file';

const PARTS: PactoFilePart[] = ['file', 'envelope', 'document', 'content', 'versions', 'signatures', 'audit'];
const IMPORT_CODES: PactoImportErrorCode[] = ['exists', 'not-found', 'too-new', 'damaged', 'migration-failed', 'version-conflict'];

const decodeErrors: PactoFileError[] = [
  { code: 'not-pacto', message: 'x' },
  { code: 'too-new', message: 'x', newer: 'format', version: 2 },
  { code: 'migration-failed', message: 'x' },
  { code: 'too-large', message: 'x', sizeBytes: 200 * 1024 * 1024, limitBytes: 64 * 1024 * 1024 },
  ...PARTS.map((part): PactoFileError => ({ code: 'damaged', part, message: 'x' })),
];

describe('.pacto error texts', () => {
  for (const [language, resources] of [['es', es], ['en', en]] as const) {
    it(`resolve in ${language} for every decode and import error`, async () => {
      const i18n = i18next.createInstance();
      await i18n.init({ lng: language, resources: { [language]: { translation: resources } }, interpolation: { escapeValue: false } });
      const errors = [...decodeErrors, ...IMPORT_CODES.map((code) => new PactoImportError(code, 'x', 3))];
      for (const error of errors) {
        const text = fileErrorText(error)!;
        expect(text, JSON.stringify(error)).not.toBeNull();
        const shown = i18n.t(text.key, text.values);
        expect(shown, text.key).not.toBe(text.key);
        expect(shown).not.toMatch(/\{\{/);
      }
      expect(i18n.t(fileErrorText(decodeErrors[3])!.key, fileErrorText(decodeErrors[3])!.values)).toMatch(/200 MB.*64 MB/);
      expect(i18n.t(fileErrorText(new PactoImportError('version-conflict', 'x', 2))!.key, { version: 2 })).toContain('2');
    });
  }

  it('has no key for an error that is not a file error', () => {
    expect(fileErrorText(new Error('QuotaExceededError'))).toBeNull();
  });
});
