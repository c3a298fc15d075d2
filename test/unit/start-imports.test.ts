/**
 * The renderer's start stays light: the static import graph of its entry
 * (renderer/main.tsx), which is what the home screen loads before anything
 * else, reaches none of the libraries only a step screen uses. Those load
 * with their step (React.lazy in WorkshopScreen, `import()` in the export
 * path). A static import that pulls one back in (as the agreement actions'
 * table-of-contents check once pulled pdf-lib, 170 kB gzipped, into the
 * start) fails here; `npm run bench:bundle` measures the size itself.
 * Nor does it reach the workshop's own code (documents, rooms, agreement,
 * facilitation, the workshop schemas and zod): that loads with the
 * workshop layer after the home screen's first paint (`renderer/start.ts`),
 * and `npm run bench:start` times the start.
 */
import { describe, expect, it } from 'vitest';
import { relative } from 'node:path';
import { importGraph, packageName, REPO_ROOT } from '../support/import-graph';

/** Libraries that belong to a step, never to the start: PDF, charts, canvas, rich text, signatures, spreadsheets, CSV. */
const STEP_ONLY = [
  'pdf-lib',
  'pdfjs-dist',
  '@signpdf/signpdf',
  'recharts',
  '@xyflow/react',
  '@dagrejs/dagre',
  '@tiptap/core',
  '@tiptap/react',
  '@tiptap/starter-kit',
  'signature_pad',
  '@e965/xlsx',
  'papaparse',
  'fflate',
];

/**
 * Libraries of the workshop layer: the documents (Yjs and y-dexie: the home screen reads the database through
 * its own connection without them, renderer/data/schema.ts), validation, the room's sync, the agreement's diff and hashes.
 */
const WORKSHOP_ONLY = ['yjs', 'y-dexie', 'lib0', 'zod', 'y-websocket', 'y-protocols', 'diff', '@noble/hashes'];

/** The only feature modules the home screen is made of. */
const HOME_FEATURES = [
  'renderer/features/workshops/Home.tsx',
  'renderer/features/workshops/strings.ts',
  'renderer/features/files/RecentFiles.tsx',
  'renderer/features/files/strings.ts',
];

describe('renderer start imports', () => {
  const { modules, packages } = importGraph('renderer/main.tsx');
  const loaded = new Set([...packages].map(packageName));
  const paths = [...modules].map((m) => relative(REPO_ROOT, m).split('\\').join('/'));

  it('loads the home screen with React, Dexie and i18next', () => {
    expect(modules.size).toBeGreaterThan(20);
    for (const name of ['react', 'react-dom', 'dexie', 'i18next']) expect(loaded).toContain(name);
  });

  it('loads no library that only a step screen uses', () => {
    expect(STEP_ONLY.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('loads none of the workshop code: no other feature, no document, room or agreement module, no Yjs, no workshop schemas, no zod', () => {
    expect(paths.filter((p) => p.startsWith('renderer/features/') && !HOME_FEATURES.includes(p))).toEqual([]);
    const workshopCode =
      /^(renderer\/data\/(db|instance|session|room|workshops|pacto-file)\.ts|renderer\/platform\/browser\.ts|shared\/(domain\/workshop|domain\/workshop-doc|agreement\/.*|facilitation\/.*|file\/.*)\.ts)$/;
    expect(paths.filter((p) => workshopCode.test(p))).toEqual([]);
    expect(WORKSHOP_ONLY.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('the scanner does see a step library where a step imports it', () => {
    const funnel = new Set([...importGraph('renderer/features/funnel/FunnelView.tsx').packages].map(packageName));
    expect(funnel).toContain('@xyflow/react');
    const outline = new Set([...importGraph('shared/pdf/outline.ts').packages].map(packageName));
    expect(outline).toContain('pdf-lib');
    // …and the workshop code where the workshop layer imports it.
    const layer = importGraph('renderer/workshop-layer.ts');
    expect([...layer.packages].map(packageName)).toEqual(expect.arrayContaining(['zod', 'yjs', 'y-dexie']));
    expect([...layer.modules].map((m) => relative(REPO_ROOT, m).split('\\').join('/'))).toContain('renderer/data/session.ts');
  });
});
