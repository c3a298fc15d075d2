/**
 * The printed agreement in the workshop's language, whatever the UI's: cover,
 * contents (with the pages given, in section order), parties with a freeze
 * override, signatures and the certificate with the audit trail and what
 * the seal proves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { PrintView } from '../../renderer/features/agreement/PrintView';
import { initI18n } from '../../renderer/i18n';
import { appendAuditEvent, type AuditEvent } from '../../shared/agreement/audit';
import { freezeGate, overrideFreezeGate } from '../../shared/agreement/approvals';
import { formatFingerprint } from '../../shared/agreement/fingerprint';
import { freezeVersion, readSnapshot, type Signature } from '../../shared/agreement/version';
import { sampleWorkshop } from '../../shared/sample/standard-content';

beforeAll(async () => {
  await initI18n('es');
});

const NOW = new Date('2026-11-30T17:00:00Z');

function english() {
  const content = sampleWorkshop('2026-11-30');
  return { ...content, meta: { ...content.meta, language: 'en' as const } };
}

describe('PrintView', () => {
  it('prints an English workshop in English, with contents, override, certificate and the seal statement', () => {
    const content = english();
    const carmen = content.participants.find((p) => p.id === 'p-carmen')!;
    const made = overrideFreezeGate(freezeGate(content, []), carmen, 'Board signs today.', NOW, 'Europe/Madrid');
    if (!made.ok) throw new Error(made.error.message);
    const version = freezeVersion('w1', 3, content, NOW, made.value);
    const lucia = content.participants.find((p) => p.id === 'p-lucia')!;
    const signature: Signature = {
      id: 's1',
      versionId: version.id,
      workshopId: 'w1',
      participantId: lucia.id,
      name: lucia.name,
      title: lucia.title,
      team: lucia.team,
      method: 'typed',
      image: 'data:image/png;base64,iVBORw0KGgo=',
      signedAt: '2026-11-30T18:04:05+01:00',
      timeZone: 'Europe/Madrid',
      fingerprint: version.fingerprint,
      consent: 'I sign version 3 with a simple electronic signature.',
    };
    const audit: AuditEvent[] = appendAuditEvent([], {
      type: 'created',
      at: NOW,
      timeZone: 'America/Mexico_City',
      actor: { participantId: null, name: 'Pacto', team: null },
      details: { sample: true },
    });
    render(
      <PrintView
        version={version}
        snapshot={readSnapshot(version)}
        signatures={[signature]}
        audit={audit}
        pages={{ summary: 2, parties: 3, certificate: 9 }}
      />,
    );
    const doc = screen.getByTestId('print-view');
    expect(doc.getAttribute('lang')).toBe('en');

    const toc = doc.querySelector('#toc')!;
    expect(toc.querySelector('h2')!.textContent).toBe('Contents');
    const lines = [...toc.querySelectorAll('li')].map((li) => [
      li.querySelector('.print-toc__title')!.textContent,
      li.querySelector('.print-toc__page')!.textContent,
    ]);
    expect(lines[0]).toEqual(['Executive summary', '2']);
    expect(lines[1]).toEqual(['Parties', '3']);
    expect(lines.find(([title]) => title === 'Signing certificate')).toEqual(['Signing certificate', '9']);
    expect(lines.at(-1)![0]).toBe('Appendix: audit trail');
    // Every section after the contents is listed once, in print order; pages not yet counted stay blank.
    const headings = [...doc.querySelectorAll('.print-section:not(.print-toc) > h2')].map((h) => h.textContent);
    expect(lines.map(([title]) => title)).toEqual(headings);
    expect(lines.filter(([, page]) => page === '').length).toBe(lines.length - 3);
    // The contents share the cover, whose status box says what "frozen with open items" means.
    expect(doc.querySelector('.print-cover #toc')).toBeTruthy();
    expect(screen.getByTestId('cover-open').textContent).toMatch(/frozen with \d+ items still open/);

    // The executive summary: definitions, funnel, targets, signatories and the open items.
    const summary = doc.querySelector('#summary')!;
    expect(summary.textContent).toContain('Agreed definitions');
    expect(screen.getByTestId('summary-funnel').textContent).toMatch(/Lead → 25 % · 14 d → MQL/);
    expect(summary.textContent).toContain('Lucía Fernández Ortega');
    expect(screen.getByTestId('summary-open').textContent).toMatch(/terms or clauses not agreed by both teams/);

    const override = within(screen.getByTestId('print-override'));
    expect(override.getByText('Frozen with items not agreed')).toBeTruthy();
    expect(screen.getByTestId('print-override').textContent).toContain('Decided by Carmen Peña Ruiz (Leadership)');
    expect(screen.getByTestId('print-override').textContent).toContain('“Board signs today.”');

    const certificate = doc.querySelector('#certificate')!;
    expect(certificate.textContent).toContain('w1:v3');
    expect(screen.getByTestId('certificate-fingerprint').textContent).toBe(formatFingerprint(version.fingerprint));
    // The audit trail is the appendix, one line per event under its day.
    const appendix = doc.querySelector('#audit')!;
    expect(appendix.textContent).toContain('Workshop created');
    expect(appendix.querySelectorAll('.print-audit__day')).toHaveLength(1);
    expect(certificate.textContent).toContain('I sign version 3 with a simple electronic signature.');
    expect(certificate.textContent).toContain('Hash chain intact: 1 event;');
    expect(certificate.textContent).toMatch(/proves integrity .* not the identity/);
    expect(certificate.textContent).toContain('Not signed yet');
  });
});
