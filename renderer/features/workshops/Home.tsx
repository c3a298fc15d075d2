/** The workshops home: list, create, open, rename, duplicate, delete with confirmation. */
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import type { WorkshopIndexRow } from '../../data/db';
import type { FileLink } from '../../data/file-links';
import { HomeFileActions, RecentFiles } from '../files/RecentFiles';
import { lazyComponent } from '../../ui/lazy-component';
import { workshopLayerStarted } from '../../start';

/** The new-workshop form, loaded when it opens. */
const NewWorkshopForm = lazyComponent(() => import('./NewWorkshopForm'), 'NewWorkshopForm');

/**
 * The stored workshops' writes (rename, duplicate, delete: they open documents),
 * with the documents' connection they go through, loaded on first use.
 */
const workshopData = () => Promise.all([import('../../data/workshops'), import('../../data/instance')]).then(([workshops, { db }]) => ({ ...workshops, db }));

function WorkshopCard({ row }: { row: WorkshopIndexRow }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const navigate = useAppStore((s) => s.navigate);
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(row.title);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const fmt = formatters(language);
  // What tells two cards of the same workshop apart (the sample and a file opened as a copy): the file each is linked to, and when it was last edited.
  const [link, setLink] = useState<FileLink | null>(null);
  useEffect(() => {
    let live = true;
    // Read with the workshop layer (after the list's first paint): the link's module brings the validation library.
    void workshopLayerStarted()
      .then(() => Promise.all([import('../../data/file-links'), import('../../data/instance')]))
      .then(([{ getFileLink }, { db }]) => getFileLink(db, row.id))
      .then((l) => live && setLink(l));
    return () => {
      live = false;
    };
  }, [row.id, row.updatedAt]);
  return (
    <li className="card workshop-card" data-testid="workshop-card">
      <div className="workshop-card__main">
        {renaming ? (
          <form
            className="rename"
            onSubmit={async (e) => {
              e.preventDefault();
              if (!title.trim()) {
                setError('required');
                return;
              }
              const data = await workshopData();
              try {
                await data.renameWorkshop(data.db, row.id, title.trim());
              } catch (err) {
                // The title the user typed stays in the field, with what is wrong with it.
                const fieldError = err instanceof data.InvalidEditError ? err.errors.title : undefined;
                if (fieldError === undefined) throw err;
                setError(fieldError);
                return;
              }
              setRenaming(false);
              setError(null);
            }}
          >
            <label className="sr-only" htmlFor={`rename-${row.id}`}>
              {t('workshops.fields.title')}
            </label>
            <input id={`rename-${row.id}`} autoFocus value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={!!error || undefined} />
            <button type="submit" className="primary">
              {t('workshops.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                setRenaming(false);
                setTitle(row.title);
                setError(null);
              }}
            >
              {t('workshops.cancel')}
            </button>
            {error ? (
              <div className="field__error" role="alert">
                {t(`errors.${error}`)}
              </div>
            ) : null}
          </form>
        ) : (
          <h3>
            <button className="link" onClick={() => navigate({ screen: 'workshop', id: row.id, step: 'participants' })}>
              {row.title}
            </button>
          </h3>
        )}
        <div className="workshop-card__meta">
          <span>{row.company}</span>
          <span>{fmt.date(row.date)}</span>
          <span>{row.currency}</span>
          <span className={`badge badge--${row.status}`}>{t(`status.${row.status}`)}</span>
        </div>
        <div className="workshop-card__meta muted small">
          <span data-testid="workshop-card-file" title={link?.path}>
            {link ? t('workshops.linkedFile', { name: link.name }) : t('workshops.noLinkedFile')}
          </span>
          <span data-testid="workshop-card-edited">{t('workshops.edited', { time: fmt.time(row.updatedAt) })}</span>
        </div>
      </div>
      <div className="workshop-card__actions">
        <button className="primary" onClick={() => navigate({ screen: 'workshop', id: row.id, step: 'participants' })}>
          {t('workshops.open')}
        </button>
        <button onClick={() => setRenaming(true)}>{t('workshops.rename')}</button>
        <button onClick={() => navigate({ screen: 'backups', id: row.id })} data-testid="open-backups">
          {t('files.backups.open')}
        </button>
        <button
          onClick={() => void workshopData().then(({ duplicateWorkshop, db }) => duplicateWorkshop(db, row.id, t('workshops.copyOf', { title: row.title })))}
        >
          {t('workshops.duplicate')}
        </button>
        <button className="danger" onClick={() => dialog.current?.showModal()}>
          {t('workshops.delete')}
        </button>
      </div>
      <dialog ref={dialog} className="dialog" aria-labelledby={`delete-title-${row.id}`}>
        <h2 id={`delete-title-${row.id}`}>{t('workshops.deleteTitle')}</h2>
        <p>{t('workshops.confirmDelete', { title: row.title })}</p>
        <div className="form-actions">
          <button
            className="danger"
            onClick={() => {
              dialog.current?.close();
              void workshopData().then(({ deleteWorkshop, db }) => deleteWorkshop(db, row.id));
            }}
          >
            {t('workshops.confirmDeleteAction')}
          </button>
          <button onClick={() => dialog.current?.close()} autoFocus>
            {t('workshops.cancel')}
          </button>
        </div>
      </dialog>
    </li>
  );
}

export function Home() {
  const { t } = useTranslation();
  const workshops = useAppStore((s) => s.workshops);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    const onNew = () => setCreating(true);
    window.addEventListener('pacto:new-workshop', onNew);
    return () => window.removeEventListener('pacto:new-workshop', onNew);
  }, []);
  return (
    <section className="home">
      <div className="section-head">
        <h1>{t('workshops.title')}</h1>
        <span className="home-files">
          <HomeFileActions />
          {!creating ? (
            <button className="primary" onClick={() => setCreating(true)}>
              + {t('workshops.new')}
            </button>
          ) : null}
        </span>
      </div>
      {creating ? (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <NewWorkshopForm onDone={() => setCreating(false)} />
        </Suspense>
      ) : null}
      {workshops === null ? (
        <p>{t('app.loading')}</p>
      ) : workshops.length === 0 ? (
        <p className="empty">{t('workshops.empty')}</p>
      ) : (
        <ul className="workshop-list">
          {workshops.map((row) => (
            <WorkshopCard key={row.id} row={row} />
          ))}
        </ul>
      )}
      <RecentFiles />
    </section>
  );
}
