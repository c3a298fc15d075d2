/**
 * The Export step waits for the audit trail (fake IndexedDB, the sample
 * workshop frozen as version 1): until the database has answered the trail's
 * read, the Export button stays disabled, so a PDF cannot be sealed with an
 * empty audit appendix; once it has answered, the button is enabled and the
 * print view's appendix lists the trail.
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
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';

/** Holds the audit trail's reads until `release()` (a slow database at the moment the step opens). */
const held = vi.hoisted(() => {
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  return {
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release: () => release(),
    wait: () => gate,
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
  cleanup();
  closeSession();
});

describe('ExportScreen', () => {
  it('keeps Export disabled until the audit trail is read, then enables it with the trail in the appendix', async () => {
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
});
