/**
 * The Export step waits for the audit trail (fake IndexedDB, the sample
 * workshop frozen as version 1): until the database has answered the trail's
 * read, the Export button stays disabled, so a PDF cannot be sealed with an
 * empty audit appendix; once it has answered, the button is enabled and the
 * print view's appendix lists the trail. When the read fails, Export stays
 * disabled and says why, and the Versions step's trail says it could not be
 * read instead of showing an empty chain.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { approvableItems } from '../../shared/agreement/approvals';
import { approveInDoc } from '../../shared/domain/approvals-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import type * as AuditModule from '../../renderer/data/audit';
import { db } from '../../renderer/data/instance';
import { activeDoc, closeSession, openSession } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { freezeAgreement } from '../../renderer/features/agreement/actions';
import { ExportScreen } from '../../renderer/features/agreement/ExportScreen';
import { VersionsScreen } from '../../renderer/features/versions/VersionsScreen';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';

/** Holds the audit trail's reads until `release()` (a slow database at the moment the step opens). */
const held = vi.hoisted(() => {
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  let failure: string | null = null;
  return {
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release: () => release(),
    /** Makes every read fail with `message` (null: reads answer again). */
    fail(message: string | null) {
      failure = message;
    },
    wait: () => gate.then(() => (failure === null ? undefined : Promise.reject(new Error(failure)))),
  };
});

vi.mock('../../renderer/data/audit', async (importOriginal) => {
  const original = await importOriginal<typeof AuditModule>();
  return { ...original, readAudit: (...args: Parameters<typeof original.readAudit>) => held.wait().then(() => original.readAudit(...args)) };
});

beforeAll(async () => {
  await initI18n('es');
  useAppStore.getState().setLanguage('es');
});

afterEach(() => {
  held.release();
  held.fail(null);
  cleanup();
  closeSession();
});

/** The sample workshop, every item approved by both signatories, frozen as version 1, open. */
async function frozenSample(): Promise<void> {
  const id = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  await openSession(db, id);
  const content = useAppStore.getState().session!.content;
  for (const item of approvableItems(content))
    for (const pid of ['p-lucia', 'p-jorge'])
      approveInDoc(
        activeDoc()!,
        content,
        item,
        content.participants.find((p) => p.id === pid)!,
        new Date(),
        'Europe/Madrid',
      );
  expect(await freezeAgreement(db)).toEqual({ ok: true, value: 1 });
  await waitFor(() => expect(useAppStore.getState().session!.versions).toHaveLength(1));
}

describe('ExportScreen', () => {
  it('keeps Export disabled until the audit trail is read, then enables it with the trail in the appendix', async () => {
    await frozenSample();
    held.hold();
    render(<ExportScreen />);
    const button = screen.getByTestId('export-pdf') as HTMLButtonElement;
    // Several turns of the event loop: the read is held, so nothing may enable the button.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    expect(button.disabled).toBe(true);

    held.release();
    await waitFor(() => expect(button.disabled).toBe(false));
    // The trail read is the one the print view shows: the freeze is in the appendix.
    const root = document.getElementById('print-root')!;
    expect(root.querySelectorAll('.print-audit__time').length).toBeGreaterThan(0);
  });

  it('when the audit trail cannot be read, keeps Export disabled and says why; Versions says the trail could not be read', async () => {
    await frozenSample();
    held.fail('disk I/O error');
    render(<ExportScreen />);
    const alert = await screen.findByTestId('export-audit-failed');
    expect(alert.textContent).toContain('disk I/O error');
    expect(alert.textContent).toContain('No se puede exportar');
    expect((screen.getByTestId('export-pdf') as HTMLButtonElement).disabled).toBe(true);
    cleanup();

    render(<VersionsScreen />);
    const trail = screen.getByTestId('audit-trail');
    await waitFor(() => expect(trail.dataset.status).toBe('failed'));
    expect(trail.textContent).toContain('No se pudo leer el registro de auditoría');
    expect(trail.textContent).toContain('disk I/O error');
    expect(screen.queryByTestId('chain-status')).toBeNull();
  });
});
