/**
 * Versions in depth: a freeze override recorded in the snapshot (and covered
 * by the fingerprint), the consent line kept with a signature, the version
 * history's standings, signed versions that never change in the database,
 * the version diff over rich text and SLA sections, and the signatures a
 * post-signing edit voids.
 */
import 'fake-indexeddb/auto';
import { signatureOf } from '../support/pacto-workshop';
import { describe, expect, it } from 'vitest';
import { freezeGate, overrideFreezeGate, type FreezeOverride } from '../../shared/agreement/approvals';
import { diffContent } from '../../shared/agreement/diff';
import {
  freezeVersion,
  readSnapshot,
  signatureSchema,
  versionHistory,
  workshopStatus,
  type AgreementVersion,
  type Signature,
} from '../../shared/agreement/version';
import { plainToRichDoc } from '../../shared/domain/rich-text';
import type { WorkshopContent } from '../../shared/domain/workshop';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { createDb } from '../../renderer/data/db';
import { ImmutableRecordError } from '../../renderer/data/schema';
import { fileNameOf, voidedBy } from '../../renderer/features/agreement/actions';
import type { SessionState } from '../../renderer/store';

const NOW = new Date('2026-11-30T17:00:00Z');
const base = (): WorkshopContent => sampleWorkshop('2026-11-30');

function override(content: WorkshopContent, reason = 'Firmamos hoy; lo abierto se revisa en 30 días.'): FreezeOverride {
  const carmen = content.participants.find((p) => p.id === 'p-carmen')!;
  const made = overrideFreezeGate(freezeGate(content, []), carmen, reason, NOW, 'Europe/Madrid');
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

function signed(version: AgreementVersion, participantId: string, extra: Partial<Signature> = {}): Signature {
  return signatureOf(version, participantId, extra);
}

const bothSign = (v: AgreementVersion) => [signed(v, 'p-lucia'), signed(v, 'p-jorge')];

describe('freeze override in the snapshot', () => {
  it('is kept in the frozen snapshot with who, why, when and the open items', () => {
    const content = base();
    const o = override(content);
    const snapshot = readSnapshot(freezeVersion('w1', 1, content, NOW, o));
    expect(snapshot.override).toEqual(o);
    expect(snapshot.override!.openItems.length).toBe(freezeGate(content, []).open.length);
    expect(snapshot.override!.at).toBe('2026-11-30T18:00:00+01:00');
  });

  it('is covered by the fingerprint: another reason gives another fingerprint, none gives a third', () => {
    const content = base();
    const a = freezeVersion('w1', 1, content, NOW, override(content, 'Motivo A'));
    const b = freezeVersion('w1', 1, content, NOW, override(content, 'Motivo B'));
    const none = freezeVersion('w1', 1, content, NOW);
    expect(new Set([a.fingerprint, b.fingerprint, none.fingerprint]).size).toBe(3);
    expect(readSnapshot(none).override).toBeUndefined();
  });

  it('refuses an override without a reason', () => {
    const content = base();
    expect(() => freezeVersion('w1', 1, content, NOW, { ...override(content), reason: '  ' })).toThrow();
  });
});

describe('signatures', () => {
  it('keep the consent line the signer accepted; signatures made before it existed still read', () => {
    const v = freezeVersion('w1', 1, base(), NOW);
    const consent = 'Firmo la versión 1 con una firma electrónica simple (Reglamento eIDAS).';
    expect(signatureSchema.parse(signed(v, 'p-lucia', { consent })).consent).toBe(consent);
    expect(signatureSchema.parse(signed(v, 'p-lucia')).consent).toBeUndefined();
    expect(signatureSchema.safeParse(signed(v, 'p-lucia', { consent: '' })).success).toBe(false);
  });
});

describe('versionHistory', () => {
  it('newest first: awaiting while the draft matches, signed once every signatory signed', () => {
    const content = base();
    const v1 = freezeVersion('w1', 1, content, NOW);
    expect(versionHistory([v1], [], content).map((h) => [h.version.number, h.standing, h.matchesDraft])).toEqual([[1, 'awaiting', true]]);
    expect(versionHistory([v1], [signed(v1, 'p-lucia')], content)[0]).toMatchObject({ standing: 'awaiting', required: 2 });
    expect(versionHistory([v1], bothSign(v1), content)[0]!.standing).toBe('signed');
  });

  it('a signed version stays signed after edits and newer versions; an unsigned older one is superseded', () => {
    const content = base();
    const v1 = freezeVersion('w1', 1, content, NOW);
    const edited = { ...content, sla: { ...content.sla, intro: 'Nuevo propósito.' } };
    const v2 = freezeVersion('w1', 2, edited, new Date(NOW.getTime() + 60_000));
    const later = { ...edited, targets: { ...edited.targets, revenueTarget: 2_000_000 } };
    const v3 = freezeVersion('w1', 3, later, new Date(NOW.getTime() + 120_000));
    const history = versionHistory([v1, v3, v2], bothSign(v1), later);
    expect(history.map((h) => [h.version.number, h.standing])).toEqual([
      [3, 'awaiting'],
      [2, 'superseded'],
      [1, 'signed'],
    ]);
    // The latest version stops awaiting once the draft moves on.
    expect(versionHistory([v1, v2, v3], [], { ...later, targets: { ...later.targets, periodMonths: 6 } })[0]!.standing).toBe('superseded');
  });

  it('ignores signatures bound to another fingerprint', () => {
    const content = base();
    const v1 = freezeVersion('w1', 1, content, NOW);
    const forged = bothSign(v1).map((s) => ({ ...s, fingerprint: 'f'.repeat(64) }));
    expect(versionHistory([v1], forged, content)[0]).toMatchObject({ standing: 'awaiting', signatures: [] });
  });
});

describe('signed versions in the database never change', () => {
  it('refuses update and put over a stored version or signature', async () => {
    const db = createDb('versions-immutable-test');
    const v1 = freezeVersion('w1', 1, base(), NOW);
    const sig = signed(v1, 'p-lucia');
    await db.versions.add(v1);
    await db.signatures.add(sig);
    await expect(db.versions.update(v1.id, { snapshotJson: '{}' })).rejects.toBeInstanceOf(ImmutableRecordError);
    await expect(db.versions.put({ ...v1, fingerprint: '0'.repeat(64) })).rejects.toBeInstanceOf(ImmutableRecordError);
    await expect(db.signatures.put({ ...sig, name: 'Otra persona' })).rejects.toBeInstanceOf(ImmutableRecordError);
    expect(await db.versions.get(v1.id)).toEqual(v1);
    expect(await db.signatures.get(sig.id)).toEqual(sig);
    db.close();
  });
});

describe('version diff over rich text and SLA sections', () => {
  it('compares rich text word by word on its plain text', () => {
    const before = base();
    const term = before.terms[1]!;
    const after = {
      ...before,
      terms: before.terms.map((t) => (t.id === term.id ? { ...t, definition: plainToRichDoc('Lead con puntuación ≥ 70 y perfil ideal.') } : t)),
    };
    const withRich = {
      ...before,
      terms: before.terms.map((t) => (t.id === term.id ? { ...t, definition: plainToRichDoc('Lead con puntuación ≥ 60 y perfil ideal.') } : t)),
    };
    const diff = diffContent(withRich, after);
    const field = diff.sections.find((s) => s.section === 'terms')!.changes[0]!.fields[0]!;
    expect(field).toMatchObject({ kind: 'text', field: 'definition' });
    if (field.kind !== 'text') throw new Error('expected a text change');
    expect(field.parts.filter((p) => p.type === 'removed').map((p) => p.text)).toEqual(['60']);
    expect(field.parts.filter((p) => p.type === 'added').map((p) => p.text)).toEqual(['70']);
  });

  it('reports a formatting-only change of rich text as a value change, not as changed words', () => {
    const before = base();
    const doc = plainToRichDoc('Contactar cada MQL.');
    const bold = JSON.parse(JSON.stringify(doc));
    bold.content[0].content[0].marks = [{ type: 'bold' }];
    const a = { ...before, sla: { ...before.sla, intro: doc } };
    const b = { ...before, sla: { ...before.sla, intro: bold } };
    const field = diffContent(a, b).sections.find((s) => s.section === 'sla')!.changes[0]!.fields[0]!;
    expect(field.kind).toBe('value');
  });

  it('does not report a plain text stored again as rich text with the same words', () => {
    const before = base();
    const intro = 'Propósito.\n\nAlcance: México y España.';
    const a = { ...before, sla: { ...before.sla, intro } };
    const b = { ...before, sla: { ...before.sla, intro: plainToRichDoc(intro) } };
    expect(diffContent(a, b).sections).toEqual([]);
    const c = { ...before, sla: { ...before.sla, intro: plainToRichDoc('Propósito.\n\nAlcance: México, España y Chile.') } };
    expect(diffContent(a, c).sections.map((s) => s.section)).toEqual(['sla']);
  });

  it('shows each SLA section as its own field', () => {
    const before = base();
    const after = { ...before, sla: { ...before.sla, sections: { ...before.sla.sections, escalation: 'Alerta al director comercial tras 48 horas.' } } };
    const changes = diffContent(before, after).sections.find((s) => s.section === 'sla')!.changes;
    expect(changes[0]!.fields.map((f) => f.field)).toEqual(['escalation']);
  });
});

describe('signatures voided by an edit after signing', () => {
  const content = base();
  const v1 = freezeVersion('w1', 1, content, NOW);
  const session = (status: SessionState['status'], signatures: Signature[] = bothSign(v1)): SessionState => ({
    id: 'w1',
    content,
    canUndo: false,
    canRedo: false,
    versions: [v1],
    signatures,
    status,
  });

  it('records the voided signatures when a signed or partly signed version turns back into a draft', () => {
    // Named in the version's signatory order, whatever order they were stored in.
    expect(voidedBy(session('signed', bothSign(v1).reverse()), session('draft', bothSign(v1).reverse()))).toMatchObject({
      signatures: ['Lucía Fernández Ortega', 'Jorge Ibáñez Muñoz'],
    });
    expect(voidedBy(session('signed'), session('draft'))).toEqual({
      version: 1,
      fingerprint: v1.fingerprint,
      signatures: ['Lucía Fernández Ortega', 'Jorge Ibáñez Muñoz'],
      wasFullySigned: true,
    });
    expect(voidedBy(session('ready', [signed(v1, 'p-lucia')]), session('draft', [signed(v1, 'p-lucia')]))).toMatchObject({
      signatures: ['Lucía Fernández Ortega'],
      wasFullySigned: false,
    });
  });

  it('records nothing without signatures, for another workshop, while loading, or for a status that is not a new draft', () => {
    expect(voidedBy(session('ready', []), session('draft', []))).toBeNull();
    expect(voidedBy(session('signed'), { ...session('draft'), id: 'w2' })).toBeNull();
    expect(voidedBy({ ...session('signed'), versions: [] }, session('draft'))).toBeNull();
    expect(voidedBy(session('draft'), session('draft'))).toBeNull();
    expect(voidedBy(session('ready'), session('signed'))).toBeNull();
    expect(voidedBy(null, session('draft'))).toBeNull();
  });

  it('agrees with workshopStatus: an edit after signing is a draft again', () => {
    const edited = { ...content, sla: { ...content.sla, intro: 'Otro texto.' } };
    expect(workshopStatus(content, v1, bothSign(v1))).toBe('signed');
    expect(workshopStatus(edited, v1, bothSign(v1))).toBe('draft');
  });
});

describe('exported events', () => {
  it('keep only the file name, never the folder it was saved in', () => {
    expect(fileNameOf('/home/ana/Documentos/Nubecom - Acuerdo - v1.pdf')).toBe('Nubecom - Acuerdo - v1.pdf');
    expect(fileNameOf('C:\\Users\\ana\\Documents\\Acuerdo v1.pdf')).toBe('Acuerdo v1.pdf');
    expect(fileNameOf('Acuerdo v1.pdf')).toBe('Acuerdo v1.pdf');
  });
});
