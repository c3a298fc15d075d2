/** The form of a new workshop on the home screen: its details and what it starts from (loaded when the form opens). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { metaLengthErrors, PAGE_SIZES, validate, workshopMetaSchema, type FieldErrors, type Language, type PageSize } from '../../../shared/domain/workshop';
import { paperForLocale } from '../../../shared/domain/paper';
import { db } from '../../data/instance';
import { createWorkshop, defaultMeta, readWorkshopContent } from '../../data/workshops';
import type { StartTemplate, WorkshopStart } from './start';
import { useAppStore } from '../../store';

const CURRENCIES = ['EUR', 'USD', 'MXN', 'COP', 'ARS', 'CLP', 'PEN', 'GBP'];

/** The new-workshop form; `onDone` closes it (after creating, or on cancel). */
export function NewWorkshopForm({ onDone }: { onDone: () => void }) {
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
        const tooLong = metaLengthErrors(form);
        const copyMissing = startKind === 'copy' && !workshops.some((w) => w.id === copyOf);
        if (!result.ok || copyMissing || Object.keys(tooLong).length > 0) {
          setErrors({ ...tooLong, ...(result.ok ? {} : result.errors), ...(copyMissing ? { copyOf: 'required' } : {}) });
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
