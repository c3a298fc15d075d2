/**
 * The renderer's start stays light: the static import graph of its entry
 * (renderer/main.tsx), which is what the home screen loads before anything
 * else, reaches none of the libraries only a step screen uses. Those load
 * with their step (React.lazy in WorkshopScreen, `import()` in the export
 * path). A static import that pulls one back in (as the agreement actions'
 * table-of-contents check once pulled pdf-lib, 170 kB gzipped, into the
 * start) fails here; `npm run bench:bundle` measures the size itself.
 */
import { describe, expect, it } from 'vitest';
import { importGraph, packageName } from '../support/import-graph';

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

describe('renderer start imports', () => {
  const { modules, packages } = importGraph('renderer/main.tsx');
  const loaded = new Set([...packages].map(packageName));

  it('loads the home screen with React, Dexie and i18next', () => {
    expect(modules.size).toBeGreaterThan(20);
    for (const name of ['react', 'react-dom', 'dexie', 'i18next']) expect(loaded).toContain(name);
  });

  it('loads no library that only a step screen uses', () => {
    expect(STEP_ONLY.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('the scanner does see a step library where a step imports it', () => {
    const funnel = new Set([...importGraph('renderer/features/funnel/FunnelView.tsx').packages].map(packageName));
    expect(funnel).toContain('@xyflow/react');
    const outline = new Set([...importGraph('shared/pdf/outline.ts').packages].map(packageName));
    expect(outline).toContain('pdf-lib');
  });
});
