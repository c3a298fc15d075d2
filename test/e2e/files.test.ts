/**
 * Workshop files in real Chromium on the built renderer (browser platform:
 * open through a file input, save as a download, recent files and backups
 * in this origin's storage). The sample workshop gets an approval and a
 * comment, is frozen and signed, and saved as `.pacto`; a fresh browser
 * profile opens that file and has everything: funnels, glossary, SLA,
 * scenarios, approvals, comments, versions, signatures and audit trail
 * (checked by saving it again there and comparing both files decoded, and
 * on screen). A file of random bytes gives the message and changes nothing;
 * opening the same file again asks merge / copy / cancel; the title shows
 * the file and its unsaved mark; a backup is restored and the restore is
 * itself kept as a backup.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { decodePactoFile, type PactoFile } from '../../shared/file/pacto-file';
import { readApprovals } from '../../shared/domain/approvals-doc';
import { readComments } from '../../shared/domain/comments-doc';
import { launchPersistent } from '../support/chromium.mjs';
import { ARTIFACTS, freezeSignAndExport, goToStep, openApp, pageErrors, shot } from '../support/app';

const url = inject('pactoUrl');
const SAMPLE = 'Acuerdo Marketing–Ventas 2027';
const FILE_NAME = `${SAMPLE}.pacto`;
const COMMENT = '¿Cuenta una demo sin perfil ideal?';

let first: { context: BrowserContext; page: Page };
let second: { context: BrowserContext; page: Page };
let savedPath: string;
let saved: PactoFile;

beforeAll(async () => {
  const { context } = await launchPersistent();
  first = { context, page: await openApp(context, url) };
});

afterAll(async () => {
  await first?.context.close();
  await second?.context.close();
});

function decodeFile(path: string): PactoFile {
  const decoded = decodePactoFile(new Uint8Array(readFileSync(path)));
  if (!decoded.ok) throw new Error(`${path}: ${decoded.error.message}`);
  return decoded.value;
}

/** Clicks the header's Save and keeps the download as `ARTIFACTS/<folder>/<file name>`. */
async function saveTo(page: Page, folder: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
  expect(download.suggestedFilename()).toBe(FILE_NAME);
  mkdirSync(join(ARTIFACTS, folder), { recursive: true });
  const path = join(ARTIFACTS, folder, FILE_NAME);
  await download.saveAs(path);
  return path;
}

/** Home ▸ Open file…, choosing `path` in the file chooser. */
async function openThroughDialog(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-file').click()]);
  await chooser.setFiles(path);
}

async function goHome(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: /Talleres|Workshops/ })
    .first()
    .click();
  await page.getByRole('heading', { name: 'Talleres', level: 1 }).waitFor();
}

const cards = (page: Page) => page.getByTestId('workshop-card');

describe('a workshop as a .pacto file', () => {
  it('saves the signed sample workshop as a file; the title shows the file and whether it is behind', async () => {
    const { page } = first;
    await cards(page).filter({ hasText: SAMPLE }).getByRole('button', { name: 'Abrir' }).click();
    await goToStep(page, 'glossary');
    await page.getByTestId('term-item').filter({ hasText: 'MQL' }).click();
    await page.getByTestId('approver-marketing').selectOption({ label: 'Lucía Fernández Ortega' });
    await page.getByTestId('approve-marketing').click();
    await page.getByTestId('approval-marketing').getByText('Lucía Fernández Ortega').waitFor();
    await page.getByTestId('comment-author').last().selectOption({ label: 'Sofía Castañeda Vidal' });
    await page.getByTestId('comment-text').fill(COMMENT);
    await page.getByTestId('comment-send').click();
    await page.getByTestId('comment-thread').getByText(COMMENT).waitFor();
    await freezeSignAndExport(page, 'El comité revisa lo abierto en 30 días.', 'files-signed.pdf');

    await expect(page.getByTestId('file-status').getAttribute('data-state')).resolves.toBe('none');
    await expect(page.title()).resolves.toBe(`${SAMPLE} — Pacto`);
    savedPath = await saveTo(page, 'files-first');
    await page.getByTestId('file-status').and(page.locator('[data-state="saved"]')).waitFor();
    await expect(page.title()).resolves.toBe(`${FILE_NAME} — Pacto`);
    saved = decodeFile(savedPath);
    expect(saved.versions).toHaveLength(1);
    expect(saved.signatures).toHaveLength(2);
    expect(saved.audit.map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'approved', 'frozen', 'signed', 'exported']));

    // An edit leaves the file behind (the data itself is saved in the app as typed).
    await goToStep(page, 'participants');
    const name = page.getByTestId('participant-row').first().locator('input').first();
    // The workshop is signed: its first edit asks first, and the user goes on to a new draft.
    const prompt = page.waitForEvent('dialog').then(async (d) => {
      await d.accept();
      return d.message();
    });
    await name.fill('Lucía Fernández');
    await name.blur();
    expect(await prompt).toMatch(/firmado/);
    await page.getByTestId('file-status').and(page.locator('[data-state="unsaved"]')).waitFor();
    await page.waitForFunction((title) => document.title === title, `• ${FILE_NAME} — Pacto`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'files-header-unsaved');
    await page.keyboard.press('Control+z');
    expect(pageErrors(page)).toEqual([]);
  });

  it('opens the file in a fresh browser profile with everything in it', async () => {
    const { context } = await launchPersistent();
    second = { context, page: await openApp(context, url) };
    const { page } = second;
    const before = await cards(page).count();
    await openThroughDialog(page, savedPath);
    await page.locator('#screen-title').waitFor();
    await page.getByRole('status').getByText(`Abierto «${FILE_NAME}»`).waitFor();
    await page.getByTestId('file-status').and(page.locator('[data-state="saved"]')).waitFor();
    await expect(page.title()).resolves.toBe(`${FILE_NAME} — Pacto`);

    // On screen: the signed version with both signatures, the comment and approval, the stages.
    await goToStep(page, 'versions');
    await expect(page.locator('#screen-title').textContent()).resolves.toBe('Versiones');
    await expect(page.locator('.workshop').textContent()).resolves.toMatch(/Versión 1/);
    await expect(page.locator('.workshop').textContent()).resolves.toMatch(/2 de 2 firmas/);
    await goToStep(page, 'glossary');
    await page.getByTestId('term-item').filter({ hasText: 'MQL' }).click();
    await page.getByTestId('comment-thread').getByText(COMMENT).waitFor();
    await page.getByTestId('approval-marketing').getByText('Lucía Fernández Ortega').waitFor();

    // In data: saved again from this profile, the file holds the same workshop, versions,
    // signatures and the same audit trail plus the import event.
    const again = decodeFile(await saveTo(page, 'files-second'));
    expect(again.workshopId).toBe(saved.workshopId);
    expect(again.content).toEqual(saved.content);
    expect(again.content.funnels.agreed.stages.length).toBeGreaterThan(0);
    expect(again.content.terms.length).toBe(saved.content.terms.length);
    expect(again.content.sla).toEqual(saved.content.sla);
    expect(again.content.scenarios).toEqual(saved.content.scenarios);
    expect(again.versions).toEqual(saved.versions);
    expect(again.signatures).toEqual(saved.signatures);
    expect(again.audit.slice(0, saved.audit.length)).toEqual(saved.audit);
    expect(again.audit.slice(saved.audit.length).map((e) => e.type)).toEqual(['imported']);
    // Comments and approvals live in the Yjs document: both files' documents carry them.
    const parts = (file: PactoFile) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, file.yjsUpdate);
      return { comments: readComments(doc), approvals: readApprovals(doc) };
    };
    expect(parts(again)).toEqual(parts(saved));
    expect(parts(again).comments.map((c) => [c.authorName, c.text])).toContainEqual(['Sofía Castañeda Vidal', COMMENT]);
    expect(parts(again).approvals.map((a) => [a.itemId, a.team])).toContainEqual(['term-mql', 'marketing']);

    await goHome(page);
    await expect(cards(page).count()).resolves.toBe(before + 1);
    await page.getByTestId('recent-file').filter({ hasText: FILE_NAME }).waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'files-home-recent');
  });

  it('refuses a file of random bytes with a clear message and changes nothing', async () => {
    const { page } = second;
    const bad = join(ARTIFACTS, 'files-random.pacto');
    writeFileSync(bad, randomBytes(4096));
    const titles = await cards(page).getByRole('heading').allTextContents();
    await openThroughDialog(page, bad);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(
      /^No se pudo abrir «files-random\.pacto»\. Este archivo (no es un taller de Pacto|está dañado)[^{]*\. No se ha cambiado nada en Pacto\./,
    );
    await expect(cards(page).getByRole('heading').allTextContents()).resolves.toEqual(titles);
    // A file that could not be opened is not offered again under recent files.
    await expect(page.getByTestId('recent-file').filter({ hasText: 'files-random.pacto' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Cerrar' }).click();
  });

  it('names a file of another kind chosen in the open dialog', async () => {
    const { page } = second;
    const notes = join(ARTIFACTS, 'files-notes.txt');
    writeFileSync(notes, 'Notas de la reunión');
    await openThroughDialog(page, notes);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('«files-notes.txt» no es un archivo .pacto.');
    await page.getByRole('button', { name: 'Cerrar' }).click();
  });

  it('asks before opening a workshop that is already here; cancel changes nothing, merge duplicates nothing', async () => {
    const { page } = second;
    const count = await cards(page).count();
    await openThroughDialog(page, savedPath);
    const prompt = page.getByTestId('file-prompt');
    await prompt.getByText('Este taller ya está en Pacto').waitFor();
    await page.getByTestId('prompt-cancel').click();
    await prompt.waitFor({ state: 'hidden' });
    await expect(cards(page).count()).resolves.toBe(count);

    await page.getByTestId('recent-file').filter({ hasText: FILE_NAME }).getByRole('button').click();
    await page.getByTestId('prompt-merge').click();
    await page.locator('#screen-title').waitFor();
    await page
      .getByRole('status')
      .getByText(/Fusionado/)
      .waitFor();
    const merged = decodeFile(await saveTo(page, 'files-merged'));
    expect(merged.content.funnels.agreed.stages.map((s) => s.id)).toEqual(saved.content.funnels.agreed.stages.map((s) => s.id));
    expect(merged.content.terms.map((t) => t.id)).toEqual(saved.content.terms.map((t) => t.id));
    await goHome(page);
    await expect(cards(page).count()).resolves.toBe(count);
  });

  it('restores a backup, and keeps the state it replaced as a backup of its own', async () => {
    const { page } = second;
    // The fresh profile also has its own first-run sample (a draft): the opened one is the signed one.
    const card = cards(page).filter({ hasText: SAMPLE }).filter({ hasText: 'Firmado' });
    await card.getByRole('button', { name: 'Renombrar' }).click();
    const input = page.getByLabel('Título', { exact: true });
    await input.fill('Acuerdo renombrado');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    const renamed = cards(page).filter({ hasText: 'Acuerdo renombrado' });
    await renamed.waitFor();
    await renamed.getByTestId('open-backups').click();
    const screen = page.getByTestId('restore-screen');
    await screen.waitFor();
    const rows = page.getByTestId('backup-row');
    // Newest first: the backup taken before the merge holds the original title.
    const beforeMerge = page.locator('[data-testid="backup-row"][data-reason="merge"]');
    await beforeMerge.first().waitFor();
    const count = await rows.count();
    await expect(beforeMerge.first().textContent()).resolves.toContain(SAMPLE);
    await expect(beforeMerge.first().textContent()).resolves.toMatch(/Términos: \d+ · Etapas: \d+ · Versiones: 1/);
    await shot(page, 'files-restore-screen');
    await beforeMerge.first().getByRole('button', { name: 'Restaurar' }).click();
    await page.getByTestId('confirm-restore').click();
    await page
      .getByRole('status')
      .getByText(/Restaurada la copia/)
      .waitFor();
    // The list re-reads the backups after the restore's message appears: wait for the new row to be listed.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(count + 1);
    await expect(rows.first().getAttribute('data-reason')).resolves.toBe('restore');
    await expect(rows.first().textContent()).resolves.toContain('Acuerdo renombrado');
    await page.getByRole('button', { name: 'Volver a los talleres' }).click();
    await cards(page).filter({ hasText: SAMPLE }).filter({ hasText: 'Firmado' }).waitFor();
    await expect(cards(page).filter({ hasText: 'Acuerdo renombrado' }).count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});
