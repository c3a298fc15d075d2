/**
 * Builders for unit tests of the workshop: the sample workshop as a Y.Doc,
 * stages and arrows (transitions) of a funnel with plain defaults that a
 * test overrides where it matters, and the field errors of a refused edit.
 */
import * as Y from 'yjs';
import type { FunnelStage, FunnelTransition } from '../../shared/domain/workshop';
import { initWorkshopDoc } from '../../shared/domain/workshop-doc';
import { InvalidEditError } from '../../shared/domain/doc-edit';
import { sampleWorkshop } from '../../shared/sample/standard-content';

/** A new Y.Doc holding the sample workshop dated `date` (YYYY-MM-DD). */
export function sampleDoc(date = '2026-11-30'): Y.Doc {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, sampleWorkshop(date));
  return doc;
}

/** A marketing-owned stage with no term at the origin, named `name` (the id in capitals by default). */
export function stage(id: string, name = id.toUpperCase(), more: Partial<FunnelStage> = {}): FunnelStage {
  return { id, name, ownerTeam: 'marketing', termId: null, x: 0, y: 0, ...more };
}

/** An arrow from `source` to `target`: 50 % in 5 days, not a recycle loop, unless `more` says otherwise. */
export function tr(id: string, source: string, target: string, more: Partial<FunnelTransition> = {}): FunnelTransition {
  return { id, source, target, conversionRate: 0.5, averageDays: 5, recycle: false, ...more };
}

/** The field errors of the {@link InvalidEditError} that `fn` throws; fails the test when it throws nothing or something else. */
export function refusal(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidEditError) return e.errors;
    throw e;
  }
  throw new Error('the edit was not refused');
}
