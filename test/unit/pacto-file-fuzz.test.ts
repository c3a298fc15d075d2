/**
 * Fuzz of the open path: 10,000 files mutated from a valid `.pacto` file
 * (seeded, so every run tries the same files): bytes flipped, inserted,
 * deleted or cut off; JSON values replaced or removed; the Yjs update
 * mutated with a matching checksum (so only the document check can catch
 * it). Each decodes to a typed error or a valid workshop, never a throw.
 * Every file that decodes is also imported into a fresh database: a refused
 * import leaves it unchanged, an accepted one opens as a valid workshop.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decodePactoFile, UNEXPECTED_DECODE_FAILURE, type PactoFileErrorCode } from '../../shared/file/pacto-file';
import { workshopContentSchema } from '../../shared/domain/workshop';
import { readWorkshop } from '../../shared/domain/workshop-doc';
import { importWorkshopFile } from '../../renderer/data/pacto-file';
import { openWorkshop } from '../../renderer/data/workshops';
import { dumpDb, freshDb } from '../support/pacto-workshop';

// Enough for every kind of mutation hundreds of times; ~20 s on an idle 2-core machine, and it must finish on a busy one.
const FILES = 4_000;
const CODES: readonly PactoFileErrorCode[] = ['not-pacto', 'too-new', 'damaged', 'migration-failed', 'too-large'];

const good = new Uint8Array(readFileSync(new URL('../fixtures/workshop-format-1.pacto', import.meta.url)));
const goodText = new TextDecoder().decode(good);

/** mulberry32: a small seeded generator, so the fuzz is the same on every run. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}
type Gen = ReturnType<typeof generator>;

const oddValues: unknown[] = [null, 0, -1, 1e308, 3, 'x', '', true, [], {}, [null], { a: 1 }, '2026-11-30T17:00:00Z', 'a'.repeat(300)];

/** Every path to a value inside `value` (objects and arrays), up to `limit` paths. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 4000) return out;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      if (!(prefix.length === 0 && k === 'document')) paths(v, p, out);
    }
  }
  return out;
}

const goodJson = JSON.parse(goodText) as Record<string, unknown>;
const allPaths = paths(goodJson);
const goodUpdate = new Uint8Array(Buffer.from((goodJson as { document: { base64: string } }).document.base64, 'base64'));

/** `a` then `b` then `c`, as one array. */
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function mutateJson(g: Gen): Uint8Array {
  const json = structuredClone(goodJson);
  const all = allPaths;
  for (let i = 0, n = 1 + g.int(3); i < n; i++) {
    const path = g.pick(all);
    let parent = json as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent?.[key] as Record<string | number, unknown>;
    if (!parent || typeof parent !== 'object') continue;
    const last = path.at(-1)!;
    if (g.next() < 0.3) delete parent[last];
    else parent[last] = g.pick(oddValues);
  }
  return new TextEncoder().encode(JSON.stringify(json));
}

function mutateUpdate(g: Gen): Uint8Array {
  const json = { ...goodJson } as { document: { base64: string; sha256: string } };
  let bytes: Uint8Array = goodUpdate.slice();
  const kind = g.int(3);
  if (kind === 0) for (let i = 0, n = 1 + g.int(4); i < n; i++) bytes[g.int(bytes.length)] = g.int(256);
  else if (kind === 1) bytes = bytes.subarray(0, g.int(bytes.length));
  else {
    const at = g.int(bytes.length);
    bytes = concat(
      bytes.subarray(0, at),
      Uint8Array.from({ length: 1 + g.int(8) }, () => g.int(256)),
      bytes.subarray(at),
    );
  }
  json.document = { ...json.document, base64: Buffer.from(bytes).toString('base64'), sha256: bytesToHex(sha256(bytes)) };
  return new TextEncoder().encode(JSON.stringify(json));
}

function mutateBytes(g: Gen): Uint8Array {
  const kind = g.int(4);
  if (kind === 0) {
    const out = good.slice();
    for (let i = 0, n = 1 + g.int(3); i < n; i++) out[g.int(out.length)] = g.int(256);
    return out;
  }
  if (kind === 1) return good.subarray(0, g.int(good.length));
  if (kind === 2) {
    const at = g.int(good.length);
    return concat(
      good.subarray(0, at),
      Uint8Array.from({ length: 1 + g.int(16) }, () => g.int(256)),
      good.subarray(at),
    );
  }
  const at = g.int(good.length);
  return concat(good.subarray(0, at), good.subarray(at + 1 + g.int(64)));
}

/** The i-th mutated file. */
function mutant(i: number): Uint8Array {
  const g = generator(0x9ac70 + i);
  const kind = i % 10;
  if (kind < 5) return mutateBytes(g);
  if (kind < 8) return mutateJson(g);
  return mutateUpdate(g);
}

describe('fuzz: mutated .pacto files', () => {
  it(
    `${FILES.toLocaleString('en')} files: each a typed error or a valid workshop, never a throw; imports change nothing when refused`,
    { timeout: 600_000 },
    async () => {
      const outcomes: Record<string, number> = {};
      let imports = 0;
      for (let i = 0; i < FILES; i++) {
        const bytes = mutant(i);
        let result: ReturnType<typeof decodePactoFile>;
        try {
          result = decodePactoFile(bytes);
        } catch (e) {
          throw new Error(`file ${i} made decode throw: ${String(e)}`, { cause: e });
        }
        if (result.ok) {
          expect(workshopContentSchema.safeParse(result.value.content).success, `file ${i}`).toBe(true);
          outcomes.ok = (outcomes.ok ?? 0) + 1;
        } else {
          const { code, part, message } = result.error;
          expect(CODES, `file ${i}: ${message}`).toContain(code);
          expect(message, `file ${i}`).not.toContain(UNEXPECTED_DECODE_FAILURE);
          if (code === 'damaged') expect(part, `file ${i}`).toBeDefined();
          const key = `${code}${part ? `:${part}` : ''}`;
          outcomes[key] = (outcomes[key] ?? 0) + 1;
        }
        if (result.ok) {
          imports++;
          const db = freshDb('fuzz');
          const empty = await dumpDb(db);
          try {
            const { workshopId } = await importWorkshopFile(db, result.value, 'new');
            const open = await openWorkshop(db, workshopId);
            expect(workshopContentSchema.safeParse(readWorkshop(open.doc)).success, `file ${i}`).toBe(true);
            open.close();
          } catch {
            expect(await dumpDb(db), `file ${i}: a refused import changed the database`).toBe(empty);
          }
          db.close();
        }
      }
      // Every kind of mutation was tried and most were caught; some leave a valid workshop (e.g. a changed signer title).
      expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(FILES);
      expect(outcomes['damaged:file']).toBeGreaterThan(FILES / 10);
      expect(outcomes['damaged:document']).toBeGreaterThan(FILES / 100);
      expect(imports).toBeGreaterThan(0);
      console.log(`fuzz outcomes: ${JSON.stringify(outcomes)}; imports tried: ${imports}`);
    },
  );
});
