/**
 * The `.pacto` envelope round trip: a signed workshop saved to a file and
 * opened in a fresh database is the same workshop (canonical content,
 * version fingerprints, signatures still bound and verifying, audit chain
 * valid), and the file carries what docs/file-format.md says.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodePactoFile, encodePactoFile, PACTO_FILE_FORMAT, PACTO_FILE_FORMAT_VERSION, type PactoFile } from '../../shared/file/pacto-file';
import { DOC_SCHEMA_VERSION, readWorkshop } from '../../shared/domain/workshop-doc';
import { canonicalJson } from '../../shared/agreement/canonical-json';
import { sha256Hex } from '../../shared/agreement/fingerprint';
import { isFullySigned, versionHistory } from '../../shared/agreement/version';
import { verifyChain } from '../../shared/agreement/audit';
import { readApprovals } from '../../shared/domain/approvals-doc';
import { exportWorkshopFile, importWorkshopFile, planImport } from '../../renderer/data/pacto-file';
import { openWorkshop } from '../../renderer/data/workshops';
import { readAudit } from '../../renderer/data/audit';
import { freshDb, signedWorkshop } from '../support/pacto-workshop';

function decoded(bytes: Uint8Array): PactoFile {
  const result = decodePactoFile(bytes);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('.pacto round trip', () => {
  it('save → open in a fresh database: identical canonical content, fingerprints, signatures and trail', async () => {
    const a = freshDb();
    const id = await signedWorkshop(a);
    const bytes = await exportWorkshopFile(a, id, '0.1.0');
    const file = decoded(bytes);
    expect(file).toMatchObject({
      format: PACTO_FILE_FORMAT,
      formatVersion: PACTO_FILE_FORMAT_VERSION,
      schemaVersion: DOC_SCHEMA_VERSION,
      workshopId: id,
      appVersion: '0.1.0',
      migrated: [],
    });

    const b = freshDb();
    expect(await planImport(b, file)).toEqual({ kind: 'new' });
    expect(await importWorkshopFile(b, file, 'new')).toEqual({ workshopId: id });

    const openA = await openWorkshop(a, id);
    const openB = await openWorkshop(b, id);
    const contentA = readWorkshop(openA.doc);
    expect(canonicalJson(readWorkshop(openB.doc))).toBe(canonicalJson(contentA));
    expect(canonicalJson(file.content)).toBe(canonicalJson(contentA));
    // Parts outside the JSON projection travel in the Yjs state too.
    expect(readApprovals(openB.doc)).toEqual(readApprovals(openA.doc));
    openA.close();
    openB.close();

    const versionsA = await a.versions.where('workshopId').equals(id).sortBy('number');
    const versionsB = await b.versions.where('workshopId').equals(id).sortBy('number');
    expect(versionsB).toEqual(versionsA);
    for (const v of versionsB) expect(sha256Hex(v.snapshotJson)).toBe(v.fingerprint);
    const sigsB = await b.signatures.where('workshopId').equals(id).toArray();
    expect(isFullySigned(versionsB[0]!, sigsB)).toBe(true);
    expect(versionHistory(versionsB, sigsB, contentA)[0]!.standing).toBe('signed');
    expect((await b.workshops.get(id))!.status).toBe('signed');

    const trailA = await readAudit(a, id);
    const trailB = await readAudit(b, id);
    expect(trailB.slice(0, trailA.length)).toEqual(trailA);
    expect(trailB.at(-1)).toMatchObject({ type: 'imported', details: { mode: 'new' } });
    expect(verifyChain(trailB)).toMatchObject({ ok: true });
    expect(await planImport(b, file)).toEqual({ kind: 'same-workshop', title: contentA.meta.title });
  });

  it('writes a readable JSON envelope with the documented fields, the Yjs state last', async () => {
    const a = freshDb();
    const id = await signedWorkshop(a);
    const text = new TextDecoder().decode(await exportWorkshopFile(a, id, '0.1.0'));
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'format',
      'formatVersion',
      'schemaVersion',
      'workshopId',
      'createdAt',
      'modifiedAt',
      'appVersion',
      'content',
      'versions',
      'signatures',
      'audit',
      'document',
    ]);
    expect(json.document).toMatchObject({ encoding: 'yjs-update-v1' });
    expect((json.content as { meta: { company: string } }).meta.company).toBe('Nubecom Soluciones');
  });

  it('encode → decode keeps every part, and the Yjs state rebuilds the same document', async () => {
    const a = freshDb();
    const id = await signedWorkshop(a);
    const file = decoded(await exportWorkshopFile(a, id, '0.1.0'));
    const again = decoded(encodePactoFile(file));
    expect(again.versions).toEqual(file.versions);
    expect(again.signatures).toEqual(file.signatures);
    expect(again.audit).toEqual(file.audit);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, again.yjsUpdate);
    expect(canonicalJson(readWorkshop(doc))).toBe(canonicalJson(file.content));
  });

  it('refuses a second import as new, and leaves the database as it was', async () => {
    const a = freshDb();
    const id = await signedWorkshop(a);
    const file = decoded(await exportWorkshopFile(a, id, '0.1.0'));
    await expect(importWorkshopFile(a, file, 'new')).rejects.toMatchObject({ code: 'exists' });
  });
});
