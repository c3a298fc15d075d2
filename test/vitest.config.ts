// Test projects: unit (pure logic, Node), component (React in jsdom),
// e2e (the built renderer in real Chromium through playwright-core).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export default defineConfig({
  root,
  plugins: [react()],
  test: {
    // y-dexie reports every released document with console.debug ("Y.Doc … was destroyed"): expected, and
    // hundreds of lines in the fuzz and import tests would bury what matters in the output.
    onConsoleLog: (log) => !/^Y\.Doc \S* ?was destroyed/.test(log),
    // Generous: CI machines are small and busy; speed is measured in benchmarks, not here. Hooks too: a
    // beforeAll that seals a PDF (RSA keys, PKCS#12) took over vitest's default 10 s on a busy 2-core run.
    // The e2e project sets its own, longer ones.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // Benchmarks belong to this project only, so `vitest bench` runs each once.
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          benchmark: { include: [] },
          setupFiles: ['test/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          // expect.poll waits for a condition (another window's edit arriving through IndexedDB, a
          // re-render): vitest's default of 1 s is too short on a busy 2-core machine. Waiting longer
          // for a condition that must come is not a retry: a value that never arrives still fails.
          expect: { poll: { timeout: 20_000 } },
          include: ['test/e2e/**/*.test.ts'],
          benchmark: { include: [] },
          globalSetup: ['test/support/e2e-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
