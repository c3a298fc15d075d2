/**
 * The room in the app's header. `RoomButtons` sits in the top bar: "Open the
 * room" (with a workshop open) and "Join a room" outside a room, "Room"
 * (the open room's panel) while hosting. `RoomStrip` sits under the top bar
 * while there is a room: the connection (room open, online, reconnecting,
 * offline with edits kept, waiting), who is in the room with their name,
 * team and colour and what each is editing, leaving, and after the room
 * ends, why, with "open the room from this copy". It also owns the room
 * dialogs and starts following the room's events.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { useAppStore } from '../../store';
import { isRoomErrorCode } from './errors';
import { connectionOf, dismissEndedRoom, followRoom, leaveRoom, usePresence, useRoom, type RoomConnection, type RoomPeer } from './use-room';
import './room.css';

// The dialogs (and the QR code library) load when first opened, not with the home screen.
const OpenRoomDialog = lazy(async () => ({ default: (await import('./OpenRoomDialog')).OpenRoomDialog }));
const JoinRoomDialog = lazy(async () => ({ default: (await import('./JoinRoomDialog')).JoinRoomDialog }));

/** Which room dialog is open. */
const useRoomDialog = create<{ dialog: 'open' | 'join' | null }>(() => ({ dialog: null }));

/** Opens a room dialog (`open`: the facilitator's, `join`: the participant's), or closes it (null). */
export function showRoomDialog(dialog: 'open' | 'join' | null): void {
  useRoomDialog.setState({ dialog });
}

/** The top bar's room buttons. */
export function RoomButtons() {
  const { t } = useTranslation();
  const { available, state } = useRoom();
  const inWorkshop = useAppStore((s) => s.route.screen === 'workshop' && s.session !== null);
  if (!available) return null;
  if (state?.role === 'host') {
    return (
      <button type="button" onClick={() => showRoomDialog('open')} data-testid="room-show">
        {t('room.actions.show')}
      </button>
    );
  }
  if (state && !(state.role === 'guest' && state.state === 'ended')) return null;
  return (
    <>
      {inWorkshop ? (
        <button type="button" onClick={() => showRoomDialog('open')} data-testid="room-open">
          {t('room.actions.open')}
        </button>
      ) : null}
      <button type="button" onClick={() => showRoomDialog('join')} data-testid="room-join">
        {t('room.actions.join')}
      </button>
    </>
  );
}

/** The strip under the top bar, and the room dialogs. */
export function RoomStrip() {
  const { t } = useTranslation();
  const room = useRoom();
  const peers = usePresence();
  const dialog = useRoomDialog((s) => s.dialog);
  useEffect(() => followRoom(), []);

  const { state } = room;
  const connection = connectionOf(state);
  const ended = state?.role === 'guest' && state.state === 'ended' && state.reason !== 'left' ? state.reason : null;
  return (
    <>
      {connection !== 'none' ? (
        <div className={`room-strip room-strip--${connection}`} role="region" aria-label={t('room.strip.label')} data-testid="room-strip">
          <ConnectionBadge connection={connection} />
          {ended ? (
            <>
              <span className="room-strip__ended" role="status">
                {t('room.strip.ended', { reason: endReason(ended, t) })} {t('room.strip.endedKept')}
              </span>
              <span className="room-strip__actions">
                <button type="button" onClick={() => showRoomDialog('open')} data-testid="room-reopen">
                  {t('room.strip.reopen')}
                </button>
                <button type="button" onClick={dismissEndedRoom} data-testid="room-dismiss">
                  {t('room.strip.dismiss')}
                </button>
              </span>
            </>
          ) : (
            <>
              <PeerList peers={peers} />
              <span className="room-strip__actions">
                {state?.role === 'guest' ? (
                  <button type="button" onClick={() => void leaveRoom()} data-testid="room-leave">
                    {t('room.actions.leave')}
                  </button>
                ) : null}
              </span>
            </>
          )}
        </div>
      ) : null}
      <Suspense fallback={null}>
        {dialog === 'open' ? <OpenRoomDialog onClose={() => showRoomDialog(null)} /> : null}
        {dialog === 'join' ? <JoinRoomDialog onClose={() => showRoomDialog(null)} /> : null}
      </Suspense>
    </>
  );
}

/** Why a room ended, in words: a room error's title, or the facilitator closed it. */
function endReason(reason: string, t: (key: string) => string): string {
  if (reason === 'closed') return t('room.endReasons.closed');
  if (isRoomErrorCode(reason)) return t(`room.errors.${reason}.title`);
  return reason;
}

const CONNECTION_KEYS: Record<Exclude<RoomConnection, 'none'>, string> = {
  host: 'room.strip.onlineHost',
  online: 'room.strip.online',
  reconnecting: 'room.strip.reconnecting',
  offline: 'room.strip.offline',
  waiting: 'room.strip.waiting',
};

/** The connection status, in words (a dot beside it, never the colour alone). */
export function ConnectionBadge(props: { connection: Exclude<RoomConnection, 'none'> }) {
  const { t } = useTranslation();
  return (
    <span className={`room-status room-status--${props.connection}`} role="status" data-testid="room-connection" data-connection={props.connection}>
      <span className="room-status__dot" aria-hidden />
      {t(CONNECTION_KEYS[props.connection])}
    </span>
  );
}

/** Who is in the room: a chip per person with their colour, name, team and what they edit. */
export function PeerList(props: { peers: RoomPeer[] }) {
  const { t } = useTranslation();
  if (props.peers.length === 0) return null;
  return (
    <div className="room-peers">
      <span className="room-peers__label" id="room-peers-label">
        {t('room.strip.people')}
      </span>
      <ul className="room-peers__list" aria-labelledby="room-peers-label" data-testid="room-peers">
        {props.peers.map((peer) => (
          <li key={peer.key} className={`room-peer ${peer.connected ? '' : 'room-peer--away'}`} data-testid={`room-peer-${peer.key}`}>
            <span className="room-peer__colour" style={{ background: peer.colour }} aria-hidden>
              {peer.name.trim().charAt(0).toUpperCase()}
            </span>
            <span className="room-peer__text">
              <span className="room-peer__name">
                {peer.name} {peer.self ? <span className="muted">{t('room.strip.you')}</span> : null}
              </span>
              <span className="room-peer__detail">
                {t(`teams.${peer.team}`)}
                {peer.role !== 'participant' ? ` · ${t(`room.roles.${peer.role}`)}` : ''}
                {' · '}
                {peer.editing
                  ? peer.editing.item
                    ? t('room.strip.editingItem', { what: t(`steps.${peer.editing.step}`), item: peer.editing.item })
                    : t('room.strip.editing', { what: t(`steps.${peer.editing.step}`) })
                  : t('room.strip.idle')}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
