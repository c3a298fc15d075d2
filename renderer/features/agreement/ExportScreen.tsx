/**
 * The Export step: choose a frozen version and paper, preview the print view,
 * and export it (the flow itself is `exportAgreement` in ./actions.ts).
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { readSnapshot } from '../../../shared/agreement/version';
import type { AuditEvent } from '../../../shared/agreement/audit';
import { db } from '../../data/instance';
import { exportAgreement } from './actions';
import { useAudit } from './useAudit';
import { PAGE_SIZES, type PageSize } from '../../../shared/domain/workshop';
import { useAppStore } from '../../store';
import { PrintView, pageRule, printTemplates, tocHeadings } from './PrintView';
import { CrmExport } from '../crm/CrmExport';

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

/**
 * The printed agreement, drawn again only when what it prints changes (version, snapshot, signatures,
 * audit trail, contents' pages), not when the Export step's own status does: it is the whole agreement
 * twice (preview and print root), with its diagrams and charts, and an export's status changes at its
 * start and its end.
 */
const StablePrintView = memo(PrintView);

/** The print views' audit trail while the database has not answered yet (one object: the views stay memoized). */
const NO_AUDIT_YET: AuditEvent[] = [];

export function ExportScreen() {
  const { t } = useTranslation();
  const session = useAppStore((s) => s.session!);
  const { versions, signatures } = session;
  const latest = versions[versions.length - 1];
  const [versionId, setVersionId] = useState(latest?.id ?? '');
  const version = versions.find((v) => v.id === versionId) ?? latest;
  // Parsed and checked once per version, and the same object on every render (the print views are memoized on it).
  const snapshot = useMemo(() => (version ? readSnapshot(version) : null), [version]);
  const [pageSize, setPageSize] = useState<PageSize>(snapshot?.content.meta.pageSize ?? 'A4');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'cancelled' | 'failed'; text?: string; sealed?: boolean }>({ kind: 'idle' });
  // Page numbers of the contents hold only for the version and paper they were counted on.
  const [paginated, setPaginated] = useState<{ key: string; pages: Record<string, number> } | null>(null);
  // Export waits for the audit trail: a PDF exported before it is read, or when it cannot be read, would seal an empty appendix.
  const trail = useAudit(session.id);
  const audit = trail.kind === 'read' ? trail.events : NO_AUDIT_YET;

  useEffect(() => {
    document.body.classList.add('has-print-root');
    return () => document.body.classList.remove('has-print-root');
  }, []);

  if (!version || !snapshot) return <p className="empty">{t('agreement.export.needVersion')}</p>;
  const layoutKey = `${version.id}:${pageSize}`;
  const pages = paginated?.key === layoutKey ? paginated.pages : null;
  const signedCount = signatures.filter((s) => s.versionId === version.id).length;
  const required = snapshot.content.participants.filter((p) => p.signatory).length;

  const run = async () => {
    setState({ kind: 'busy', text: t('agreement.export.paginating') });
    const outcome = await exportAgreement(
      db,
      { version, snapshot, signatures, audit, pageSize },
      {
        templates: printTemplates(snapshot),
        headings: async () => {
          // The headings' text needs no layout; the fonts must be in before anything prints (showPages
          // has already waited for the frames a change of the contents' pages needs).
          await document.fonts.ready;
          const root = document.getElementById('print-root');
          return root ? tocHeadings(root) : null;
        },
        showPages: async (shown) => {
          // Page numbers of the contents hold only for the version and paper they were counted on.
          setPaginated(shown ? { key: layoutKey, pages: shown } : null);
          await nextFrame();
          await nextFrame();
        },
        // What the contents show now for this version and paper (counted by the last export), reused if still right.
        shownPages: () => pages,
      },
    );
    if (outcome.kind === 'done') setState({ kind: 'done', text: t('agreement.export.done', { path: outcome.path }), sealed: outcome.sealed });
    else if (outcome.kind === 'cancelled') setState({ kind: 'cancelled', text: t('agreement.export.cancelled') });
    else if (outcome.kind === 'unsupported') setState({ kind: 'failed', text: t('agreement.export.unsupported') });
    else if (outcome.kind === 'toc-failed') setState({ kind: 'failed', text: t('agreement.export.tocFailed', { message: outcome.message }) });
    else setState({ kind: 'failed', text: t('agreement.export.failed', { message: outcome.message }) });
  };

  return (
    <div>
      <p className="intro">{t('agreement.export.intro')}</p>
      <div className="form-row">
        <div className="field">
          <label htmlFor="export-version" className="field__label">
            {t('agreement.export.version')}
          </label>
          <select id="export-version" value={version.id} onChange={(e) => setVersionId(e.target.value)}>
            {[...versions].reverse().map((v) => (
              <option key={v.id} value={v.id}>
                {t('agreement.sign.versionLabel', { number: v.number })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-page" className="field__label">
            {t('agreement.export.pageSize')}
          </label>
          <select id="export-page" value={pageSize} onChange={(e) => setPageSize(e.target.value as PageSize)} data-testid="page-size">
            {PAGE_SIZES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <button className="primary big" onClick={() => void run()} disabled={state.kind === 'busy' || trail.kind !== 'read'} data-testid="export-pdf">
          {state.kind === 'busy' ? t('agreement.export.exporting') : t('agreement.export.button')}
        </button>
      </div>
      {trail.kind === 'failed' ? (
        <p className="notice notice--error" role="alert" data-testid="export-audit-failed">
          {t('agreement.export.auditFailed', { message: trail.message })}
        </p>
      ) : null}
      {signedCount < required ? <p className="notice notice--info">{t('agreement.export.unsigned')}</p> : null}
      {state.text ? (
        <p
          className={`notice ${state.kind === 'failed' ? 'notice--error' : state.kind === 'busy' ? 'notice--info' : 'notice--success'}`}
          role="status"
          data-testid="export-status"
        >
          {state.text}
        </p>
      ) : null}
      {state.kind === 'done' ? (
        <p className={`notice ${state.sealed ? 'notice--success' : 'notice--info'}`} data-testid="export-seal">
          {t(state.sealed ? 'agreement.export.sealed' : 'agreement.export.notSealed')}
        </p>
      ) : null}
      <CrmExport content={snapshot.content} />
      <h2>{t('agreement.export.preview')}</h2>
      <div className={`print-preview print-preview--${pageSize}`}>
        <StablePrintView version={version} snapshot={snapshot} signatures={signatures} audit={audit} pages={pages} />
      </div>
      {createPortal(
        <div id="print-root" className="print-only">
          <style>{pageRule(pageSize)}</style>
          <StablePrintView version={version} snapshot={snapshot} signatures={signatures} audit={audit} pages={pages} />
        </div>,
        document.body,
      )}
    </div>
  );
}
