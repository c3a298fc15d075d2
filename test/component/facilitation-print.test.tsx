/**
 * The printed agreement's "Decisions" and "Follow-ups" sections
 * (features/facilitation/print): what the version froze, in the workshop's
 * language, listed in the contents; left out when the version records none.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { PrintView } from '../../renderer/features/agreement/PrintView';
import { initI18n } from '../../renderer/i18n';
import { freezeVersion, readSnapshot } from '../../shared/agreement/version';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import type { AgreementRecord } from '../../shared/facilitation/record';

beforeAll(async () => {
  await initI18n('en');
});

const NOW = new Date('2026-11-30T17:00:00Z');
const record: AgreementRecord = {
  decisions: [
    {
      id: 'd1',
      what: 'SAL becomes a stage of the agreed funnel',
      why: 'Sales accepts a lead before qualifying it',
      decidedBy: ['marketing', 'sales'],
      links: [
        { kind: 'gap', id: 'g1', label: 'SAL missing in Marketing’s funnel' },
        { kind: 'stage', id: 'stage-sal', label: 'SAL' },
      ],
      decidedAt: Date.parse('2026-11-30T10:40:00Z'),
    },
  ],
  followUps: [{ id: 'q1', question: 'Which CRM field holds the fit score?', ownerId: 'p-lucia', ownerName: 'Lucía Romero', due: '2027-01-15' }],
};

function printed(language: 'es' | 'en', withRecord: boolean) {
  const content = sampleWorkshop('2026-11-30');
  const version = freezeVersion('w1', 1, { ...content, meta: { ...content.meta, language } }, NOW, undefined, withRecord ? record : undefined);
  render(<PrintView version={version} snapshot={readSnapshot(version)} signatures={[]} />);
  return screen.getByTestId('print-view');
}

const headings = (doc: HTMLElement) => [...doc.querySelectorAll('.print-section:not(.print-toc) > h2')].map((h) => h.textContent);

describe('decisions and follow-ups in the printed agreement', () => {
  it('prints each decision with why, who by team and what it changed, and the open questions with owner and due date', () => {
    const doc = printed('en', true);
    const list = headings(doc);
    expect(list.indexOf('Decisions')).toBeGreaterThan(list.indexOf('Service level agreement (SLA)'));
    expect(list.indexOf('Follow-ups')).toBe(list.indexOf('Decisions') + 1);
    const toc = [...doc.querySelectorAll('#toc .print-toc__title')].map((e) => e.textContent);
    expect(toc).toContain('Decisions');
    expect(toc).toContain('Follow-ups');
    const decisions = screen.getByTestId('print-decisions').textContent!;
    expect(decisions).toContain('SAL becomes a stage of the agreed funnel');
    expect(decisions).toContain('Sales accepts a lead before qualifying it');
    expect(decisions).toContain('Marketing, Sales');
    expect(decisions).toContain('Gap: SAL missing in Marketing’s funnel; Stage: SAL');
    const rows = [...screen.getByTestId('print-follow-ups').querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([['Which CRM field holds the fit score?', 'Lucía Romero', 'January 15, 2027']]);
  });

  it('is in Spanish for a Spanish workshop', () => {
    const doc = printed('es', true);
    expect(headings(doc)).toEqual(expect.arrayContaining(['Decisiones', 'Pendientes']));
    expect(screen.getByTestId('print-decisions').textContent).toContain('Diferencia: SAL missing');
  });

  it('leaves both sections out when the version records none', () => {
    const doc = printed('en', false);
    expect(headings(doc)).not.toContain('Decisions');
    expect(headings(doc)).not.toContain('Follow-ups');
    expect(screen.queryByTestId('print-decisions')).toBeNull();
  });
});
