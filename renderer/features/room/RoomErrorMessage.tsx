/**
 * One room error, said plainly: its title and text from `room.errors.*`,
 * the network hints for a room that cannot be reached (same Wi-Fi, guest
 * Wi-Fi isolation → a phone hotspot, Windows profile and firewall, macOS
 * local-network permission), and the way on: try again, or open the room's
 * workshop as a separate copy when the local one diverged.
 */
import { useTranslation } from 'react-i18next';
import type { RoomProblem } from './errors';

/** Shows `problem`; the buttons appear when their callbacks are given and the problem allows them. */
export function RoomErrorMessage(props: { problem: RoomProblem; onRetry?: () => void; onSeparateCopy?: () => void }) {
  const { t } = useTranslation();
  const { problem } = props;
  return (
    <div className="notice notice--error room-error" role="alert" data-testid="room-error" data-code={problem.code}>
      <div>
        <strong className="room-error__title">{t(`room.errors.${problem.code}.title`)}</strong>
        <p className="room-error__text">{t(`room.errors.${problem.code}.text`, problem.values)}</p>
        {problem.hints.length > 0 ? (
          <ul className="room-error__hints">
            {problem.hints.map((hint) => (
              <li key={hint}>{t(`room.reachHints.${hint}`)}</li>
            ))}
          </ul>
        ) : null}
        {(problem.retry && props.onRetry) || (problem.separateCopy && props.onSeparateCopy) ? (
          <div className="room-error__actions">
            {problem.separateCopy && props.onSeparateCopy ? (
              <button type="button" className="primary" onClick={props.onSeparateCopy} data-testid="room-separate-copy">
                {t('room.join.separateCopy')}
              </button>
            ) : null}
            {problem.retry && props.onRetry ? (
              <button type="button" onClick={props.onRetry} data-testid="room-retry">
                {t('room.actions.retry')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
