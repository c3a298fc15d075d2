/**
 * The static import graph of a module, read with the TypeScript compiler's
 * parser: the repository modules it loads at run time (type-only imports and
 * dynamic `import()` left out) and the packages they import. For tests that
 * keep a path light: `pacto plan` without yjs, the renderer's start without
 * the PDF, chart, canvas and editor libraries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

/** The repository's root folder. */
export const REPO_ROOT = resolve(__dirname, '../..');

/**
 * Every module `entry` (a repository path, e.g. `renderer/main.tsx`) loads
 * through static imports, as absolute paths, and the package specifiers those
 * modules import (`pdf-lib`, `@tiptap/react`, `@fontsource/noto-sans/latin-400.css`…).
 * Relative imports of other files than TypeScript (styles) are left out.
 * Throws for a relative import that resolves to no file.
 */
export function importGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(REPO_ROOT, entry)];
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
      if (/\.(css|svg|png|woff2?)$/.test(spec)) continue;
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => existsSync(c) && /\.tsx?$/.test(c));
      if (!found) throw new Error(`${file}: cannot resolve ${spec}`);
      queue.push(found);
    }
  }
  return { modules, packages };
}

/** The package a specifier names: `@tiptap/react/menus` → `@tiptap/react`, `pdf-lib` → `pdf-lib`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
