/**
 * The sign step on a real open workshop (fake IndexedDB): when both teams
 * agreed every term and clause the gate is open and freezing needs no
 * override; the version carries none and the audit trail records the freeze.
 * With open items the button stays disabled until the override is ticked.
 * Differences still open in Compare are said, with the way there.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { approvableItems } from '../../shared/agreement/approvals';
import { readSnapshot } from '../../shared/agreement/version';
import { approveInDoc } from '../../shared/domain/approvals-doc';
import { clearGapResolution, setGapResolution } from '../../shared/domain/gap-resolutions-doc';
import { gapResolution } from '../../shared/funnel/gap-resolutions';
import { findGaps } from '../../shared/funnel/gaps';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { readAudit } from '../../renderer/data/audit';
import { db } from '../../renderer/data/instance';
import { activeDoc, closeSession, edit, openSession } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { SignScreen } from '../../renderer/features/agreement/SignScreen';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';

beforeAll(async () => {
  await initI18n('es');
  useAppStore.getState().setLanguage('es');
});

afterEach(() => {
  // Unmount before closing: the screen reads the open session.
  cleanup();
  closeSession();
});

async function openSample(): Promise<string> {
  const id = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  await openSession(db, id);
  return id;
}

describe('SignScreen freeze gate', () => {
  it('freezes without an override once both teams agreed every item, and records the freeze', async () => {
    const id = await openSample();
    const doc = activeDoc()!;
    const content = useAppStore.getState().session!.content;
    const lucia = content.participants.find((p) => p.id === 'p-lucia')!;
    const jorge = content.participants.find((p) => p.id === 'p-jorge')!;
    for (const item of approvableItems(content)) {
      for (const who of [lucia, jorge]) expect(approveInDoc(doc, content, item, who, new Date(), 'Europe/Madrid')).toMatchObject({ team: who.team });
    }
    render(<SignScreen />);
    expect(screen.getByTestId('gate-ready').textContent).toMatch(/Todos los términos y cláusulas están acordados/);
    expect(screen.queryByTestId('freeze-override')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Congelar para firma' }));
    await waitFor(async () => expect(await db.versions.where('workshopId').equals(id).count()).toBe(1));
    const version = (await db.versions.where('workshopId').equals(id).first())!;
    expect(readSnapshot(version).override).toBeUndefined();
    const trail = await readAudit(db, id);
    expect(trail.map((e) => e.type)).toEqual(['created', 'frozen']);
    expect(trail[1]!.details).toEqual({ version: 1, fingerprint: version.fingerprint });
  });

  it('keeps freezing disabled with open items until the override is ticked', async () => {
    const id = await openSample();
    render(<SignScreen />);
    const freeze = screen.getByTestId('freeze') as HTMLButtonElement;
    expect(freeze.disabled).toBe(true);
    await userEvent.click(screen.getByTestId('freeze-override'));
    expect(freeze.disabled).toBe(false);
    await userEvent.selectOptions(screen.getByTestId('override-who'), 'p-jorge');
    await userEvent.click(freeze);
    expect((await screen.findByRole('alert')).textContent).toBe('Indique el motivo de la excepción.');
    expect(await db.versions.where('workshopId').equals(id).count()).toBe(0);
    await userEvent.type(screen.getByTestId('override-reason'), 'Cerramos hoy.');
    await userEvent.click(freeze);
    await waitFor(async () => expect(await db.versions.where('workshopId').equals(id).count()).toBe(1));
    const version = (await db.versions.where('workshopId').equals(id).first())!;
    expect(readSnapshot(version).override).toMatchObject({ participantId: 'p-jorge', reason: 'Cerramos hoy.', team: 'sales' });
    const frozen = (await readAudit(db, id)).find((e) => e.type === 'frozen')!;
    expect(frozen.actor).toEqual({ participantId: 'p-jorge', name: 'Jorge Ibáñez Muñoz', team: 'sales' });
    expect(frozen.details['override']).toMatchObject({ reason: 'Cerramos hoy.' });
  });

  it('says how many differences between the team funnels are still open in Compare, counts down as they are settled, and leads there', async () => {
    const id = await openSample();
    const content = useAppStore.getState().session!.content;
    const gaps = findGaps(content.funnels.marketing, content.funnels.sales, undefined, content.terms);
    expect(gaps.length).toBeGreaterThan(1);
    render(<SignScreen />);
    expect(screen.getByTestId('gate-gaps-open').textContent).toContain(`En Comparar quedan ${gaps.length} diferencias sin resolver`);
    // One settled elsewhere (another laptop, the Compare step): the count follows the document.
    const [first, ...rest] = gaps;
    edit((doc) => setGapResolution(doc, gapResolution(first!, 'glossary', null, new Date())));
    await waitFor(() => expect(screen.getByTestId('gate-gaps-open').textContent).toContain(`quedan ${rest.length} diferencias`));
    edit((doc) => {
      for (const gap of rest) setGapResolution(doc, gapResolution(gap, 'glossary', null, new Date()));
    });
    await waitFor(() => expect(screen.queryByTestId('gate-gaps-open')).toBeNull());
    // Reopened: the note and its way to Compare are back.
    edit((doc) => clearGapResolution(doc, first!.id));
    await userEvent.click(await screen.findByRole('button', { name: 'Abrir Comparar' }));
    expect(useAppStore.getState().route).toEqual({ screen: 'workshop', id, step: 'funnel', focus: 'compare' });
  });
});
