/**
 * Compare's gap tracking: the records of settled gaps in the workshop
 * document (`shared/domain/gap-resolutions-doc.ts`), where each gap stands
 * (`gapStatuses`: a record holds while both sides keep the values it saw),
 * and the renderer's intents on an open session: adopting a side writes the
 * agreed funnel and the record in one transaction (one undo step), a stage
 * adopted from a team lands on a free place of the agreed funnel, settling in
 * the SLA adds the draft commitment with the record, a room seat is named as
 * who settled it, and a funnel lock refuses it all.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findGaps, type Gap } from '../../shared/funnel/gaps';
import { applyGapResolution } from '../../shared/funnel/merge';
import { STAGE_BOX } from '../../shared/funnel/placement';
import { gapCounts, gapResolution, gapStatuses } from '../../shared/funnel/gap-resolutions';
import { clearGapResolution, GAP_RESOLUTIONS_PART, readGapResolutions, setGapResolution } from '../../shared/domain/gap-resolutions-doc';
import { InvalidEditError } from '../../shared/domain/doc-edit';
import { freshCopyOfDoc } from '../../shared/domain/doc-copy';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import type { Funnel } from '../../shared/domain/workshop';
import { db } from '../../renderer/data/instance';
import { setSeat } from '../../renderer/data/seat';
import { activeDoc, closeSession, openSession, undo, redo } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { useAppStore } from '../../renderer/store';
import { adoptGapSide, reopenGap, settleGapInGlossary, settleGapInSla } from '../../renderer/features/funnel/actions';
import { lockSection } from '../../renderer/features/facilitation/actions';

const sample = sampleWorkshop('2026-12-03');
const sampleGaps = () => findGaps(sample.funnels.marketing, sample.funnels.sales, undefined, sample.terms);
const gapOf = (gaps: Gap[], kind: Gap['kind']) => gaps.find((g) => g.kind === kind)!;
const at = new Date('2026-12-03T09:00:00Z');

describe('the sample workshop’s team funnels', () => {
  it('differ in a few realistic ways, so Compare has gaps to show', () => {
    const gaps = sampleGaps();
    expect(gaps.map((g) => `${g.kind} ${g.subject}`)).toEqual([
      'stage-missing SAL',
      'owner SQL',
      'transition-missing MQL → SQL',
      'rate Oportunidad → Cliente',
      'days Oportunidad → Cliente',
    ]);
    expect(gapOf(gaps, 'rate')).toMatchObject({ marketing: { value: 0.25 }, sales: { value: 0.18 } });
    // Each team describes the MQL in its own words.
    const mql = (f: Funnel) => f.stages.find((s) => s.id === 'stage-mql')!.description;
    expect(mql(sample.funnels.marketing)).not.toEqual(mql(sample.funnels.sales));
  });
});

describe('gap resolutions in the document', () => {
  it('stores, replaces and clears one record per gap; skips what does not parse; absent reads as none', () => {
    const doc = new Y.Doc();
    expect(readGapResolutions(doc)).toEqual([]);
    expect(doc.share.has(GAP_RESOLUTIONS_PART)).toBe(false);
    const gap = sampleGaps()[0]!;
    setGapResolution(doc, gapResolution(gap, 'adopt-sales', null, at));
    setGapResolution(doc, gapResolution(gap, 'glossary', 'Lucía', at));
    expect(readGapResolutions(doc)).toEqual([
      { gapId: gap.id, way: 'glossary', subject: 'SAL', values: JSON.stringify([null, 'SAL']), by: 'Lucía', at: at.toISOString() },
    ]);
    doc.getMap(GAP_RESOLUTIONS_PART).set('x', { gapId: 'x', way: 'magic' });
    expect(readGapResolutions(doc).map((r) => r.gapId)).toEqual([gap.id]);
    expect(() => setGapResolution(doc, { ...gapResolution(gap, 'sla', null, at), gapId: '' })).toThrow(InvalidEditError);
    // A separate copy of the workshop keeps them.
    expect(readGapResolutions(freshCopyOfDoc(doc))).toEqual(readGapResolutions(doc));
    clearGapResolution(doc, gap.id);
    expect(readGapResolutions(doc)).toEqual([]);
  });

  it('a record holds while both sides keep the values it saw; a later change opens the gap again', () => {
    const gaps = sampleGaps();
    const rate = gapOf(gaps, 'rate');
    const statuses = gapStatuses(gaps, [gapResolution(rate, 'adopt-marketing', null, at)]);
    expect(gapCounts(statuses)).toEqual({ open: 4, resolved: 1 });
    expect(statuses.find((s) => s.gap.id === rate.id)).toMatchObject({ resolution: { way: 'adopt-marketing' }, outdated: null });
    // Sales changes its win rate again: same gap, other values.
    const sales = structuredClone(sample.funnels.sales);
    sales.transitions.find((t) => t.id === 'tr-opportunity-customer')!.conversionRate = 0.12;
    const later = gapStatuses(findGaps(sample.funnels.marketing, sales, undefined, sample.terms), [gapResolution(rate, 'adopt-marketing', null, at)]);
    expect(gapCounts(later)).toEqual({ open: 5, resolved: 0 });
    expect(later.find((s) => s.gap.id === rate.id)).toMatchObject({ resolution: null, outdated: { way: 'adopt-marketing' } });
  });
});

describe('settling gaps on an open workshop', () => {
  const alone = () => setSeat({ inRoom: false, role: 'facilitator', identity: null });
  const content = () => useAppStore.getState().session!.content;
  const funnels = () => ({ marketing: content().funnels.marketing, sales: content().funnels.sales });
  const resolutions = () => readGapResolutions(activeDoc()!);

  beforeEach(async () => {
    alone();
    await openSession(db, await createWorkshop(db, sampleWorkshop('2026-12-03')));
  });
  afterEach(() => {
    closeSession();
    alone();
  });

  it('adopting a side writes the agreed funnel and the record as one undo step', () => {
    const rate = gapOf(sampleGaps(), 'rate');
    const before = content().funnels.agreed;
    const merged = applyGapResolution(before, rate, 'sales', funnels(), content().terms);
    if (!merged.ok) throw new Error(merged.error.message);
    expect(adoptGapSide(rate, 'sales', merged.value)).toBeNull();
    expect(content().funnels.agreed.transitions.find((t) => t.id === 'tr-opportunity-customer')!.conversionRate).toBe(0.18);
    expect(resolutions()).toEqual([expect.objectContaining({ gapId: rate.id, way: 'adopt-sales', by: null })]);
    undo();
    expect(content().funnels.agreed).toEqual(before);
    expect(resolutions()).toEqual([]);
    redo();
    expect(resolutions()).toHaveLength(1);
    // Reopening is an edit of its own: undone, the gap is resolved again.
    expect(reopenGap(rate.id)).toBeNull();
    expect(resolutions()).toEqual([]);
    undo();
    expect(resolutions()).toHaveLength(1);
  });

  it('a stage adopted from a team lands on a free place of the agreed funnel, not on another stage', () => {
    // The agreed funnel has no SAL, and its SQL sits where Sales drew SAL.
    const agreed = structuredClone(content().funnels.agreed);
    agreed.stages = agreed.stages.filter((s) => s.id !== 'stage-sal');
    agreed.transitions = agreed.transitions.filter((t) => t.source !== 'stage-sal' && t.target !== 'stage-sal');
    const salAt = content().funnels.sales.stages.find((s) => s.id === 'stage-sal')!;
    agreed.stages.find((s) => s.id === 'stage-sql')!.x = salAt.x;
    const missing = gapOf(sampleGaps(), 'stage-missing');
    const merged = applyGapResolution(agreed, missing, 'sales', funnels(), content().terms);
    if (!merged.ok) throw new Error(merged.error.message);
    expect(adoptGapSide(missing, 'sales', merged.value)).toBeNull();
    const stages = content().funnels.agreed.stages;
    const sal = stages.find((s) => s.id === 'stage-sal')!;
    expect(sal.x).toBe(salAt.x);
    expect(sal.y).toBeGreaterThan(salAt.y);
    for (const other of stages.filter((s) => s !== sal)) {
      expect(Math.abs(other.x - sal.x) >= STAGE_BOX.width || Math.abs(other.y - sal.y) >= STAGE_BOX.height).toBe(true);
    }
  });

  it('settling in the SLA adds the draft commitment with the record (one undo step); in the glossary, the record alone', () => {
    const days = gapOf(sampleGaps(), 'days');
    const count = content().sla.commitments.length;
    const draft = {
      id: 'c-gap',
      party: 'sales' as const,
      commitment: 'Acordar: Oportunidad → Cliente',
      metric: 'Días',
      target: 60,
      unit: 'días',
      period: 'month' as const,
    };
    expect(settleGapInSla(days, draft)).toBeNull();
    expect(content().sla.commitments).toHaveLength(count + 1);
    expect(resolutions().map((r) => r.way)).toEqual(['sla']);
    undo();
    expect(content().sla.commitments).toHaveLength(count);
    expect(resolutions()).toEqual([]);
    setSeat({
      inRoom: true,
      role: 'participant',
      identity: { deviceId: 'dev-sales-0001', deviceName: '', name: 'Jorge Ibáñez Muñoz', team: 'sales', participantId: 'p-jorge', role: 'participant' },
    });
    expect(settleGapInGlossary(gapOf(sampleGaps(), 'owner'))).toBeNull();
    expect(resolutions()).toEqual([expect.objectContaining({ way: 'glossary', by: 'Jorge Ibáñez Muñoz', subject: 'SQL' })]);
  });

  it('a funnel lock refuses settling a gap: nothing written', () => {
    expect(lockSection('funnel')).toBeNull();
    expect(settleGapInGlossary(gapOf(sampleGaps(), 'owner'))).toEqual({ '': 'locked' });
    expect(resolutions()).toEqual([]);
  });
});
