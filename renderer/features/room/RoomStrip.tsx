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
import { leaveRoom, takeJoinLink, useRoom } from '../../data/room';
import { usePresence, type Peer } from '../../data/presence';
import type { WorkshopContent } from '../../../shared/domain/workshop';
import { roomsAvailable } from './bridge';
import { isRoomErrorCode } from './errors';
import { connectionOf, editingOf, endedReason, inRoom, type RoomConnection } from './room-status';
import './room.css';

// The dialogs (and the QR code library) load when first opened, not with the home screen.
const OpenRoomDialog = lazy(async () => ({ default: (await import('./OpenRoomDialog')).OpenRoomDialog }));
const JoinRoomDialog = lazy(async () => ({ default: (await import('./JoinRoomDialog')).JoinRoomDialog }));

/** Which room dialog is open (the Join dialog with the join link it opened for, if any), and the end message the person dismissed (shown again when another room ends). */
const useRoomUi = create<{ dialog: 'open' | 'join' | null; link: string | null; dismissed: string | null }>(() => ({
  dialog: null,
  link: null,
  dismissed: null,
}));

/** Opens a room dialog (`open`: the facilitator's, `join`: the participant's), or closes it (null). */
export function showRoomDialog(dialog: 'open' | 'join' | null): void {
  useRoomUi.setState({ dialog, link: null });
}

/** The top bar's room buttons. */
export function RoomButtons() {
  const { t } = useTranslation();
  const { room: state } = useRoom();
  const inWorkshop = useAppStore((s) => s.route.screen === 'workshop' && s.session !== null);
  if (!roomsAvailable()) return null;
  if (state?.role === 'host') {
    return (
      <button type="button" onClick={() => showRoomDialog('open')} data-testid="room-show">
        {t('room.actions.show')}
      </button>
    );
  }
  if (inRoom(state)) return null;
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
  const view = useRoom();
  const peers = usePresence();
  const content = useAppStore((s) => s.session?.content ?? null);
  const { dialog, link, dismissed } = useRoomUi();
  const { room: state, ready, workshopId, joinLink } = view;

  // A join link the system opened (QR code, mail): the Join dialog opens with it, unless this laptop is in a room already.
  const inThisRoom = inRoom(state);
  useEffect(() => {
    if (joinLink === null) return;
    const taken = takeJoinLink();
    if (taken !== null && !inThisRoom) useRoomUi.setState({ dialog: 'join', link: taken });
  }, [joinLink, inThisRoom]);

  // A room starting makes the next end message show again.
  useEffect(() => {
    if (state !== null) useRoomUi.setState({ dismissed: null });
  }, [state]);

  // A guest's copy is in step with the room: open it (the workshop the room edits, maybe a separate copy).
  const guestReady = state?.role === 'guest' && ready && workshopId !== null ? workshopId : null;
  useEffect(() => {
    if (!guestReady) return;
    const { route, navigate } = useAppStore.getState();
    if (route.screen !== 'workshop' || route.id !== guestReady) navigate({ screen: 'workshop', id: guestReady, step: 'funnel' });
  }, [guestReady]);

  const reason = endedReason(view);
  const ended = reason !== null && reason !== dismissed ? reason : null;
  const connection = reason !== null && !ended ? 'none' : connectionOf(view);
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
                <button type="button" onClick={() => useRoomUi.setState({ dismissed: reason })} data-testid="room-dismiss">
                  {t('room.strip.dismiss')}
                </button>
              </span>
            </>
          ) : (
            <>
              <PeerList peers={peers} content={content} />
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
        {dialog === 'join' ? <JoinRoomDialog key={link ?? ''} link={link ?? undefined} onClose={() => showRoomDialog(null)} /> : null}
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
  connecting: 'room.strip.connecting',
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
export function PeerList(props: { peers: Peer[]; content: WorkshopContent | null }) {
  const { t } = useTranslation();
  if (props.peers.length === 0) return null;
  return (
    <div className="room-peers">
      <span className="room-peers__label" id="room-peers-label">
        {t('room.strip.people')}
      </span>
      <ul className="room-peers__list" aria-labelledby="room-peers-label" data-testid="room-peers">
        {props.peers.map((peer) => (
          <PeerChip key={peer.clientId} peer={peer} content={props.content} />
        ))}
      </ul>
    </div>
  );
}

/** One person: colour (with their initial), name, team, role when not a participant, and what they edit. */
function PeerChip(props: { peer: Peer; content: WorkshopContent | null }) {
  const { t } = useTranslation();
  const { peer } = props;
  const editing = editingOf(peer, props.content);
  const what = editing.step ? t(`steps.${editing.step}`) : null;
  return (
    <li className="room-peer" data-testid="room-peer" data-self={peer.self ? 'true' : undefined}>
      <span className="room-peer__colour" style={{ background: peer.color }} aria-hidden>
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
          {what && editing.item ? t('room.strip.editingItem', { what, item: editing.item }) : what ? t('room.strip.editing', { what }) : t('room.strip.idle')}
        </span>
      </span>
    </li>
  );
}
