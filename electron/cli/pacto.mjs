#!/usr/bin/env node
// Launcher of the `pacto` command line (package.json "bin", so `npx pacto …`
// in this repository runs it). It loads the TypeScript source through jiti,
// so the command works from a clean clone after `npm ci` with no build step.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { runCli } = await jiti.import('./main.ts');
const { writeFileCreatingFolders } = await jiti.import('./write.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  readBytes: (path) => readFileSync(path),
  writeBytes: (path, data) => writeFileCreatingFolders(path, data),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
