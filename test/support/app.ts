/**
 * Helpers that drive Pacto like a user in the e2e suite: open the app in
 * Chromium with the main process's PDF export, pagination and verification
 * run in Node (as electron/main runs them), open the sample workshop, go to a
 * step, wait for the app to settle or to have saved, freeze, sign and export,
 * keep screenshots as artefacts.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import type { WorkshopContent } from '../../shared/domain/workshop';
import { initWorkshopDoc, readWorkshop } from '../../shared/domain/workshop-doc';
import { encodePactoFile } from '../../shared/file/pacto-file';
import { launchPersistent } from './chromium.mjs';
import { sourceWorker } from './source-worker';
import type { PrintToPDFOptions } from 'electron';
import { exportPdfRequestSchema, type ExportPdfRequest, type PdfVerdict, type PrintOptions } from '../../shared/bridge/contract';
import { exportAgreementPdf, paginateAgreementPdf, sealStep } from '../../electron/main/export-pdf';
import { createSealKey, type SealKey } from '../../electron/seal/key';
import { sealPageTextReader } from '../../electron/seal/page-text-reader';
import { finalizeAgreementPdf } from '../../shared/pdf/finalize';
import { verifyAgreementPdf } from '../../electron/seal/verify';

/** Where e2e tests leave screenshots, PDFs and page images for people to look at. */
export const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/e2e');
mkdirSync(ARTIFACTS, { recursive: true });

/** What the main-process stand-in of a page has spent on its work (ms), and the options of its last print. */
export interface MainProcessSpent {
  /** In `page.pdf()`, the stand-in for `webContents.printToPDF`. */
  printMs: number;
  /** In `sealPdf`. */
  sealMs: number;
  /** The options the export gave its last print (Electron's), for a benchmark's print with nothing after. */
  lastPrint: PrintToPDFOptions | null;
}

const spentByPage = new WeakMap<Page, MainProcessSpent>();

/** The work the page's main-process stand-in has done since it was installed or last reset (`reset`: start again from zero). */
export function mainProcessSpent(page: Page, { reset = false } = {}): MainProcessSpent {
  let spent = spentByPage.get(page);
  if (!spent || reset) {
    spent = { printMs: 0, sealMs: 0, lastPrint: spent?.lastPrint ?? null };
    spentByPage.set(page, spent);
  }
  return spent;
}

/**
 * Chromium's `page.pdf()` options for Electron's `printToPDF` options (electron/main/export-pdf.ts's
 * `printToPdfOptions`): the same engine, the same settings, margins in inches.
 */
export function pageOptionsOf(options: PrintToPDFOptions): Parameters<Page['pdf']>[0] {
  const inches = (n: number | undefined) => (n === undefined ? undefined : `${n}in`);
  return {
    format: options.pageSize === 'A4' ? 'A4' : 'Letter',
    printBackground: options.printBackground,
    displayHeaderFooter: options.displayHeaderFooter,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    preferCSSPageSize: options.preferCSSPageSize,
    margin: {
      top: inches(options.margins?.top),
      bottom: inches(options.margins?.bottom),
      left: inches(options.margins?.left),
      right: inches(options.margins?.right),
    },
    outline: options.generateDocumentOutline,
    tagged: options.generateTaggedPDF,
  };
}

let sealKey: SealKey | undefined;

/** The seal's page-text reader, made as the main process makes its own, for the test run (idle, its threads let the run end). */
const pageTexts = sealPageTextReader(() => sourceWorker('page-text-worker'), availableParallelism());

/** The main process's seal step, with a key made once per test run. */
const seal = sealStep(() => (sealKey ??= createSealKey()), pageTexts.read);

/**
 * Stands in for the main process's side of the bridge for PDFs (electron/main/index.ts): the page's
 * browser platform hands its export and pagination requests to `exportAgreementPdf` and
 * `paginateAgreementPdf` of electron/main/export-pdf.ts, run here in Node exactly as the main process
 * runs them, with Chromium's `page.pdf()` as `printToPDF` (the same engine), `electron/seal` with a key
 * made once per test run and the page texts read on a worker thread, and the save dialog answered with
 * the suggested name in a folder of the page's own (a new temporary folder, so files exporting the same
 * name at once do not meet). The file is written there, in Node, as the main process writes it: the
 * printed and the sealed file never go to the page, as in the app. Tests take it with
 * {@link exportPdf} or {@link nextSavedPdf}. Its verifier runs the main process's `verifyAgreementPdf`
 * on a dropped file's bytes.
 */
export async function installMainProcess(page: Page): Promise<void> {
  const savedDir = mkdtempSync(join(tmpdir(), 'pacto-e2e-saved-'));
  const print = async (options: PrintToPDFOptions) => {
    const spent = mainProcessSpent(page);
    spent.lastPrint = options;
    const t0 = performance.now();
    try {
      return new Uint8Array(await page.pdf(pageOptionsOf(options)));
    } finally {
      spent.printMs += performance.now() - t0;
    }
  };
  await page.exposeFunction('pactoBrowserExporter', async (request: ExportPdfRequest) => {
    let saved: SavedPdf | undefined;
    const result = await exportAgreementPdf(exportPdfRequestSchema.parse(request), {
      print,
      finalize: finalizeAgreementPdf,
      seal: async (...args) => {
        const t0 = performance.now();
        try {
          return await seal(...args);
        } finally {
          mainProcessSpent(page).sealMs += performance.now() - t0;
        }
      },
      saveDialog: async (suggestedName) => join(savedDir, suggestedName),
      writeFile: async (path, data) => {
        await writeFile(path, data);
        saved = { path, bytes: data };
      },
      now: () => new Date(),
    });
    // The file is on disk and the export has answered: what a user who chose the folder now has.
    if (saved) for (const waiter of savedWaiters.get(page)?.splice(0) ?? []) waiter(saved);
    return result;
  });
  await page.exposeFunction('pactoBrowserPaginator', (options: PrintOptions) => {
    pageTexts.warm();
    return paginateAgreementPdf(options, { print });
  });
  // This run's key is the installation's own, as the main process tells its verifier.
  await page.exposeFunction('pactoBrowserVerifier', async (pdfBase64: string): Promise<PdfVerdict> =>
    verifyAgreementPdf(new Uint8Array(Buffer.from(pdfBase64, 'base64')), { ownKeyFingerprint: sealKey?.keyFingerprint ?? null }),
  );
}

/** How long one e2e wait (a locator, a click, an event) may take before it fails (ms). */
export const E2E_WAIT_MS = 60_000;

/** A PDF the main-process stand-in saved: where (the save dialog's answer) and its bytes. */
export interface SavedPdf {
  path: string;
  bytes: Uint8Array;
}

const savedWaiters = new WeakMap<Page, ((saved: SavedPdf) => void)[]>();

/**
 * How long an export may take before a test fails (ms): it prints the whole agreement (twice when the
 * contents' pages must be counted) and seals it, which took over a minute on a busy 2-core machine.
 * A bound, not a retry.
 */
export const EXPORT_WAIT_MS = 150_000;

/**
 * The next PDF the page's main-process stand-in saves, once its export has answered. Call it before
 * the click that exports. Rejects after `timeoutMs` with no file saved (a failed export saves none).
 */
export function nextSavedPdf(page: Page, timeoutMs = EXPORT_WAIT_MS): Promise<SavedPdf> {
  return new Promise((resolve, reject) => {
    const waiters = savedWaiters.get(page) ?? [];
    savedWaiters.set(page, waiters);
    const timer = setTimeout(() => {
      waiters.splice(waiters.indexOf(done), 1);
      reject(new Error(`no PDF was saved within ${timeoutMs / 1000} s of the export`));
    }, timeoutMs);
    const done = (saved: SavedPdf) => {
      clearTimeout(timer);
      resolve(saved);
    };
    waiters.push(done);
  });
}

/**
 * Clicks the Export step's button (the step must be open), waits for the PDF the export saves and
 * copies it to `ARTIFACTS/<fileName>`. Returns that copy's path and the name the file was saved under
 * (the name the app suggested to the save dialog). Throws with what the Export step says when the
 * export fails, and after {@link EXPORT_WAIT_MS} when nothing is saved.
 */
export async function exportPdf(page: Page, fileName: string): Promise<{ path: string; savedName: string }> {
  const saved = nextSavedPdf(page);
  // Handled here too: a click that throws leaves it waiting, and its end must not be an unhandled rejection.
  saved.catch(() => undefined);
  await page.getByTestId('export-pdf').click();
  const failed = page.getByTestId('export-status').and(page.locator('.notice--error'));
  const outcome = await Promise.race([saved, failed.waitFor({ timeout: EXPORT_WAIT_MS }).then(() => null)]);
  if (!outcome) throw new Error(`The export failed: ${await failed.textContent()}`);
  const savedPath = outcome.path;
  const path = join(ARTIFACTS, fileName);
  copyFileSync(savedPath, path);
  return { path, savedName: basename(savedPath) };
}

/** The app's first page in `context`, with the main process's PDF side installed, opened at `url`. */
export async function openApp(context: BrowserContext, url: string): Promise<Page> {
  // Each wait may take 60 s, not Playwright's 30: on a busy 2-core CI run, opening the export step after signing took over 30 s.
  // A bound, not a retry: speed is measured in test/bench, and a wait that never ends still fails.
  context.setDefaultTimeout(E2E_WAIT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A Content-Security-Policy violation is a bug: the app must work under its own policy.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  await installMainProcess(page);
  await page.goto(url);
  await page.getByRole('heading', { name: /Talleres|Workshops/ }).waitFor();
  (page as Page & { pactoErrors?: string[] }).pactoErrors = errors;
  return page;
}

/**
 * A new "laptop": Chromium with a fresh persistent profile (kept across
 * reloads and restarts of the same folder) showing Pacto at `url` through
 * {@link openApp}. The e2e files open their window with it and close `context` after.
 */
export async function launchApp(url: string, userDataDir?: string): Promise<{ context: BrowserContext; page: Page; userDataDir: string }> {
  const launched = await launchPersistent(userDataDir);
  return { ...launched, page: await openApp(launched.context, url) };
}

/** Uncaught page errors and CSP violations seen so far. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { pactoErrors?: string[] }).pactoErrors ?? [];
}

/** Saves a full-page screenshot as `test-artifacts/e2e/<name>.png`. */
export async function shot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Title of the sample workshop Pacto opens on first run. */
export const SAMPLE_TITLE = 'Acuerdo Marketing–Ventas 2027';

/** Opens the sample workshop from the home list and waits for its first step. */
export async function openSample(page: Page): Promise<void> {
  await page
    .getByTestId('workshop-card')
    .filter({ hasText: SAMPLE_TITLE })
    .getByRole('button', { name: /^(Abrir|Open)$/ })
    .click();
  await page.locator('#screen-title').waitFor();
}

/**
 * Waits until what the page was doing when called has run its course: two
 * animation frames (React commits, its effects run and the renders they
 * schedule are painted), then one more task. For checks that something did
 * NOT happen. Not an idle callback: on a busy machine a page may never be idle.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(null);
          }),
        ),
      ),
  );
}

/** Waits until the element's inline `transform` is the same on two animation frames in a row (a viewport that stopped moving). */
export async function transformSettled(locator: Locator): Promise<void> {
  await locator.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        let last: string | null = null;
        const tick = () => {
          const now = (el as HTMLElement).style.transform;
          if (now === last) resolve();
          else {
            last = now;
            requestAnimationFrame(tick);
          }
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Waits until the header says every edit is on disk (Guardado / Saved). */
export async function savedToDisk(page: Page): Promise<void> {
  await page.getByTestId('save-status').and(page.locator('[data-state="saved"]')).waitFor();
}

/**
 * Clicks step `step` of the open workshop and waits until it is the open step
 * and its heading is shown (the previous step's heading does not count).
 */
export async function goToStep(page: Page, step: string): Promise<void> {
  await page.getByTestId(`step-${step}`).click();
  try {
    await currentStep(page, step).waitFor();
  } catch (e) {
    // Not a retry: the failure stays a failure, with what the page showed instead (a screenshot and its state).
    const shot = join(ARTIFACTS, `failed-goToStep-${step}-${Date.now()}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    const state = await page
      .evaluate(() => ({
        url: location.href,
        currentStep: document.querySelector('[aria-current="step"]')?.getAttribute('data-testid') ?? null,
        title: document.querySelector('#screen-title')?.textContent ?? null,
        stepButtons: document.querySelectorAll('[data-testid^="step-"]').length,
        dialogs: [...document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"]')].map((d) => d.textContent?.slice(0, 120) ?? ''),
        body: document.body.innerText.slice(0, 300),
      }))
      .catch((why: unknown) => ({ unreadable: String(why) }));
    throw new Error(
      `Step "${step}" did not become the open step after its click: ${JSON.stringify(state)}; page errors: ${JSON.stringify(pageErrors(page))}; screenshot ${shot}`,
      { cause: e },
    );
  }
  await page.locator('#screen-title').waitFor();
}

/** The step button of `step` while it is the open step (aria-current). */
export function currentStep(page: Page, step: string) {
  return page.locator(`[data-testid="step-${step}"][aria-current="step"]`);
}

/** Reloads the page and waits until Pacto is back on `step` of the workshop that was open (a reload returns there). */
export async function reloadOnStep(page: Page, step: string): Promise<void> {
  await page.reload();
  await currentStep(page, step).waitFor();
  await page.locator('#screen-title').waitFor();
}

/**
 * Freezes the open workshop (with the recorded override when items are still
 * open, decided by Lucía), has Lucía and Jorge of the sample sign with typed
 * signatures, exports the PDF and keeps it as `ARTIFACTS/<fileName>`. Returns its path.
 */
export async function freezeSignAndExport(page: Page, reason: string, fileName: string): Promise<string> {
  await goToStep(page, 'sign');
  const override = page.getByTestId('freeze-override');
  if (await override.count()) {
    await override.check();
    await page.getByTestId('override-who').selectOption('p-lucia');
    await page.getByTestId('override-reason').fill(reason);
  }
  await page.getByTestId('freeze').click();
  await page.getByTestId('fingerprint').waitFor();
  for (const who of ['p-lucia', 'p-jorge']) {
    await page.getByTestId(`sign-${who}`).click();
    await page.getByRole('radio', { name: 'Escribir' }).check();
    await page.getByTestId('consent').check();
    await page.getByTestId('confirm-sign').click();
    await page.getByTestId(`sign-${who}`).waitFor({ state: 'detached' });
  }
  await goToStep(page, 'export');
  return (await exportPdf(page, fileName)).path;
}

/**
 * Writes a workshop as a `.pacto` file `ARTIFACTS/<name>.pacto` (its Yjs
 * state and projection; no versions, signatures or audit) and returns its
 * path. `source` is the workshop's content or its document.
 */
export function writeWorkshopFile(
  source: WorkshopContent | Y.Doc,
  name: string,
  {
    workshopId = `w-${name}`,
    createdAt = '2026-12-01T09:00:00.000Z',
    modifiedAt = createdAt,
  }: { workshopId?: string; createdAt?: string; modifiedAt?: string } = {},
): string {
  const doc = source instanceof Y.Doc ? source : new Y.Doc();
  if (!(source instanceof Y.Doc)) initWorkshopDoc(doc, source);
  const bytes = encodePactoFile({
    workshopId,
    yjsUpdate: Y.encodeStateAsUpdate(doc),
    content: readWorkshop(doc),
    versions: [],
    signatures: [],
    audit: [],
    appVersion: '0.1.0',
    createdAt,
    modifiedAt,
  });
  if (!(source instanceof Y.Doc)) doc.destroy();
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.pacto`);
  writeFileSync(path, bytes);
  return path;
}

/** Opens the `.pacto` file at `path` through the home screen's Open button (going home first from a workshop) and waits for its workshop screen. */
export async function openWorkshopFile(page: Page, path: string): Promise<void> {
  await page
    .getByRole('button', { name: /Talleres|Workshops/ })
    .first()
    .click()
    .catch(() => undefined);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-file').click()]);
  await chooser.setFiles(path);
  await page.locator('#screen-title').waitFor();
}
