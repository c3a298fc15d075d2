/**
 * A rich-text field bound to a Y.XmlFragment of the workshop document
 * (TipTap 3 with its collaboration extension): headings, bold, italic,
 * lists, links and, where `tables` is set, tables. Every keystroke is a Yjs
 * transaction, so the text is saved as it is typed and merges with edits
 * from other laptops.
 *
 * One undo history: the binding's transaction origin (`ySyncPluginKey`) is
 * added to the session's undo manager, and Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and
 * Ctrl+Y inside the editor call the session's undo/redo — the same stack as
 * the app's buttons (the app's own key handler leaves contenteditable alone).
 *
 * In a room, each other laptop's caret and selection show in its colour with
 * its name (y-tiptap's cursor plugin on the room's awareness, see
 * `data/presence.ts`); the editor is rebuilt when a room starts or ends.
 *
 * Links never open on click: with the cursor in a link, an "Open link"
 * button asks for confirmation, then the system browser opens it through
 * the bridge (`openExternal`, http(s) and mailto only). Pasted HTML is
 * cleaned first (`RichTextPaste.ts`).
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { Collaboration } from '@tiptap/extension-collaboration';
import { TableKit } from '@tiptap/extension-table';
import { yCursorPlugin, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { activeDoc, activeUndoManager, allowSignedEdit, redo, startUndoStep, undo } from '../data/session';
import { useAwareness } from '../data/presence';
import { platform } from '../platform';
import { isSafeHref, sanitizePastedHtml } from './RichTextPaste';
import { useSectionLocked } from './section-lock';
import './rich-text.css';

/**
 * The fragment `get` returns from the open workshop's document, for an
 * editor to bind to; null until read (or when `get` throws, e.g. the item was
 * deleted). `key` names what `get` reads (e.g. `term-mql/definition`); it is
 * read again when the key changes or when the document replaces the
 * fragment (an undone deletion brings the item back with new fragments).
 * `get` may create a missing fragment (not undoable), so it runs outside
 * render; pass a stable function (`useCallback` over what `key` names).
 */
export function useDocFragment(get: (doc: Y.Doc) => Y.XmlFragment, key: string): Y.XmlFragment | null {
  const [state, setState] = useState<{ key: string; fragment: Y.XmlFragment } | null>(null);
  useEffect(() => {
    const doc = activeDoc();
    if (!doc) return;
    const read = () => {
      try {
        const fragment = get(doc);
        setState((prev) => (prev?.key === key && prev.fragment === fragment ? prev : { key, fragment }));
      } catch {
        setState(null);
      }
    };
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [key, get]);
  return state?.key === key ? state.fragment : null;
}

/** Ctrl/Cmd+Z and redo inside the editor go to the session's one undo history. */
const SessionHistory = Extension.create({
  name: 'pactoSessionHistory',
  // Above the collaboration extension (1000), whose own shortcuts would use a per-field history.
  priority: 1100,
  addKeyboardShortcuts() {
    const run = (fn: () => void) => () => {
      fn();
      return true;
    };
    return { 'Mod-z': run(undo), 'Shift-Mod-z': run(redo), 'Mod-y': run(redo) };
  },
  // Typing after clicking into the editor is its own undo step, never merged into the edit made just before.
  onFocus() {
    startUndoStep();
  },
});

/**
 * A signed agreement asks before its first change here too (the binding writes to the document without
 * `edit()`): a change typed, pasted or made from the toolbar is dropped when the user declines. Changes the
 * binding itself applies (the stored text, another laptop's typing) pass.
 */
const SignedGuard = Extension.create({
  name: 'pactoSignedGuard',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined || allowSignedEdit(),
      }),
    ];
  },
});

/** A caret's colour: the laptop's `#rrggbb`, grey for anything else (it is network input, and ends up in a style). */
function caretColour(user: { color?: unknown }): string {
  return typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#6b7280';
}

/** Another laptop's caret: a thin bar in its colour with its name above (text only: names come from the network). */
function caretElement(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = caretColour(user);
  const caret = document.createElement('span');
  caret.className = 'rt-caret';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'rt-caret__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name.slice(0, 40) : '';
  caret.append(label);
  return caret;
}

/** Others' carets and selections in a room (the equivalent of TipTap's collaboration-caret extension, on y-tiptap's plugin). */
function presenceCarets(awareness: Awareness) {
  return Extension.create({
    name: 'pactoPresenceCarets',
    addProseMirrorPlugins() {
      return [
        yCursorPlugin(awareness, {
          cursorBuilder: caretElement,
          selectionBuilder: (user: { color?: unknown }) => ({ class: 'rt-remote-selection', style: `background-color: ${caretColour(user)}33` }),
        }),
      ];
    },
  });
}

function ToolButton({
  label,
  active,
  onClick,
  children,
  testId,
}: {
  label: string;
  active?: boolean;
  onClick: () => void;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={active ? 'rt-tool rt-tool--active' : 'rt-tool'}
      aria-label={label}
      aria-pressed={active ?? undefined}
      title={label}
      data-testid={testId}
      // Keep the editor's selection: act on mousedown's default, not a focus change.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** What the toolbar and the link bar show of the caret's place. */
interface ActiveMarks {
  table: boolean;
  heading: boolean;
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  /** The link's address under the caret, '' outside a link. */
  linkHref: string;
}

const NOTHING_ACTIVE: ActiveMarks = {
  table: false,
  heading: false,
  bold: false,
  italic: false,
  bulletList: false,
  orderedList: false,
  link: false,
  linkHref: '',
};

function Toolbar({ editor, active, tables, onLink }: { editor: Editor; active: ActiveMarks; tables: boolean; onLink: () => void }) {
  const { t } = useTranslation();
  const chain = () => editor.chain().focus();
  const inTable = active.table;
  const bar = useRef<HTMLDivElement>(null);
  // The WAI-ARIA toolbar pattern: one tab stop (the last button used, else the first), arrow keys, Home and End inside.
  const current = useRef(0);
  const buttons = () => [...(bar.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  useLayoutEffect(() => {
    const all = buttons();
    if (current.current >= all.length) current.current = 0;
    all.forEach((b, i) => (b.tabIndex = i === current.current ? 0 : -1));
  });
  const onKeyDown = (e: React.KeyboardEvent) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next =
      e.key === 'ArrowRight'
        ? (at + 1) % all.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + all.length) % all.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? all.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    all[next]!.focus();
  };
  const onFocus = (e: React.FocusEvent) => {
    const at = buttons().indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    current.current = at;
    buttons().forEach((b, i) => (b.tabIndex = i === at ? 0 : -1));
  };
  return (
    <div className="rt-toolbar" role="toolbar" aria-label={t('approvals.editor.toolbar')} ref={bar} onKeyDown={onKeyDown} onFocus={onFocus}>
      <ToolButton label={t('approvals.editor.heading')} active={active.heading} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        H
      </ToolButton>
      <ToolButton label={t('approvals.editor.bold')} active={active.bold} onClick={() => chain().toggleBold().run()} testId="rt-bold">
        <strong>B</strong>
      </ToolButton>
      <ToolButton label={t('approvals.editor.italic')} active={active.italic} onClick={() => chain().toggleItalic().run()}>
        <em>I</em>
      </ToolButton>
      <ToolButton label={t('approvals.editor.bulletList')} active={active.bulletList} onClick={() => chain().toggleBulletList().run()}>
        •≡
      </ToolButton>
      <ToolButton label={t('approvals.editor.orderedList')} active={active.orderedList} onClick={() => chain().toggleOrderedList().run()}>
        1≡
      </ToolButton>
      <ToolButton label={t('approvals.editor.link')} active={active.link} onClick={onLink}>
        ↗
      </ToolButton>
      {tables ? (
        <>
          <ToolButton label={t('approvals.editor.insertTable')} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
            ▦
          </ToolButton>
          {inTable ? (
            <>
              <ToolButton label={t('approvals.editor.addRow')} onClick={() => chain().addRowAfter().run()}>
                +⎯
              </ToolButton>
              <ToolButton label={t('approvals.editor.addColumn')} onClick={() => chain().addColumnAfter().run()}>
                +│
              </ToolButton>
              <ToolButton label={t('approvals.editor.deleteRow')} onClick={() => chain().deleteRow().run()}>
                −⎯
              </ToolButton>
              <ToolButton label={t('approvals.editor.deleteColumn')} onClick={() => chain().deleteColumn().run()}>
                −│
              </ToolButton>
              <ToolButton label={t('approvals.editor.deleteTable')} onClick={() => chain().deleteTable().run()}>
                ✕▦
              </ToolButton>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Asks before a link leaves Pacto for the system browser. */
function OpenLinkConfirm({ href, onClose }: { href: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="rt-confirm" role="alertdialog" aria-label={t('approvals.editor.openTitle')} data-testid="rt-open-confirm">
      <p>{t('approvals.editor.openQuestion')}</p>
      <p className="rt-confirm__url">{href}</p>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void platform()
              .openExternal(href)
              .then((r) => (r.ok ? onClose() : setError(t('approvals.editor.openFailed', { message: r.error.message }))))
          }
        >
          {t('approvals.editor.open')}
        </button>
        <button type="button" onClick={onClose}>
          {t('approvals.editor.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Inline form to set or remove the link on the selection. */
function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [href, setHref] = useState<string>(() => (editor.getAttributes('link').href as string | undefined) ?? 'https://');
  const [error, setError] = useState(false);
  const apply = () => {
    const value = href.trim();
    if (value === '' || value === 'https://') editor.chain().focus().extendMarkRange('link').unsetLink().run();
    else if (!isSafeHref(value)) return setError(true);
    else editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    onClose();
  };
  return (
    <div className="rt-linkform">
      <label htmlFor={id}>{t('approvals.editor.linkAddress')}</label>
      <input
        id={id}
        value={href}
        autoFocus
        aria-invalid={error || undefined}
        onChange={(e) => {
          setHref(e.target.value);
          setError(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape') onClose();
        }}
      />
      <button type="button" onClick={apply}>
        {t('approvals.editor.apply')}
      </button>
      {error ? (
        <span className="field__error" role="alert">
          {t('approvals.editor.linkInvalid')}
        </span>
      ) : null}
    </div>
  );
}

export interface RichTextEditorProps {
  /** The document fragment the text lives in (e.g. `termFragment(doc, id, 'definition')`). */
  fragment: Y.XmlFragment;
  label: string;
  /** Keep the label for screen readers only (when a heading already names the field). */
  hideLabel?: boolean;
  /** Offer tables (the SLA's sections). */
  tables?: boolean;
  testId?: string;
  className?: string;
}

/** A labelled rich-text field bound to `fragment`. */
export function RichTextEditor({ fragment, label, hideLabel = false, tables = false, testId, className }: RichTextEditorProps) {
  const labelId = useId();
  const [linkForm, setLinkForm] = useState(false);
  const [confirmHref, setConfirmHref] = useState<string | null>(null);
  const awareness = useAwareness();

  useEffect(() => {
    // Edits typed here join the session's undo history (see the module comment).
    activeUndoManager()?.trackedOrigins.add(ySyncPluginKey);
  }, []);

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          // Appending a paragraph after a final list or table would write to the document on opening
          // (an edit nobody made: a new undo step, and a changed fingerprint that voids approvals).
          trailingNode: false,
          code: false,
          codeBlock: false,
          horizontalRule: false,
          heading: { levels: [2, 3] },
          link: { openOnClick: false, autolink: true, linkOnPaste: true, protocols: ['mailto'], isAllowedUri: (url) => isSafeHref(url) },
        }),
        Collaboration.configure({ fragment }),
        SessionHistory,
        SignedGuard,
        ...(awareness ? [presenceCarets(awareness)] : []),
        ...(tables ? [TableKit.configure({ table: { resizable: false } })] : []),
      ],
      editorProps: {
        transformPastedHTML: sanitizePastedHtml,
        attributes: { 'aria-labelledby': labelId, 'aria-multiline': 'true', role: 'textbox', class: 'rt-content' },
      },
      // The toolbar and the link bar follow the editor through useEditorState; typing re-renders neither.
      shouldRerenderOnTransaction: false,
    },
    [fragment, tables, awareness],
  );

  // In a section the facilitator locked, the text reads only: the binding writes to the document directly, not through edit().
  const locked = useSectionLocked();
  useEffect(() => {
    if (editor && editor.isEditable === locked) editor.setEditable(!locked);
  }, [editor, locked]);

  // One read of the caret's marks per transaction for the toolbar and the link bar, which re-render only when it changes.
  const active =
    useEditorState({
      editor,
      selector: ({ editor: e }): ActiveMarks => {
        if (!e) return NOTHING_ACTIVE;
        const link = e.isActive('link');
        return {
          table: e.isActive('table'),
          heading: e.isActive('heading', { level: 3 }),
          bold: e.isActive('bold'),
          italic: e.isActive('italic'),
          bulletList: e.isActive('bulletList'),
          orderedList: e.isActive('orderedList'),
          link,
          linkHref: link ? ((e.getAttributes('link').href as string | undefined) ?? '') : '',
        };
      },
    }) ?? NOTHING_ACTIVE;
  const linkHref = active.linkHref;
  return (
    <div className={`field rt-field ${className ?? ''}`} data-testid={testId}>
      <div className={hideLabel ? 'sr-only' : 'field__label'} id={labelId}>
        {label}
      </div>
      {editor ? <Toolbar editor={editor} active={active} tables={tables} onLink={() => setLinkForm((v) => !v)} /> : null}
      {editor && linkForm ? <LinkForm editor={editor} onClose={() => setLinkForm(false)} /> : null}
      <EditorContent editor={editor} className="rt-editor" />
      {linkHref && isSafeHref(linkHref) ? (
        <div className="rt-linkbar">
          <button type="button" className="link-button" onClick={() => setConfirmHref(linkHref)} data-testid="rt-open-link">
            ↗ {linkHref}
          </button>
        </div>
      ) : null}
      {confirmHref ? <OpenLinkConfirm href={confirmHref} onClose={() => setConfirmHref(null)} /> : null}
    </div>
  );
}
