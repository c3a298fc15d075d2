// The canvas' clipboard format and the funnel mutations the canvas adds:
// copy/paste round trip, foreign text refused, fresh ids on paste;
// replacing a funnel and moving stages as single undoable transactions,
// and the optional stage description read from documents without it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLIPBOARD_HEADER, decodeClipboard, encodeClipboard, pasteClipboard } from '../../shared/funnel/clipboard';
import { InvalidEditError, LOCAL_ORIGIN, moveStages, NotFoundError, readWorkshop, replaceFunnel, updateStage } from '../../shared/domain/workshop-doc';
import { funnelStageSchema, type Funnel } from '../../shared/domain/workshop';
import { standardFunnel } from '../../shared/sample/standard-content';
import { instantiateTemplate } from '../../shared/funnel/templates';
import { sampleDoc } from '../support/workshop';

const funnel: Funnel = standardFunnel('es');

describe('funnel clipboard', () => {
  it('copies the chosen stages and only the arrows between them, and reads them back', () => {
    const text = encodeClipboard(funnel, ['stage-mql', 'stage-sal', 'stage-customer'])!;
    expect(text.startsWith(`${CLIPBOARD_HEADER}\n`)).toBe(true);
    const clip = decodeClipboard(text);
    expect(clip.ok).toBe(true);
    if (!clip.ok) return;
    expect(clip.value.stages.map((s) => s.id)).toEqual(['stage-mql', 'stage-sal', 'stage-customer']);
    expect(clip.value.transitions.map((t) => t.id)).toEqual(['tr-mql-sal']);
  });

  it('has nothing to copy without a stage of the funnel', () => {
    expect(encodeClipboard(funnel, [])).toBeNull();
    expect(encodeClipboard(funnel, ['no-such-stage'])).toBeNull();
  });

  it.each([
    ['plain text', 'MQL → SQL 35 %'],
    ['an empty clipboard', ''],
    ['JSON without the header', JSON.stringify({ stages: funnel.stages, transitions: [] })],
    ['another version of the format', `pacto-funnel-clipboard/99\n${JSON.stringify({ stages: funnel.stages, transitions: [] })}`],
  ])('refuses %s as foreign', (_what, text) => {
    expect(decodeClipboard(text)).toEqual({ ok: false, error: 'foreign' });
  });

  it.each([
    ['broken JSON', `${CLIPBOARD_HEADER}\n{"stages": [`],
    ['no stages', `${CLIPBOARD_HEADER}\n${JSON.stringify({ stages: [], transitions: [] })}`],
    [
      'a rate over 100 %',
      `${CLIPBOARD_HEADER}\n${JSON.stringify({ stages: funnel.stages, transitions: [{ ...funnel.transitions[0], conversionRate: 1.5 }] })}`,
    ],
    ['a stage without a name', `${CLIPBOARD_HEADER}\n${JSON.stringify({ stages: [{ ...funnel.stages[0], name: ' ' }], transitions: [] })}`],
  ])('refuses %s as invalid', (_what, text) => {
    expect(decodeClipboard(text)).toEqual({ ok: false, error: 'invalid' });
  });

  it('pastes with fresh ids, arrows re-pointed to the copies, moved by the offset', () => {
    const clip = decodeClipboard(encodeClipboard(funnel, ['stage-lead', 'stage-mql'])!);
    if (!clip.ok) throw new Error('expected a clipboard');
    const pasted = pasteClipboard(funnel, clip.value, { x: 40, y: 24 });
    const taken = new Set(funnel.stages.map((s) => s.id));
    expect(pasted.stages.every((s) => !taken.has(s.id))).toBe(true);
    expect(pasted.stages.map((s) => [s.name, s.x, s.y])).toEqual(
      funnel.stages.filter((s) => ['stage-lead', 'stage-mql'].includes(s.id)).map((s) => [s.name, s.x + 40, s.y + 24]),
    );
    expect(pasted.transitions).toHaveLength(1);
    expect(pasted.transitions[0]).toMatchObject({ source: pasted.stages[0]!.id, target: pasted.stages[1]!.id, conversionRate: 0.25 });
    expect(funnel.transitions.map((t) => t.id)).not.toContain(pasted.transitions[0]!.id);
  });

  it('pastes into an empty funnel keeping the copied ids', () => {
    const clip = decodeClipboard(encodeClipboard(funnel, ['stage-sql'])!);
    if (!clip.ok) throw new Error('expected a clipboard');
    expect(pasteClipboard({ stages: [], transitions: [] }, clip.value).stages[0]!.id).toBe('stage-sql');
  });
});

describe('replaceFunnel and moveStages', () => {
  it('replaces one funnel in one undo step and leaves the others alone', () => {
    const doc = sampleDoc();
    const before = readWorkshop(doc);
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const template = instantiateTemplate('demand-waterfall', 'es', before.terms);
    replaceFunnel(doc, 'marketing', template);
    const after = readWorkshop(doc);
    expect(after.funnels.marketing).toEqual(template);
    expect(after.funnels.sales).toEqual(before.funnels.sales);
    expect(after.funnels.agreed).toEqual(before.funnels.agreed);
    undo.undo();
    expect(readWorkshop(doc).funnels.marketing).toEqual(before.funnels.marketing);
  });

  it('refuses an invalid funnel or a dangling arrow and writes nothing', () => {
    const doc = sampleDoc();
    const before = readWorkshop(doc);
    const bad = { ...funnel, transitions: [...funnel.transitions, { ...funnel.transitions[0]!, id: 'x', target: 'nowhere' }] };
    expect(() => replaceFunnel(doc, 'agreed', bad)).toThrow(InvalidEditError);
    expect(() => replaceFunnel(doc, 'agreed', { ...funnel, stages: [{ ...funnel.stages[0]!, name: '' }, ...funnel.stages.slice(1)] })).toThrow(
      InvalidEditError,
    );
    expect(readWorkshop(doc)).toEqual(before);
  });

  it('moves several stages in one undo step; unknown stages and bad numbers write nothing', () => {
    const doc = sampleDoc();
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const before = readWorkshop(doc).funnels.sales;
    moveStages(
      doc,
      'sales',
      new Map([
        ['stage-lead', { x: 12, y: 300 }],
        ['stage-mql', { x: 240, y: 300 }],
      ]),
    );
    const moved = readWorkshop(doc).funnels.sales.stages;
    expect(moved.find((s) => s.id === 'stage-lead')).toMatchObject({ x: 12, y: 300 });
    expect(moved.find((s) => s.id === 'stage-mql')).toMatchObject({ x: 240, y: 300 });
    undo.undo();
    expect(readWorkshop(doc).funnels.sales).toEqual(before);
    expect(() =>
      moveStages(
        doc,
        'sales',
        new Map([
          ['stage-lead', { x: 1, y: 1 }],
          ['ghost', { x: 0, y: 0 }],
        ]),
      ),
    ).toThrow(NotFoundError);
    expect(() => moveStages(doc, 'sales', new Map([['stage-lead', { x: Number.NaN, y: 1 }]]))).toThrow(InvalidEditError);
    expect(readWorkshop(doc).funnels.sales).toEqual(before);
  });

  it('reads stages without a description (older documents) and stores one when given', () => {
    const old = { id: 's', name: 'MQL', ownerTeam: 'marketing', termId: null, x: 0, y: 0 };
    expect(funnelStageSchema.parse(old)).toEqual(old);
    const doc = sampleDoc();
    expect(readWorkshop(doc).funnels.agreed.stages[0]!.description).toBeUndefined();
    updateStage(doc, 'agreed', 'stage-lead', { description: 'Cualquier contacto que pide información' });
    expect(readWorkshop(doc).funnels.agreed.stages[0]!.description).toBe('Cualquier contacto que pide información');
  });
});
