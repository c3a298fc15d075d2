/**
 * "Open the room" for the facilitator. Before the room is open: pick the
 * network it listens on (the bridge's interfaces, best first; one network,
 * never all) and who the facilitator is. Once open: the join code, a QR code
 * of the join link, the address and the network, whether it is announced on
 * the network, the admission queue (admit, admit to watch only, deny), the
 * seats (remove), recent wrong codes, and closing the room.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { QRCodeSVG } from 'qrcode.react';
import type { HostedRoom, JoinRequest, RoomInterface, RoomSeat } from '../../../shared/room/contract';
import type { Team } from '../../../shared/domain/workshop';
import { formatters } from '../../i18n';
import { useAppStore } from '../../store';
import { RoomDialog } from './RoomDialog';
import { RoomErrorMessage } from './RoomErrorMessage';
import { roomProblem, type RoomProblem } from './errors';
import { formatRoomAddress } from '../../../shared/room/join-code';
import { admitGuest, closeRoom, denyGuest, openRoom, removeSeat, roomInterfaces, useRoom } from '../../data/room';

/** The dialog: the network picker while no room is open, the open room's panel after. */
/**
 * How a network is named to the facilitator: its kind ("Wi-Fi"), the
 * system's name for it when that says more ("en0", "wlp2s0") and its
 * address. Windows names its adapters after their kind ("Wi-Fi",
 * "Ethernet"), so a name equal to the kind is not repeated.
 *
 * @param t the dialog's translation function; @param kind the kind in the UI's language; @param name the system's interface name;
 * @param address the IPv4 or IPv6 address; @param form `choice` for the network picker, `fact` for the open room's panel.
 */
function networkLabel(t: TFunction, kind: string, name: string, address: string, form: 'choice' | 'fact'): string {
  const named = name.trim().toLocaleLowerCase() !== kind.trim().toLocaleLowerCase();
  if (form === 'choice') return named ? t('room.open.interface', { kind, name, address }) : t('room.open.interfaceUnnamed', { kind, address });
  return named ? t('room.host.listensOnValue', { kind, name, address }) : t('room.host.listensOnUnnamed', { kind, address });
}

export function OpenRoomDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const { room } = useRoom();
  const hosted = room?.role === 'host' ? room : null;
  return (
    <RoomDialog
      title={t(hosted ? 'room.host.title' : 'room.open.title')}
      closeLabel={t('room.actions.close')}
      onClose={props.onClose}
      className={hosted ? 'room-dialog--wide' : ''}
      testId="room-open-dialog"
    >
      {hosted ? <HostedRoomPanel room={hosted} onClosed={props.onClose} /> : <OpenRoomForm onCancel={props.onClose} />}
    </RoomDialog>
  );
}

const SELF = '__self__';

function OpenRoomForm(props: { onCancel: () => void }) {
  const { t } = useTranslation();
  const session = useAppStore((s) => s.session);
  const [interfaces, setInterfaces] = useState<RoomInterface[] | null>(null);
  const [address, setAddress] = useState<string | null>(null);
  const [who, setWho] = useState<string>(SELF);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RoomProblem | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void roomInterfaces().then((result) => {
      if (!live) return;
      if (!result.ok) return setProblem(roomProblem(result.error));
      if (result.value.length === 0) return setProblem(roomProblem({ code: 'no-interface', message: 'No network interface is up.' }));
      setProblem(null);
      setInterfaces(result.value);
      // The best network (Wi-Fi first) is chosen for the facilitator; it is one network, never all of them.
      setAddress((current) => (current && result.value.some((i) => i.address === current) ? current : result.value[0]!.address));
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  if (!session) return <p className="muted">{t('room.open.noWorkshop')}</p>;
  const participants = session.content.participants;

  const submit = async () => {
    if (!address) return;
    const person = participants.find((p) => p.id === who);
    setBusy(true);
    setProblem(null);
    const result = await openRoom({
      address,
      identity: {
        participantId: person?.id ?? null,
        name: person?.name ?? t('room.open.facilitatorName'),
        team: person?.team ?? ('leadership' satisfies Team),
      },
    });
    setBusy(false);
    if (!result.ok) setProblem(roomProblem(result.error));
  };

  return (
    <form
      className="room-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="muted">{t('room.open.intro')}</p>
      <fieldset className="room-choices" aria-describedby="room-network-hint">
        <legend className="field__label">{t('room.open.network')}</legend>
        <p id="room-network-hint" className="field__hint">
          {t('room.open.networkHint')}
        </p>
        {interfaces === null && !problem ? <p role="status">{t('room.open.loadingNetworks')}</p> : null}
        {(interfaces ?? []).map((i, n) => (
          <label key={`${i.name}-${i.address}`} className="room-choice">
            <input
              type="radio"
              name="room-interface"
              value={i.address}
              checked={address === i.address}
              onChange={() => setAddress(i.address)}
              data-autofocus={n === 0 ? '' : undefined}
              data-testid={`room-interface-${i.address}`}
            />
            <span>{networkLabel(t, t(`room.kinds.${i.kind}`), i.name, i.address, 'choice')}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor="room-host-who">
          {t('room.open.youAre')}
        </label>
        <select id="room-host-who" value={who} onChange={(e) => setWho(e.target.value)} data-testid="room-host-who">
          <option value={SELF}>{t('room.open.facilitatorSelf')}</option>
          {participants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {t(`teams.${p.team}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="field__hint">{t('room.open.windowsHint')}</p>
      {problem ? (
        <RoomErrorMessage
          problem={problem}
          onRetry={() => {
            if (interfaces) return void submit();
            setProblem(null);
            setAttempt((a) => a + 1);
          }}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !address} data-testid="room-open-submit">
          {busy ? t('room.open.opening') : t('room.open.submit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('room.actions.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The open room: how to join it, who waits, who is in. */
function HostedRoomPanel(props: { room: HostedRoom; onClosed: () => void }) {
  const { t } = useTranslation();
  const { room } = props;
  const language = useAppStore((s) => s.language);
  const time = (ms: number) => formatters(language).time(new Date(ms));
  const [copyState, setCopyState] = useState<'copied' | 'failed' | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RoomProblem | null>(null);
  // The hosted room names its interface; its kind (Wi-Fi, Ethernet) comes from the interface list.
  const [kind, setKind] = useState<RoomInterface['kind']>('other');
  useEffect(() => {
    let live = true;
    void roomInterfaces().then((result) => {
      const found = result.ok ? result.value.find((i) => i.address === room.address || i.name === room.interfaceName) : undefined;
      if (live && found) setKind(found.kind);
    });
    return () => {
      live = false;
    };
  }, [room.address, room.interfaceName]);

  const run = async (call: () => Promise<{ ok: true } | { ok: false; error: { code: string; message: string } }>) => {
    setProblem(null);
    const result = await call();
    if (!result.ok) setProblem(roomProblem(result.error));
    return result.ok;
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(room.joinUrl);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  const last = room.refusedAttempts[0];
  return (
    <div className="room-host">
      <div className="room-host__join">
        <div className="room-code">
          <span className="field__label" id="room-code-label">
            {t('room.host.codeLabel')}
          </span>
          <output className="room-code__value" aria-labelledby="room-code-label" data-testid="room-code" data-autofocus="" tabIndex={-1}>
            {room.code}
          </output>
          <span className="field__hint">{t('room.host.codeHint')}</span>
        </div>
        <figure className="room-qr">
          <QRCodeSVG
            value={room.joinUrl}
            size={168}
            level="M"
            marginSize={2}
            title={t('room.host.qrLabel')}
            role="img"
            aria-label={t('room.host.qrLabel')}
            data-testid="room-qr"
          />
          <figcaption className="field__hint">{t('room.host.qrHint')}</figcaption>
        </figure>
        <dl className="room-facts">
          <dt>{t('room.host.address')}</dt>
          <dd>
            <code data-testid="room-address">{formatRoomAddress(room.address, room.port)}</code>
          </dd>
          <dt>{t('room.host.listensOn')}</dt>
          <dd data-testid="room-listens-on">{networkLabel(t, t(`room.kinds.${kind}`), room.interfaceName, room.address, 'fact')}</dd>
        </dl>
        <p className="field__hint" data-testid="room-discovery">
          {room.discovery.state === 'advertising' ? t('room.host.advertising') : t('room.host.notAdvertised', { reason: room.discovery.reason })}
        </p>
        <div className="room-link">
          <code className="room-link__url">{room.joinUrl}</code>
          <button type="button" onClick={() => void copy()}>
            {t('room.host.copyLink')}
          </button>
        </div>
        {copyState ? (
          <p className="field__hint" role="status">
            {t(copyState === 'copied' ? 'room.host.copied' : 'room.host.copyFailed')}
          </p>
        ) : null}
        <p className="field__hint">{t('room.open.windowsHint')}</p>
      </div>
      <div className="room-host__people">
        <section aria-labelledby="room-waiting-title">
          <h3 id="room-waiting-title">{t('room.host.waitingTitle', { count: room.waiting.length })}</h3>
          {room.waiting.length === 0 ? (
            <p className="muted small">{t('room.host.waitingEmpty')}</p>
          ) : (
            <ul className="room-list" data-testid="room-waiting">
              {room.waiting.map((request) => (
                <WaitingRow key={request.seatId} request={request} time={time} run={run} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="room-seats-title">
          <h3 id="room-seats-title">{t('room.host.seatsTitle', { count: room.seats.length })}</h3>
          {room.seats.length === 0 ? (
            <p className="muted small">{t('room.host.seatsEmpty')}</p>
          ) : (
            <ul className="room-list" data-testid="room-seats">
              {room.seats.map((seat) => (
                <SeatRow key={seat.seatId} seat={seat} time={time} run={run} />
              ))}
            </ul>
          )}
        </section>
        {last ? (
          <p className="notice notice--info small" data-testid="room-refused">
            {t('room.host.refused', { count: room.refusedAttempts.length, address: last.remoteAddress, time: time(last.at) })}
          </p>
        ) : null}
      </div>
      {problem ? <RoomErrorMessage problem={problem} /> : null}
      <div className="form-actions room-host__actions">
        {confirmClose ? (
          <div className="room-confirm" role="group" aria-labelledby="room-close-confirm">
            <p id="room-close-confirm">{t('room.host.closeConfirm')}</p>
            <button
              type="button"
              className="danger"
              disabled={busy}
              data-autofocus=""
              data-testid="room-close-confirm"
              onClick={() => {
                setBusy(true);
                void run(closeRoom).then((closed) => {
                  setBusy(false);
                  if (closed) props.onClosed();
                });
              }}
            >
              {busy ? t('room.host.closing') : t('room.host.closeConfirmButton')}
            </button>
            <button type="button" onClick={() => setConfirmClose(false)}>
              {t('room.actions.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirmClose(true)} data-testid="room-close">
            {t('room.host.closeRoom')}
          </button>
        )}
      </div>
    </div>
  );
}

type Run = (call: () => Promise<{ ok: true } | { ok: false; error: { code: string; message: string } }>) => Promise<boolean>;

/** Name, team, device and address of a person asking to join, with admit / watch only / deny. */
function WaitingRow(props: { request: JoinRequest; time: (ms: number) => string; run: Run }) {
  const { t } = useTranslation();
  const { request } = props;
  const { identity } = request;
  const projector = identity.role === 'projector';
  return (
    <li className="room-person" data-testid={`room-waiting-${request.seatId}`}>
      <PersonLabel name={identity.name} team={identity.team} role={identity.role} participantId={identity.participantId} deviceName={identity.deviceName} />
      <span className="muted small">{t('room.host.requested', { address: request.remoteAddress, time: props.time(request.requestedAt) })}</span>
      <span className="room-person__actions">
        {projector ? null : (
          <button
            type="button"
            className="primary"
            aria-label={t('room.host.admitNamed', { name: identity.name })}
            onClick={() => void props.run(() => admitGuest({ seatId: request.seatId, readOnly: false }))}
            data-testid="room-admit"
          >
            {t('room.host.admit')}
          </button>
        )}
        <button
          type="button"
          className={projector ? 'primary' : undefined}
          aria-label={t('room.host.admitReadOnlyNamed', { name: identity.name })}
          onClick={() => void props.run(() => admitGuest({ seatId: request.seatId, readOnly: true }))}
          data-testid="room-admit-read-only"
        >
          {t('room.host.admitReadOnly')}
        </button>
        <button
          type="button"
          className="danger"
          aria-label={t('room.host.denyNamed', { name: identity.name })}
          onClick={() => void props.run(() => denyGuest({ seatId: request.seatId }))}
          data-testid="room-deny"
        >
          {t('room.host.deny')}
        </button>
      </span>
    </li>
  );
}

/** An admitted seat: who, connected or since when not, and remove. */
function SeatRow(props: { seat: RoomSeat; time: (ms: number) => string; run: Run }) {
  const { t } = useTranslation();
  const { seat } = props;
  const { identity } = seat;
  return (
    <li className="room-person" data-testid={`room-seat-${seat.seatId}`}>
      <PersonLabel name={identity.name} team={identity.team} role={identity.role} participantId={identity.participantId} deviceName={identity.deviceName} />
      <span className={seat.connected ? 'room-person__online small' : 'muted small'}>
        {seat.connected ? t('room.host.connected') : t('room.host.lastSeen', { time: props.time(seat.lastSeenAt) })}
      </span>
      <span className="room-person__actions">
        <button
          type="button"
          className="danger"
          aria-label={t('room.host.removeNamed', { name: identity.name })}
          onClick={() => void props.run(() => removeSeat({ seatId: seat.seatId }))}
          data-testid="room-remove"
        >
          {t('room.host.remove')}
        </button>
      </span>
    </li>
  );
}

/** "Name · Team", with the projector role, the computer's name and whether the person is on the workshop's list. */
export function PersonLabel(props: { name: string; team: Team; role: string; participantId: string | null; deviceName: string }) {
  const { t } = useTranslation();
  return (
    <span className="room-person__who">
      <strong>{props.name}</strong> <span className={`owner owner--${props.team}`}>{t(`teams.${props.team}`)}</span>
      {props.role === 'projector' ? <span className="badge badge--draft">{t('room.host.readOnly')}</span> : null}
      <span className="muted small">
        {[props.deviceName ? t('room.host.device', { name: props.deviceName }) : '', props.participantId === null ? t('room.host.notOnList') : '']
          .filter(Boolean)
          .join(' · ')}
      </span>
    </span>
  );
}
