/**
 * The suggested file names (shared/file/file-name.ts): forbidden characters
 * replaced, at most MAX_FILE_NAME_BYTES UTF-8 bytes cut at a whole
 * character, the version suffix and the extension always kept; and the two
 * names built on it (the agreement PDF's and the workshop file's).
 */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_BYTES, isSafeFileName, safeFileName } from '../../shared/file/file-name';
import { exportPdfRequestSchema, pactoFileNameSchema, saveFileRequestSchema } from '../../shared/bridge/contract';
import { suggestedFileName } from '../../renderer/features/agreement/actions';
import { fileNameFor } from '../../renderer/features/files/actions';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import type { AgreementSnapshot } from '../../shared/agreement/version';

const bytes = (s: string) => new TextEncoder().encode(s).byteLength;

describe('isSafeFileName, the rule the main process checks suggested names with', () => {
  const hostile = ['../../.bashrc', 'C:\\Windows\\evil', 'Acme: "Q1"/<2027>|final?*', 'Plan\u0007\u001b', '🙂'.repeat(80), 'Ñandú '.repeat(60), ''];

  it('accepts every name safeFileName makes, whatever was typed, and the contract schemas accept them too', () => {
    for (const typed of hostile) {
      const pdf = safeFileName(['Nubecom', typed], 'pdf', { suffix: ' - v12' });
      const pacto = safeFileName([typed], 'pacto');
      const svg = safeFileName([typed], 'svg', { fallback: 'funnel' });
      expect([isSafeFileName(pdf, 'pdf'), isSafeFileName(pacto, 'pacto'), isSafeFileName(svg)]).toEqual([true, true, true]);
      expect(pactoFileNameSchema.safeParse(pacto).success).toBe(true);
      expect(exportPdfRequestSchema.shape.suggestedName.safeParse(pdf).success).toBe(true);
    }
  });

  it('refuses folders, characters no system allows, a wrong or missing extension, an empty name and more than the byte limit', () => {
    expect(isSafeFileName('../Acuerdo.pdf', 'pdf')).toBe(false);
    expect(isSafeFileName('C:\\Acuerdo.pdf', 'pdf')).toBe(false);
    expect(isSafeFileName('Acuerdo\u0007.pdf', 'pdf')).toBe(false);
    expect(isSafeFileName('Acuerdo.exe', 'pdf')).toBe(false);
    expect(isSafeFileName('Acuerdo', 'pdf')).toBe(false);
    expect(isSafeFileName('  .pdf', 'pdf')).toBe(false);
    expect(isSafeFileName('Acuerdo.PDF', 'pdf')).toBe(true);
    expect(isSafeFileName('Embudo.sv g')).toBe(false);
    const long = `${'ñ'.repeat((MAX_FILE_NAME_BYTES - 4) / 2)}.pdf`;
    expect([bytes(long), isSafeFileName(long, 'pdf')]).toEqual([MAX_FILE_NAME_BYTES, true]);
    expect(isSafeFileName(`ñ${long}`, 'pdf')).toBe(false);
    expect(saveFileRequestSchema.safeParse({ suggestedName: '../Embudo.svg', mimeType: 'image/svg+xml', data: new Uint8Array(1) }).success).toBe(false);
  });
});

describe('safeFileName', () => {
  it('replaces what no system allows in a name and joins the parts', () => {
    expect(safeFileName(['Acme: "Q1"/Q2', 'Plan\u0007 <2027>|final?'], 'pdf', { suffix: ' - v2' })).toBe('Acme Q1 Q2 - Plan 2027 final - v2.pdf');
  });

  it('leaves out empty parts and falls back when nothing is left', () => {
    expect(safeFileName(['', 'Acuerdo'], 'pacto')).toBe('Acuerdo.pacto');
    expect(safeFileName(['  ', '///'], 'pacto')).toBe('Pacto.pacto');
  });

  it('cuts a long name at a whole character, keeping the version and the extension', () => {
    const title = 'Acuerdo de colaboración entre Marketing y Ventas '.repeat(8);
    const name = safeFileName(['Cifras Dobles S.L.', title], 'pdf', { suffix: ' - v12' });
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(bytes(name)).toBeGreaterThan(MAX_FILE_NAME_BYTES - 4);
    expect(name).toMatch(/^Cifras Dobles S\.L\. - Acuerdo de colaboración .*\S - v12\.pdf$/);
  });

  it('never splits a multi-byte character or an emoji', () => {
    for (const text of ['日本語の合意'.repeat(40), '🤝'.repeat(120), 'ñ'.repeat(300)]) {
      const name = safeFileName([text], 'pacto');
      expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
      expect(name).not.toContain('\uFFFD');
      // Whole characters of the original, in order: the name is a prefix of it.
      expect(text.startsWith(name.slice(0, -'.pacto'.length))).toBe(true);
      expect(name.endsWith('.pacto')).toBe(true);
    }
  });
});

describe('the names Pacto suggests', () => {
  it('the agreement PDF keeps its version number however long the title', () => {
    const content = sampleWorkshop('2026-11-30');
    const snapshot = (title: string, version: number) =>
      ({ version, content: { ...content, meta: { ...content.meta, title } } }) as unknown as AgreementSnapshot;
    expect(suggestedFileName(snapshot('Acuerdo 2027', 3))).toBe(`${content.meta.company} - Acuerdo 2027 - v3.pdf`);
    const long = 'Acuerdo de colaboración entre Marketing y Ventas '.repeat(4).slice(0, 200);
    const [v1, v2] = [suggestedFileName(snapshot(long, 1)), suggestedFileName(snapshot(long, 2))];
    expect(v1).toMatch(/ - v1\.pdf$/);
    expect(v2).toMatch(/ - v2\.pdf$/);
    expect(bytes(v2)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
  });

  it('the workshop file is the title, cut to the bound', () => {
    expect(fileNameFor('Taller: Q1 / 2027')).toBe('Taller Q1 2027.pacto');
    expect(bytes(fileNameFor('ü'.repeat(200)))).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
  });
});
