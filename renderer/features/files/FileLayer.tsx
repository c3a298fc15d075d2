/**
 * Workshop files across the whole app, mounted once beside the screens:
 * the File menu's commands (open, save, save as, export a copy, import,
 * restore from backup), files the system asks to open (double-click,
 * command line, Open Recent, macOS open-file), a `.pacto` dropped anywhere
 * on the window, the merge-or-copy question, the window title with the
 * file's name and unsaved mark, the watcher behind it and the automatic
 * backups, and the last backup when the app closes.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MenuCommand } from '../../../shared/bridge/contract';
import { platform } from '../../platform';
import { i18n } from '../../i18n';
import { useAppStore } from '../../store';
import { answerPrompt, openDropped, openFileBytes, openFromDialog, refreshRecent, saveOpenWorkshop } from './actions';
import { backupBeforeQuit, watchOpenWorkshop } from './watch';
import { documentTitle, fileIsBehind } from './title';

function isPactoFile(file: File | undefined): file is File {
  return file !== undefined && file.name.toLowerCase().endsWith('.pacto');
}

function runMenuCommand(command: MenuCommand, t: TFunction): void {
  const state = useAppStore.getState();
  if (command === 'open-file') void openFromDialog('open', t);
  else if (command === 'import-file') void openFromDialog('import', t);
  else if (command === 'save-file') void saveOpenWorkshop('save');
  else if (command === 'save-file-as') void saveOpenWorkshop('save-as');
  else if (command === 'export-copy') void saveOpenWorkshop('copy');
  else if (command === 'restore-backup') {
    if (state.route.screen === 'workshop') state.navigate({ screen: 'backups', id: state.route.id, from: state.route.step });
    else if (state.route.screen !== 'backups') state.setNotice({ kind: 'info', key: 'files.openWorkshopFirst' });
  }
}

/** Keeps `document.title` (the window's title in the app too) and the window's file state in step with the open workshop. */
function useDocumentTitle(): void {
  const session = useAppStore((s) => s.session);
  const route = useAppStore((s) => s.route);
  const fileState = useAppStore((s) => s.fileState);
  const showing = route.screen !== 'home' && session !== null && fileState?.workshopId === session.id;
  const link = showing ? fileState.link : null;
  const edited = showing ? fileIsBehind(fileState.link, fileState.fingerprint) : false;
  const title = showing ? documentTitle({ workshopTitle: session.content.meta.title, fileName: link?.name ?? null, edited }) : documentTitle(null);
  const path = link?.path ?? null;
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    void platform().setDocumentState({ path, edited });
  }, [path, edited]);
}

export function FileLayer() {
  const { t } = useTranslation();
  const prompt = useAppStore((s) => s.filePrompt);
  const dialog = useRef<HTMLDialogElement>(null);
  const [dragging, setDragging] = useState(false);
  useDocumentTitle();

  useEffect(() => {
    const stopWatching = watchOpenWorkshop();
    const offMenu = platform().onMenuCommand((command) => runMenuCommand(command, i18n.t));
    const offOpen = platform().onOpenFile((opened) => void openFileBytes(opened, 'open', i18n.t));
    void platform()
      .pendingFiles()
      .then(async (pending) => {
        if (pending.ok) for (const opened of pending.value) await openFileBytes(opened, 'open', i18n.t);
      });
    const offQuit = platform().onQuitRequested(() => {
      void backupBeforeQuit()
        .catch(() => undefined)
        .finally(() => void platform().quitReady());
    });
    void refreshRecent();

    const pactoIn = (e: DragEvent) => [...(e.dataTransfer?.items ?? [])].some((item) => item.kind === 'file') && e.dataTransfer?.types.includes('Files');
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!pactoIn(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    // Capture phase, before the PDF drop and the import drop zones: only .pacto files are taken here.
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!isPactoFile(file)) return;
      e.preventDefault();
      e.stopPropagation();
      void openDropped(file, i18n.t);
    };
    window.addEventListener('dragenter', onEnter, true);
    window.addEventListener('dragleave', onLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      stopWatching();
      offMenu();
      offOpen();
      offQuit();
      window.removeEventListener('dragenter', onEnter, true);
      window.removeEventListener('dragleave', onLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, []);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (prompt && !el.open) el.showModal();
    if (!prompt && el.open) el.close();
  }, [prompt]);

  return (
    <>
      {dragging ? (
        <div className="file-drop-hint" aria-hidden>
          {t('files.dropHint')}
        </div>
      ) : null}
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby="file-prompt-title"
        data-testid="file-prompt"
        onCancel={(e) => {
          e.preventDefault();
          if (prompt) void answerPrompt(prompt, 'cancel', t);
        }}
      >
        {prompt ? (
          <>
            <h2 id="file-prompt-title">{t('files.prompt.title')}</h2>
            <p>{t('files.prompt.body', { name: prompt.opened.name, title: prompt.title })}</p>
            <div className="prompt-choices">
              <div>
                <button className="primary" onClick={() => void answerPrompt(prompt, 'merge', t)} data-testid="prompt-merge">
                  {t('files.prompt.merge')}
                </button>
                <p>{t('files.prompt.mergeHint')}</p>
              </div>
              <div>
                <button onClick={() => void answerPrompt(prompt, 'copy', t)} data-testid="prompt-copy">
                  {t('files.prompt.copy')}
                </button>
                <p>{t('files.prompt.copyHint')}</p>
              </div>
            </div>
            <div className="form-actions">
              <button onClick={() => void answerPrompt(prompt, 'cancel', t)} autoFocus data-testid="prompt-cancel">
                {t('files.prompt.cancel')}
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </>
  );
}
