/**
 * A read-only seat (the projector) in the workshop screen: a note says so,
 * and the step's screen sits in a disabled `<fieldset>` with the section-lock
 * context set (`ui/section-lock.ts`), so no field, button, rich-text editor
 * or canvas offers an edit. The host drops the seat's document updates in
 * any case (`electron/main/room`): nothing typed here would reach the room.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../../data/room';
import { inRoom } from './room-status';
import { SectionLockedContext } from '../../ui/section-lock';

/** True while this laptop sits in a room on a read-only seat. */
export function useReadOnlySeat(): boolean {
  const { room, readOnly } = useRoom();
  return readOnly && inRoom(room) && room.role === 'guest';
}

/** Wraps a step's screen: read-only with a note on a read-only seat, as it is otherwise. */
export function ReadOnlySeat({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  if (!useReadOnlySeat()) return <>{children}</>;
  return (
    <>
      <div className="notice notice--info read-only-seat-note" role="status" data-testid="read-only-seat-note">
        <strong>{t('room.seat.readOnly')}</strong> {t('room.seat.readOnlyText')}
      </div>
      <fieldset className="plain locked-section" disabled data-testid="read-only-seat">
        <legend className="sr-only">{t('room.seat.readOnly')}</legend>
        <SectionLockedContext.Provider value={true}>{children}</SectionLockedContext.Provider>
      </fieldset>
    </>
  );
}
