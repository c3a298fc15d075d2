/**
 * The plan path (the targets model as `pacto plan <scenario.json>` runs it)
 * stays pure data: its static import graph, read with the TypeScript
 * compiler's import scanner, never reaches 'yjs'. A module that pulls the Yjs
 * document in again (as `mainPath` once did from workshop-doc) fails here,
 * and so does an import cycle between the workshop and scenario documents.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Every module `entry` loads at run time (type-only imports left out), as repository paths, and the packages they import. */
function importGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    modules.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      let spec: string | null = null;
      if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) spec = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier) spec = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (spec === null) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => existsSync(c) && c.match(/\.tsx?$/));
      if (!found) throw new Error(`${file}: cannot resolve ${spec}`);
      queue.push(found);
    }
  }
  return { modules, packages };
}

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
