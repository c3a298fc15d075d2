/**
 * "Join a room" for a participant: rooms found on the network (browsed while
 * the dialog is open), or a typed address or pasted pacto://join link; the
 * code; then who they are (a participant of the room's workshop, or someone
 * not on the list, and whether this screen is the projector); then waiting
 * for the facilitator. Every failure shows its message from
 * `RoomErrorMessage`; a diverged workshop offers a separate copy.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomTarget } from '../../../shared/room/contract';
import { TEAMS, type Team } from '../../../shared/domain/workshop';
import { browseRooms, checkRoom, joinRoom, leaveRoom, stopBrowsing, useRoom, type GuestIdentity, type RoomCheck } from '../../data/room';
import { platform } from '../../platform';
import { RoomDialog } from './RoomDialog';
import { RoomErrorMessage } from './RoomErrorMessage';
import { roomProblem, type RoomProblem } from './errors';
import { formatRoomAddress, parseRoomInput, type RoomInputProblem } from '../../../shared/room/join-code';

type Stage = { kind: 'where' } | { kind: 'who'; check: RoomCheck } | { kind: 'waiting'; check: RoomCheck };

const OTHER = '__other__';

/** The message key (under `room.invalid`) of what is wrong with the address field's text. */
function invalidKey(problem: RoomInputProblem | 'code'): 'address' | 'port' | 'link' | 'linkAddress' | 'linkCode' | 'code' {
  switch (problem) {
    case 'bad-port':
      return 'port';
    case 'not-a-join-link':
    case 'incomplete':
      return 'link';
    case 'bad-address':
      return 'linkAddress';
    case 'bad-code':
      return 'linkCode';
    default:
      return problem;
  }
}

/** What a link the dialog opens with says: its address and code, or what is wrong with it (shown at the field at once). */
function fromLink(link: string | undefined): { code: string; invalid: { field: 'address'; problem: RoomInputProblem } | null } {
  if (link === undefined) return { code: '', invalid: null };
  const parsed = parseRoomInput(link);
  return parsed.ok ? { code: parsed.value.code ?? '', invalid: null } : { code: '', invalid: { field: 'address', problem: parsed.error } };
}

/**
 * The join dialog; `link` pre-fills the address and code (a pacto://join link
 * the app was opened with), or, when the link is malformed, says at the
 * address field what is wrong with it.
 */
export function JoinRoomDialog(props: { onClose: () => void; link?: string }) {
  const { t } = useTranslation();
  const { room: state, discovered, ended } = useRoom();
  const [stage, setStage] = useState<Stage>({ kind: 'where' });
  const [opening] = useState(() => fromLink(props.link));
  const [addressText, setAddressText] = useState(props.link ?? '');
  const [code, setCode] = useState(opening.code);
  const [invalid, setInvalid] = useState<{ field: 'address' | 'code'; problem: RoomInputProblem | 'code' } | null>(opening.invalid);
  const [problem, setProblem] = useState<RoomProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [ours, setOurs] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });

  useEffect(() => {
    void browseRooms();
    void platform()
      .appInfo()
      .then((info) => setOurs(info.ok ? info.value.version : ''));
    return () => void stopBrowsing();
  }, []);

  // The facilitator's answer arrives as a room state: admitted closes the dialog; an end (denied, closed…) says why, back at the start.
  const admitted = stage.kind === 'waiting' && state?.role === 'guest' && state.state === 'admitted';
  useEffect(() => {
    if (admitted) onClose.current();
  }, [admitted]);
  // The room layer ends the room (state null) and keeps the reason in `ended`.
  const endReason = state?.role === 'guest' && state.state === 'ended' ? state.reason : state === null ? ended : null;
  const endedWhileWaiting = stage.kind === 'waiting' && endReason !== null && endReason !== 'left' ? endReason : null;
  const shown: Stage = endedWhileWaiting ? { kind: 'where' } : stage;
  const shownProblem = endedWhileWaiting
    ? roomProblem({ code: endedWhileWaiting === 'closed' ? 'room-closed' : endedWhileWaiting, message: endedWhileWaiting }, { ours })
    : problem;

  const where = (target: { address: string; port: number }) => formatRoomAddress(target.address, target.port);

  const check = async () => {
    setStage({ kind: 'where' });
    setProblem(null);
    const parsed = parseRoomInput(addressText);
    if (!parsed.ok) return setInvalid({ field: 'address', problem: parsed.error });
    const typedCode = code.trim() || parsed.value.code || '';
    if (!typedCode) {
      setInvalid({ field: 'code', problem: 'code' });
      return codeInput.current?.focus();
    }
    setInvalid(null);
    const target: RoomTarget = { address: parsed.value.address, port: parsed.value.port, code: typedCode };
    setBusy(true);
    const result = await checkRoom(target);
    setBusy(false);
    if (!result.ok) return setProblem(roomProblem(result.error, { address: where(target), ours }));
    // A local copy of this workshop seeded apart: say so now, with the separate copy offered.
    if (result.value.local === 'diverged') setProblem(roomProblem({ code: 'diverged', message: 'local copy of another origin' }, { ours }));
    setStage({ kind: 'who', check: result.value });
  };

  const ask = async (check: RoomCheck, identity: GuestIdentity, separateCopy: boolean) => {
    setProblem(null);
    setBusy(true);
    const result = await joinRoom(check, identity, { separateCopy });
    setBusy(false);
    if (!result.ok) return setProblem(roomProblem(result.error, { address: where(check.target), ours }));
    if (result.value.state === 'admitted') return onClose.current();
    setStage({ kind: 'waiting', check });
  };

  const cancelWaiting = async () => {
    await leaveRoom();
    setStage({ kind: 'where' });
  };

  return (
    <RoomDialog
      title={t(shown.kind === 'waiting' ? 'room.join.waitingTitle' : shown.kind === 'who' ? 'room.join.whoTitle' : 'room.join.title')}
      closeLabel={t('room.actions.close')}
      onClose={props.onClose}
      testId="room-join-dialog"
    >
      {shown.kind === 'where' ? (
        <form
          className="room-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <p className="muted">{t('room.join.intro')}</p>
          <section aria-labelledby="room-found-title" className="room-found">
            <h3 id="room-found-title">{t('room.join.found')}</h3>
            {discovered.length === 0 ? (
              <p className="muted small" role="status">
                {t('room.join.searching')} {t('room.join.noneFound')}
              </p>
            ) : (
              <ul className="room-list" data-testid="room-found">
                {discovered.map((room) => (
                  <li key={room.id}>
                    <button
                      type="button"
                      className="room-found__room"
                      onClick={() => {
                        setAddressText(where(room));
                        setInvalid(null);
                        codeInput.current?.focus();
                      }}
                      data-testid={`room-found-${room.id}`}
                    >
                      <strong>{t('room.join.foundRoom', { title: room.workshopTitle, host: room.hostName })}</strong>
                      <code className="muted small">{where(room)}</code>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className={`field ${invalid?.field === 'address' ? 'field--invalid' : ''}`}>
            <label className="field__label" htmlFor="room-address">
              {t('room.join.address')}
            </label>
            <input
              id="room-address"
              value={addressText}
              onChange={(e) => {
                setAddressText(e.target.value);
                const parsed = parseRoomInput(e.target.value);
                // A pasted link carries the code: fill it in.
                if (parsed.ok && parsed.value.code) setCode(parsed.value.code);
              }}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid?.field === 'address'}
              aria-describedby={invalid?.field === 'address' ? 'room-address-error' : 'room-address-hint'}
              data-autofocus=""
              data-testid="room-address-input"
            />
            {invalid?.field === 'address' ? (
              <span id="room-address-error" className="field__error" role="alert">
                {t(`room.invalid.${invalidKey(invalid.problem)}`)}
              </span>
            ) : (
              <span id="room-address-hint" className="field__hint">
                {t('room.join.addressHint')}
              </span>
            )}
          </div>
          <div className={`field ${invalid?.field === 'code' ? 'field--invalid' : ''}`}>
            <label className="field__label" htmlFor="room-code">
              {t('room.join.code')}
            </label>
            <input
              id="room-code"
              ref={codeInput}
              className="room-code-input"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              aria-invalid={invalid?.field === 'code'}
              aria-describedby={invalid?.field === 'code' ? 'room-code-error' : 'room-code-hint'}
              data-testid="room-code-input"
            />
            {invalid?.field === 'code' ? (
              <span id="room-code-error" className="field__error" role="alert">
                {t('room.invalid.code')}
              </span>
            ) : (
              <span id="room-code-hint" className="field__hint">
                {t('room.join.codeHint')}
              </span>
            )}
          </div>
          {shownProblem ? <RoomErrorMessage problem={shownProblem} onRetry={() => void check()} /> : null}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy} data-testid="room-check">
              {busy ? t('room.join.checking') : t('room.join.next')}
            </button>
            <button type="button" onClick={props.onClose}>
              {t('room.actions.cancel')}
            </button>
          </div>
        </form>
      ) : shown.kind === 'who' ? (
        <WhoForm
          check={shown.check}
          busy={busy}
          problem={problem}
          onAsk={(identity, copy) => void ask(shown.check, identity, copy)}
          onBack={() => {
            setProblem(null);
            setStage({ kind: 'where' });
          }}
        />
      ) : (
        <div className="room-waiting" data-testid="room-waiting-guest">
          <p role="status">{t('room.join.waiting')}</p>
          <p className="muted small">
            {t('room.join.workshop', { title: state?.role === 'guest' && state.state !== 'ended' ? state.info.workshopTitle : '' })}
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => void cancelWaiting()} data-autofocus="" data-testid="room-cancel-waiting">
              {t('room.join.cancelWaiting')}
            </button>
          </div>
        </div>
      )}
    </RoomDialog>
  );
}

/** Who the participant is: one of the room's participants or someone else (name, team), and whether this screen is the projector. */
function WhoForm(props: {
  check: RoomCheck;
  busy: boolean;
  problem: RoomProblem | null;
  onAsk: (identity: GuestIdentity, separateCopy: boolean) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { info } = props.check;
  const [who, setWho] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [team, setTeam] = useState<Team>('marketing');
  const [projector, setProjector] = useState(false);
  const [invalid, setInvalid] = useState<'who' | 'name' | null>(null);

  const identity = (): GuestIdentity | null => {
    const person = info.participants.find((p) => p.id === who);
    if (!person && who !== OTHER) {
      setInvalid('who');
      return null;
    }
    if (who === OTHER && !name.trim()) {
      setInvalid('name');
      return null;
    }
    setInvalid(null);
    return {
      name: person ? person.name : name.trim(),
      team: person ? person.team : team,
      participantId: person ? person.id : null,
      role: projector ? 'projector' : 'participant',
    };
  };

  return (
    <form
      className="room-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const who = identity();
        if (who) props.onAsk(who, false);
      }}
    >
      <p className="muted" data-testid="room-join-workshop">
        {t('room.join.workshop', { title: info.workshopTitle })}
      </p>
      <fieldset className="room-choices" aria-invalid={invalid === 'who'} aria-describedby={invalid === 'who' ? 'room-who-error' : undefined}>
        <legend className="field__label">{t('room.join.whoTitle')}</legend>
        <div className="room-choices__grid">
          {info.participants.map((p, n) => (
            <label key={p.id} className="room-choice">
              <input
                type="radio"
                name="room-who"
                value={p.id}
                checked={who === p.id}
                onChange={() => setWho(p.id)}
                data-autofocus={n === 0 ? '' : undefined}
                data-testid={`room-who-${p.id}`}
              />
              <span>
                {p.name} <span className={`owner owner--${p.team}`}>{t(`teams.${p.team}`)}</span>
              </span>
            </label>
          ))}
          <label className="room-choice">
            <input
              type="radio"
              name="room-who"
              value={OTHER}
              checked={who === OTHER}
              onChange={() => setWho(OTHER)}
              data-autofocus={info.participants.length === 0 ? '' : undefined}
              data-testid="room-who-other"
            />
            <span>{t('room.join.someoneElse')}</span>
          </label>
        </div>
        {invalid === 'who' ? (
          <span id="room-who-error" className="field__error" role="alert">
            {t('room.invalid.who')}
          </span>
        ) : null}
      </fieldset>
      {who === OTHER ? (
        <div className="form-row">
          <div className={`field ${invalid === 'name' ? 'field--invalid' : ''}`}>
            <label className="field__label" htmlFor="room-name">
              {t('room.join.name')}
            </label>
            <input
              id="room-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={80}
              aria-invalid={invalid === 'name'}
              aria-describedby={invalid === 'name' ? 'room-name-error' : undefined}
              data-testid="room-name"
            />
            {invalid === 'name' ? (
              <span id="room-name-error" className="field__error" role="alert">
                {t('room.invalid.name')}
              </span>
            ) : null}
          </div>
          <div className="field">
            <label className="field__label" htmlFor="room-team">
              {t('room.join.team')}
            </label>
            <select id="room-team" value={team} onChange={(e) => setTeam(e.target.value as Team)} data-testid="room-team">
              {TEAMS.map((x) => (
                <option key={x} value={x}>
                  {t(`teams.${x}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <div className="field field--check">
        <input id="room-projector" type="checkbox" checked={projector} onChange={(e) => setProjector(e.target.checked)} data-testid="room-projector" />
        <label htmlFor="room-projector">{t('room.join.projector')}</label>
      </div>
      {props.problem ? (
        <RoomErrorMessage
          problem={props.problem}
          onRetry={() => {
            const who = identity();
            if (who) props.onAsk(who, false);
          }}
          onSeparateCopy={() => {
            const who = identity();
            if (who) props.onAsk(who, true);
          }}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.busy} data-testid="room-ask">
          {props.busy ? t('room.join.asking') : t('room.join.ask')}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('room.actions.back')}
        </button>
      </div>
    </form>
  );
}
