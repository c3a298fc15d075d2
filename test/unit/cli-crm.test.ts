// The CRM side of the command line: `pacto actuals` on Excel workbooks
// (first worksheet, --sheet, bad workbooks) and `pacto export` of a .pacto
// file in every format, in-process through runCli with files in memory, and
// once spawned for real to prove the launcher writes the files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { freezeVersion } from '../../shared/agreement/version';
import { handbackFiles } from '../../shared/crm/handback';
import { initWorkshopDoc, readWorkshop } from '../../shared/domain/workshop-doc';
import { encodePactoFile } from '../../shared/file/pacto-file';
import { importActuals } from '../../shared/import/actuals';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { csvToSheet, csvToWorkbook, encryptedWorkbook, withChartSheet, workbookBytes } from '../fixtures/workbooks';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

async function run(args: string[], files: Record<string, Uint8Array> = {}) {
  let out = '';
  let err = '';
  const written: Record<string, Uint8Array> = {};
  const code = runCli(args, {
    readBytes: (path) => {
      const f = files[path];
      if (f !== undefined) return f;
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    },
    writeBytes: (path, data) => {
      if (path.startsWith('/readonly/')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      written[path] = data;
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code: await code, out, err, written };
}

describe('pacto actuals on workbooks', () => {
  const hubspot = fixture('hubspot-contacts-2025.csv');
  const book = workbookBytes({ Notes: csvToSheet('Note\nExported on Monday\n'), Contacts: csvToSheet(hubspot) });

  it('reads an .xlsx like its CSV (same JSON figures), from the first worksheet', async () => {
    const r = await run(['actuals', 'contacts.xlsx', '--json'], { 'contacts.xlsx': withChartSheet(csvToWorkbook(hubspot)) });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ReturnType<typeof importActuals>;
    const csv = importActuals(hubspot);
    expect(json.stages).toEqual(csv.stages);
    expect(json.cohorts).toEqual(csv.cohorts);
    expect(json.dialect.sheet).toBe('Export');
  });

  it('--sheet picks a sheet; the text report names it', async () => {
    const r = await run(['actuals', 'book.xlsx', '--sheet', 'Contacts'], { 'book.xlsx': book });
    expect(r.code).toBe(0);
    expect(r.out).toContain('book.xlsx: HubSpot contacts export · 1,600 rows read, 1,600 counted');
    expect(r.out).toContain('Read from sheet "Contacts" (Excel cells)');
  });

  it('a legacy .xls reads too', async () => {
    const r = await run(['actuals', 'deals.xls', '--json'], { 'deals.xls': csvToWorkbook(fixture('pipedrive-deals-2025.csv'), { bookType: 'xls' }) });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ReturnType<typeof importActuals>;
    // 4 won of 7 closed (see import-crm-deals.test.ts).
    expect([json.format, json.won, json.closed, json.lost]).toEqual(['pipedrive', 4, 7, 3]);
  });

  it('a deal export prints lost deals, days to close and the stage reached', async () => {
    const r = await run(['actuals', 'zoho.csv'], { 'zoho.csv': new TextEncoder().encode(fixture('zoho-deals-2025.csv')) });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Zoho CRM deals export');
    expect(r.out).toContain('60.0 % (3 won of 5 closed, 2 lost)');
    expect(r.out).toContain('Median days created → closed (won and lost): 29.5');
    expect(r.out).toMatch(/Closed Won\s+3\s+3\s+0\s+0/);
  });

  it('exits 1 with the reason for a sheet that is not there, a password-protected workbook, or --sheet on a CSV', async () => {
    const missing = await run(['actuals', 'book.xlsx', '--sheet', 'Deals'], { 'book.xlsx': book });
    expect([missing.code, missing.out]).toEqual([1, expect.stringContaining('The workbook has no sheet named "Deals"; its sheets are: Notes, Contacts.')]);
    const locked = await run(['actuals', 'locked.xlsx'], { 'locked.xlsx': encryptedWorkbook() });
    expect([locked.code, locked.out]).toEqual([1, expect.stringContaining('password-protected')]);
    const csv = await run(['actuals', 'contacts.csv', '--sheet', 'X'], { 'contacts.csv': new TextEncoder().encode(hubspot) });
    expect([csv.code, csv.err]).toEqual([1, 'contacts.csv is a text (CSV) file, not a workbook: --sheet applies only to .xlsx and .xls files.\n']);
  });
});

function pactoFile(frozenTitle?: string) {
  const content = sampleWorkshop('2026-11-20');
  const versions = frozenTitle
    ? [freezeVersion('w-crm', 1, { ...content, meta: { ...content.meta, title: frozenTitle } }, new Date('2026-11-20T11:00:00Z'))]
    : [];
  const doc = new Y.Doc();
  initWorkshopDoc(doc, content);
  const bytes = encodePactoFile({
    workshopId: 'w-crm',
    yjsUpdate: Y.encodeStateAsUpdate(doc),
    content: readWorkshop(doc),
    versions,
    signatures: [],
    audit: [],
    appVersion: '0.1.0',
    createdAt: '2026-11-20T09:00:00Z',
    modifiedAt: '2026-11-20T12:00:00Z',
  });
  return { bytes, content: readWorkshop(doc) };
}

describe('pacto export', () => {
  const { bytes, content } = pactoFile();
  const files = { 'acuerdo.pacto': bytes };

  it('json prints the projection and md the readable summary', async () => {
    const json = await run(['export', 'acuerdo.pacto', '--format', 'json'], files);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(content);
    const md = await run(['export', 'acuerdo.pacto', '--format', 'md'], files);
    expect(md.code).toBe(0);
    expect(md.out).toContain('## Glosario');
    expect(md.out).toContain('### Lead calificado por marketing (MQL)');
    expect(md.out).toContain('## Embudo acordado');
  });

  it('hubspot, salesforce and csv write their files into --out, the same bytes the Export step saves', async () => {
    for (const format of ['hubspot', 'salesforce', 'csv'] as const) {
      const r = await run(['export', 'acuerdo.pacto', '--format', format, '--out', 'crm'], files);
      expect(r.code).toBe(0);
      const expected = handbackFiles(content, format);
      expect(Object.keys(r.written)).toEqual(expected.map((f) => `crm/${f.name}`));
      expected.forEach((f) => expect(r.written[`crm/${f.name}`]).toEqual(f.bytes));
      expect(r.out).toBe(expected.map((f) => `wrote crm/${f.name}\n`).join(''));
    }
  });

  it('refuses what it cannot use: exit 1 for a file that is not .pacto or cannot be written, 2 for usage', async () => {
    const notPacto = await run(['export', 'x.pacto', '--format', 'json'], { 'x.pacto': new TextEncoder().encode('%PDF-1.7 not a workshop') });
    expect(notPacto.code).toBe(1);
    expect(notPacto.err).toMatch(/^x\.pacto cannot be exported: /);
    const missing = await run(['export', 'none.pacto', '--format', 'md'], files);
    expect([missing.code, missing.err]).toEqual([1, 'Cannot read the workshop file none.pacto: no such file.\n']);
    const readonly = await run(['export', 'acuerdo.pacto', '--format', 'csv', '--out', '/readonly/crm'], files);
    expect(readonly.code).toBe(1);
    expect(readonly.err).toContain('Cannot write /readonly/crm/pacto-stages.csv (EACCES)');
    expect((await run(['export', 'acuerdo.pacto'], files)).code).toBe(2);
    const bad = await run(['export', 'acuerdo.pacto', '--format', 'pdf'], files);
    expect([bad.code, bad.err.split('\n')[0]]).toEqual([2, '--format must be one of hubspot, salesforce, csv, md, json, not pdf.']);
  });

  it('exports the latest frozen version, or the working copy with --draft', async () => {
    const frozen = { 'signed.pacto': pactoFile('Acuerdo firmado v1').bytes };
    expect((await run(['export', 'signed.pacto', '--format', 'md'], frozen)).out.split('\n')[0]).toBe('# Acuerdo firmado v1');
    const draft = await run(['export', 'signed.pacto', '--format', 'md', '--draft'], frozen);
    expect(draft.out.split('\n')[0]).toBe('# Acuerdo Marketing–Ventas 2027 (borrador: la copia de trabajo, no una versión congelada)');
    expect(draft.err).toBe('');
  });

  it('says on stderr when no version is frozen, and marks the Markdown as a draft', async () => {
    const md = await run(['export', 'acuerdo.pacto', '--format', 'md'], files);
    expect(md.code).toBe(0);
    expect(md.err).toBe('No version is frozen: exporting the working copy (draft).\n');
    expect(md.out.split('\n')[0]).toBe('# Acuerdo Marketing–Ventas 2027 (borrador: la copia de trabajo, no una versión congelada)');
    expect((await run(['export', 'signed.pacto', '--format', 'md'], { 'signed.pacto': pactoFile('Acuerdo firmado v1').bytes })).err).toBe('');
  });

  it('runs from the launcher and writes real files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacto-export-'));
    try {
      writeFileSync(join(dir, 'acuerdo.pacto'), bytes);
      const r = spawnSync(
        process.execPath,
        [join(root, 'electron/cli/pacto.mjs'), 'export', join(dir, 'acuerdo.pacto'), '--format', 'salesforce', '--out', join(dir, 'sf')],
        {
          encoding: 'utf8',
          cwd: root,
        },
      );
      expect(r.stderr).toBe('No version is frozen: exporting the working copy (draft).\n');
      expect(r.status).toBe(0);
      expect(readdirSync(join(dir, 'sf')).sort()).toEqual(['salesforce-howto.md', 'salesforce-metadata.zip', 'salesforce-stages.csv']);
      expect(Object.keys(unzipSync(readFileSync(join(dir, 'sf', 'salesforce-metadata.zip')))).length).toBe(5);
      const table = Papa.parse<string[]>(readFileSync(join(dir, 'sf', 'salesforce-stages.csv'), 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true });
      expect(table.errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
