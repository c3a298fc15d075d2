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
import { decodePactoFile, type PactoFileError, type PactoFilePart } from '../../shared/file/pacto-file';

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
  for (const [language, resources] of [
    ['es', es],
    ['en', en],
  ] as const) {
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

  it('says what a file that is not a workshop is instead, as precisely as the CLI (empty, PDF, ZIP, not text, not JSON, other JSON)', async () => {
    const enc = (text: string) => new TextEncoder().encode(text);
    const files: [Uint8Array, RegExp, RegExp][] = [
      [new Uint8Array(), /está vacío/, /is empty/],
      [enc('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /documento PDF/, /PDF document/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /ZIP/, /ZIP/],
      [new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0]), /no es texto/, /not text/],
      [enc('name,stage\nAcme,MQL\n'), /es texto/, /is text/],
      [enc('{"format":"other-app"}'), /JSON.*otro programa/, /JSON.*another program/],
    ];
    for (const [language, resources, at] of [
      ['es', es, 1],
      ['en', en, 2],
    ] as const) {
      const i18n = i18next.createInstance();
      await i18n.init({ lng: language, resources: { [language]: { translation: resources } }, interpolation: { escapeValue: false } });
      for (const file of files) {
        const decoded = decodePactoFile(file[0]);
        if (decoded.ok) throw new Error('decoded a file that is not a workshop');
        const text = fileErrorText(decoded.error)!;
        expect(i18n.t(text.key, text.values), decoded.error.message).toMatch(file[at]);
      }
    }
  });

  it('has no key for an error that is not a file error', () => {
    expect(fileErrorText(new Error('QuotaExceededError'))).toBeNull();
  });
});
