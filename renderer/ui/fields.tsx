/**
 * Form fields that edit workshop content in place. Text and number fields
 * commit what is typed as it is typed, at most {@link COMMIT_DELAY_MS} after
 * the first keystroke not yet saved, and at once on blur or Enter; the
 * commit returns an error key (shown at the field, the typed text kept on
 * screen, nothing saved) or null. Typing in one field, from focus to blur,
 * is one undo step. Escape drops text not saved and shows the saved value.
 *
 * A field only ever commits what the user typed in it. A change from
 * elsewhere (another window or laptop on the same workshop, undo) replaces
 * what the field shows, except while the user is editing it: a field that
 * has focus and text typed in it keeps that text on screen (what is not yet
 * committed is committed next: last writer wins), and shows the saved value
 * once left, writing nothing back. So two people typing into one field at
 * once each keep their own words, never a splice of both; the last commit
 * is what both end with.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLocaleNumber } from '../../shared/domain/parse';
import { beginUndoGroup, setPendingEdit } from '../data/session';
import { useAppStore } from '../store';

/** Commit callback: returns the error key to show, or null when saved. */
export type Commit<T> = (value: T) => string | null;

/** The longest typed text waits before it is committed (ms). */
export const COMMIT_DELAY_MS = 300;

interface BaseProps {
  label: string;
  /** Hide the label visually (it stays for screen readers), e.g. in table cells. */
  hideLabel?: boolean;
  hint?: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * Text typed in a field that differs from, or is not yet known to be, the
 * saved value: `pending` (not committed yet), `committed` (saved; kept on
 * screen while the field is being edited, since the saved value may read
 * differently: trimmed, or a number formatted), or `invalid` (refused with
 * `error`, kept on screen, unsaved).
 */
interface Draft {
  text: string;
  state: 'pending' | 'committed' | 'invalid';
  error: string | null;
}

/** What a field gives {@link useFieldDraft}. */
export interface FieldDraftOptions {
  /** The saved value as the field shows it. */
  saved: string;
  /** Tries to save `text`: the error key to show (nothing saved), or null when saved or nothing needed saving. */
  commit(text: string): string | null;
  /** Whether `saved` is what committing `text` saved (e.g. the text trimmed, the number formatted). Default: equal. */
  echoes?(saved: string, text: string): boolean;
}

const sameText = (saved: string, text: string) => saved === text;

/**
 * The draft logic every text-like field here shares: what to show, when to
 * commit, and the input's handlers (`value`, `onChange`, `onFocus`, `onBlur`,
 * Escape in `onKeyDown`; Enter should blur the input). See the module comment.
 */
export function useFieldDraft({ saved, commit, echoes = sameText }: FieldDraftOptions) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    // The saved value changed. A draft this field committed stays on screen if
    // the change is its own commit, or while the field is being edited (its
    // typing goes on from the user's own text); otherwise a change from
    // elsewhere replaces it.
    setSeen(saved);
    if (draft?.state === 'committed' && !echoes(saved, draft.text) && !focused) setDraft(null);
  }
  const latest = useRef({ commit, saved });
  useLayoutEffect(() => {
    latest.current = { commit, saved };
  });
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const endGroup = useRef<(() => void) | null>(null);

  /** Commits the pending text now; returns the error, or null. */
  const flush = useCallback((): string | null => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const text = pending.current;
    if (text === null) return null;
    pending.current = null;
    setPendingEdit(pending, null);
    if (text === latest.current.saved) {
      setDraft(null);
      return null;
    }
    const error = latest.current.commit(text);
    setDraft(error ? { text, state: 'invalid', error } : { text, state: 'committed', error: null });
    return error;
  }, []);

  useEffect(() => {
    return () => {
      // Unmounted while typing (the screen changed without a blur): keep what was typed.
      flush();
      endGroup.current?.();
      endGroup.current = null;
    };
  }, [flush]);

  const endEditing = () => {
    const error = flush();
    // Show the saved value as saved (trimmed, formatted), unless what was typed was refused: that stays on
    // screen with its error, whether this flush or the commit timer's (typing paused before leaving) refused it.
    if (!error) setDraft((d) => (d?.state === 'invalid' ? d : null));
    endGroup.current?.();
    endGroup.current = null;
  };

  return {
    value: draft?.text ?? saved,
    error: draft?.error ?? null,
    onFocus: () => {
      setFocused(true);
      endGroup.current?.();
      endGroup.current = beginUndoGroup();
    },
    onChange: (e: { target: { value: string } }) => {
      const text = e.target.value;
      pending.current = text;
      setPendingEdit(pending, () => void flush());
      setDraft((d) => ({ text, state: 'pending', error: d?.error ?? null }));
      timer.current ??= setTimeout(flush, COMMIT_DELAY_MS);
    },
    onBlur: () => {
      setFocused(false);
      endEditing();
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      clearTimeout(timer.current);
      timer.current = undefined;
      pending.current = null;
      setPendingEdit(pending, null);
      setDraft(null);
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

/** Whether `saved` is `text` as saved: names and titles are saved trimmed. */
const textEchoes = (saved: string, text: string) => saved === text || saved === text.trim();

/**
 * A single-line or multi-line text field. `wrap`: a one-line value shown on
 * as many lines as it needs (a textarea that grows with its text; Enter
 * commits, as in a single-line field), for labels too long for their column.
 * `echoes`: whether the saved value is what committing the typed text saves,
 * for a field whose saved value reads differently from the text (default:
 * the same text, or trimmed).
 */
export function TextField(
  props: BaseProps & {
    value: string;
    onCommit: Commit<string>;
    multiline?: boolean;
    wrap?: boolean;
    rows?: number;
    placeholder?: string;
    echoes?: FieldDraftOptions['echoes'];
  },
) {
  const id = useId();
  const field = useFieldDraft({ saved: props.value, commit: props.onCommit, echoes: props.echoes ?? textEchoes });
  const common = {
    id,
    value: field.value,
    placeholder: props.placeholder,
    'aria-invalid': field.error ? true : undefined,
    'aria-describedby': field.error ? `${id}-error` : undefined,
    'data-testid': props.testId,
    onFocus: field.onFocus,
    onBlur: field.onBlur,
    onChange: field.onChange,
    onKeyDown: (e: React.KeyboardEvent) => {
      field.onKeyDown(e);
      if (e.key === 'Enter' && !props.multiline) {
        // A wrapping field is a textarea: Enter commits instead of starting a line.
        if (props.wrap) e.preventDefault();
        (e.target as HTMLElement).blur();
      }
    },
  };
  return (
    <FieldFrame {...props} error={field.error} id={id}>
      {props.multiline ? (
        <textarea rows={props.rows ?? 3} {...common} />
      ) : props.wrap ? (
        <textarea rows={1} className="field__wrap" {...common} />
      ) : (
        <input type="text" {...common} />
      )}
    </FieldFrame>
  );
}

/** How a number field reads and shows its value. `percent`: the value is a fraction 0..1 shown as %. */
export type NumberKind = 'percent' | 'days' | 'money' | 'integer' | 'number';

/** A number field in the UI language's format; `percent` values are fractions 0..1 typed as percentages. */
export function NumberField(props: BaseProps & { value: number | null; kind: NumberKind; onCommit: Commit<number>; suffix?: string }) {
  const id = useId();
  const language = useAppStore((s) => s.language);
  const locale = language === 'es' ? 'es-ES' : 'en-US';
  const { kind } = props;
  const show = (value: number) =>
    kind === 'percent'
      ? // Below 0,01 % two decimals would show 0: two significant digits instead.
        new Intl.NumberFormat(locale, value !== 0 && Math.abs(value) < 0.0001 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 2 }).format(
          value * 100,
        )
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: kind === 'money' }).format(value);
  /** The typed text as the value it stands for, or the error key. */
  const read = (text: string): { ok: true; value: number } | { ok: false; error: string } => {
    const parsed = parseLocaleNumber(text, language);
    if (!parsed.ok)
      return { ok: false, error: kind === 'percent' ? 'rateFormat' : kind === 'days' ? 'daysFormat' : parsed.reason === 'empty' ? 'required' : 'number' };
    return { ok: true, value: kind === 'percent' ? Math.round(parsed.value * 1e6) / 1e8 : parsed.value };
  };
  const field = useFieldDraft({
    // null: not set yet (a blank workshop's revenue target), shown empty; an empty field is still refused (`required`).
    saved: props.value === null ? '' : show(props.value),
    commit: (text) => {
      const read_ = read(text);
      if (!read_.ok) return read_.error;
      return read_.value === props.value ? null : props.onCommit(read_.value);
    },
    echoes: (saved, text) => {
      const read_ = read(text);
      return read_.ok && show(read_.value) === saved;
    },
  });
  return (
    <FieldFrame {...props} error={field.error} id={id}>
      <span className="number-input">
        <DecimalDraftInput id={id} field={field} testId={props.testId} />
        {props.kind === 'percent' ? (
          <span className="number-input__suffix">%</span>
        ) : props.suffix ? (
          <span className="number-input__suffix">{props.suffix}</span>
        ) : null}
      </span>
    </FieldFrame>
  );
}

/**
 * The text box of a number typed as a draft ({@link useFieldDraft}'s `field`): the decimal keyboard,
 * the error wired to the field's message (`<id>-error`, {@link FieldFrame}), and Enter commits (by leaving the box).
 */
export function DecimalDraftInput({ id, field, testId }: { id: string; field: ReturnType<typeof useFieldDraft>; testId?: string }) {
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      value={field.value}
      data-testid={testId}
      aria-invalid={field.error ? true : undefined}
      aria-describedby={field.error ? `${id}-error` : undefined}
      onFocus={field.onFocus}
      onChange={field.onChange}
      onBlur={field.onBlur}
      onKeyDown={(e) => {
        field.onKeyDown(e);
        if (e.key === 'Enter') e.currentTarget.blur();
      }}
    />
  );
}

/** A select whose change commits at once. */
export function SelectField<T extends string>(props: BaseProps & { value: T; options: readonly { value: T; label: string }[]; onCommit: Commit<T> }) {
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
