/**
 * What a new workshop starts from, chosen in the new-workshop form: blank
 * (empty funnels, no terms, no SLA commitments, no revenue target), a template (the agreed
 * funnel from the chosen template, the teams' funnels empty), or a copy of
 * another workshop (its content under the new details, no approvals).
 * Choosing "a copy" without a workshop says so and creates nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Home } from '../../renderer/features/workshops/Home';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import { db } from '../../renderer/data/instance';
import { createWorkshop, readWorkshopContent } from '../../renderer/data/workshops';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { FUNNEL_TEMPLATES } from '../../shared/funnel/templates';

beforeAll(async () => {
  await initI18n('en');
  useAppStore.getState().setLanguage('en');
});

beforeEach(async () => {
  await db.workshops.clear();
  useAppStore.getState().setWorkshops(await db.workshops.toArray());
  useAppStore.getState().navigate({ screen: 'home' });
});

async function fillDetails(title: string): Promise<void> {
  await userEvent.click(screen.getByRole('button', { name: '+ New workshop' }));
  // The form is its own chunk, loaded when it opens (here: transformed on first use, slow on a busy machine).
  await userEvent.type(await screen.findByLabelText('Title', {}, { timeout: 15_000 }), title);
  await userEvent.type(screen.getByLabelText('Company'), 'Acme Andina');
}

async function createdContent(title: string) {
  await waitFor(() => expect(useAppStore.getState().route.screen).toBe('workshop'));
  const row = (await db.workshops.toArray()).find((r) => r.title === title)!;
  return readWorkshopContent(db, row.id);
}

describe('new workshop: what it starts from', () => {
  it('starts blank: empty funnels, no terms, no SLA commitments, no revenue target', async () => {
    render(<Home />);
    await fillDetails('Blank kick-off');
    await userEvent.click(screen.getByLabelText('Blank'));
    expect(screen.getByTestId('new-start').textContent).toContain('Empty funnels, no terms, no SLA commitments, no revenue target');
    await userEvent.click(screen.getByRole('button', { name: 'Create workshop' }));
    const content = await createdContent('Blank kick-off');
    expect(content.funnels.agreed.stages).toEqual([]);
    expect(content.funnels.marketing.stages).toEqual([]);
    expect(content.funnels.sales.stages).toEqual([]);
    expect(content.terms).toEqual([]);
    expect(content.sla.commitments).toEqual([]);
    // No made-up figures: the Targets step asks for the revenue target and deal size.
    expect(content.targets).toEqual({ revenueTarget: null, averageDealSize: null, periodMonths: 12 });
    expect(content.meta.company).toBe('Acme Andina');
  });

  it('starts from the chosen template: its stages in the agreed funnel, the teams draw their own', async () => {
    render(<Home />);
    await fillDetails('Simple kick-off');
    await userEvent.selectOptions(screen.getByLabelText('Which template'), 'simple-b2b');
    expect((screen.getByLabelText('A template') as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Create workshop' }));
    const content = await createdContent('Simple kick-off');
    expect(content.funnels.agreed.stages).toHaveLength(FUNNEL_TEMPLATES['simple-b2b'].stages.length);
    expect(content.funnels.marketing.stages).toEqual([]);
    expect(content.funnels.sales.stages).toEqual([]);
    expect(content.terms.length).toBeGreaterThan(0);
  });

  it('copies another workshop under the new details, and asks which one when none is chosen', async () => {
    const sourceId = await createWorkshop(db, sampleWorkshop('2026-11-30'));
    useAppStore.getState().setWorkshops(await db.workshops.toArray());
    render(<Home />);
    await fillDetails('Copy kick-off');
    await userEvent.click(screen.getByLabelText('A copy of another workshop'));
    await userEvent.click(screen.getByRole('button', { name: 'Create workshop' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose the workshop to copy.');
    expect(await db.workshops.count()).toBe(1);
    await userEvent.selectOptions(screen.getByLabelText('Which workshop to copy'), sourceId);
    await userEvent.click(screen.getByRole('button', { name: 'Create workshop' }));
    const content = await createdContent('Copy kick-off');
    const source = await readWorkshopContent(db, sourceId);
    expect(content.meta.title).toBe('Copy kick-off');
    expect(content.funnels).toEqual(source.funnels);
    expect(content.terms).toEqual(source.terms);
    expect(content.participants).toEqual(source.participants);
  });
});
