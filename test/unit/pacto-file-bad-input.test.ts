/**
 * Bad `.pacto` input, each through the open path (decode, then import when
 * it decodes): empty, random bytes, a PDF or ZIP renamed, cut short at many
 * points, JSON of another app, a newer format, a Yjs update that cannot be
 * applied or reads as no workshop, damaged parts, 200 MB. Each gives a typed
 * error, and the database (holding a signed workshop) is unchanged.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decodePactoFile, PACTO_FILE_MAX_BYTES, UNEXPECTED_DECODE_FAILURE, type PactoFileError } from '../../shared/file/pacto-file';
import { importWorkshopFile, planImport } from '../../renderer/data/pacto-file';
import type { PactoDb } from '../../renderer/data/db';
import { dumpDb, freshDb } from '../support/pacto-workshop';

const good = new Uint8Array(readFileSync(new URL('../fixtures/workshop-format-1.pacto', import.meta.url)));
const goodText = new TextDecoder().decode(good);
const goodJson = () =>
  JSON.parse(goodText) as Record<string, unknown> & {
    document: { base64: string; sha256: string };
    versions: Record<string, unknown>[];
    signatures: Record<string, unknown>[];
    audit: Record<string, unknown>[];
    content: { meta: Record<string, unknown> };
  };
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** A file whose document part is `update`, with a matching checksum (so only the Yjs check can catch it). */
function withUpdate(update: Uint8Array): Uint8Array {
  const json = goodJson();
  json.document = { ...json.document, base64: Buffer.from(update).toString('base64'), sha256: bytesToHex(sha256(update)) };
  return bytesOf(json);
}

let db: PactoDb;
let before: string;

beforeAll(async () => {
  // The database holds the very workshop of the fixture, so a decoded file would be merged into it.
  db = freshDb('bad-input');
  const file = decodePactoFile(good);
  if (!file.ok) throw new Error(file.error.message);
  await importWorkshopFile(db, file.value, 'new');
  before = await dumpDb(db);
});

/** The open path: decode; when it decodes, import (merge if the workshop is here). Returns the error. */
async function open(bytes: Uint8Array): Promise<PactoFileError> {
  const result = decodePactoFile(bytes);
  if (result.ok) {
    const plan = await planImport(db, result.value);
    await importWorkshopFile(db, result.value, plan.kind === 'new' ? 'new' : 'merge');
    throw new Error('expected the file to be refused');
  }
  expect(result.error.message).not.toContain(UNEXPECTED_DECODE_FAILURE);
  expect(await dumpDb(db)).toBe(before);
  return result.error;
}

describe('bad .pacto input', () => {
  it('an empty file is not a Pacto file', async () => {
    expect(await open(new Uint8Array())).toMatchObject({ code: 'not-pacto', message: 'The file is empty.' });
  });

  it('random bytes are not a Pacto file', async () => {
    let seed = 7;
    const random = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    expect(await open(random)).toMatchObject({ code: 'not-pacto' });
  });

  it('a PDF or a ZIP renamed .pacto says what it is', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    expect(await open(pdf)).toMatchObject({ code: 'not-pacto', message: expect.stringContaining('PDF') });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...new Array(40).fill(0)]);
    expect(await open(zip)).toMatchObject({ code: 'not-pacto', message: expect.stringContaining('ZIP') });
  });

  it('a file cut short at any point is damaged (or, cut before its format name, not a Pacto file)', async () => {
    for (let cut = 1; cut < good.length; cut += 397) {
      const error = await open(good.subarray(0, cut));
      if (cut > 64) expect(error, `cut at ${cut}`).toMatchObject({ code: 'damaged', part: 'file' });
      else expect(['damaged', 'not-pacto']).toContain(error.code);
    }
    expect(await open(good.subarray(0, good.length - 3))).toMatchObject({ code: 'damaged', part: 'file' });
  });

  it('valid JSON of another app is not a Pacto file', async () => {
    for (const other of [
      { type: 'excalidraw', version: 2, elements: [] },
      { name: 'pacto', version: '0.1.0', dependencies: {} },
      [1, 2, 3],
      'pacto-workshop',
      { format: 'pacto-agreement', formatVersion: 1 },
    ]) {
      expect(await open(bytesOf(other))).toMatchObject({ code: 'not-pacto' });
    }
  });

  it('a future format version is refused as made by a newer Pacto', async () => {
    const error = await open(bytesOf({ ...goodJson(), formatVersion: 2 }));
    expect(error).toMatchObject({ code: 'too-new', newer: 'format', version: 2 });
    expect(error.message).toMatch(/made by a newer Pacto/);
  });

  it('a Yjs update that fails to apply, or applies but is no workshop, is a damaged document', async () => {
    const update = new Uint8Array(Buffer.from(goodJson().document.base64, 'base64'));
    const garbage = update.map((b, i) => (i > 3 ? b ^ 0x5a : b));
    expect(await open(withUpdate(garbage))).toMatchObject({ code: 'damaged', part: 'document' });
    expect(await open(withUpdate(update.subarray(0, update.length >> 1)))).toMatchObject({ code: 'damaged', part: 'document' });
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(await open(withUpdate(empty))).toMatchObject({ code: 'damaged', part: 'document' });
    const other = new Y.Doc();
    other.getMap('meta').set('schemaVersion', 2);
    other.getArray('terms').push(['not a term']);
    expect(await open(withUpdate(Y.encodeStateAsUpdate(other)))).toMatchObject({ code: 'damaged', part: 'document' });
  });

  it('a document changed without its checksum is damaged', async () => {
    const json = goodJson();
    json.document.base64 = `${json.document.base64.slice(0, 40)}AAAA${json.document.base64.slice(44)}`;
    expect(await open(bytesOf(json))).toMatchObject({ code: 'damaged', part: 'document' });
  });

  it('each damaged part is named', async () => {
    const header = goodJson();
    header.createdAt = 'yesterday';
    expect(await open(bytesOf(header))).toMatchObject({ code: 'damaged', part: 'envelope' });

    const content = goodJson();
    content.content.meta.company = 'Otra empresa';
    expect(await open(bytesOf(content))).toMatchObject({ code: 'damaged', part: 'content' });

    const version = goodJson();
    version.versions[0]!.snapshotJson = String(version.versions[0]!.snapshotJson).replace('Nubecom', 'Nubecon');
    expect(await open(bytesOf(version))).toMatchObject({ code: 'damaged', part: 'versions', message: expect.stringContaining('fingerprint') });

    const signature = goodJson();
    signature.signatures[0]!.fingerprint = 'f'.repeat(64);
    expect(await open(bytesOf(signature))).toMatchObject({ code: 'damaged', part: 'signatures' });

    const audit = goodJson();
    audit.audit[1]!.details = { version: 9 };
    expect(await open(bytesOf(audit))).toMatchObject({ code: 'damaged', part: 'audit' });
  });

  it('a 200 MB file is refused as too large before it is parsed', async () => {
    const huge = new Uint8Array(200 * 1024 * 1024);
    huge.set(good.subarray(0, 1000));
    const error = await open(huge);
    expect(error).toMatchObject({ code: 'too-large', sizeBytes: huge.length, limitBytes: PACTO_FILE_MAX_BYTES });
    expect(error.message).toMatch(/200 MB/);
  });
});
