/**
 * CRM exports and hand-back in real Chromium on the built renderer: an
 * .xlsx dropped on the targets import shows its preview and the same figures
 * as its CSV, a chart sheet chosen says it is a chart, a legacy .xls deal
 * export of Pipedrive shows won/lost and the stage reached; on the Export
 * step the CRM downloads save the agreed stages and SLA as CSV files that
 * parse, and the HubSpot options (JSON) and Salesforce metadata (ZIP of XML)
 * carry every definition those CSVs carry, with a short how-to beside them.
 * Screenshots go to test-artifacts/e2e/crm-*.png (full page at the default
 * size, and the window as seen at 1440x900 and 1280x720).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { importActuals } from '../../shared/import/actuals';
import { csvToSheet, csvToWorkbook, encryptedWorkbook, formulasOnlyWorkbook, millionRowWorkbook, withChartSheet, workbookBytes } from '../fixtures/workbooks';
import { ARTIFACTS, goToStep, launchApp, openSample, pageErrors, shot } from '../support/app';

const url = inject('pactoUrl');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const HUBSPOT = readFileSync(join(FIXTURES, 'hubspot-contacts-2025.csv'), 'utf8');

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await launchApp(url));
  await openSample(page);
});

afterAll(async () => {
  await context?.close();
});

/** Drops `bytes` as a file named `name` on the import's drop zone, as a person dragging it from the desktop. */
async function drop(name: string, bytes: Uint8Array): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ base64, fileName }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], fileName));
      return dt;
    },
    { base64: Buffer.from(bytes).toString('base64'), fileName: name },
  );
  await page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer: transfer });
}

/** Screenshots of the window as a user sees it at 1440x900 and 1280x720 (`crm-NAME-1440x900.png`), then back to the default size. */
async function shotsAtSizes(name: string, scrollTo?: string): Promise<void> {
  const before = page.viewportSize();
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (scrollTo) await page.getByTestId(scrollTo).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}x${height}.png`) });
  }
  if (before) await page.setViewportSize(before);
}

/** Clicks the Export step's button for `name` and gives the saved file's bytes. */
async function download(name: string): Promise<Uint8Array> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`crm-file-${name}`).click()]);
  expect(d.suggestedFilename()).toBe(name);
  const path = join(ARTIFACTS, `crm-${name}`);
  await d.saveAs(path);
  await page
    .getByTestId('crm-status')
    .filter({ hasText: `Guardado: ${name}` })
    .waitFor();
  return new Uint8Array(readFileSync(path));
}

const digits = (texts: string[]) => texts.map((t) => t.replace(/\D/g, ''));

describe('Excel workbooks on the import', () => {
  it('drops an .xlsx (a chart sheet in front of the data): preview, the same counts as the CSV, nothing changes until confirmed', async () => {
    await goToStep(page, 'targets');
    const scenarios = await page.getByTestId('scenario-tab').count();
    await page.getByTestId('open-import').click();
    await drop('hubspot-contacts-2025.xlsx', withChartSheet(csvToWorkbook(HUBSPOT), 'Gráfico'));
    await page.getByTestId('import-results').waitFor();
    await expect(page.getByTestId('import-format').textContent()).resolves.toContain('HubSpot (contactos)');
    await expect(page.getByTestId('import-file-info').textContent()).resolves.toMatch(/hubspot-contacts-2025\.xlsx · 1\.?600 filas/);
    await expect(page.getByTestId('import-results').textContent()).resolves.toContain('hoja «Export» (celdas de Excel)');
    await expect(page.getByTestId('import-preview').locator('tbody tr').count()).resolves.toBe(5);
    // Date cells shown as the CSV writes them.
    await expect(page.getByTestId('import-preview').locator('tbody tr').first().textContent()).resolves.toContain('2025-10-07 15:49');
    const counts = await page.getByTestId('import-stages').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(digits(counts)).toEqual(importActuals(HUBSPOT).stages.map((s) => String(s.count)));
    await expect(page.getByTestId('import-errors').textContent()).resolves.toBe('Todas las filas se leyeron.');
    await expect(page.getByTestId('import-sheet').locator('option').allTextContents()).resolves.toEqual(['Gráfico (gráfico)', 'Export']);
    await shot(page, 'crm-01-xlsx-preview');
    await shotsAtSizes('crm-01-xlsx-preview');

    await page.getByTestId('import-sheet').selectOption('Gráfico');
    await page.getByTestId('import-errors').filter({ hasText: 'es un gráfico' }).waitFor();
    await expect(page.getByTestId('import-errors').textContent()).resolves.toContain(
      'La hoja «Gráfico» es un gráfico, no una tabla de registros: elija una hoja con los datos (Export).',
    );
    await expect(page.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('scenario-tab').count()).resolves.toBe(scenarios);
  });

  it('reads a legacy .xls Pipedrive export: win rate, lost deals, days to close and the stage reached', async () => {
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'pipedrive-deals.xls',
      mimeType: 'application/vnd.ms-excel',
      buffer: Buffer.from(csvToWorkbook(readFileSync(join(FIXTURES, 'pipedrive-deals-2025.csv'), 'utf8'), { bookType: 'xls' })),
    });
    await page.getByTestId('import-results').waitFor();
    await expect(page.getByTestId('import-format').textContent()).resolves.toBe('Pipedrive (tratos)');
    // Counted by hand in test/unit/import-crm-deals.test.ts: 4 won of 7 closed, 3 lost, median 30 days to close.
    await expect(page.getByTestId('import-win-rate').textContent()).resolves.toMatch(/57,14\s?% \(4 de 7\)/);
    await expect(page.getByTestId('import-lost').textContent()).resolves.toBe('Perdidas3');
    await expect(page.getByTestId('import-days-to-close').textContent()).resolves.toMatch(/30$/);
    const stages = await page.getByTestId('import-deal-stages').locator('tbody tr td:first-child').allTextContents();
    expect(stages).toEqual(['Proposal Made', 'Contact Made', 'Negotiations Started', 'Qualified', 'Demo Scheduled']);
    await shot(page, 'crm-02-pipedrive-xls');
    await page.getByTestId('import-cancel').click();
  });
  it('asks which sheet of a workbook with several: another sheet is read as its own layout (Zoho after Pipedrive)', async () => {
    const sheet = (name: string) => csvToSheet(readFileSync(join(FIXTURES, name), 'utf8'));
    await page.getByTestId('open-import').click();
    await drop('deals-2025.xlsx', workbookBytes({ Pipedrive: sheet('pipedrive-deals-2025.csv'), Zoho: sheet('zoho-deals-2025.csv') }));
    await page.getByTestId('import-results').waitFor();
    await expect(page.getByTestId('import-sheet').locator('option').allTextContents()).resolves.toEqual(['Pipedrive', 'Zoho']);
    await expect(page.getByTestId('import-format').textContent()).resolves.toBe('Pipedrive (tratos)');
    await page.getByTestId('import-sheet').selectOption('Zoho');
    await page.getByTestId('import-format').filter({ hasText: 'Zoho CRM (tratos)' }).waitFor();
    // Counted by hand in test/unit/import-crm-deals.test.ts: 8 deals, 3 won of 5 closed.
    await expect(page.getByTestId('import-file-info').textContent()).resolves.toMatch(/deals-2025\.xlsx · 8 filas/);
    await expect(page.getByTestId('import-win-rate').textContent()).resolves.toMatch(/60(,0+)?\s?% \(3 de 5\)/);
    await shotsAtSizes('crm-04-sheet-picker');
    await page.getByTestId('import-cancel').click();
  });
  it('says what is wrong with a bad workbook, names the file and the sheet, and offers nothing to confirm', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['bloqueado.xlsx', encryptedWorkbook(), 'El libro está protegido con contraseña'],
      ['informe.xlsx', formulasOnlyWorkbook(), 'En la hoja «Report», 4 celdas con fórmula, la primera en A2, no tienen el resultado guardado'],
      ['millon.xlsx', millionRowWorkbook(), 'La hoja «Opportunities» tiene 1.000.000 filas de datos; una importación lee como máximo 200.000.'],
    ];
    for (const [name, bytes, message] of cases) {
      await page.getByTestId('open-import').click();
      await drop(name, bytes);
      // A workbook that cannot be read at all says so alone (import-unreadable); one read with problems lists them (import-errors).
      await page.getByTestId('import-results').filter({ hasText: message }).waitFor();
      await expect(page.getByTestId('import-file-info').textContent()).resolves.toContain(`${name} · 0 filas`);
      await expect(page.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
      // No rows to map: no column mapping is offered in front of the message.
      await expect(page.getByTestId('import-screen').getByTestId('import-mapping').count()).resolves.toBe(0);
      if (name === 'informe.xlsx') await shotsAtSizes('crm-05-formulas-without-values');
      await page.getByTestId('import-cancel').click();
    }
  });
});

describe('back to the CRM from the Export step', () => {
  it('saves the agreed stages and SLA as CSV, HubSpot options and Salesforce metadata that parse, each carrying every definition', async () => {
    await goToStep(page, 'sign');
    const override = page.getByTestId('freeze-override');
    if (await override.count()) {
      await override.check();
      await page.getByTestId('override-who').selectOption('p-lucia');
      await page.getByTestId('override-reason').fill('Prueba de exportación al CRM');
    }
    await page.getByTestId('freeze').click();
    await page.getByTestId('fingerprint').waitFor();
    await goToStep(page, 'export');
    await page.getByTestId('crm-export').waitFor();
    const downloads: { name: string; text: string }[] = [];
    for (const name of ['pacto-stages.csv', 'pacto-sla.csv']) downloads.push({ name, text: new TextDecoder().decode(await download(name)) });
    const stages = Papa.parse<string[]>(downloads[0]!.text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
    expect(stages.errors).toEqual([]);
    expect(stages.data[0]!.slice(0, 4)).toEqual(['Etapa', 'Sigla', 'Responsable', 'Definición']);
    expect(stages.data.map((r) => r[0])).toEqual(['Etapa', 'Lead', 'MQL', 'SAL', 'SQL', 'Oportunidad', 'Cliente']);
    expect(stages.data[2]![3]).toMatch(/^Lead que cumple los criterios acordados/);
    const sla = Papa.parse<string[]>(downloads[1]!.text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
    expect(sla.errors).toEqual([]);
    expect(sla.data[0]).toEqual(['Parte', 'Compromiso', 'Métrica', 'Meta', 'Unidad', 'Periodo', 'Cómo se mide', 'Si no se cumple']);

    // Every definition, entry and exit criterion of the stages CSV (columns 4–6), as each option's description carries them.
    const agreed = stages.data
      .slice(1)
      .flatMap((r) => r.slice(3, 6))
      .filter((text) => text !== '');
    expect(agreed.length).toBeGreaterThanOrEqual(3 * 6);

    const lifecycle = JSON.parse(new TextDecoder().decode(await download('hubspot-lifecycle-stages.json'))) as {
      options: { value: string; description: string }[];
    };
    const leadStatus = JSON.parse(new TextDecoder().decode(await download('hubspot-lead-status.json'))) as {
      options: { value: string; description: string }[];
    };
    expect(lifecycle.options.map((o) => o.value)).toEqual(['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer']);
    const hubspot = [...lifecycle.options, ...leadStatus.options].map((o) => o.description).join('\n');
    for (const text of agreed) expect(hubspot).toContain(text);

    const parts = unzipSync(await download('salesforce-metadata.zip'));
    const parser = new XMLParser({ isArray: (tag) => tag === 'standardValue' });
    const descriptions: string[] = [];
    for (const path of ['standardValueSets/LeadStatus.standardValueSet', 'standardValueSets/OpportunityStage.standardValueSet']) {
      const source = strFromU8(parts[path]!);
      expect(XMLValidator.validate(source)).toBe(true);
      const set = parser.parse(source) as { StandardValueSet: { standardValue: { fullName: string; description: string }[] } };
      descriptions.push(...set.StandardValueSet.standardValue.map((v) => v.description));
    }
    for (const text of agreed) expect(descriptions.join('\n')).toContain(text);

    // The short how-to beside the files.
    await page.getByTestId('crm-howto-hubspot').locator('summary').click();
    await expect(page.getByTestId('crm-howto-hubspot').locator('li').allTextContents()).resolves.toHaveLength(3);
    await page.getByTestId('crm-howto-salesforce').locator('summary').click();
    await expect(page.getByTestId('crm-howto-salesforce').textContent()).resolves.toContain('sf project deploy start --metadata-dir salesforce-metadata.zip');
    await page.getByTestId('crm-export').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'crm-03-export-step.png') });
    await shotsAtSizes('crm-03-export-step', 'crm-export');
    expect(pageErrors(page)).toEqual([]);
  });
});
