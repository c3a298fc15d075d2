/** The header's file indicator for the open workshop: its file's name, whether the file is behind, and Save. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { saveOpenWorkshop } from './actions';
import { fileIsBehind } from './title';

export function FileStatus() {
  const { t } = useTranslation();
  const fileState = useAppStore((s) => s.fileState);
  const sessionId = useAppStore((s) => s.session?.id);
  if (!fileState || fileState.workshopId !== sessionId) return null;
  const { link, fingerprint } = fileState;
  const behind = fileIsBehind(link, fingerprint);
  return (
    <span className="file-status" data-testid="file-status" data-state={link === null ? 'none' : behind ? 'unsaved' : 'saved'}>
      {link === null ? (
        <span className="file-status__name muted" title={t('files.noFileHint')}>
          {t('files.noFile')}
        </span>
      ) : (
        <span className="file-status__name" title={behind ? t('files.unsaved') : t('files.fileSaved')}>
          {behind ? (
            <span className="file-status__dot" aria-hidden>
              ●
            </span>
          ) : null}
          {link.name}
          {behind ? <span className="sr-only"> ({t('files.unsaved')})</span> : null}
        </span>
      )}
      <button className="file-status__save" onClick={() => void saveOpenWorkshop('save')} data-testid="save-file" title={`${t('files.save')} (Ctrl+S)`}>
        {t('files.save')}
      </button>
    </span>
  );
}
