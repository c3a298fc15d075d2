/**
 * The CRM hand-back downloads of the Export step: for the chosen version's
 * content, the HubSpot, Salesforce, CSV and Markdown files of
 * shared/crm/handback.ts (the same bytes `pacto export` writes), one button
 * per file and, for HubSpot and Salesforce, a short how-to (the full one is
 * their `*-howto.md` file), each file saved through the bridge's `saveFile` (the native save
 * dialog in the app, a download in a browser). Nothing in the workshop changes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handbackFiles, type HandbackFile, type HandbackFormat } from '../../../shared/crm/handback';
import type { WorkshopContent } from '../../../shared/domain/workshop';
import { platform } from '../../platform';
import './crm.css';

const FORMATS = ['hubspot', 'salesforce', 'csv', 'md'] as const satisfies readonly HandbackFormat[];

/** The short how-to shown under the CRMs an admin applies files to (keys of `crm.steps.<format>`); the full one is each format's how-to file. */
const STEPS: Partial<Record<(typeof FORMATS)[number], readonly string[]>> = {
  hubspot: ['api', 'hand', 'check'],
  salesforce: ['deploy', 'path', 'check'],
};

type Status = { kind: 'busy' | 'done' | 'cancelled' | 'failed'; text: string } | null;

/** Download buttons, one per file of each CRM format, for `content` (a frozen version's). */
export function CrmExport({ content }: { content: WorkshopContent }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>(null);

  const save = async (file: HandbackFile) => {
    setStatus({ kind: 'busy', text: t('crm.saving', { name: file.name }) });
    const result = await platform().saveFile({ suggestedName: file.name, mimeType: file.mimeType, data: file.bytes as Uint8Array<ArrayBuffer> });
    if (result.ok) setStatus({ kind: 'done', text: t('crm.saved', { path: result.value.path }) });
    else if (result.error.code === 'cancelled') setStatus({ kind: 'cancelled', text: t('crm.cancelled') });
    else setStatus({ kind: 'failed', text: t('crm.failed', { name: file.name, message: result.error.message }) });
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
              {STEPS[format] ? (
                <details className="crm-export__howto" data-testid={`crm-howto-${format}`}>
                  <summary>{t('crm.howto')}</summary>
                  <ol className="small">
                    {STEPS[format].map((step) => (
                      <li key={step}>{t(`crm.steps.${format}.${step}`)}</li>
                    ))}
                  </ol>
                </details>
              ) : null}
            </div>
            <div className="crm-export__files">
              {handbackFiles(content, format).map((file) => (
                <button key={file.name} onClick={() => void save(file)} disabled={status?.kind === 'busy'} data-testid={`crm-file-${file.name}`}>
                  {file.name}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {status ? (
        <p
          className={`notice ${status.kind === 'failed' ? 'notice--error' : status.kind === 'done' ? 'notice--success' : 'notice--info'}`}
          role="status"
          data-testid="crm-status"
        >
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
