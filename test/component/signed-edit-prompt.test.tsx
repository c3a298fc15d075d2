/**
 * A signed agreement is protected by the one edit path: the first edit that
 * would change it asks ("This agreement is signed. Editing starts a new
 * draft; version N and its signatures stay as they are."); declined, nothing
 * is written; accepted, the edit applies and the rest of that draft does not
 * ask again. An edit from a screen (renaming a term in the glossary) goes
 * through the same prompt, and an edit that leaves the content as signed
 * (a comment) does not ask.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { updateTerm } from '../../shared/domain/workshop-doc';
import { db } from '../../renderer/data/instance';
import { activeDoc, addSignature, closeSession, edit, openSession, setSignedEditConfirm } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { freezeAgreement } from '../../renderer/features/agreement/actions';
import { installSignedEditConfirm } from '../../renderer/features/agreement/signed-edit';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import { Glossary } from '../../renderer/features/glossary/Glossary';

beforeAll(async () => {
  await initI18n('en');
  useAppStore.getState().setLanguage('en');
});

afterEach(() => {
  cleanup();
  closeSession();
  setSignedEditConfirm(null);
  vi.restoreAllMocks();
});

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

/** Opens the sample, freezes it as version 1 (with an override) and signs it for every signatory. */
async function openSigned(): Promise<string> {
  const id = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  await openSession(db, id);
  const content = useAppStore.getState().session!.content;
  const signer = content.participants.find((p) => p.signatory)!;
  const frozen = await freezeAgreement(db, { participantId: signer.id, reason: 'Cerramos hoy.' });
  if (!frozen.ok) throw new Error(frozen.error.message);
  const version = (await db.versions.where('workshopId').equals(id).toArray()).find((v) => v.number === frozen.value)!;
  for (const p of content.participants.filter((x) => x.signatory)) {
    await addSignature(db, {
      id: `sig-${id}-${p.id}`,
      versionId: version.id,
      workshopId: id,
      participantId: p.id,
      name: p.name,
      title: p.title,
      team: p.team,
      method: 'typed',
      image: PNG,
      signedAt: '2026-11-30T18:00:00+01:00',
      timeZone: 'Europe/Madrid',
      fingerprint: version.fingerprint,
    });
  }
  await waitFor(() => expect(useAppStore.getState().session!.status).toBe('signed'));
  return id;
}

describe('editing a signed agreement', () => {
  it('asks once per draft; declined writes nothing, accepted starts the new draft', async () => {
    await openSigned();
    installSignedEditConfirm();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValue(true);
    const term = useAppStore.getState().session!.content.terms[0]!;

    expect(edit((doc) => updateTerm(doc, term.id, { name: 'Lead cualificado' }))).toEqual({ '': 'signed' });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]![0]).toBe('This agreement is signed. Editing starts a new draft; version 1 and its signatures stay as they are.');
    expect(useAppStore.getState().session!.content.terms[0]!.name).toBe(term.name);
    expect(useAppStore.getState().session!.status).toBe('signed');

    expect(edit((doc) => updateTerm(doc, term.id, { name: 'Lead cualificado' }))).toBeNull();
    expect(confirm).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(useAppStore.getState().session!.status).toBe('draft'));
    expect(useAppStore.getState().session!.content.terms[0]!.name).toBe('Lead cualificado');

    // The rest of the draft does not ask again.
    expect(edit((doc) => updateTerm(doc, term.id, { name: 'Lead cualificado 2' }))).toBeNull();
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('does not ask for an edit that leaves the signed content as it is', async () => {
    await openSigned();
    installSignedEditConfirm();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const term = useAppStore.getState().session!.content.terms[0]!;
    expect(edit((doc) => updateTerm(doc, term.id, { name: term.name }))).toBeNull();
    expect(confirm).not.toHaveBeenCalled();
    expect(activeDoc()).not.toBeNull();
  });

  it('asks when a screen edits the signed agreement, and keeps the signed text when declined', async () => {
    await openSigned();
    installSignedEditConfirm();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(<Glossary />);
    const term = useAppStore.getState().session!.content.terms[0]!;
    const input = screen.getAllByDisplayValue(term.name)[0]! as HTMLInputElement;
    fireEvent.change(input, { target: { value: `${term.name} X` } });
    fireEvent.blur(input);
    await waitFor(() => expect(confirm).toHaveBeenCalled());
    expect(confirm.mock.calls[0]![0]).toMatch(/^This agreement is signed\. Editing starts a new draft; version 1/);
    expect(useAppStore.getState().session!.content.terms[0]!.name).toBe(term.name);
    expect(useAppStore.getState().session!.status).toBe('signed');
  });
});
