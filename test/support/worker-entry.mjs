// A worker thread's entry for tests: runs electron/seal/<workerData.source>.ts from its TypeScript
// source (jiti), as the built app starts out/main/<source>.js.
import { workerData } from 'node:worker_threads';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
await jiti.import(`../../electron/seal/${workerData.source}.ts`);
