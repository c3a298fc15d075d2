/** Export a frozen version as the agreement PDF (print view → PDF → metadata and snapshot → save). */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { readSnapshot, type AgreementSnapshot } from '../../../shared/agreement/version';
import { buildSignatureRecord } from '../../../shared/agreement/signature-record';
import { pagesOf } from '../../../shared/pdf/outline';
import { db } from '../../data/instance';
import { recordExported } from './actions';
import { useAudit } from './useAudit';
import { PAGE_SIZES, type PageSize } from '../../../shared/domain/workshop';
import { platform } from '../../platform';
import { useAppStore } from '../../store';
import { fixedT } from '../../i18n';
import { PrintView, pageRule, printTemplates, tocHeadings } from './PrintView';
import { CrmExport } from '../crm/CrmExport';

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

/** File name from company, title and version, safe on every system. */
export function suggestedFileName(snapshot: AgreementSnapshot): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not hold
  const clean = (s: string) => s.replace(/[/\\:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const base = `${clean(snapshot.content.meta.company)} - ${clean(snapshot.content.meta.title)} - v${snapshot.version}`;
  return `${base.slice(0, 180)}.pdf`;
}

export function ExportScreen() {
  const { t } = useTranslation();
  const session = useAppStore((s) => s.session!);
  const { versions, signatures } = session;
  const latest = versions[versions.length - 1];
  const [versionId, setVersionId] = useState(latest?.id ?? '');
  const version = versions.find((v) => v.id === versionId) ?? latest;
  const snapshot = version ? readSnapshot(version) : null;
  const [pageSize, setPageSize] = useState<PageSize>(snapshot?.content.meta.pageSize ?? 'A4');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'cancelled' | 'failed'; text?: string; sealed?: boolean }>({ kind: 'idle' });
  // Page numbers of the contents hold only for the version and paper they were counted on.
  const [paginated, setPaginated] = useState<{ key: string; pages: Record<string, number> } | null>(null);
  const audit = useAudit(session.id);

  useEffect(() => {
    document.body.classList.add('has-print-root');
    return () => document.body.classList.remove('has-print-root');
  }, []);

  if (!version || !snapshot) return <p className="empty">{t('export.needVersion')}</p>;
  const vt = fixedT(snapshot.content.meta.language);
  const layoutKey = `${version.id}:${pageSize}`;
  const pages = paginated?.key === layoutKey ? paginated.pages : null;
  const signedCount = signatures.filter((s) => s.versionId === version.id).length;
  const required = snapshot.content.participants.filter((p) => p.signatory).length;

  const run = async () => {
    setState({ kind: 'busy', text: t('agreement.export.paginating') });
    setPaginated(null);
    await document.fonts.ready;
    await nextFrame();
    const print = { pageSize, ...printTemplates(snapshot) };
    // First print: where each section lands, from the PDF's outline. The contents then show those pages,
    // and the export checks the final print puts every heading on the page the contents name.
    const counted = await platform().paginatePdf(print);
    const root = document.getElementById('print-root');
    if (!counted.ok || !root) {
      setState({ kind: 'failed', text: t('agreement.export.tocFailed', { message: counted.ok ? 'print view' : counted.error.message }) });
      return;
    }
    const headings = tocHeadings(root);
    const found = pagesOf(
      headings.map((h) => h.title),
      counted.value,
    );
    const missing = headings.filter((_, i) => found[i] === null).map((h) => h.title);
    if (missing.length > 0) {
      setState({ kind: 'failed', text: t('agreement.export.tocFailed', { message: missing.join(', ') }) });
      return;
    }
    setPaginated({ key: layoutKey, pages: Object.fromEntries(headings.map((h, i) => [h.id, found[i]!])) });
    await nextFrame();
    await nextFrame();
    const result = await platform().exportPdf({
      suggestedName: suggestedFileName(snapshot),
      print,
      toc: headings.map((h, i) => ({ title: h.title, page: found[i]! })),
      signatureRecord: buildSignatureRecord(version, signatures, audit),
      metadata: {
        title: `${snapshot.content.meta.title} — ${vt('pdf.version', { number: snapshot.version })}`,
        author: snapshot.content.meta.company,
        subject: vt('pdf.subject'),
        keywords: [...vt('pdf.keywords').split(',').map((k) => k.trim()), `sha256:${version.fingerprint}`],
        language: snapshot.content.meta.language,
      },
      snapshotJson: version.snapshotJson,
    });
    if (result.ok) {
      setState({ kind: 'done', text: t('export.done', { path: result.value.path }), sealed: result.value.sealed });
      await recordExported(db, version, { ...result.value, pageSize });
    }
    else if (result.error.code === 'cancelled') setState({ kind: 'cancelled', text: t('export.cancelled') });
    else setState({ kind: 'failed', text: t('export.failed', { message: result.error.message }) });
  };

  return (
    <div>
      <p className="intro">{t('export.intro')}</p>
      <div className="form-row">
        <div className="field">
          <label htmlFor="export-version" className="field__label">{t('export.version')}</label>
          <select id="export-version" value={version.id} onChange={(e) => setVersionId(e.target.value)}>
            {[...versions].reverse().map((v) => (
              <option key={v.id} value={v.id}>{t('sign.versionLabel', { number: v.number })}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-page" className="field__label">{t('export.pageSize')}</label>
          <select id="export-page" value={pageSize} onChange={(e) => setPageSize(e.target.value as PageSize)} data-testid="page-size">
            {PAGE_SIZES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <button className="primary big" onClick={() => void run()} disabled={state.kind === 'busy'} data-testid="export-pdf">
          {state.kind === 'busy' ? t('export.exporting') : t('export.button')}
        </button>
      </div>
      {signedCount < required ? <p className="notice notice--info">{t('export.unsigned')}</p> : null}
      {state.text ? (
        <p className={`notice ${state.kind === 'failed' ? 'notice--error' : state.kind === 'busy' ? 'notice--info' : 'notice--success'}`} role="status" data-testid="export-status">{state.text}</p>
      ) : null}
      {state.kind === 'done' ? (
        <p className={`notice ${state.sealed ? 'notice--success' : 'notice--info'}`} data-testid="export-seal">
          {t(state.sealed ? 'agreement.export.sealed' : 'agreement.export.notSealed')}
        </p>
      ) : null}
      <CrmExport content={snapshot.content} />
      <h2>{t('export.preview')}</h2>
      <div className={`print-preview print-preview--${pageSize}`}>
        <PrintView version={version} snapshot={snapshot} signatures={signatures} audit={audit} pages={pages} />
      </div>
      {createPortal(
        <div id="print-root" className="print-only">
          <style>{pageRule(pageSize)}</style>
          <PrintView version={version} snapshot={snapshot} signatures={signatures} audit={audit} pages={pages} />
        </div>,
        document.body,
      )}
    </div>
  );
}
