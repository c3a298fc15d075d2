/**
 * The agreement PDF records what the workshop decided and what it left
 * open, through the one export pipeline, in real Chromium on the built
 * renderer: a `.pacto` file of the sample workshop carrying a decision log
 * and a parking lot (written with the facilitation model, as the app writes
 * them) is opened, frozen, signed and exported; the PDF's text (pdfjs) has
 * the "Decisiones" section with each decision, why, who and what it changed,
 * and "Pendientes" with the open questions, their owner and due date, but
 * not the answered one. The pages are rendered for people to look at.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { initWorkshopDoc } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { addDecision, addParkingItem, revealRound, startRound, updateParkingItem, writeDraft } from '../../shared/facilitation/facilitation-doc';
import { draftId } from '../../shared/facilitation/drafting';
import { pdfPageTexts, renderPdfPages } from '../support/pdf';
import { launchPersistent } from '../support/chromium.mjs';
import { ARTIFACTS, EXPORT_WAIT_MS, freezeSignAndExport, goToStep, openApp, openWorkshopFile, pageErrors, shot, writeWorkshopFile } from '../support/app';

const url = inject('pactoUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context } = await launchPersistent());
  page = await openApp(context, url);
  // The export prints the whole agreement twice (pagination, then the file): every wait gets an export's bound.
  page.setDefaultTimeout(EXPORT_WAIT_MS);
});

afterAll(async () => {
  await context?.close();
});

/** The sample workshop with two decisions and three parked questions (one answered), as a `.pacto` file. */
function facilitatedFile(): string {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, { ...sampleWorkshop('2026-12-02'), meta: { ...sampleWorkshop('2026-12-02').meta, title: 'Taller facilitado 2027' } });
  addDecision(doc, {
    id: 'd1',
    what: 'SAL pasa a ser una etapa del embudo acordado',
    why: 'Ventas acepta el lead antes de calificarlo',
    decidedBy: ['marketing', 'sales'],
    links: [
      { kind: 'gap', id: 'gap-sal', label: 'Falta SAL en el embudo de Marketing' },
      { kind: 'stage', id: 'stage-sal', label: 'SAL' },
    ],
    decidedAt: Date.parse('2026-12-02T10:40:00Z'),
  });
  addDecision(doc, {
    id: 'd2',
    what: 'Un MQL necesita una puntuación de encaje de 60',
    why: '',
    decidedBy: ['sales'],
    links: [{ kind: 'term', id: 'term-mql', label: 'MQL' }],
    decidedAt: Date.parse('2026-12-02T11:05:00Z'),
  });
  addParkingItem(doc, {
    id: 'q1',
    question: '¿Qué campo del CRM guarda la puntuación de encaje?',
    ownerId: 'p-lucia',
    due: '2027-01-15',
    status: 'open',
    createdAt: 1,
  });
  addParkingItem(doc, { id: 'q2', question: '¿Quién atiende los leads entrantes de noche?', ownerId: null, due: null, status: 'open', createdAt: 2 });
  addParkingItem(doc, { id: 'q3', question: 'Pregunta ya respondida en el taller', ownerId: null, due: '2026-12-05', status: 'open', createdAt: 3 });
  updateParkingItem(doc, 'q3', { status: 'done' });
  // A private glossary round, revealed: each team's definition of MQL.
  const mql = { kind: 'term' as const, id: 'term-mql', label: 'MQL' };
  startRound(doc, {
    blockId: 'b-glossary',
    step: 'glossary',
    status: 'drafting',
    hideAuthors: false,
    startedAt: 1,
    revealedAt: null,
    parties: ['marketing', 'sales'],
  });
  for (const [party, text, author] of [
    ['marketing', 'Lead con encaje ≥ 60 y dos interacciones en 30 días', 'Diego Salgado Núñez'],
    ['sales', 'Lead con presupuesto, autoridad y un proyecto en marcha', 'Sofía Castañeda Vidal'],
  ] as const) {
    writeDraft(doc, {
      id: draftId('b-glossary', party, mql),
      blockId: 'b-glossary',
      step: 'glossary',
      party,
      target: mql,
      text,
      value: null,
      authorId: author,
      authorName: author,
      updatedAt: 2,
    });
  }
  revealRound(doc, false, 3);
  return writeWorkshopFile(doc, 'facilitation-workshop', {
    workshopId: 'w-facilitated',
    createdAt: '2026-12-02T09:00:00Z',
    modifiedAt: '2026-12-02T12:00:00Z',
  });
}

describe('decisions and follow-ups in the agreement PDF', () => {
  it('freezes them with the version and prints them, the answered question left out', async () => {
    await openWorkshopFile(page, facilitatedFile());

    // After the reveal, the glossary shows both teams' MQL side by side (looked at in both window sizes).
    await goToStep(page, 'glossary');
    await page.getByTestId('term-item').filter({ hasText: 'MQL' }).first().click();
    const variants = page.getByTestId('term-variants');
    await variants.waitFor();
    await expect(page.getByTestId('term-variant-marketing').textContent()).resolves.toContain('encaje ≥ 60');
    await expect(page.getByTestId('term-variant-sales').textContent()).resolves.toContain('presupuesto, autoridad');
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await variants.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `facilitation-term-variants-${width}x${height}.png`) });
    }

    const pdfPath = await freezeSignAndExport(page, 'Se firma hoy con los pendientes anotados.', 'facilitation-agreement.pdf').catch(async (error: unknown) => {
      // Say what the export screen says when no download came.
      await shot(page, 'facilitation-export-failed');
      const said = await page.locator('[role=alert], [role=status]').allTextContents();
      throw new Error(`${String(error)}; the screen says: ${said.join(' | ')}`);
    });
    const pages = await pdfPageTexts(pdfPath, 'reading');
    const decisionsAt = pages.findIndex((p) => /^\s*Decisiones/m.test(p) && p.includes('SAL pasa a ser una etapa del embudo acordado'));
    const followUpsAt = pages.findIndex((p) => /^\s*Pendientes/m.test(p) && p.includes('¿Qué campo del CRM guarda la puntuación de encaje?'));
    expect(decisionsAt).toBeGreaterThan(0);
    expect(followUpsAt).toBeGreaterThan(decisionsAt);
    const decisions = pages[decisionsAt]!.replace(/\s+/g, ' ');
    expect(decisions).toContain('Ventas acepta el lead antes de calificarlo');
    expect(decisions).toContain('Marketing, Ventas');
    expect(decisions).toContain('Diferencia: Falta SAL en el embudo de Marketing; Etapa: SAL');
    expect(decisions).toContain('Un MQL necesita una puntuación de encaje de 60');
    expect(decisions.indexOf('SAL pasa a ser')).toBeLessThan(decisions.indexOf('Un MQL necesita'));
    const followUps = pages[followUpsAt]!.replace(/\s+/g, ' ');
    expect(followUps).toContain('Lucía');
    expect(followUps).toContain('15 de enero de 2027');
    expect(followUps).toContain('¿Quién atiende los leads entrantes de noche?');
    expect(followUps).toContain('Sin asignar');
    expect(pages.join('\n')).not.toContain('Pregunta ya respondida en el taller');
    // The contents list both sections.
    const toc = pages.find((p) => /^\s*Índice/m.test(p))!;
    expect(toc).toContain('Decisiones');
    expect(toc).toContain('Pendientes');

    const images = await renderPdfPages(pdfPath, join(ARTIFACTS, 'facilitation-agreement-page'), { dpi: 60, first: decisionsAt + 1, last: followUpsAt + 1 });
    expect(images.length).toBe(followUpsAt - decisionsAt + 1);
    expect(pageErrors(page)).toEqual([]);
    // Freezing, two signatures and two prints of the whole agreement: minutes on a busy machine.
  }, 400_000);
});
