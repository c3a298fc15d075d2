/** A version diff shown section by section, item by item, with text changes word by word. */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ContentDiff, FieldChange, ItemChange, SectionDiff } from '../../../shared/agreement/diff';
import { formatters, type Formatters } from '../../i18n';
import { useAppStore } from '../../store';

const RATE_FIELDS = new Set(['conversionRate']);

/** Rich text stored as ProseMirror JSON (`{ type: 'doc', … }`). */
const isRichDocLike = (v: unknown) => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'doc';

/** A stored value, readable: rates (fractions 0..1) as percent, booleans as yes/no, numbers localised. */
function showValue(field: string, value: unknown, t: TFunction, fmt: Formatters): string {
  if (value === undefined || value === null || value === '') return t('versions.empty');
  if (typeof value === 'number') return RATE_FIELDS.has(field) ? fmt.percent(value) : fmt.number(value);
  if (typeof value === 'boolean') return value ? t('versions.yes') : t('versions.no');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function Field({ change }: { change: FieldChange }) {
  const { t } = useTranslation();
  const fmt = formatters(useAppStore((s) => s.language));
  const name = t(`versions.fields.${change.field}`, { defaultValue: change.field });
  return (
    <div className="diff-field" data-testid="diff-field">
      <div className="diff-field__name">
        {name}
        {change.layout ? <span className="muted small"> · {t('versions.layout')}</span> : null}
      </div>
      {change.kind === 'text' ? (
        <p className="diff-text">
          {change.parts.map((p, i) =>
            p.type === 'added' ? <ins key={i}>{p.text}</ins> : p.type === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
          )}
        </p>
      ) : isRichDocLike(change.before) && isRichDocLike(change.after) ? (
        <p className="diff-text muted">{t('versions.formatting')}</p>
      ) : (
        <p className="diff-text">
          <del>{showValue(change.field, change.before, t, fmt)}</del> → <ins>{showValue(change.field, change.after, t, fmt)}</ins>
        </p>
      )}
    </div>
  );
}

/** Sections that are one item (no list): their item is named by the section's title. */
const SINGLE = new Set(['meta', 'sla', 'targets']);

function Item({ change, section }: { change: ItemChange; section: string }) {
  const { t } = useTranslation();
  const label = SINGLE.has(section) ? t(`versions.sections.${section}`) : change.label;
  return (
    <li className={`diff-item diff-item--${change.change}`} data-testid="diff-item">
      <div className="diff-item__head">
        <span className={`badge diff-badge--${change.change}`}>{t(`versions.change.${change.change}`)}</span> <strong>{label}</strong>
        {change.moved ? <span className="muted small"> · {t('versions.moved')}</span> : null}
      </div>
      {change.fields.map((f) => (
        <Field key={f.field} change={f} />
      ))}
    </li>
  );
}

function sectionTitle(section: SectionDiff, t: TFunction): string {
  return t(`versions.sections.${section.section}`, { funnel: section.funnel ? t(`versions.funnels.${section.funnel}`) : '' });
}

export function DiffView({ diff }: { diff: ContentDiff }) {
  const { t } = useTranslation();
  if (diff.sections.length === 0)
    return (
      <p className="notice notice--info" data-testid="diff-same">
        {t('versions.same')}
      </p>
    );
  return (
    <div className="diff" data-testid="diff">
      <p className="muted">{t('versions.totals', diff.totals)}</p>
      {diff.sections.map((s) => (
        <section key={`${s.section}:${s.funnel ?? ''}`} className="diff-section">
          <h3>{sectionTitle(s, t)}</h3>
          <ul className="diff-items">
            {s.changes.map((c) => (
              <Item key={c.id} change={c} section={s.section} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
