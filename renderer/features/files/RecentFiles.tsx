/** The home screen's file actions (open, import) and its list of recent files. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';

/** The file actions (opening, importing: they write workshops), loaded on first use. */
const fileActions = () => import('./actions');

/** Open… and Import… buttons for the home screen's header. */
export function HomeFileActions() {
  const { t } = useTranslation();
  return (
    <span className="home-files">
      <button onClick={() => void fileActions().then(({ openFromDialog }) => openFromDialog('open', t))} data-testid="open-file">
        {t('files.open')}
      </button>
      <button onClick={() => void fileActions().then(({ openFromDialog }) => openFromDialog('import', t))} data-testid="import-file">
        {t('files.import')}
      </button>
    </span>
  );
}

/** The recent `.pacto` files, newest first; clicking one opens it. */
export function RecentFiles() {
  const { t } = useTranslation();
  const recent = useAppStore((s) => s.recentFiles);
  const fmt = formatters(useAppStore((s) => s.language));
  return (
    <section className="recent-files" aria-labelledby="recent-files-title" data-testid="recent-files">
      <h2 id="recent-files-title">{t('files.recent')}</h2>
      {recent.length === 0 ? (
        <p className="empty">{t('files.recentEmpty')}</p>
      ) : (
        <ul>
          {recent.map((file) => (
            <li key={file.path} className="card recent-file" data-testid="recent-file">
              <button className="link" onClick={() => void fileActions().then(({ openRecent }) => openRecent(file.path, t))}>
                {file.name}
              </button>
              <span className="recent-file__path" title={file.path}>
                {file.path === file.name ? '' : file.path}
              </span>
              <span className="muted">{t('files.openedAt', { date: fmt.dateTime(file.openedAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
