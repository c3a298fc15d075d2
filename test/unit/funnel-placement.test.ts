/**
 * Where a stage added on the canvas goes: at the place asked (dropped, the
 * view's centre) snapped to the grid, moved down until it overlaps no stage;
 * beside the selected stage when one is selected. And an arrow drawn with the
 * mouse has no rate until one is entered: the gate lists it for the agreed
 * funnel, and setting a rate (even 0 %) clears the flag.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Funnel } from '../../shared/domain/workshop';
import { positionBeside } from '../../renderer/features/funnel/actions';
import { freePositionNear } from '../../shared/funnel/placement';
import { NODE_HEIGHT, NODE_WIDTH } from '../../renderer/features/funnel/canvas-model';
import { agreementInconsistencies } from '../../shared/agreement/consistency';
import { addTransition, initWorkshopDoc, readWorkshop, updateTransition } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';

const at = (id: string, x: number, y: number) => ({ id, name: id, ownerTeam: 'marketing' as const, termId: null, x, y });
const overlaps = (f: Funnel, p: { x: number; y: number }) => f.stages.some((s) => Math.abs(s.x - p.x) < NODE_WIDTH && Math.abs(s.y - p.y) < NODE_HEIGHT);

describe('placing a new stage', () => {
  it('keeps the place asked when it is free, snapped to the grid', () => {
    const funnel: Funnel = { stages: [at('a', 0, 0)], transitions: [] };
    expect(freePositionNear(funnel, { x: 605, y: 299 })).toEqual({ x: 600, y: 300 });
  });

  it('moves down past every stage it would cover', () => {
    const funnel: Funnel = { stages: [at('a', 0, 0), at('b', 0, 120), at('c', 0, 240)], transitions: [] };
    const p = freePositionNear(funnel, { x: 10, y: 10 });
    expect(overlaps(funnel, p)).toBe(false);
    expect(p.x).toBe(12);
    expect(p.y).toBeGreaterThan(240);
  });

  it('goes beside the selected stage, free of the one already there, and nowhere when nothing is selected', () => {
    const funnel: Funnel = { stages: [at('a', 0, 0), at('b', NODE_WIDTH + 72, 0)], transitions: [] };
    const p = positionBeside(funnel, 'a')!;
    expect(p.x).toBeGreaterThan(NODE_WIDTH);
    expect(overlaps(funnel, p)).toBe(false);
    expect(positionBeside(funnel, undefined)).toBeNull();
    expect(positionBeside(funnel, 'gone')).toBeNull();
  });
});

describe('an arrow with no rate', () => {
  it('is an open item of the gate in the agreed funnel until a rate is set, even 0 %', () => {
    const doc = new Y.Doc();
    initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
    addTransition(doc, 'agreed', {
      id: 'tr-new',
      source: 'stage-sql',
      target: 'stage-lead',
      conversionRate: 0,
      averageDays: 0,
      recycle: true,
      rateMissing: true,
    });
    const open = agreementInconsistencies(readWorkshop(doc)).filter((i) => i.kind === 'rate-missing');
    expect(open).toEqual([{ kind: 'rate-missing', id: 'rate-missing:tr-new', target: { kind: 'stage', id: 'stage-sql' }, label: 'SQL → Lead' }]);
    updateTransition(doc, 'agreed', 'tr-new', { conversionRate: 0 });
    const after = readWorkshop(doc);
    expect(after.funnels.agreed.transitions.find((t) => t.id === 'tr-new')!.rateMissing).toBeUndefined();
    expect(agreementInconsistencies(after).filter((i) => i.kind === 'rate-missing')).toEqual([]);
  });

  it('keeps the flag when another field changes', () => {
    const doc = new Y.Doc();
    initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
    addTransition(doc, 'marketing', {
      id: 'tr-new',
      source: 'stage-sql',
      target: 'stage-lead',
      conversionRate: 0,
      averageDays: 0,
      recycle: false,
      rateMissing: true,
    });
    updateTransition(doc, 'marketing', 'tr-new', { averageDays: 3 });
    expect(readWorkshop(doc).funnels.marketing.transitions.find((t) => t.id === 'tr-new')).toMatchObject({ averageDays: 3, rateMissing: true });
  });
});
