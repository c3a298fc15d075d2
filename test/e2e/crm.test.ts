/**
 * CRM exports and hand-back in real Chromium on the built renderer: an
 * .xlsx dropped on the targets import shows its preview and the same figures
 * as its CSV, a chart sheet chosen says it is a chart, a legacy .xls deal
 * export of Pipedrive shows won/lost and the stage reached; on the Export
 * step the CRM downloads save the agreed stages and SLA as CSV files that
 * parse. Screenshots go to test-artifacts/e2e/crm-*.png.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { importActuals } from '../../shared/import/actuals';
import { csvToWorkbook, withChartSheet } from '../fixtures/workbooks';
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

    await page.getByTestId('import-sheet').selectOption('Gráfico');
    await page.getByTestId('import-errors').filter({ hasText: 'es un gráfico' }).waitFor();
    await expect(page.getByTestId('import-errors').textContent()).resolves.toContain('La hoja «Gráfico» es un gráfico, no una tabla de registros: elija una hoja con los datos (Export).');
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
});

describe('back to the CRM from the Export step', () => {
  it('saves the agreed stages and SLA as CSV files that parse, carrying the definitions', async () => {
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
    for (const name of ['pacto-stages.csv', 'pacto-sla.csv']) {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`crm-file-${name}`).click()]);
      const path = join(ARTIFACTS, `crm-${d.suggestedFilename()}`);
      await d.saveAs(path);
      downloads.push({ name: d.suggestedFilename(), text: readFileSync(path, 'utf8') });
      await page.getByTestId('crm-status').filter({ hasText: `Guardado: ${name}` }).waitFor();
    }
    expect(downloads.map((d) => d.name)).toEqual(['pacto-stages.csv', 'pacto-sla.csv']);
    const stages = Papa.parse<string[]>(downloads[0]!.text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
    expect(stages.errors).toEqual([]);
    expect(stages.data[0]!.slice(0, 4)).toEqual(['Etapa', 'Sigla', 'Responsable', 'Definición']);
    expect(stages.data.map((r) => r[0])).toEqual(['Etapa', 'Lead', 'MQL', 'SAL', 'SQL', 'Oportunidad', 'Cliente']);
    expect(stages.data[2]![3]).toMatch(/^Lead que cumple los criterios acordados/);
    const sla = Papa.parse<string[]>(downloads[1]!.text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
    expect(sla.errors).toEqual([]);
    expect(sla.data[0]).toEqual(['Parte', 'Compromiso', 'Métrica', 'Meta', 'Unidad', 'Periodo', 'Cómo se mide', 'Si no se cumple']);
    await page.getByTestId('crm-export').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'crm-03-export-step.png') });
    expect(pageErrors(page)).toEqual([]);
  });
});
