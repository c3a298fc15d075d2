import { describe, expect, it, vi } from 'vitest';
import { bridgeHandlers, isTrustedSender, type BridgeImpl, type InvokeEventLike } from '../../electron/main/ipc';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/main/security';
import { CHANNELS, MAX_VERIFY_BYTES, type ExportPdfRequest } from '../../shared/bridge/contract';
import { ok } from '../../shared/domain/result';

interface FakeEvent extends InvokeEventLike {
  readonly id: number;
}

function fromFrame(url: string, parent: unknown = null): FakeEvent {
  return { id: 1, senderFrame: { url, parent } };
}

const trusted = fromFrame(`${APP_ENTRY_URL}#/workshops/7/export`);

const exportRequest: ExportPdfRequest = {
  suggestedName: 'Acuerdo 2025.pdf',
  print: { pageSize: 'Letter', headerTemplate: '<span></span>', footerTemplate: '<span class="pageNumber"></span>' },
  metadata: { title: 'Acuerdo', author: 'Pacto', subject: 'SLA', keywords: ['SLA'], language: 'en' },
  snapshotJson: '{"a":1}',
};

function impl(): { [K in keyof BridgeImpl<FakeEvent>]: ReturnType<typeof vi.fn> } & BridgeImpl<FakeEvent> {
  return {
    exportPdf: vi.fn(async () => ok({ path: '/tmp/Acuerdo 2025.pdf', bytes: 1234, sealed: true })),
    appInfo: vi.fn(() => ok({ version: '0.1.0', runtime: 'electron' as const, systemLanguages: ['es-ES'] })),
    setLanguage: vi.fn(() => ok(undefined)),
    paginatePdf: vi.fn(async () => ok({ pageCount: 3, headings: [{ title: 'Firmas', level: 1, page: 3 }] })),
    verifyPdf: vi.fn(async () =>
      ok({
        status: 'not-pacto' as const,
        fingerprint: null,
        version: null,
        workshopId: null,
        agreement: null,
        signatories: [],
        seal: { present: false, intact: false, signer: null, signingTime: null, keyFingerprint: null, key: 'unknown' as const },
        pageText: { status: 'not-checked' as const, changedPages: [], pageCount: null },
        reasons: [{ code: 'not-a-pdf', message: 'no' }],
      }),
    ),
    openExternal: vi.fn(async () => ok(undefined)),
    saveFile: vi.fn(async () => ok({ path: '/tmp/Embudo.svg', bytes: 3 })),
    openWorkshopFile: vi.fn(async () => ok({ path: '/tmp/Acuerdo.pacto', name: 'Acuerdo.pacto', bytes: new Uint8Array([123]) })),
    saveWorkshopFile: vi.fn(async () => ok({ path: '/tmp/Acuerdo.pacto', name: 'Acuerdo.pacto', bytes: 1 })),
    recentFiles: vi.fn(() => ok([])),
    forgetRecentFile: vi.fn(() => ok([])),
    pendingFiles: vi.fn(async () => ok([])),
    setDocumentState: vi.fn(() => ok(undefined)),
    writeBackup: vi.fn(async () =>
      ok({ id: '20261130T100000000Z-timer', workshopId: 'w1', createdAt: '2026-11-30T10:00:00.000Z', reason: 'timer' as const, bytes: 1, summary: null }),
    ),
    listBackups: vi.fn(async () => ok([])),
    readBackup: vi.fn(async () => ok(new Uint8Array([1]))),
    quitReady: vi.fn(() => ok(undefined)),
  };
}

const pactoSave = { mode: 'save' as const, suggestedName: 'Acuerdo 2027.pacto', path: '/home/ana/Acuerdo 2027.pacto', bytes: new Uint8Array([123, 125]) };
const backupWrite = {
  workshopId: 'w-1',
  reason: 'timer' as const,
  summary: { title: 'Acuerdo', terms: 6, stages: 6, versions: 1 },
  bytes: new Uint8Array([123]),
};

const saveRequest = { suggestedName: 'Embudo acordado.svg', mimeType: 'image/svg+xml' as const, data: new Uint8Array([60, 115, 118]) };

describe('isTrustedSender', () => {
  it('trusts the top frame of the app', () => {
    expect(isTrustedSender(trusted, APP_ORIGIN)).toBe(true);
  });

  it.each([
    ['a destroyed frame', { senderFrame: null }],
    ['a subframe of the app', fromFrame(APP_ENTRY_URL, { url: APP_ENTRY_URL })],
    ['a remote page', fromFrame('https://evil.example/')],
    ['a look-alike host', fromFrame('app://pacto.evil/index.html')],
    ['a file page', fromFrame('file:///tmp/index.html')],
    ['about:blank', fromFrame('about:blank')],
  ])('does not trust %s', (_what, event) => {
    expect(isTrustedSender(event, APP_ORIGIN)).toBe(false);
  });
});

describe('bridgeHandlers', () => {
  it('has exactly one handler per channel of the contract', () => {
    expect(Object.keys(bridgeHandlers(impl(), APP_ORIGIN)).sort()).toEqual(Object.keys(CHANNELS).sort());
  });

  it('passes a checked, parsed request and the event to the export', async () => {
    const work = impl();
    const handlers = bridgeHandlers(work, APP_ORIGIN);
    const result = await handlers.exportPdf(trusted, { ...exportRequest, extra: 'dropped' });
    expect(result).toEqual(ok({ path: '/tmp/Acuerdo 2025.pdf', bytes: 1234, sealed: true }));
    expect(work.exportPdf).toHaveBeenCalledWith(exportRequest, trusted);
  });

  it('answers appInfo and setLanguage', async () => {
    const work = impl();
    const handlers = bridgeHandlers(work, APP_ORIGIN);
    expect(await handlers.appInfo(trusted, undefined)).toEqual(ok({ version: '0.1.0', runtime: 'electron', systemLanguages: ['es-ES'] }));
    expect(await handlers.setLanguage(trusted, 'es')).toEqual(ok(undefined));
    expect(work.setLanguage).toHaveBeenCalledWith('es');
  });

  it('opens http, https and mailto addresses outside Pacto', async () => {
    const work = impl();
    const handlers = bridgeHandlers(work, APP_ORIGIN);
    for (const url of ['https://example.com/sla?x=1', 'http://intranet.local/', 'mailto:ventas@example.com']) {
      expect(await handlers.openExternal(trusted, url)).toEqual(ok(undefined));
    }
    expect(work.openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.com/sla?x=1', 'http://intranet.local/', 'mailto:ventas@example.com']);
  });

  it.each(Object.keys(CHANNELS) as (keyof typeof CHANNELS)[])('%s refuses a caller that is not the app', async (key) => {
    const work = impl();
    const handlers = bridgeHandlers(work, APP_ORIGIN);
    const payloads = {
      exportPdf: exportRequest,
      appInfo: undefined,
      setLanguage: 'en',
      paginatePdf: exportRequest.print,
      verifyPdf: { name: 'a.pdf', bytes: new Uint8Array([37]) },
      openExternal: 'https://example.com/',
      saveFile: saveRequest,
      openWorkshopFile: {},
      saveWorkshopFile: pactoSave,
      recentFiles: undefined,
      forgetRecentFile: '/tmp/a.pacto',
      pendingFiles: undefined,
      setDocumentState: { path: null, edited: false },
      writeBackup: backupWrite,
      listBackups: { workshopId: 'w-1' },
      readBackup: { workshopId: 'w-1', id: '20261130T100000000Z-timer' },
      quitReady: undefined,
    };
    for (const event of [fromFrame('https://evil.example/'), fromFrame(APP_ENTRY_URL, {}), { id: 2, senderFrame: null }]) {
      const result = await handlers[key](event, payloads[key]);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining(CHANNELS[key]) } });
    }
    expect(work[key]).not.toHaveBeenCalled();
  });

  it.each([
    ['exportPdf', { ...exportRequest, suggestedName: '../../.bashrc.pdf' }, 'suggestedName'],
    ['exportPdf', { ...exportRequest, suggestedName: 'Acuerdo.exe' }, 'suggestedName'],
    ['exportPdf', { ...exportRequest, print: { ...exportRequest.print, pageSize: 'A3' } }, 'pageSize'],
    ['exportPdf', { ...exportRequest, metadata: undefined }, 'metadata'],
    ['exportPdf', 'a string', ''],
    ['setLanguage', 'fr', ''],
    ['setLanguage', undefined, ''],
    ['appInfo', { sneaky: true }, ''],
    ['paginatePdf', { ...exportRequest.print, pageSize: 'A5' }, 'pageSize'],
    ['verifyPdf', { name: 'a.pdf', bytes: 'JVBERi0=' }, 'bytes'],
    ['verifyPdf', { name: 'a.pdf', bytes: [37, 80, 68, 70] }, 'bytes'],
    ['verifyPdf', { bytes: new Uint8Array([37]) }, 'name'],
    ['openExternal', 'javascript:alert(1)', ''],
    ['openExternal', 'file:///etc/passwd', ''],
    ['openExternal', 'pacto://evil', ''],
    ['openExternal', 'not a url', ''],
    ['openExternal', `https://example.com/${'a'.repeat(2048)}`, ''],
    ['openExternal', { url: 'https://example.com' }, ''],
    ['exportPdf', { ...exportRequest, toc: [{ title: 'Firmas', page: 0 }] }, 'toc'],
    ['exportPdf', { ...exportRequest, signatureRecord: { format: 'other' } }, 'signatureRecord'],
    ['saveWorkshopFile', { ...pactoSave, suggestedName: '../Acuerdo.pacto' }, 'suggestedName'],
    ['saveWorkshopFile', { ...pactoSave, suggestedName: 'Acuerdo.exe' }, 'suggestedName'],
    ['saveWorkshopFile', { ...pactoSave, mode: 'overwrite' }, 'mode'],
    ['saveWorkshopFile', { ...pactoSave, bytes: '{}' }, 'bytes'],
    ['openWorkshopFile', { path: '' }, 'path'],
    ['openWorkshopFile', { path: '/tmp/a.pacto', extra: 1 }, ''],
    ['writeBackup', { ...backupWrite, workshopId: '../../etc' }, 'workshopId'],
    ['writeBackup', { ...backupWrite, reason: 'whenever' }, 'reason'],
    ['writeBackup', { ...backupWrite, summary: { title: 'x', terms: -1, stages: 0, versions: 0 } }, 'terms'],
    ['readBackup', { workshopId: 'w-1', id: '../../seal-key' }, 'id'],
    ['readBackup', { workshopId: 'w/1', id: '20261130T100000000Z-timer' }, 'workshopId'],
    ['listBackups', { workshopId: '..' }, 'workshopId'],
    ['setDocumentState', { path: '/tmp/a.pacto' }, 'edited'],
  ] as const)('%s refuses the payload %j', async (key, payload, field) => {
    const work = impl();
    const result = await bridgeHandlers(work, APP_ORIGIN)[key](trusted, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining(CHANNELS[key]) } });
    if (!result.ok) expect(result.error.message).toContain(field);
    expect(work[key]).not.toHaveBeenCalled();
  });

  it('passes a dropped file’s bytes to the verifier and its verdict back', async () => {
    const work = impl();
    const bytes = new TextEncoder().encode('not a pdf');
    const result = await bridgeHandlers(work, APP_ORIGIN).verifyPdf(trusted, { name: 'contrato.pdf', bytes });
    expect(result).toMatchObject({ ok: true, value: { status: 'not-pacto' } });
    expect(work.verifyPdf).toHaveBeenCalledWith({ name: 'contrato.pdf', bytes });
  });

  it('refuses a file larger than the verifier accepts', async () => {
    const work = impl();
    const result = await bridgeHandlers(work, APP_ORIGIN).verifyPdf(trusted, { name: 'huge.pdf', bytes: new Uint8Array(MAX_VERIFY_BYTES + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('too-large') } });
    expect(work.verifyPdf).not.toHaveBeenCalled();
  });

  it('turns a throwing implementation into an error result instead of a rejection', async () => {
    const work = impl();
    work.exportPdf = vi.fn(async () => {
      throw new Error('webContents destroyed');
    });
    work.appInfo = vi.fn(() => {
      throw new Error('not ready');
    });
    const handlers = bridgeHandlers(work, APP_ORIGIN);
    await expect(handlers.exportPdf(trusted, exportRequest)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: `${CHANNELS.exportPdf}: webContents destroyed` },
    });
    await expect(handlers.appInfo(trusted, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('trusts the dev server instead of app:// under electron-vite dev', async () => {
    const handlers = bridgeHandlers(impl(), 'http://localhost:5173');
    expect(await handlers.setLanguage(fromFrame('http://localhost:5173/'), 'en')).toEqual(ok(undefined));
    expect(await handlers.setLanguage(trusted, 'en')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('saveFile handler', () => {
  it('passes a checked request and the event to the save', async () => {
    const work = impl();
    const result = await bridgeHandlers(work, APP_ORIGIN).saveFile(trusted, saveRequest);
    expect(result).toEqual(ok({ path: '/tmp/Embudo.svg', bytes: 3 }));
    expect(work.saveFile).toHaveBeenCalledWith(saveRequest, trusted);
  });

  it.each([
    ['a name with a folder', { ...saveRequest, suggestedName: '../Embudo.svg' }],
    ['an extension that does not match the type', { ...saveRequest, suggestedName: 'Embudo.exe' }],
    ['a PNG named .svg', { ...saveRequest, mimeType: 'image/png', suggestedName: 'Embudo.svg' }],
    ['a type it does not save', { ...saveRequest, mimeType: 'text/html', suggestedName: 'Embudo.html' }],
    ['text instead of bytes', { ...saveRequest, data: '<svg/>' }],
  ])('refuses %s without saving', async (_what, payload) => {
    const work = impl();
    const result = await bridgeHandlers(work, APP_ORIGIN).saveFile(trusted, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(work.saveFile).not.toHaveBeenCalled();
  });
});
