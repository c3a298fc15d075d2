/**
 * The header's save indicator for the open workshop: "Saved 14:32" /
 * "Guardado 14:32" once every edit is written to the database (see
 * `data/save-status.ts` for what that means), "Saving…" while a field holds
 * typing not committed yet or a write is under way, "Not saved: …" with the
 * reason when a write failed.
 */
import { useTranslation } from 'react-i18next';
import { formatters } from '../i18n';
import { useAppStore } from '../store';

export function SaveStatus() {
  const { t } = useTranslation();
  const written = useAppStore((s) => s.save);
  const typing = useAppStore((s) => s.typing);
  const save = written?.kind === 'saved' && typing ? ({ kind: 'saving' } as const) : written;
  const language = useAppStore((s) => s.language);
  if (!save) return null;
  const f = formatters(language);
  let text: string;
  let title: string;
  if (save.kind === 'saved') {
    text = save.at ? t('save.saved', { time: f.time(save.at) }) : t('save.savedNoTime');
    title = save.at ? t('save.savedTitle', { when: f.dateTime(save.at) }) : t('app.saved');
  } else if (save.kind === 'saving') {
    text = t('save.saving');
    title = t('app.saved');
  } else {
    text = save.reason === 'full' ? t('save.full') : t('save.error', { message: save.message });
    title = t('save.failedTitle');
  }
  return (
    // No live region: it changes with every few keystrokes; a failed write is announced by the storage notice.
    <span className={`save-status save-status--${save.kind}`} title={title} data-testid="save-status" data-state={save.kind}>
      {text}
    </span>
  );
}
