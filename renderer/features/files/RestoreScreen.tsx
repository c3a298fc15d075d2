/**
 * Restore from backup: the automatic backups of one workshop, newest first,
 * with when and why each was taken and what it holds (terms, stages,
 * versions). Restoring asks first, keeps the current state as a backup, and
 * brings the chosen one back (`data/backups.ts`).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/backup/rotation';
import type { Step } from '../../store';
import { useAppStore } from '../../store';
import { db } from '../../data/instance';
import { restoreBackup } from '../../data/backups';
import { activeDoc, closeSession } from '../../data/session';
import { formatters } from '../../i18n';
import { platform } from '../../platform';

/** A backup's time to the second (several can be taken in one minute), with the zone. */
function whenText(instant: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-US', { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(instant));
}

function sizeText(bytes: number, language: string): string {
  const kb = bytes / 1024;
  const n = new Intl.NumberFormat(language === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: kb < 10 ? 1 : 0 });
  return kb < 1024 ? `${n.format(kb)} KB` : `${n.format(kb / 1024)} MB`;
}

export function RestoreScreen({ id, from }: { id: string; from?: Step }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const navigate = useAppStore((s) => s.navigate);
  const setNotice = useAppStore((s) => s.setNotice);
  const workshop = useAppStore((s) => s.workshops?.find((w) => w.id === id) ?? null);
  const fmt = formatters(language);
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  // Bumped after a restore, which adds a backup of the state it replaced.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void platform()
      .listBackups(id)
      .then((result) => {
        if (live) setBackups(result.ok ? result.value : []);
      });
    return () => {
      live = false;
    };
  }, [id, generation]);

  const back = () => {
    if (from) navigate({ screen: 'workshop', id, step: from });
    else {
      closeSession();
      navigate({ screen: 'home' });
    }
  };

  const restore = async (entry: BackupEntry) => {
    setBusy(true);
    const open = useAppStore.getState().session?.id === id ? activeDoc() : null;
    const result = await restoreBackup(db, id, entry.id, open);
    setBusy(false);
    dialog.current?.close();
    setChosen(null);
    if (result.ok) setNotice({ kind: 'info', key: 'files.backups.restored', values: { date: fmt.dateTime(entry.createdAt) } });
    else setNotice({ kind: 'error', key: 'files.backups.failed', values: { message: result.error.message } });
    setGeneration((g) => g + 1);
  };

  return (
    <section className="restore" data-testid="restore-screen">
      <div className="section-head">
        <h1>{t('files.backups.title')}</h1>
        <button onClick={back}>{from ? t('files.backups.back') : t('files.backups.home')}</button>
      </div>
      {workshop ? (
        <p>
          <strong>{workshop.title}</strong> · {workshop.company}
        </p>
      ) : null}
      <p className="muted">{t('files.backups.intro')}</p>
      {backups === null ? (
        <p>{t('app.loading')}</p>
      ) : backups.length === 0 ? (
        <p className="empty">{t('files.backups.none')}</p>
      ) : (
        <table className="backups-table">
          <thead>
            <tr>
              <th>{t('files.backups.when')}</th>
              <th>{t('files.backups.reason')}</th>
              <th>{t('files.backups.contents')}</th>
              <th>{t('files.backups.size')}</th>
              <th>
                <span className="sr-only">{t('files.backups.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.id} data-testid="backup-row" data-reason={b.reason}>
                <td>{whenText(b.createdAt, language)}</td>
                <td>{t(`files.backups.reasons.${b.reason}`)}</td>
                <td>
                  {b.summary ? (
                    <>
                      <span className="backup-title">{b.summary.title}</span>
                      <br />
                      <span className="muted">{t('files.backups.summary', b.summary)}</span>
                    </>
                  ) : (
                    <span className="muted">{t('files.backups.noSummary')}</span>
                  )}
                </td>
                <td>{sizeText(b.bytes, language)}</td>
                <td>
                  <button
                    disabled={busy}
                    onClick={() => {
                      setChosen(b);
                      dialog.current?.showModal();
                    }}
                  >
                    {t('files.backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dialog ref={dialog} className="dialog" aria-labelledby="restore-confirm-title" onClose={() => setChosen(null)}>
        <h2 id="restore-confirm-title">{t('files.backups.confirmTitle')}</h2>
        {chosen ? <p>{t('files.backups.confirm', { title: workshop?.title ?? chosen.summary?.title ?? '', date: fmt.dateTime(chosen.createdAt) })}</p> : null}
        <div className="form-actions">
          <button className="primary" disabled={busy || !chosen} onClick={() => chosen && void restore(chosen)} data-testid="confirm-restore">
            {t('files.backups.confirmAction')}
          </button>
          <button onClick={() => dialog.current?.close()} autoFocus>
            {t('files.backups.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
