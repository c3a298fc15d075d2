// Starts electron/seal/page-text-worker.ts in a Node worker thread from its
// TypeScript source (jiti), as the built app starts out/main/page-text-worker.js.
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
await jiti.import('../../electron/seal/page-text-worker.ts');
