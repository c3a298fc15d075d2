/**
 * The CRM hand-back downloads of the Export step: for the chosen version's
 * content, the HubSpot, Salesforce, CSV and Markdown files of
 * shared/crm/handback.ts (the same bytes `pacto export` writes), each saved
 * through the bridge's `saveFile` (the native save dialog in the app, a
 * download in a browser). Nothing in the workshop changes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handbackFiles, type HandbackFormat } from '../../../shared/crm/handback';
import type { WorkshopContent } from '../../../shared/domain/workshop';
import { platform } from '../../platform';
import './crm.css';

const FORMATS = ['hubspot', 'salesforce', 'csv', 'md'] as const satisfies readonly HandbackFormat[];

type Status = { kind: 'busy' | 'done' | 'cancelled' | 'failed'; text: string } | null;

/** Download buttons, one per CRM format, for `content` (a frozen version's). */
export function CrmExport({ content }: { content: WorkshopContent }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>(null);

  const download = async (format: HandbackFormat) => {
    const files = handbackFiles(content, format);
    const saved: string[] = [];
    for (const f of files) {
      setStatus({ kind: 'busy', text: t('crm.saving', { name: f.name }) });
      const result = await platform().saveFile({ suggestedName: f.name, mimeType: f.mimeType, data: f.bytes as Uint8Array<ArrayBuffer> });
      if (!result.ok) {
        setStatus(
          result.error.code === 'cancelled'
            ? { kind: 'cancelled', text: t('crm.cancelled', { saved: saved.length, count: files.length }) }
            : { kind: 'failed', text: t('crm.failed', { name: f.name, message: result.error.message }) },
        );
        return;
      }
      saved.push(result.value.path);
    }
    setStatus({ kind: 'done', text: t('crm.saved', { paths: saved.join(', ') }) });
  };

  return (
    <section className="card crm-export" data-testid="crm-export">
      <h2>{t('crm.title')}</h2>
      <p className="muted">{t('crm.intro')}</p>
      <ul className="crm-export__list">
        {FORMATS.map((format) => (
          <li key={format}>
            <div>
              <strong>{t(`crm.formats.${format}.title`)}</strong>
              <p className="muted small">{t(`crm.formats.${format}.text`)}</p>
            </div>
            <button onClick={() => void download(format)} disabled={status?.kind === 'busy'} data-testid={`crm-download-${format}`}>
              {t('crm.download', { count: handbackFiles(content, format).length })}
            </button>
          </li>
        ))}
      </ul>
      {status ? (
        <p className={`notice ${status.kind === 'failed' ? 'notice--error' : status.kind === 'done' ? 'notice--success' : 'notice--info'}`} role="status" data-testid="crm-status">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
