/**
 * What the signing steps do to the database, each with its audit event:
 * freezing (through the freeze gate, or with a recorded override), signing,
 * exporting the agreement PDF (pagination, the platform's export pipeline,
 * the `exported` event), and voiding the signatures of a draft when it is
 * edited after signing started. The audit chain itself is `shared/agreement/audit.ts`,
 * stored by `data/audit.ts`.
 */
import type * as Y from 'yjs';
import { freezeGate, overrideFreezeGate, type Approval, type FreezeGate, type FreezeOverride } from '../../../shared/agreement/approvals';
import type { AuditActor } from '../../../shared/agreement/audit';
import { readSnapshot, requiredSigners, type AgreementVersion, type Signature } from '../../../shared/agreement/version';
import type { Participant, WorkshopContent } from '../../../shared/domain/workshop';
import { err, ok, type Result } from '../../../shared/domain/result';
import { localTimeZone } from '../../../shared/domain/time';
import { recordAudit } from '../../data/audit';
import type { PactoDb } from '../../data/db';
import { activeDoc, addSignature, freeze } from '../../data/session';
import { recordedOn } from '../../data/seat';
import { sharedEventOf } from '../../../shared/domain/agreement-doc';
import { publishToRoom, recordedFrom } from './room-records';
import { useAppStore, type AppState } from '../../store';
import { readApprovals } from '../../../shared/domain/approvals-doc';
import { buildSignatureRecord } from '../../../shared/agreement/signature-record';
import type { AuditEvent } from '../../../shared/agreement/audit';
import type { AgreementSnapshot } from '../../../shared/agreement/version';
import type { PageSize } from '../../../shared/domain/workshop';
import type { ExportPdfRequest } from '../../../shared/bridge/contract';
import { pagesOf } from '../../../shared/pdf/toc';
import { safeFileName } from '../../../shared/file/file-name';
import { platform } from '../../platform';
import { fixedT } from '../../i18n';

/** The app itself as an actor: events nobody in particular did (creation, export, voiding). */
export const PACTO_ACTOR: AuditActor = { participantId: null, name: 'Pacto', team: null };

/** A participant as an audit actor. */
export function actorOf(p: Pick<Participant, 'id' | 'name' | 'team'>): AuditActor {
  return { participantId: p.id, name: p.name, team: p.team };
}

/** The open workshop's approvals (from its document; none when no document is open). */
export function currentApprovals(doc: Y.Doc | null = activeDoc()): Approval[] {
  return doc ? readApprovals(doc) : [];
}

/** The freeze gate of the open workshop's current content. */
export function currentGate(content: WorkshopContent): FreezeGate {
  return freezeGate(content, currentApprovals());
}

/** Why a freeze was refused: the gate is closed and no override was given, or the override is invalid. */
export type FreezeRefusal = 'gate-closed' | 'reason-required' | 'not-a-participant' | 'time-zone' | 'not-needed';

/**
 * Freezes the open workshop as its next version and records `frozen` in the
 * audit trail. When the gate is closed it needs `override` (who and why):
 * the override, with the open items, goes into the version's snapshot and
 * the audit event. The version and its event are published for the room
 * (`room-records.ts`). Returns the version number, or why it refused.
 */
export async function freezeAgreement(
  db: PactoDb,
  override?: { participantId: string; reason: string },
  now: Date = new Date(),
): Promise<Result<number, { code: FreezeRefusal; message: string }>> {
  const session = useAppStore.getState().session;
  if (!session) throw new Error('No workshop is open');
  const gate = currentGate(session.content);
  let recorded: FreezeOverride | undefined;
  if (!gate.ready) {
    if (!override)
      return err({
        code: 'gate-closed' as const,
        message: `${gate.open.length} terms or clauses are not agreed; ${gate.inconsistencies.length} figures are stated two ways`,
      });
    const who = session.content.participants.find((p) => p.id === override.participantId);
    if (!who) return err({ code: 'not-a-participant' as const, message: 'Choose who decides to freeze' });
    const made = overrideFreezeGate(gate, who, override.reason, now, localTimeZone());
    if (!made.ok) return err({ code: made.error.code as FreezeRefusal, message: made.error.message });
    recorded = made.value;
  }
  const number = await freeze(db, recorded);
  const version = await db.versions.get(`${session.id}:v${number}`);
  const event = await recordAudit(db, session.id, {
    type: 'frozen',
    at: now,
    actor: recorded ? { participantId: recorded.participantId, name: recorded.participantName, team: recorded.team } : PACTO_ACTOR,
    details: {
      version: number,
      fingerprint: version?.fingerprint ?? null,
      ...(recorded
        ? {
            override: {
              reason: recorded.reason,
              openItems: recorded.openItems.map((i) => i.label),
              inconsistencies: (recorded.inconsistencies ?? []).map((i) => i.id),
            },
          }
        : {}),
      ...(recorded ? recordedOn({ participantId: recorded.participantId, name: recorded.participantName }) : {}),
    },
  });
  // The room's laptops get the version with its event (one transaction of the document).
  if (version) publishToRoom({ versions: [{ version, event: sharedEventOf(event), from: recordedFrom() }] });
  return ok(number);
}

/**
 * Stores `signature`, records `signed` in the audit trail and publishes both
 * for the room. Throws a zod error for an invalid signature.
 */
export async function signAgreement(db: PactoDb, signature: Signature, version: AgreementVersion): Promise<void> {
  await addSignature(db, signature);
  const event = await recordAudit(db, signature.workshopId, {
    type: 'signed',
    actor: { participantId: signature.participantId, name: signature.name, team: signature.team },
    details: {
      version: version.number,
      fingerprint: signature.fingerprint,
      method: signature.method,
      consent: signature.consent ?? null,
      // On which laptop, and by whom when not the signer at their own seat (data/seat.ts).
      ...recordedOn({ participantId: signature.participantId, name: signature.name }),
    },
  });
  // The other laptops copy it in when its fingerprint matches their copy of the version (room-records.ts).
  publishToRoom({ signatures: [{ signature, event: sharedEventOf(event), from: recordedFrom() }] });
}

/** The last part of a path (either separator): what the trail may keep of where a file went. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Records `exported` after a PDF was written, with the seal key's
 * fingerprint when it was sealed. Only the file's name is kept: the trail
 * travels inside later PDFs, and a folder path would tell their readers about
 * the exporter's computer.
 */
export async function recordExported(
  db: PactoDb,
  version: AgreementVersion,
  file: { path: string; bytes: number; sealed: boolean; pageSize: string; sealKeyFingerprint?: string | undefined },
): Promise<void> {
  await recordAudit(db, version.workshopId, {
    type: 'exported',
    actor: PACTO_ACTOR,
    details: {
      version: version.number,
      fingerprint: version.fingerprint,
      file: fileNameOf(file.path),
      bytes: file.bytes,
      sealed: file.sealed,
      pageSize: file.pageSize,
      // The key that sealed this export: a PDF checked against this workshop must carry it (shared/agreement/workshop-match.ts).
      ...(file.sealKeyFingerprint ? { sealKey: file.sealKeyFingerprint } : {}),
    },
  });
}

/** The PDF's suggested file name, `<company> - <title> - v<version>.pdf`, safe on every system ({@link safeFileName}: a long title is cut, the version kept). */
export function suggestedFileName(snapshot: AgreementSnapshot): string {
  return safeFileName([snapshot.content.meta.company, snapshot.content.meta.title], 'pdf', { suffix: ` - v${snapshot.version}` });
}

/** The PDF's document metadata for a version, in the version's own language. */
export function agreementPdfMetadata(version: AgreementVersion, snapshot: AgreementSnapshot): ExportPdfRequest['metadata'] {
  const vt = fixedT(snapshot.content.meta.language);
  return {
    title: `${snapshot.content.meta.title} — ${vt('pdf.version', { number: snapshot.version })}`,
    author: snapshot.content.meta.company,
    subject: vt('pdf.subject'),
    keywords: [
      ...vt('pdf.keywords')
        .split(',')
        .map((k) => k.trim()),
      `sha256:${version.fingerprint}`,
    ],
    language: snapshot.content.meta.language,
  };
}

/**
 * The print view as the export sees it (the Export screen supplies it): the
 * header and footer templates, the headings the contents list, and a way to
 * show page numbers in the contents and wait until they are laid out.
 */
export interface AgreementPrintView {
  templates: { headerTemplate: string; footerTemplate: string };
  /** Waits until the fonts are loaded, then reads the contents' headings (their text: no layout needed); null when it is not mounted. */
  headings(): Promise<{ id: string; title: string }[] | null>;
  /** Shows these pages (heading id → page) in the contents, or none, and resolves once they are laid out. */
  showPages(pages: Record<string, number> | null): Promise<void>;
  /**
   * The pages the contents show now (heading id → page), counted by an earlier export of the same
   * version on the same paper; null when they show none. An export reuses them and skips its counting
   * print, as long as the contents check of the final print finds them right.
   */
  shownPages?(): Record<string, number> | null;
}

/**
 * How an export ended: written (where, sealed or not), cancelled, not possible here (a plain browser: no
 * main process to print and save), the contents could not be paginated, or a pipeline error.
 */
export type AgreementExportOutcome =
  | { kind: 'done'; path: string; sealed: boolean }
  | { kind: 'cancelled' }
  | { kind: 'unsupported' }
  | { kind: 'toc-failed'; message: string }
  | { kind: 'failed'; code: string; message: string };

/**
 * Exports a frozen version as the agreement PDF: prints once to learn where
 * each section lands (from the PDF's outline), shows those pages in the
 * contents, then runs the platform's export pipeline (print, contents check,
 * metadata and snapshot, seal, save) and records `exported` in the audit
 * trail. When the contents already show the pages an earlier export counted
 * (`view.shownPages`), it skips the counting print; should the final print's
 * contents check find them wrong (the layout moved since), it counts again
 * and exports with the new pages, so nothing is written with a wrong page.
 * Never throws for a failed print or write: the outcome says what
 * happened (`toc-failed` names the headings that were not printed).
 */
export async function exportAgreement(
  db: PactoDb,
  input: { version: AgreementVersion; snapshot: AgreementSnapshot; signatures: readonly Signature[]; audit: readonly AuditEvent[]; pageSize: PageSize },
  view: AgreementPrintView,
): Promise<AgreementExportOutcome> {
  const { version, snapshot, pageSize } = input;
  const print = { pageSize, ...view.templates };
  const exportWith = (headings: readonly { id: string; title: string }[], pages: Record<string, number>) =>
    platform().exportPdf({
      suggestedName: suggestedFileName(snapshot),
      print,
      toc: headings.map((h) => ({ title: h.title, page: pages[h.id]! })),
      signatureRecord: buildSignatureRecord(version, input.signatures, input.audit),
      metadata: agreementPdfMetadata(version, snapshot),
      snapshotJson: version.snapshotJson,
    });
  const shown = view.shownPages?.() ?? null;
  let result: Awaited<ReturnType<typeof exportWith>> | null = null;
  if (shown) {
    const headings = await view.headings();
    if (headings && headings.every((h) => shown[h.id] !== undefined)) {
      result = await exportWith(headings, shown);
      // The contents' pages no longer hold for this layout: count them again below.
      if (!result.ok && result.error.code === 'toc-mismatch') result = null;
    }
  }
  if (!result) {
    await view.showPages(null);
    const headings = await view.headings();
    // First print: where each section lands, from the PDF's outline. The contents then show those pages,
    // and the export checks the final print puts every heading on the page the contents name.
    const counted = await platform().paginatePdf(print);
    if (!counted.ok) return counted.error.code === 'unsupported' ? { kind: 'unsupported' } : { kind: 'toc-failed', message: counted.error.message };
    if (!headings) return { kind: 'toc-failed', message: 'print view' };
    const found = pagesOf(
      headings.map((h) => h.title),
      counted.value,
    );
    const missing = headings.filter((_, i) => found[i] === null).map((h) => h.title);
    if (missing.length > 0) return { kind: 'toc-failed', message: missing.join(', ') };
    const pages = Object.fromEntries(headings.map((h, i) => [h.id, found[i]!]));
    await view.showPages(pages);
    result = await exportWith(headings, pages);
  }
  if (!result.ok) {
    if (result.error.code === 'cancelled') return { kind: 'cancelled' };
    if (result.error.code === 'unsupported') return { kind: 'unsupported' };
    return { kind: 'failed', code: result.error.code, message: result.error.message };
  }
  await recordExported(db, version, { ...result.value, pageSize });
  return { kind: 'done', path: result.value.path, sealed: result.value.sealed };
}

/**
 * When an edit turns a frozen version with signatures back into a draft, the
 * draft's signatures are void (the signed version keeps its own): returns the
 * event's details to record, or null when this state change voids nothing.
 * Pure, for the store subscription in {@link watchSignatureVoiding}.
 */
export function voidedBy(prev: AppState['session'], next: AppState['session']): Record<string, unknown> | null {
  if (!prev || !next || prev.id !== next.id) return null;
  if (prev.status === 'draft' || next.status !== 'draft') return null;
  // The versions list must be the same: a status change from loading versions is not an edit.
  if (prev.versions.length !== next.versions.length) return null;
  const latest = next.versions[next.versions.length - 1];
  if (!latest) return null;
  const order = requiredSigners(readSnapshot(latest)).map((p) => p.id);
  const voided = next.signatures
    .filter((s) => s.versionId === latest.id && s.fingerprint === latest.fingerprint)
    .sort((a, b) => order.indexOf(a.participantId) - order.indexOf(b.participantId));
  if (voided.length === 0) return null;
  return { version: latest.number, fingerprint: latest.fingerprint, signatures: voided.map((s) => s.name), wasFullySigned: prev.status === 'signed' };
}

/**
 * Records `signatures-voided` whenever an edit after signing starts a new
 * draft. Returns the unsubscribe function.
 */
export function watchSignatureVoiding(db: PactoDb, onError: (e: unknown) => void = () => undefined): () => void {
  return useAppStore.subscribe((state, prev) => {
    const details = voidedBy(prev.session, state.session);
    if (details && state.session) {
      recordAudit(db, state.session.id, { type: 'signatures-voided', actor: PACTO_ACTOR, details }).catch(onError);
    }
  });
}
