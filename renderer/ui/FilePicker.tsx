/**
 * The one way to pick a file from disk. A native file input shows the
 * browser's own words ("Choose File", "No file chosen") in the operating
 * system's language, whatever language the workshop is in; this shows a
 * button in the UI's language instead, with the input itself kept in the
 * page (visually hidden, focusable, keyboard-operable: Tab reaches it,
 * Enter or Space opens the dialog) and labelled by the button.
 *
 * The input is cleared after each pick, so picking the same file again
 * runs again (a new attempt after an error). Dropping files is each
 * screen's own drop zone; this is the button beside it.
 */
import type { ReactNode } from 'react';

/** What {@link FilePicker} needs. */
export interface FilePickerProps {
  /** The button's words, in the UI's language ("Choose an image…"). */
  label: ReactNode;
  /** The input's `accept` list (MIME types and extensions), e.g. `image/png,image/jpeg`. */
  accept: string;
  /** Called with the first file picked; not called when the dialog is cancelled. */
  onFile: (file: File) => void;
  /** The input's id, for a field label elsewhere (`<label htmlFor>`). */
  id?: string;
  /** The input's `aria-describedby` (an error or hint next to the picker). */
  describedBy?: string;
  /** The input's test id. */
  testId?: string;
}

/** A file input shown as a button in the UI's language. */
export function FilePicker(props: FilePickerProps) {
  return (
    <label className="button file-picker">
      {props.label}
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        className="visually-hidden"
        data-testid={props.testId}
        aria-describedby={props.describedBy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </label>
  );
}
