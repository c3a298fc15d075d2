/**
 * The glossary's term variants from private drafting (features/glossary/TermVariants):
 * while drafting, Sales' laptop sees only Sales' variant; after the reveal
 * (authors hidden) both sit side by side without names, and the facilitator
 * adopts one as the term's definition.
 */
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useAppStore } from '../../renderer/store';
import { sampleSessionEachTest } from '../support/sample-session';
import { TermVariants } from '../../renderer/features/glossary/TermVariants';
import { applyAgendaTemplate, goToBlock, revealDrafts, saveDraft, startPrivateDrafting } from '../../renderer/features/facilitation/actions';
import { setDraftingParty } from '../../renderer/features/facilitation/hooks';
import { readFacilitation } from '../../shared/facilitation/facilitation-doc';
import { activeDoc } from '../../renderer/data/session';

sampleSessionEachTest({ after: () => setDraftingParty(null) });

describe('term variants in the glossary', () => {
  it('shows a team its own variant while drafting, both side by side after the reveal, and adopts one', async () => {
    const term = useAppStore.getState().session!.content.terms[1]!;
    const target = { kind: 'term' as const, id: term.id, label: term.name };
    applyAgendaTemplate('extended-4h');
    goToBlock(readFacilitation(activeDoc()!).agenda.find((b) => b.step === 'glossary' && b.privateDrafting)!.id);
    startPrivateDrafting();
    setDraftingParty('marketing');
    saveDraft(target, { text: 'Fit ≥ 60 and two engagements in 30 days' });
    setDraftingParty('sales');
    saveDraft(target, { text: 'A lead with budget, authority and a project' });
    render(<TermVariants termId={term.id} />);
    expect(screen.getByTestId('term-variant-sales').textContent).toContain('A lead with budget');
    expect(screen.getByTestId('term-variant-marketing').textContent).toContain('No variant.');
    expect(screen.getByTestId('term-variants').textContent).toContain('Private draft');
    expect(screen.queryByTestId('term-variant-adopt-sales')).toBeNull();

    act(() => {
      setDraftingParty(null);
      expect(revealDrafts(true)).toBeNull();
    });
    expect(screen.getByTestId('term-variant-marketing').textContent).toContain('Fit ≥ 60');
    expect(screen.getByTestId('term-variant-sales').textContent).toContain('A lead with budget');
    expect(screen.getByTestId('term-variants').textContent).not.toContain('By ');
    await userEvent.setup().click(screen.getByTestId('term-variant-adopt-marketing'));
    expect(useAppStore.getState().session!.content.terms[1]!.definition).toContain('Fit ≥ 60 and two engagements in 30 days');
  });
});
