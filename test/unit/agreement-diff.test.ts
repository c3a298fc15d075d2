import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffContent, diffText, diffVersions, type SectionDiff, type TextFieldChange } from '../../shared/agreement/diff';
import { freezeVersion, readSnapshot } from '../../shared/agreement/version';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import type { WorkshopContent } from '../../shared/domain/workshop';

const base = (): WorkshopContent => sampleWorkshop('2026-11-30');

function section(sections: SectionDiff[], name: SectionDiff['section'], funnel?: string): SectionDiff | undefined {
  return sections.find((s) => s.section === name && s.funnel === funnel);
}

describe('diffText', () => {
  it('marks exactly the replaced word', () => {
    const parts = diffText('Sales contacts every MQL within four hours', 'Sales contacts every MQL within two hours');
    expect(parts.filter((p) => p.type === 'removed').map((p) => p.text.trim())).toEqual(['four']);
    expect(parts.filter((p) => p.type === 'added').map((p) => p.text.trim())).toEqual(['two']);
  });

  it('shows a change when only line breaks differ', () => {
    const parts = diffText('one two', 'one\n\ntwo');
    expect(parts.some((p) => p.type !== 'same')).toBe(true);
  });

  it('rebuilds both texts from its parts (property)', () => {
    const words = fc.array(fc.constantFrom('lead', 'MQL', 'ventas', 'cliente', 'acuerdo', '24', 'días,', 'SLA.'), { maxLength: 12 });
    fc.assert(
      fc.property(words, words, (a, b) => {
        const before = a.join(' ');
        const after = b.join(' ');
        const parts = diffText(before, after);
        expect(
          parts
            .filter((p) => p.type !== 'added')
            .map((p) => p.text)
            .join(''),
        ).toBe(before);
        expect(
          parts
            .filter((p) => p.type !== 'removed')
            .map((p) => p.text)
            .join(''),
        ).toBe(after);
      }),
    );
  });
});

describe('diffContent', () => {
  it('finds nothing between equal contents', () => {
    const d = diffContent(base(), base());
    expect(d.sections).toEqual([]);
    expect(d.totals).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('reports a term definition change word by word', () => {
    const after = base();
    const mql = after.terms.find((t) => t.id === 'term-mql')!;
    mql.definition = (mql.definition as string).replace(/\S+$/, 'PALABRA');
    const d = diffContent(base(), after);
    const terms = section(d.sections, 'terms')!;
    expect(terms.changes).toHaveLength(1);
    const change = terms.changes[0]!;
    expect(change).toMatchObject({ id: 'term-mql', change: 'changed', moved: false });
    expect(change.label).toContain('MQL');
    const field = change.fields[0] as TextFieldChange;
    expect(field).toMatchObject({ kind: 'text', field: 'definition' });
    expect(field.parts.filter((p) => p.type === 'added').map((p) => p.text)).toEqual(['PALABRA']);
    expect(d.totals).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it('reports added, removed and moved terms', () => {
    const after = base();
    const [first, second, ...rest] = after.terms;
    after.terms = [second!, first!, ...rest.slice(1), { ...first!, id: 'term-new', name: 'Lead de evento' }];
    const removedId = rest[0]!.id;
    const terms = section(diffContent(base(), after).sections, 'terms')!;
    expect(terms.changes.find((c) => c.id === 'term-new')).toMatchObject({ change: 'added', label: 'Lead de evento (Lead)' });
    expect(terms.changes.find((c) => c.id === removedId)).toMatchObject({ change: 'removed' });
    const moved = terms.changes.filter((c) => c.moved);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.fields).toEqual([]);
  });

  it('reports a conversion rate change in the right funnel, labelled by stage names', () => {
    const after = base();
    after.funnels.sales.transitions[1]!.conversionRate = 0.6;
    const d = diffContent(base(), after);
    expect(section(d.sections, 'transitions', 'agreed')).toBeUndefined();
    const tr = section(d.sections, 'transitions', 'sales')!;
    expect(tr.changes).toHaveLength(1);
    expect(tr.changes[0]!.label).toBe('MQL → SAL');
    expect(tr.changes[0]!.fields).toEqual([{ kind: 'value', field: 'conversionRate', before: 0.8, after: 0.6, layout: false }]);
  });

  it('flags a stage moved on the canvas as a layout change', () => {
    const after = base();
    after.funnels.agreed.stages[0]!.x += 40;
    const stages = section(diffContent(base(), after).sections, 'stages', 'agreed')!;
    expect(stages.changes[0]!.fields).toEqual([expect.objectContaining({ field: 'x', layout: true })]);
  });

  it('covers participants, SLA text, commitments and targets', () => {
    const after = base();
    after.participants[0]!.title = 'CMO';
    after.sla.intro = (after.sla.intro as string).replace('semana', 'quincena');
    after.sla.commitments[0]!.target = 120;
    after.targets.revenueTarget = 1_500_000;
    after.meta.title = 'Acuerdo 2028';
    const d = diffContent(base(), after);
    expect(d.sections.map((s) => s.section)).toEqual(['meta', 'participants', 'sla', 'commitments', 'targets']);
    expect(section(d.sections, 'sla')!.changes[0]!.fields[0]).toMatchObject({ kind: 'text', field: 'intro' });
    expect(section(d.sections, 'commitments')!.changes[0]!.fields).toEqual([{ kind: 'value', field: 'target', before: 100, after: 120, layout: false }]);
    expect(section(d.sections, 'targets')!.changes[0]!.fields).toEqual([
      { kind: 'value', field: 'revenueTarget', before: 1_200_000, after: 1_500_000, layout: false },
    ]);
  });
});

describe('diffVersions', () => {
  it('identifies both versions by number, time and fingerprint, in either order', () => {
    const v1 = freezeVersion('w1', 1, base(), new Date('2026-11-30T10:00:00Z'));
    const edited = base();
    edited.terms[0]!.exitCriteria = 'Otro criterio';
    const v2 = freezeVersion('w1', 2, edited, new Date('2026-12-01T10:00:00Z'));
    const forward = diffVersions(readSnapshot(v1), readSnapshot(v2));
    expect(forward.from).toEqual({ version: 1, frozenAt: v1.frozenAt, fingerprint: v1.fingerprint });
    expect(forward.to.fingerprint).toBe(v2.fingerprint);
    const backward = diffVersions(readSnapshot(v2), readSnapshot(v1));
    const f = forward.sections[0]!.changes[0]!.fields[0]!;
    const b = backward.sections[0]!.changes[0]!.fields[0]!;
    expect([b.before, b.after]).toEqual([f.after, f.before]);
  });
});
