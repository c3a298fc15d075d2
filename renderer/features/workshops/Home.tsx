/** The workshops home: list, create, open, rename, duplicate, delete with confirmation. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES, validate, workshopMetaSchema, type FieldErrors, type Language, type PageSize } from '../../../shared/domain/workshop';
import { paperForLocale } from '../../../shared/domain/paper';
import { db } from '../../data/instance';
import { createWorkshop, defaultMeta, deleteWorkshop, duplicateWorkshop, readWorkshopContent, renameWorkshop } from '../../data/workshops';
import type { StartTemplate, WorkshopStart } from './start';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import type { WorkshopRow } from '../../data/db';
import { getFileLink, type FileLink } from '../../data/file-links';
import { HomeFileActions, RecentFiles } from '../files/RecentFiles';

const CURRENCIES = ['EUR', 'USD', 'MXN', 'COP', 'ARS', 'CLP', 'PEN', 'GBP'];

function NewWorkshopForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const navigate = useAppStore((s) => s.navigate);
  // The paper follows the system's locale (Letter in the United States, A4 elsewhere); it can be changed here and on export.
  const [form, setForm] = useState(() => defaultMeta({ language, pageSize: paperForLocale(navigator.languages ?? [navigator.language]) }));
  const [errors, setErrors] = useState<FieldErrors>({});
  // What it starts from: a template (Pacto's standard one unless another is chosen), blank, or a copy of a workshop.
  const workshops = useAppStore((s) => s.workshops) ?? [];
  const [startKind, setStartKind] = useState<WorkshopStart['kind']>('template');
  const [template, setTemplate] = useState<StartTemplate>('standard');
  const [copyOf, setCopyOf] = useState('');
  // The templates (and the layout code their funnels need) load with the form, not with the home screen's first paint.
  const [templates, setTemplates] = useState<{ id: StartTemplate; name: string }[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all([import('./start'), import('../../../shared/funnel/templates')]).then(([{ START_TEMPLATES }, { FUNNEL_TEMPLATES }]) => {
      if (live)
        setTemplates(
          START_TEMPLATES.filter((id) => id !== 'standard').map((id) => ({ id, name: FUNNEL_TEMPLATES[id as keyof typeof FUNNEL_TEMPLATES].name[language] })),
        );
    });
    return () => {
      live = false;
    };
  }, [language]);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const err = (field: string) =>
    errors[field] ? (
      <div className="field__error" role="alert" id={`new-${field}-error`}>
        {t(`errors.${errors[field]}`, { defaultValue: t('errors.invalid') })}
      </div>
    ) : null;
  return (
    <form
      className="card form-grid"
      aria-label={t('workshops.new')}
      onSubmit={async (e) => {
        e.preventDefault();
        const result = validate(workshopMetaSchema, form);
        const copyMissing = startKind === 'copy' && !workshops.some((w) => w.id === copyOf);
        if (!result.ok || copyMissing) {
          setErrors({ ...(result.ok ? {} : result.errors), ...(copyMissing ? { copyOf: 'required' } : {}) });
          return;
        }
        const start: WorkshopStart =
          startKind === 'copy'
            ? { kind: 'copy', source: await readWorkshopContent(db, copyOf) }
            : startKind === 'blank'
              ? { kind: 'blank' }
              : { kind: 'template', template };
        const { startContent } = await import('./start');
        const id = await createWorkshop(
          db,
          startContent(result.value, start),
          undefined,
          startKind === 'copy' ? { copyOf } : { start: startKind === 'blank' ? 'blank' : template },
        );
        onDone();
        navigate({ screen: 'workshop', id, step: 'participants' });
      }}
    >
      <h2>{t('workshops.new')}</h2>
      <div className={`field ${errors.title ? 'field--invalid' : ''}`}>
        <label htmlFor="new-title" className="field__label">
          {t('workshops.fields.title')}
        </label>
        <input id="new-title" autoFocus value={form.title} onChange={(e) => set({ title: e.target.value })} aria-invalid={!!errors.title || undefined} />
        {err('title')}
      </div>
      <div className={`field ${errors.company ? 'field--invalid' : ''}`}>
        <label htmlFor="new-company" className="field__label">
          {t('workshops.fields.company')}
        </label>
        <input id="new-company" value={form.company} onChange={(e) => set({ company: e.target.value })} aria-invalid={!!errors.company || undefined} />
        {err('company')}
      </div>
      <div className={`field ${errors.date ? 'field--invalid' : ''}`}>
        <label htmlFor="new-date" className="field__label">
          {t('workshops.fields.date')}
        </label>
        <input id="new-date" type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} />
        {err('date')}
      </div>
      <div className="field">
        <label htmlFor="new-currency" className="field__label">
          {t('workshops.fields.currency')}
        </label>
        <select id="new-currency" value={form.currency} onChange={(e) => set({ currency: e.target.value })}>
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-language" className="field__label">
          {t('workshops.fields.language')}
        </label>
        <select id="new-language" value={form.language} onChange={(e) => set({ language: e.target.value as Language })}>
          <option value="es">Español</option>
          <option value="en">English</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-page-size" className="field__label">
          {t('workshops.fields.pageSize')}
        </label>
        <select id="new-page-size" value={form.pageSize} onChange={(e) => set({ pageSize: e.target.value as PageSize })} data-testid="new-page-size">
          {PAGE_SIZES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      <fieldset className="field new-start" data-testid="new-start">
        <legend className="field__label">{t('workshops.start.label')}</legend>
        <div className="new-start__option">
          <input type="radio" id="new-start-template" name="new-start" checked={startKind === 'template'} onChange={() => setStartKind('template')} />
          <label htmlFor="new-start-template">{t('workshops.start.template')}</label>
          <select
            aria-label={t('workshops.start.whichTemplate')}
            value={template}
            onChange={(e) => {
              setTemplate(e.target.value as StartTemplate);
              setStartKind('template');
            }}
            data-testid="new-start-which-template"
          >
            <option value="standard">{t('workshops.start.standard')}</option>
            {templates.map(({ id, name }) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="new-start__option">
          <input
            type="radio"
            id="new-start-blank"
            name="new-start"
            checked={startKind === 'blank'}
            onChange={() => setStartKind('blank')}
            data-testid="new-start-blank"
          />
          <label htmlFor="new-start-blank">{t('workshops.start.blank')}</label>
        </div>
        <div className="new-start__option">
          <input
            type="radio"
            id="new-start-copy"
            name="new-start"
            checked={startKind === 'copy'}
            onChange={() => setStartKind('copy')}
            disabled={workshops.length === 0}
          />
          <label htmlFor="new-start-copy">{t('workshops.start.copy')}</label>
          <select
            aria-label={t('workshops.start.whichWorkshop')}
            value={copyOf}
            onChange={(e) => {
              setCopyOf(e.target.value);
              setStartKind('copy');
            }}
            disabled={workshops.length === 0}
            aria-invalid={!!errors.copyOf || undefined}
            aria-describedby={errors.copyOf ? 'new-copyOf-error' : undefined}
            data-testid="new-start-copy-of"
          >
            <option value="">{t('workshops.start.chooseWorkshop')}</option>
            {workshops.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title} — {w.company}
              </option>
            ))}
          </select>
        </div>
        {errors.copyOf ? (
          <div className="field__error" role="alert" id="new-copyOf-error">
            {t('workshops.start.copyRequired')}
          </div>
        ) : null}
        <p className="muted small new-start__help">
          {t(startKind === 'template' ? 'workshops.start.templateHelp' : startKind === 'blank' ? 'workshops.start.blankHelp' : 'workshops.start.copyHelp')}
        </p>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('workshops.create')}
        </button>
        <button type="button" onClick={onDone}>
          {t('workshops.cancel')}
        </button>
      </div>
    </form>
  );
}

function WorkshopCard({ row }: { row: WorkshopRow }) {
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
    void getFileLink(db, row.id).then((l) => live && setLink(l));
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
              await renameWorkshop(db, row.id, title.trim());
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
        <button onClick={() => void duplicateWorkshop(db, row.id, t('workshops.copyOf', { title: row.title }))}>{t('workshops.duplicate')}</button>
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
              void deleteWorkshop(db, row.id);
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
      {creating ? <NewWorkshopForm onDone={() => setCreating(false)} /> : null}
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
