/**
 * Form fields that edit workshop content in place. Each keeps a local draft
 * while the user types and commits on blur or Enter; the commit returns an
 * error key (shown at the field, with nothing saved) or null. Escape
 * restores the saved value.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLocaleNumber } from '../../shared/domain/parse';
import { useAppStore } from '../store';

/** Commit callback: returns the error key to show, or null when saved. */
export type Commit<T> = (value: T) => string | null;

interface BaseProps {
  label: string;
  /** Hide the label visually (it stays for screen readers), e.g. in table cells. */
  hideLabel?: boolean;
  hint?: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * Draft state of a field: `null` while not editing, so the field shows the
 * saved value (and follows undo or edits from elsewhere); the typed text while
 * editing or while an invalid value is kept on screen, unsaved.
 */
export function useDraft(saved: string) {
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    draft: typed ?? saved,
    setDraft: setTyped,
    error,
    setError,
    begin: () => setTyped((d) => d ?? saved),
    reset: () => {
      setTyped(null);
      setError(null);
    },
  };
}

/** Label, hint and the error at the field, around an input: the frame every field here uses. */
export function FieldFrame({ label, hideLabel, hint, error, id, className, children }: BaseProps & { error: string | null; id: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'field__label'}>
        {label}
      </label>
      {children}
      {hint && !error ? <div className="field__hint">{hint}</div> : null}
      {error ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {t(`errors.${error}`, { defaultValue: t('errors.invalid') })}
        </div>
      ) : null}
    </div>
  );
}

/** A single-line or multi-line text field. */
export function TextField(props: BaseProps & { value: string; onCommit: Commit<string>; multiline?: boolean; rows?: number; placeholder?: string }) {
  const id = useId();
  const { draft, setDraft, error, setError, begin, reset } = useDraft(props.value);
  const commit = () => {
    if (draft === props.value) return reset();
    const e = props.onCommit(draft);
    if (e) setError(e); // keep the invalid draft visible, unsaved
    else reset();
  };
  const common = {
    id,
    value: draft,
    placeholder: props.placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'data-testid': props.testId,
    onFocus: begin,
    onBlur: commit,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') {
        reset();
      } else if (e.key === 'Enter' && !props.multiline) {
        (e.target as HTMLElement).blur();
      }
    },
  };
  return (
    <FieldFrame {...props} error={error} id={id}>
      {props.multiline ? <textarea rows={props.rows ?? 3} {...common} /> : <input type="text" {...common} />}
    </FieldFrame>
  );
}

/** How a number field reads and shows its value. `percent`: the value is a fraction 0..1 shown as %. */
export type NumberKind = 'percent' | 'days' | 'money' | 'integer' | 'number';

/** A number field in the UI language's format; `percent` values are fractions 0..1 typed as percentages. */
export function NumberField(props: BaseProps & { value: number; kind: NumberKind; onCommit: Commit<number>; suffix?: string }) {
  const id = useId();
  const language = useAppStore((s) => s.language);
  const locale = language === 'es' ? 'es-ES' : 'en-US';
  const shown =
    props.kind === 'percent'
      ? // Below 0,01 % two decimals would show 0: two significant digits instead.
        new Intl.NumberFormat(locale, props.value !== 0 && Math.abs(props.value) < 0.0001 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 2 }).format(props.value * 100)
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: props.kind === 'money' }).format(props.value);
  const { draft, setDraft, error, setError, begin, reset } = useDraft(shown);
  const commit = () => {
    if (draft === shown) return reset();
    const parsed = parseLocaleNumber(draft, language);
    let e: string | null;
    if (!parsed.ok) {
      e = props.kind === 'percent' ? 'rateFormat' : props.kind === 'days' ? 'daysFormat' : parsed.reason === 'empty' ? 'required' : 'number';
    } else {
      const value = props.kind === 'percent' ? Math.round(parsed.value * 1e6) / 1e8 : parsed.value;
      e = props.onCommit(value);
    }
    if (e) setError(e);
    else reset();
  };
  return (
    <FieldFrame {...props} error={error} id={id}>
      <span className="number-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={draft}
          data-testid={props.testId}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onFocus={begin}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              reset();
            } else if (e.key === 'Enter') (e.target as HTMLElement).blur();
          }}
        />
        {props.kind === 'percent' ? <span className="number-input__suffix">%</span> : props.suffix ? <span className="number-input__suffix">{props.suffix}</span> : null}
      </span>
    </FieldFrame>
  );
}

/** A select whose change commits at once. */
export function SelectField<T extends string>(
  props: BaseProps & { value: T; options: readonly { value: T; label: string }[]; onCommit: Commit<T> },
) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <FieldFrame {...props} error={error} id={id}>
      <select id={id} value={props.value} data-testid={props.testId} onChange={(e) => setError(props.onCommit(e.target.value as T))}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A checkbox whose change commits at once. */
export function CheckField(props: BaseProps & { value: boolean; onCommit: Commit<boolean> }) {
  const id = useId();
  return (
    <div className={`field field--check ${props.className ?? ''}`}>
      <input id={id} type="checkbox" checked={props.value} data-testid={props.testId} onChange={(e) => props.onCommit(e.target.checked)} />
      <label htmlFor={id} className={props.hideLabel ? 'sr-only' : undefined}>
        {props.label}
      </label>
    </div>
  );
}

/** First error key among `errors` (field errors from a failed edit), or null. */
export function firstError(errors: Record<string, string> | null): string | null {
  if (!errors) return null;
  const first = Object.values(errors)[0];
  return first ?? null;
}
