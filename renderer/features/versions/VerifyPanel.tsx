/**
 * "Drop a PDF onto Pacto": a drop zone (and a file picker) that sends the
 * file's bytes to the main process's verifier through the bridge and shows
 * the verdict: intact, altered (with what no longer matches), or not a Pacto
 * agreement; the sealing key's fingerprint and whether it is known; whether
 * the visible text of the pages was checked; and, with a workshop open, whether
 * the PDF is exactly that workshop's version (shared/agreement/workshop-match.ts).
 * It says plainly that a complete forgery with a new key is found only by such
 * a comparison. {@link GlobalPdfDrop} accepts a PDF dropped anywhere on the window.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfVerdict } from '../../../shared/bridge/contract';
import { formatFingerprint } from '../../../shared/agreement/fingerprint';
import { matchWorkshop, type WorkshopMatch } from '../../../shared/agreement/workshop-match';
import { useAudit } from '../agreement/useAudit';
import { formatters } from '../../i18n';
import { platform } from '../../platform';
import { useAppStore } from '../../store';
import { FilePicker } from '../../ui/FilePicker';

type Check =
  { kind: 'idle' } | { kind: 'busy'; name: string } | { kind: 'done'; name: string; verdict: PdfVerdict } | { kind: 'failed'; code: string; message: string };

/** Verifies `file` through the bridge; never throws. */
export async function verifyFile(file: File): Promise<Check> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { kind: 'failed', code: 'unreadable', message: e instanceof Error ? e.message : String(e) };
  }
  const result = await platform().verifyPdf({ name: file.name, bytes });
  return result.ok ? { kind: 'done', name: file.name, verdict: result.value } : { kind: 'failed', code: result.error.code, message: result.error.message };
}

/** The verifier's own words (English, for support), folded under a translated summary. */
function TechnicalDetail({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <details className="muted small">
      <summary>{t('agreement.verify.technicalDetail')}</summary>
      {message}
    </details>
  );
}

/** What a workshop finding means here, in the UI language: for a PDF of another workshop, which one it is. */
function FindingDetail({ code, verdict, version, open }: { code: string; verdict: PdfVerdict; version: number | null; open: string }) {
  const { t } = useTranslation();
  const fmt = formatters(useAppStore((s) => s.language));
  if (code === 'other-workshop') {
    const a = verdict.agreement;
    return (
      <div data-testid="verify-other-workshop">
        {a
          ? t('agreement.verify.otherWorkshop', { title: a.title, company: a.company, date: fmt.date(a.date), open })
          : t('agreement.verify.otherWorkshopUnknown', { open })}
      </div>
    );
  }
  if (code === 'no-such-version') return <div>{t('agreement.verify.findingDetail.no-such-version', { version: verdict.version ?? '?' })}</div>;
  if (code === 'fingerprint-differs') return <div>{t('agreement.verify.findingDetail.fingerprint-differs', { version: version ?? '?' })}</div>;
  return null;
}

/** A notice's tone for each outcome of the comparison with the open workshop. */
const MATCH_TONE = { match: 'success', mismatch: 'error', unconfirmed: 'info' } as const satisfies Record<WorkshopMatch['status'], string>;

/** The verdict compared with the open workshop (its versions, signatures and the seal keys its exports recorded). */
function WorkshopComparison({ verdict }: { verdict: PdfVerdict }) {
  const { t } = useTranslation();
  const session = useAppStore((s) => s.session!);
  const trail = useAudit(session.id);
  // Compared once the audit trail is read (the seal keys the exports recorded are in it), never against a trail not read.
  const match =
    trail.kind === 'read'
      ? matchWorkshop(verdict, { workshopId: session.id, versions: session.versions, signatures: session.signatures, audit: trail.events })
      : null;
  const notice = match
    ? { tone: MATCH_TONE[match.status], text: t(`agreement.verify.workshop.${match.status}`, { version: match.version ?? '' }) }
    : trail.kind === 'failed'
      ? { tone: 'error', text: t('agreement.verify.auditFailed', { message: trail.message }) }
      : { tone: 'info', text: t('agreement.audit.reading') };
  return (
    <div className="verdict__workshop" data-testid="verify-workshop" data-status={match?.status ?? trail.kind}>
      <h4>{t('agreement.verify.workshopTitle', { title: session.content.meta.title })}</h4>
      <p className={`notice notice--${notice.tone}`}>{notice.text}</p>
      {match?.status === 'mismatch' ? (
        <ul>
          {match.findings.map((f, i) => (
            <li key={i} data-code={f.code}>
              {t(`agreement.verify.workshopFindings.${f.code}`)}
              <FindingDetail code={f.code} verdict={verdict} version={match.version} open={session.content.meta.title} />
              <TechnicalDetail message={f.message} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The verdict on one file. */
export function Verdict({ check }: { check: Check }) {
  const { t } = useTranslation();
  const fmt = formatters(useAppStore((s) => s.language));
  const workshopOpen = useAppStore((s) => s.session !== null);
  if (check.kind === 'idle') return null;
  if (check.kind === 'busy')
    return (
      <p className="notice notice--info" role="status">
        {t('agreement.verify.checking', { name: check.name })}
      </p>
    );
  if (check.kind === 'failed') {
    return (
      <p className="notice notice--error" role="status" data-testid="verify-verdict" data-status="failed">
        {check.code === 'unsupported' ? t('agreement.verify.unsupported') : t('agreement.verify.failed', { message: check.message })}
      </p>
    );
  }
  const v = check.verdict;
  const tone = v.status === 'intact' ? 'success' : v.status === 'altered' ? 'error' : 'info';
  const keyText = { own: 'keyOwn', workshop: 'keyWorkshop', unknown: 'keyUnknown' }[v.seal.key];
  return (
    <div className={`verdict verdict--${v.status}`} data-testid="verify-verdict" data-status={v.status}>
      <p className={`notice notice--${tone}`} role="status">
        <strong>{t(`agreement.verify.${v.status}`, { name: check.name })}</strong>
      </p>
      {v.agreement && v.version !== null ? (
        <p>{t('agreement.verify.version', { number: v.version, title: v.agreement.title, company: v.agreement.company })}</p>
      ) : null}
      {v.fingerprint ? (
        <p className="fingerprint">
          <span className="muted">{t('agreement.verify.fingerprint')}:</span> <code>{formatFingerprint(v.fingerprint)}</code>
        </p>
      ) : null}
      {v.status !== 'not-pacto' ? (
        <p>
          <span className="muted">{t('agreement.verify.seal')}:</span>{' '}
          {v.seal.intact
            ? t('agreement.verify.sealOk', { signer: v.seal.signer ?? '', time: v.seal.signingTime ? fmt.dateTime(v.seal.signingTime) : '' })
            : t('agreement.verify.sealBad')}
        </p>
      ) : null}
      {v.seal.keyFingerprint ? (
        <p className="fingerprint" data-testid="verify-seal-key" data-key={v.seal.key}>
          <span className="muted">{t('agreement.verify.sealKey')}:</span> <code>{formatFingerprint(v.seal.keyFingerprint)}</code> —{' '}
          {t(`agreement.verify.${keyText}`)}
        </p>
      ) : null}
      {v.status === 'intact' && v.pageText.status === 'match' ? <p>{t('agreement.verify.pageTextMatch', { count: v.pageText.pageCount ?? 0 })}</p> : null}
      {v.status === 'intact' && v.pageText.status === 'not-recorded' ? (
        <p className="notice notice--info" data-testid="verify-page-text">
          {t('agreement.verify.pageTextNotRecorded')}
        </p>
      ) : null}
      {v.signatories.length > 0 ? (
        <>
          <h4>{t('agreement.verify.signatories')}</h4>
          <ul>
            {v.signatories.map((s, i) => (
              <li key={i}>
                {s.name} ({t(`teams.${s.team}`, { defaultValue: s.team })}) —{' '}
                {s.signed && s.signedAt
                  ? t('agreement.verify.signedAt', { date: fmt.dateTime(s.signedAt, s.timeZone ?? undefined), zone: s.timeZone ?? '' })
                  : t('agreement.verify.notSigned')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {v.status === 'intact' || v.status === 'altered' ? (
        <p className="muted small" data-testid="verify-forgery-note">
          {t('agreement.verify.forgeryNote')}
        </p>
      ) : null}
      {workshopOpen && v.status !== 'not-pacto' && v.status !== 'too-large' ? <WorkshopComparison verdict={v} /> : null}
      {v.reasons.length > 0 ? (
        <>
          <h4>{t('agreement.verify.whatChanged')}</h4>
          <ul data-testid="verify-reasons">
            {v.reasons.map((r, i) => (
              <li key={i} data-code={r.code}>
                {t(`agreement.verify.reasons.${r.code}`, { defaultValue: r.message })}
                <TechnicalDetail message={r.message} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

const firstPdf = (files: FileList | null | undefined): File | null => (files && files.length > 0 ? files[0]! : null);

/** A file that says it is a PDF (type or name); the verifier still checks its bytes. */
const isPdfName = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

/** The drop zone with a file picker, and the verdict under it. */
export function VerifyPanel() {
  const { t } = useTranslation();
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const run = async (file: File | null) => {
    if (!file) return;
    setCheck({ kind: 'busy', name: file.name });
    setCheck(await verifyFile(file));
  };
  return (
    <section className="verify" data-testid="verify-panel">
      <h2>{t('agreement.verify.title')}</h2>
      <div
        className={`verify-drop${over ? ' verify-drop--over' : ''}`}
        data-testid="verify-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          void run(firstPdf(e.dataTransfer.files));
        }}
      >
        <p>{over ? t('agreement.verify.drop') : t('agreement.verify.intro')}</p>
        <FilePicker label={t('agreement.verify.choose')} accept="application/pdf,.pdf" testId="verify-file" onFile={(file) => void run(file)} />
      </div>
      <Verdict check={check} />
    </section>
  );
}

/** Accepts a file dropped anywhere on the window (outside a drop zone) and shows its verdict in a dialog. */
export function GlobalPdfDrop() {
  const { t } = useTranslation();
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      // Drop zones of other features (e.g. a CSV import) handle their own files.
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      const file = firstPdf(e.dataTransfer?.files);
      if (!file || !isPdfName(file)) return;
      setCheck({ kind: 'busy', name: file.name });
      void verifyFile(file).then(setCheck);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  if (check.kind === 'idle') return null;
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-labelledby="drop-verify-title" data-testid="drop-verify-dialog">
      <div className="dialog verify-dialog">
        <h2 id="drop-verify-title">{t('agreement.verify.title')}</h2>
        <Verdict check={check} />
        <div className="form-actions">
          <button className="primary" onClick={() => setCheck({ kind: 'idle' })}>
            {t('app.dismiss')}
          </button>
        </div>
      </div>
    </div>
  );
}
