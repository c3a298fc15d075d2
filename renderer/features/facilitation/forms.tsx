/**
 * The form parts the facilitation panels share: a small form that adds
 * something (a vote, a decision, a parked question) with its error and
 * submit button, a labelled field, the ✕ that removes an item, the
 * participants as options of a select, and an intent's refusal shown where
 * it happened. One way to lay out each,
 * so the panels read alike and say errors alike.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/domain/workshop';
import { FieldFrame } from '../../ui/fields';

/** An error sentence under a form or a list, said at once by screen readers; nothing when `message` is null. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="field__error" role="alert">
      {message}
    </p>
  );
}

/**
 * A form that adds one thing: `children` are its fields, `onSubmit` runs on
 * the submit button or Enter (the page never reloads), `error` shows above
 * the button. `primary` makes the button the panel's main action.
 */
export function AddForm({
  label,
  submitLabel,
  submitTestId,
  primary = false,
  error,
  onSubmit,
  children,
}: {
  label: string;
  submitLabel: string;
  submitTestId: string;
  primary?: boolean;
  error: string | null;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="facil-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <FormError message={error} />
      <button type="submit" className={primary ? 'primary' : undefined} data-testid={submitTestId}>
        {submitLabel}
      </button>
    </form>
  );
}

/** A field of an {@link AddForm}: `label` over the control that `children` renders with the id it must carry. */
export function LabelledField({ label, className, children }: { label: string; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <FieldFrame label={label} error={null} id={id} className={className}>
      {children(id)}
    </FieldFrame>
  );
}

/** The ✕ that removes one item (a block, a decision, a parked question); `label` names what it removes, for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="icon danger" aria-label={label} onClick={onClick}>
      ✕
    </button>
  );
}

/** The workshop's participants as `<option>`s, each with its team ("Jorge Ibáñez (Ventas)"). */
export function ParticipantOptions({ participants }: { participants: readonly Pick<Participant, 'id' | 'name' | 'team'>[] }) {
  const { t } = useTranslation();
  return (
    <>
      {participants.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} ({t(`teams.${p.team}`)})
        </option>
      ))}
    </>
  );
}

/**
 * Says why an intent refused: "Could not save: " and the message of its first
 * error key (`errors.<key>`; the generic one for a key without a message), or
 * null when it was applied.
 */
export function useRefusalMessage(): (errors: Record<string, string> | null) => string | null {
  const { t } = useTranslation();
  return (errors) => {
    const first = errors ? Object.values(errors)[0] : undefined;
    return first ? t('facilitation.error', { message: t(`errors.${first}`, { defaultValue: t('errors.invalid') }) }) : null;
  };
}
