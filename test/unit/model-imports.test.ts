/**
 * The plan path (the targets model as `pacto plan <scenario.json>` runs it)
 * stays pure data: its static import graph, read with the TypeScript
 * compiler's import scanner, never reaches 'yjs'. A module that pulls the Yjs
 * document in again (as `mainPath` once did from workshop-doc) fails here,
 * and so does an import cycle between the workshop and scenario documents.
 */
import { describe, expect, it } from 'vitest';
import { importGraph, REPO_ROOT as ROOT } from '../support/import-graph';

describe('plan path imports', () => {
  it('shared/model/plan.ts loads the funnel model without yjs', () => {
    const { modules, packages } = importGraph('shared/model/plan.ts');
    expect(modules.size).toBeGreaterThan(3);
    expect([...packages]).not.toContain('yjs');
    expect([...modules].map((m) => m.slice(ROOT.length + 1))).not.toContain('shared/domain/workshop-doc.ts');
  });

  it('scenarios-doc does not load workshop-doc back (no import cycle between them)', () => {
    const { modules } = importGraph('shared/domain/scenarios-doc.ts');
    expect([...modules].map((m) => m.slice(ROOT.length + 1))).not.toContain('shared/domain/workshop-doc.ts');
    expect([...importGraph('shared/domain/workshop-doc.ts').modules].map((m) => m.slice(ROOT.length + 1))).toContain('shared/domain/scenarios-doc.ts');
  });

  it('the scanner does find yjs where it is imported', () => {
    expect([...importGraph('shared/domain/workshop-doc.ts').packages]).toContain('yjs');
  });
});
