/**
 * The agreement export and the contents' page numbers: the first export of a
 * version prints once to count where each section lands, then prints the
 * final file; a second export of the same version on the same paper reuses
 * the pages the contents already show and prints once; and when those pages
 * no longer hold (the final print's contents check says so), it counts again
 * and writes the file with the new pages, never with the wrong ones.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportAgreement, type AgreementPrintView } from '../../renderer/features/agreement/actions';
import { createDb } from '../../renderer/data/db';
import { initI18n } from '../../renderer/i18n';
import { readAudit } from '../../renderer/data/audit';
import { readSnapshot } from '../../shared/agreement/version';
import { err, ok } from '../../shared/domain/result';
import type { ExportPdfRequest, PactoBridge, PdfPagination } from '../../shared/bridge/contract';
import { auditOf, sampleVersion, signaturesOf } from '../unit/seal-fixture';

const headings = [
  { id: 'h-funnel', title: 'Embudo' },
  { id: 'h-sla', title: 'SLA' },
];

/** A bridge whose printer puts the headings on `printed` pages, checking the contents as the real pipeline does. */
function fakeBridge(printed: { current: Record<string, number> }) {
  const pagination = (): PdfPagination => ({ pageCount: 9, headings: headings.map((h) => ({ title: h.title, level: 1, page: printed.current[h.title]! })) });
  const paginatePdf = vi.fn<PactoBridge['paginatePdf']>(async () => ok(pagination()));
  const exportPdf = vi.fn(async (request: ExportPdfRequest) => {
    const wrong = (request.toc ?? []).filter((entry) => printed.current[entry.title] !== entry.page);
    if (wrong.length > 0) return err({ code: 'toc-mismatch', message: wrong.map((w) => w.title).join(', ') });
    return ok({ path: request.suggestedName, bytes: 100, sealed: true, sealKeyFingerprint: 'c'.repeat(64) });
  });
  return { paginatePdf, exportPdf };
}

/** The Export screen's print view: the contents show what the last export counted. */
function printView() {
  const state = { shown: null as Record<string, number> | null };
  const view: AgreementPrintView = {
    templates: { headerTemplate: '<span></span>', footerTemplate: '<span></span>' },
    headings: async () => headings,
    showPages: async (pages) => {
      state.shown = pages;
    },
    shownPages: () => state.shown,
  };
  return { view, state };
}

let n = 0;
let bridge: ReturnType<typeof fakeBridge>;
let printed: { current: Record<string, number> };

beforeEach(async () => {
  await initI18n('es');
  printed = { current: { Embudo: 3, SLA: 5 } };
  bridge = fakeBridge(printed);
  (window as unknown as { pacto?: Partial<PactoBridge> }).pacto = bridge;
});

afterEach(() => {
  delete (window as unknown as { pacto?: PactoBridge }).pacto;
});

function input() {
  const version = sampleVersion();
  return { version, snapshot: readSnapshot(version), signatures: signaturesOf(version), audit: auditOf(version), pageSize: 'A4' as const };
}

describe('exportAgreement and the contents’ pages', () => {
  it('counts the pages once, then reuses them while they hold', async () => {
    const db = createDb(`export-pages-${++n}`);
    const { view, state } = printView();
    const data = input();

    expect(await exportAgreement(db, data, view)).toMatchObject({ kind: 'done', sealed: true });
    expect(bridge.paginatePdf).toHaveBeenCalledTimes(1);
    expect(state.shown).toEqual({ 'h-funnel': 3, 'h-sla': 5 });

    expect(await exportAgreement(db, data, view)).toMatchObject({ kind: 'done' });
    // No second counting print: the final print's contents check found the shown pages right.
    expect(bridge.paginatePdf).toHaveBeenCalledTimes(1);
    expect(bridge.exportPdf).toHaveBeenCalledTimes(2);
    expect(bridge.exportPdf.mock.calls[1]![0].toc).toEqual([
      { title: 'Embudo', page: 3 },
      { title: 'SLA', page: 5 },
    ]);
    expect((await readAudit(db, data.version.workshopId)).filter((e) => e.type === 'exported')).toHaveLength(2);
  });

  it('counts again when the shown pages no longer hold, and writes the file with the new ones', async () => {
    const db = createDb(`export-pages-${++n}`);
    const { view, state } = printView();
    const data = input();
    await exportAgreement(db, data, view);
    // The layout moved since: the SLA now prints a page later.
    printed.current = { Embudo: 3, SLA: 6 };

    expect(await exportAgreement(db, data, view)).toMatchObject({ kind: 'done' });
    expect(bridge.paginatePdf).toHaveBeenCalledTimes(2);
    expect(state.shown).toEqual({ 'h-funnel': 3, 'h-sla': 6 });
    expect(bridge.exportPdf).toHaveBeenCalledTimes(3);
    expect(bridge.exportPdf.mock.calls[2]![0].toc).toEqual([
      { title: 'Embudo', page: 3 },
      { title: 'SLA', page: 6 },
    ]);
    // One file recorded per export that wrote one: the refused print wrote nothing.
    expect((await readAudit(db, data.version.workshopId)).filter((e) => e.type === 'exported')).toHaveLength(2);
  });

  it('says the export is not possible here when the platform cannot print (a plain browser), not a pipeline error in English', async () => {
    const db = createDb(`export-pages-${++n}`);
    const data = input();
    const { view } = printView();
    bridge.paginatePdf.mockResolvedValueOnce(err({ code: 'unsupported', message: 'This browser cannot print the page to count its pages.' }));
    await expect(exportAgreement(db, data, view)).resolves.toEqual({ kind: 'unsupported' });
    bridge.exportPdf.mockResolvedValueOnce(err({ code: 'unsupported', message: 'This browser cannot save the PDF directly.' }));
    await expect(exportAgreement(db, data, { ...view, shownPages: () => ({ 'h-funnel': 3, 'h-sla': 5 }) })).resolves.toEqual({ kind: 'unsupported' });
    expect((await readAudit(db, data.version.workshopId)).filter((e) => e.type === 'exported')).toHaveLength(0);
  });
});
