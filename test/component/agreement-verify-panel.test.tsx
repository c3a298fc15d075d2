/**
 * The PDF verifier in the renderer: a picked or dropped file goes through
 * the bridge and its verdict is shown with what no longer matches, in the
 * UI's language; a runtime that cannot verify says so instead of pretending.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GlobalPdfDrop, VerifyPanel } from '../../renderer/features/versions/VerifyPanel';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import type { PdfVerdict } from '../../shared/bridge/contract';

beforeAll(async () => {
  await initI18n('es');
  useAppStore.getState().setLanguage('es');
});

afterEach(() => {
  useAppStore.getState().setSession(null);
  delete window.pactoBrowserVerifier;
});

const altered: PdfVerdict = {
  status: 'altered',
  fingerprint: 'a'.repeat(64),
  version: 2,
  workshopId: 'w-nubecom',
  agreement: { title: 'Acuerdo 2027', company: 'Nubecom Soluciones', date: '2026-11-30', frozenAt: '2026-11-30T17:00:00.000Z' },
  signatories: [
    {
      participantId: 'p-lucia',
      name: 'Lucía Fernández Ortega',
      title: 'Directora de Marketing',
      team: 'marketing',
      signed: true,
      signedAt: '2026-11-30T18:04:05+01:00',
      timeZone: 'Europe/Madrid',
    },
  ],
  seal: {
    present: true,
    intact: false,
    signer: 'Pacto integrity seal 1234',
    signingTime: '2026-11-30T17:05:00.000Z',
    keyFingerprint: 'b'.repeat(64),
    key: 'unknown',
  },
  pageText: { status: 'match', changedPages: [], pageCount: 12 },
  reasons: [
    { code: 'seal-broken', message: 'The seal is broken: the sealed bytes were changed after sealing' },
    { code: 'snapshot-not-canonical', message: 'rewritten' },
  ],
};

const pdfFile = (name = 'acuerdo.pdf') => new File([new Uint8Array([37, 80, 68, 70, 45])], name, { type: 'application/pdf' });

describe('VerifyPanel', () => {
  it('shows an altered verdict with each reason in Spanish, the fingerprint and the signatories', async () => {
    window.pactoBrowserVerifier = vi.fn(async () => altered);
    render(<VerifyPanel />);
    await userEvent.upload(screen.getByTestId('verify-file'), pdfFile());
    const verdict = await screen.findByTestId('verify-verdict');
    expect(verdict.getAttribute('data-status')).toBe('altered');
    expect(verdict.textContent).toContain('Alterado: acuerdo.pdf ya no coincide con lo que se exportó.');
    expect(verdict.textContent).toContain('aaaa aaaa');
    expect(verdict.textContent).toContain('Lucía Fernández Ortega (Marketing)');
    const reasons = [...screen.getByTestId('verify-reasons').querySelectorAll('li')].map((li) => li.getAttribute('data-code'));
    expect(reasons).toEqual(['seal-broken', 'snapshot-not-canonical']);
    expect(screen.getByTestId('verify-reasons').textContent).toContain('El sello está roto');
    expect(window.pactoBrowserVerifier).toHaveBeenCalledWith(Buffer.from([37, 80, 68, 70, 45]).toString('base64'));
  });

  it('says a plain browser cannot verify, naming the desktop app and the command line', async () => {
    render(<VerifyPanel />);
    await userEvent.upload(screen.getByTestId('verify-file'), pdfFile());
    const verdict = await screen.findByTestId('verify-verdict');
    expect(verdict.getAttribute('data-status')).toBe('failed');
    expect(verdict.textContent).toContain('npx pacto verify');
  });

  it('verifies a file dropped onto the zone', async () => {
    window.pactoBrowserVerifier = vi.fn(async () => ({ ...altered, status: 'not-pacto' as const, reasons: [{ code: 'not-a-pdf', message: 'no' }] }));
    render(<VerifyPanel />);
    fireEvent.drop(screen.getByTestId('verify-dropzone'), { dataTransfer: { files: [pdfFile('nota.pdf')], types: ['Files'] } });
    await waitFor(() => expect(screen.getByTestId('verify-verdict').getAttribute('data-status')).toBe('not-pacto'));
    expect(screen.getByTestId('verify-verdict').textContent).toContain('No es un acuerdo de Pacto: nota.pdf.');
  });
});

describe('VerifyPanel: the seal key and what the seal proves', () => {
  const intact: PdfVerdict = { ...altered, status: 'intact', seal: { ...altered.seal, intact: true }, reasons: [] };

  it('names the seal key, says it is unknown, and says a complete forgery is found only against a trusted copy', async () => {
    window.pactoBrowserVerifier = vi.fn(async () => intact);
    render(<VerifyPanel />);
    await userEvent.upload(screen.getByTestId('verify-file'), pdfFile());
    const key = await screen.findByTestId('verify-seal-key');
    expect(key.getAttribute('data-key')).toBe('unknown');
    expect(key.textContent).toContain('bbbb bbbb');
    expect(key.textContent).toContain('una clave que esta instalación no conoce');
    expect(screen.getByTestId('verify-forgery-note').textContent).toContain('solo se descubre comparando con una copia de confianza');
    expect(screen.getByTestId('verify-verdict').textContent).toContain('El texto visible de las 12 páginas es el que se exportó.');
  });

  it('says when the visible text was not checked (a PDF of an earlier Pacto)', async () => {
    window.pactoBrowserVerifier = vi.fn(async () => ({
      ...intact,
      seal: { ...intact.seal, key: 'own' as const },
      pageText: { status: 'not-recorded' as const, changedPages: [], pageCount: 12 },
    }));
    render(<VerifyPanel />);
    await userEvent.upload(screen.getByTestId('verify-file'), pdfFile());
    expect((await screen.findByTestId('verify-page-text')).textContent).toContain('el texto visible no se comprobó');
    expect(screen.getByTestId('verify-seal-key').textContent).toContain('la clave de esta instalación');
  });

  it('compares with the open workshop: another workshop does not match', async () => {
    useAppStore.getState().setSession({
      id: 'w-otro',
      content: { meta: { title: 'Otro taller' } } as never,
      canUndo: false,
      canRedo: false,
      versions: [],
      signatures: [],
      status: 'draft',
    });
    window.pactoBrowserVerifier = vi.fn(async () => intact);
    render(<VerifyPanel />);
    await userEvent.upload(screen.getByTestId('verify-file'), pdfFile());
    // Compared once the open workshop's audit trail is read.
    await waitFor(() => expect(screen.getByTestId('verify-workshop').getAttribute('data-status')).toBe('mismatch'));
    const block = screen.getByTestId('verify-workshop');
    expect(block.textContent).toContain('Comparado con el taller abierto «Otro taller»');
    expect(block.textContent).toContain('El PDF es de otro taller.');
    // Which workshop it belongs to, from the agreement the PDF carries, in the UI language.
    expect(screen.getByTestId('verify-other-workshop').textContent).toBe(
      `Es el acuerdo «${intact.agreement!.title}» de Nubecom Soluciones (30 de noviembre de 2026), no una versión de «Otro taller».`,
    );
  });
});

describe('GlobalPdfDrop', () => {
  it('verifies a file dropped anywhere on the window and shows the verdict until dismissed', async () => {
    window.pactoBrowserVerifier = vi.fn(async () => ({ ...altered, status: 'intact' as const, reasons: [] }));
    render(<GlobalPdfDrop />);
    expect(screen.queryByTestId('drop-verify-dialog')).toBeNull();
    fireEvent.drop(window, { dataTransfer: { files: [pdfFile()], types: ['Files'] } });
    await waitFor(() => expect(screen.getByTestId('verify-verdict').getAttribute('data-status')).toBe('intact'));
    await userEvent.click(screen.getByRole('button', { name: 'Cerrar' }));
    expect(screen.queryByTestId('drop-verify-dialog')).toBeNull();
  });

  it('leaves alone other files and drops another zone already handled', async () => {
    window.pactoBrowserVerifier = vi.fn(async () => ({ ...altered, status: 'intact' as const, reasons: [] }));
    render(<GlobalPdfDrop />);
    fireEvent.drop(window, { dataTransfer: { files: [new File(['a;b'], 'hubspot.csv', { type: 'text/csv' })], types: ['Files'] } });
    const handled = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(handled, 'dataTransfer', { value: { files: [pdfFile()], types: ['Files'] } });
    handled.preventDefault();
    window.dispatchEvent(handled);
    await new Promise((r) => setTimeout(r, 20));
    expect(window.pactoBrowserVerifier).not.toHaveBeenCalled();
    expect(screen.queryByTestId('drop-verify-dialog')).toBeNull();
  });
});
