/**
 * Whether a text field holds typing not yet committed, for deciding what
 * Ctrl/Cmd+Z means: the browser's own text undo while the user is typing in
 * a field, the workshop's history otherwise. Without this, Ctrl+Z in a field
 * just tabbed into would let the browser restore the previous field's text on
 * screen while the saved value (and every figure computed from it) stayed.
 *
 * A field's baseline is its value when it got focus, renewed on Enter (the
 * app's fields save as they are typed; leaving the field, or Enter, ends the
 * undo step of that typing, see `ui/fields.tsx`).
 */
const baselines = new WeakMap<EventTarget, string>();

type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'number', 'password', 'date', 'month']);

/** A plain text field (input of a text-like type, or textarea); not a rich-text editor, checkbox or select. */
export function isPlainTextField(target: EventTarget | null): target is TextField {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((el as HTMLInputElement).type);
}

/** True inside a rich-text editor (ProseMirror keeps its text in the workshop document). */
export function isRichTextEditor(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && el.isContentEditable;
}

/** True when `field`'s text differs from its value at focus or at its last Enter. */
export function fieldHasTyping(field: TextField): boolean {
  const baseline = baselines.get(field);
  return baseline !== undefined && baseline !== field.value;
}

/** Starts tracking baselines of the text fields in `root`. Returns a function that stops it. */
export function trackFieldBaselines(root: Document | HTMLElement = document): () => void {
  const onFocus = (e: Event) => {
    if (isPlainTextField(e.target)) baselines.set(e.target, e.target.value);
  };
  const onKey = (e: Event) => {
    const target = e.target;
    if ((e as KeyboardEvent).key === 'Enter' && isPlainTextField(target)) {
      // After the field's own Enter handler has committed (and React re-rendered).
      setTimeout(() => baselines.set(target, target.value), 0);
    }
  };
  root.addEventListener('focusin', onFocus);
  root.addEventListener('keydown', onKey);
  return () => {
    root.removeEventListener('focusin', onFocus);
    root.removeEventListener('keydown', onKey);
  };
}
