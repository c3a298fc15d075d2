/**
 * The room's modal dialog: a native `<dialog>` opened with `showModal()`
 * (the page behind is inert and the browser keeps Tab inside), labelled by
 * its heading, Escape closes it, focus goes to the first field or button
 * marked `data-autofocus` (else the heading) when it opens and back to what
 * had it when it closes.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog titled `title`; `onClose` runs on Escape and on the close button. */
export function RoomDialog(props: {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
  describedBy?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!el.open) el.showModal();
    const first = el.querySelector<HTMLElement>('[data-autofocus]') ?? el.querySelector<HTMLElement>('h2');
    first?.focus();
    return () => {
      if (el.open) el.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`dialog room-dialog ${props.className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
      onCancel={(e) => {
        // Escape: the dialog closes through its owner, so React's state and the element agree.
        e.preventDefault();
        onClose.current();
      }}
    >
      <div className="room-dialog__head">
        <h2 id={titleId} tabIndex={-1}>
          {props.title}
        </h2>
        <button type="button" className="icon room-dialog__close" aria-label={props.closeLabel} title={props.closeLabel} onClick={() => onClose.current()}>
          ×
        </button>
      </div>
      {props.children}
    </dialog>
  );
}
