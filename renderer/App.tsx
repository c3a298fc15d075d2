/**
 * The app shell: header (save status, language, undo/redo), notices, and the
 * current screen. It starts with the home screen alone: the workshop screen,
 * the backups screen, the room's strip and buttons, the file layer and the
 * PDF drop load after the home screen's first paint (or first, when the app
 * starts on a workshop), with the workshop layer (`startWorkshopLayer`).
 */
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, STEPS, type Step } from './store';
import { Home } from './features/workshops/Home';
import { changeLanguage, startWorkshopLayer, workshopLayerStarted } from './start';
import { platform } from './platform';
import { sessionCommands } from './data/session-commands';
import type { Language } from '../shared/domain/workshop';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { fieldHasTyping, isPlainTextField, isRichTextEditor, trackFieldBaselines } from './ui/field-typing';
import { SaveStatus } from './ui/SaveStatus';
import { lazyComponent } from './ui/lazy-component';

/** The screens and layers beyond the home screen; each waits for the workshop layer before it loads. */
function afterLayer<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazyComponent(async () => {
    await startWorkshopLayer();
    return load();
  }, name);
}
const WorkshopScreen = afterLayer(() => import('./features/workshops/WorkshopScreen'), 'WorkshopScreen');
const RestoreScreen = afterLayer(() => import('./features/files/RestoreScreen'), 'RestoreScreen');
const FileStatus = afterLayer(() => import('./features/files/FileStatus'), 'FileStatus');
const FileLayer = afterLayer(() => import('./features/files/FileLayer'), 'FileLayer');
const GlobalPdfDrop = afterLayer(() => import('./features/versions/VerifyPanel'), 'GlobalPdfDrop');
const RoomButtons = afterLayer(() => import('./features/room/RoomStrip'), 'RoomButtons');
const RoomStrip = afterLayer(() => import('./features/room/RoomStrip'), 'RoomStrip');

/**
 * Whether the workshop layer has started. Once `shown` (the home list is on
 * screen, or another screen is open), it starts when the browser is next
 * idle after a frame (at the latest after a second), unless a screen that
 * needs it has started it already.
 */
function useWorkshopLayer(shown: boolean): boolean {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    let live = true;
    void workshopLayerStarted().then(() => live && setStarted(true));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!shown) return;
    let idle = 0;
    const frame = requestAnimationFrame(() => {
      idle = requestIdleCallback(() => void startWorkshopLayer(), { timeout: 1000 });
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelIdleCallback(idle);
    };
  }, [shown]);
  return started;
}

/** Closes the open workshop, if any (its document stays saved). */
function closeSession(): void {
  sessionCommands()?.closeSession();
}

const undo = () => sessionCommands()?.undo();
const redo = () => sessionCommands()?.redo();

/** Whether Ctrl/Cmd+Z pressed in `target` means the workshop's undo (not the field's or the editor's own). */
function typedUndoGoesToWorkshop(target: EventTarget | null): boolean {
  if (isRichTextEditor(target)) return false;
  return !(isPlainTextField(target) && fieldHasTyping(target));
}

export function App() {
  const { t } = useTranslation();
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const language = useAppStore((s) => s.language);
  const notice = useAppStore((s) => s.notice);
  const setNotice = useAppStore((s) => s.setNotice);
  const session = useAppStore((s) => s.session);
  const listed = useAppStore((s) => s.workshops !== null);
  const layer = useWorkshopLayer(route.screen !== 'home' || listed);

  useEffect(() => {
    // Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y: the workshop's undo history. In a
    // text field holding uncommitted typing, the browser's own text undo; in a
    // rich-text editor, the editor's keys (bound to the same workshop history).
    const stopTracking = trackFieldBaselines(document);
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !typedUndoGoesToWorkshop(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    // Reload or close within a field's commit delay: commit what was typed (its write may still be cut short).
    const flushPendingEdits = () => sessionCommands()?.flushPendingEdits();
    window.addEventListener('pagehide', flushPendingEdits);
    const off = platform().onMenuCommand((command) => {
      const state = useAppStore.getState();
      // The menu's Ctrl/Cmd+Z reaches us even while a text field has focus:
      // there it undoes typing in the field, elsewhere the workshop's history.
      if (command === 'undo' || command === 'redo') {
        // A rich-text editor (ProseMirror) keeps its text in the workshop document: the workshop's history applies.
        if (isPlainTextField(document.activeElement) && fieldHasTyping(document.activeElement)) document.execCommand(command);
        else if (command === 'undo') undo();
        else redo();
      } else if (command === 'new-workshop') {
        closeSession();
        state.navigate({ screen: 'home' });
        window.dispatchEvent(new CustomEvent('pacto:new-workshop'));
      } else if (command === 'export-pdf' && state.route.screen === 'workshop') {
        state.navigate({ ...state.route, step: 'export' });
      } else if (command === 'about') {
        void platform()
          .appInfo()
          .then((info) => state.setNotice({ kind: 'info', key: 'app.about', values: { version: info.ok ? info.value.version : '' } }));
      }
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pagehide', flushPendingEdits);
      stopTracking();
      off();
    };
  }, []);

  return (
    <div className="app screen-only">
      <header className="topbar">
        <button
          className="brand"
          onClick={() => {
            closeSession();
            navigate({ screen: 'home' });
          }}
          aria-label={t('app.back')}
        >
          <span className="brand__mark" aria-hidden>
            P
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </button>
        {route.screen === 'workshop' && session ? (
          <div className="topbar__workshop">
            <span className="topbar__title">{session.content.meta.title}</span>
            <span className={`badge badge--${session.status}`}>{t(`status.${session.status}`)}</span>
            <Suspense fallback={null}>
              <FileStatus />
            </Suspense>
            <SaveStatus />
          </div>
        ) : (
          <div className="topbar__workshop topbar__tagline">{t('app.tagline')}</div>
        )}
        <div className="topbar__actions">
          {route.screen === 'workshop' ? (
            <>
              <button onClick={undo} disabled={!session?.canUndo} title={`${t('app.undo')} (Ctrl+Z)`}>
                ↶ {t('app.undo')}
              </button>
              <button onClick={redo} disabled={!session?.canRedo} title={`${t('app.redo')} (Ctrl+Shift+Z)`}>
                ↷ {t('app.redo')}
              </button>
            </>
          ) : null}
          {layer ? (
            <Suspense fallback={null}>
              <RoomButtons />
            </Suspense>
          ) : null}
          <label className="lang">
            <span className="sr-only">{t('app.language')}</span>
            <select value={language} onChange={(e) => void changeLanguage(e.target.value as Language)} data-testid="ui-language">
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </header>
      {layer ? (
        <Suspense fallback={null}>
          <RoomStrip />
        </Suspense>
      ) : null}
      {notice ? (
        <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{t(notice.key, notice.values)}</span>
          {notice.retry ? (
            <button onClick={() => void import('./data/instance').then(({ db }) => sessionCommands()?.retrySave(db)).catch(() => undefined)}>
              {t('app.retry')}
            </button>
          ) : null}
          {notice.restore ? (
            <button
              data-testid="notice-restore"
              onClick={() => {
                const id = notice.restore!;
                setNotice(null);
                navigate({ screen: 'backups', id });
              }}
            >
              {t('app.restoreBackup')}
            </button>
          ) : null}
          <button onClick={() => setNotice(null)}>{t('app.dismiss')}</button>
        </div>
      ) : null}
      <main className="main">
        <ErrorBoundary
          key={route.screen === 'home' ? 'home' : route.screen === 'backups' ? 'backups' : route.step}
          title={t('app.screenError')}
          back={t('app.back')}
          onBack={() => {
            closeSession();
            navigate({ screen: 'home' });
          }}
        >
          {route.screen === 'home' ? (
            <Home />
          ) : (
            <Suspense fallback={<p>{t('app.loading')}</p>}>
              {route.screen === 'backups' ? <RestoreScreen id={route.id} from={route.from} /> : <WorkshopScreen id={route.id} step={route.step} />}
            </Suspense>
          )}
        </ErrorBoundary>
      </main>
      {layer ? (
        <Suspense fallback={null}>
          <GlobalPdfDrop />
          <FileLayer />
        </Suspense>
      ) : null}
    </div>
  );
}

export { STEPS };
export type { Step };
