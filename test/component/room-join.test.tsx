/**
 * "Join a room" against a fake room bridge: rooms found on the network fill
 * the address; a pasted pacto://join link fills the code; bad addresses say
 * what is wrong; the code is checked; the participant says who they are (a
 * workshop participant, or someone else with name and team, or the
 * projector); then waits until the facilitator admits or denies. Every room
 * error code shows its own message in both languages, reachability problems
 * list what to check (guest Wi-Fi: a hotspot), a diverged workshop offers a
 * separate copy.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ROOM_ERROR_CODES, type GuestRoom, type JoinRoomRequest, type RoomTarget } from '../../shared/room/contract';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { db } from '../../renderer/data/instance';
import { startRoomLayer } from '../../renderer/data/room';
import { currentSeat } from '../../renderer/data/seat';
import { createWorkshop, deleteWorkshop } from '../../renderer/data/workshops';
import { JoinRoomDialog } from '../../renderer/features/room/JoinRoomDialog';
import { RoomStrip } from '../../renderer/features/room/RoomStrip';
import { ReadOnlySeat } from '../../renderer/features/room/ReadOnlySeat';
import { RichTextEditor } from '../../renderer/ui/RichTextEditor';
import * as Y from 'yjs';
import { makeJoinCode, makeJoinUrl } from '../../shared/room/join-code';
import { i18n, initI18n } from '../../renderer/i18n';
import { createFakeRoomBridge, type FakeRoom, type FakeRoomScenario } from '../support/fake-room-bridge';
import { DISCOVERED, GUEST_ADMITTED, GUEST_WAITING, ROOM_INFO } from '../support/room-fixtures';
import { installDialogMethods, resetRoom } from './room-support';
import { expectAxeClean } from './axe';

let stopFollowing: () => void = () => undefined;

/** A code whose check characters are right (the fake host takes any; the dialog's link parser checks them). */
const CODE = makeJoinCode('ab'.repeat(32), 'QWERTY');

beforeAll(async () => {
  installDialogMethods();
  await initI18n('en');
});

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

afterEach(async () => {
  cleanup();
  stopFollowing();
  resetRoom();
  // A guest's admitted link creates the room's workshop locally: remove it, so each test starts with none.
  await deleteWorkshop(db, ROOM_INFO.workshopId).catch(() => undefined);
  await db.settings.delete('roomCopies');
});

async function openDialog(scenario: FakeRoomScenario, link?: string): Promise<{ fake: FakeRoom; closed: () => number }> {
  const fake = createFakeRoomBridge(scenario);
  stopFollowing = await startRoomLayer({ bridge: fake.bridge, db });
  let closes = 0;
  render(<JoinRoomDialog onClose={() => closes++} link={link} />);
  return { fake, closed: () => closes };
}

async function typeTarget(address: string, code: string): Promise<void> {
  await userEvent.type(screen.getByLabelText('Room address'), address);
  if (code) await userEvent.type(screen.getByLabelText('Code'), code);
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('Join a room: where', () => {
  it('browses while open, lists found rooms, and a found room fills the address and moves to the code', async () => {
    const { fake } = await openDialog({ discovered: DISCOVERED });
    const dialog = await screen.findByRole('dialog', { name: 'Join a room' });
    const found = await within(dialog).findByTestId('room-found');
    expect(
      within(found)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Taller de alineación Q1 · MacBook de Carmen192.168.1.20:48123', 'Revisión del SLA · Surface Pablo192.168.1.51:50211']);
    expect(document.activeElement).toBe(screen.getByLabelText('Room address'));
    await expectAxeClean();
    await userEvent.click(within(found).getByRole('button', { name: /^Revisión del SLA/ }));
    expect((screen.getByLabelText('Room address') as HTMLInputElement).value).toBe('192.168.1.51:50211');
    expect(document.activeElement).toBe(screen.getByLabelText('Code'));
    expect(fake.calls.filter((c) => c.method === 'browseRooms')).toHaveLength(1);
  });

  it('stops browsing when the dialog goes', async () => {
    const fake = createFakeRoomBridge({});
    stopFollowing = await startRoomLayer({ bridge: fake.bridge, db });
    const view = render(<JoinRoomDialog onClose={() => undefined} />);
    await screen.findByRole('dialog');
    view.unmount();
    expect(fake.calls.map((c) => c.method)).toContain('stopBrowsing');
  });

  it('says there is no room found yet, and that the address can be typed', async () => {
    await openDialog({});
    expect((await screen.findByRole('status')).textContent).toContain('No room found yet. Type the address');
  });

  it('takes a pasted join link: the address and the code come from it', async () => {
    const { fake } = await openDialog({ check: { ok: true, value: ROOM_INFO } });
    await userEvent.click(screen.getByLabelText('Room address'));
    await userEvent.paste(`pacto://join?address=192.168.1.20&port=48123&code=${CODE}`);
    expect((screen.getByLabelText('Code') as HTMLInputElement).value).toBe(CODE);
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(fake.calls.find((c) => c.method === 'checkRoom')!.arg).toEqual({
      address: '192.168.1.20',
      port: 48123,
      code: CODE,
    } satisfies RoomTarget);
    expect(await screen.findByRole('dialog', { name: 'Who are you?' })).toBeTruthy();
  });

  it('opens pre-filled from the join link the app was opened with', async () => {
    await openDialog({}, makeJoinUrl({ address: 'fe80::1', port: 48123, code: CODE }));
    expect((screen.getByLabelText('Code') as HTMLInputElement).value).toBe(CODE);
    expect(screen.getByLabelText('Room address').getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['pacto://join?address=192.168.1.20&port=48123&code=K7QM-2XPA-9RTD-WF3H-8MNA', 'The code in this link is damaged'],
    ['pacto://join?address=sala%20;rm&port=48123&code=X', 'The address in this link is not valid'],
    ['pacto://join?address=192.168.1.20&port=0&code=X', 'The port must be a number from 1 to 65535.'],
    ['pacto://join?port=48123', 'This link is not a Pacto room’s'],
  ])('opened with the malformed link %s, says what is wrong at the address field at once', async (link, message) => {
    const { fake } = await openDialog({}, link);
    const field = screen.getByLabelText('Room address') as HTMLInputElement;
    expect(field.value).toBe(link);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain(message);
    expect(fake.calls.some((c) => c.method === 'checkRoom')).toBe(false);
  });

  it('a join-link event from main opens the Join dialog with the link, once', async () => {
    const fake = createFakeRoomBridge({});
    stopFollowing = await startRoomLayer({ bridge: fake.bridge, db });
    render(<RoomStrip />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await act(() => fake.emit({ type: 'join-link', link: makeJoinUrl({ address: '192.168.1.20', port: 48123, code: CODE }) }));
    const dialog = await screen.findByRole('dialog', { name: 'Join a room' });
    expect((within(dialog).getByLabelText('Code') as HTMLInputElement).value).toBe(CODE);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // A damaged link opens it too, saying so.
    await act(() => fake.emit({ type: 'join-link', link: 'pacto://join?address=192.168.1.20&port=48123&code=NOPE' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The code in this link is damaged');
  });

  it.each([
    ['192.168.1.20', 'Type the address with its port'],
    ['192.168.1.20:99999', 'The port must be a number from 1 to 65535.'],
    ['pacto://join?address=192.168.1.20', 'This link is not a Pacto room’s'],
  ])('refuses the address %s with a message at the field', async (address, message) => {
    const { fake } = await openDialog({});
    await typeTarget(address, 'K7QM');
    const field = screen.getByLabelText('Room address');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain(message);
    expect(field.getAttribute('aria-describedby')).toBe('room-address-error');
    expect(fake.calls.some((c) => c.method === 'checkRoom')).toBe(false);
  });

  it('asks for the code when there is none, and puts focus in its field', async () => {
    await openDialog({});
    await typeTarget('192.168.1.20:48123', '');
    expect(screen.getByRole('alert').textContent).toBe('Type the code.');
    expect(document.activeElement).toBe(screen.getByLabelText('Code'));
  });
});

describe('Join a room: every error code has its message', () => {
  const cases = (['en', 'es'] as const).flatMap((language) => ROOM_ERROR_CODES.map((code) => [language, code] as const));
  const seen = { en: new Map<string, string>(), es: new Map<string, string>() };
  it.each(cases)('%s: %s from checkRoom shows its own title and a text', async (language, code) => {
    await i18n.changeLanguage(language);
    const { fake } = await openDialog({ check: { ok: false, error: { code, message: `detail of ${code}` } } });
    fireEvent.change(screen.getByTestId('room-address-input'), { target: { value: '192.168.1.20:48123' } });
    fireEvent.change(screen.getByTestId('room-code-input'), { target: { value: 'K7QM' } });
    fireEvent.click(screen.getByTestId('room-check'));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe(code);
    const title = alert.querySelector('.room-error__title')!.textContent!;
    const text = alert.querySelector('.room-error__text')!.textContent!;
    // A real sentence, not a key or an empty interpolation.
    expect(title).not.toMatch(/room\.[\w-]+\.|\{\{/);
    expect(text.length).toBeGreaterThan(15);
    expect(text).not.toMatch(/room\.[\w-]+\.|\{\{/);
    // No two codes share a title (each says what happened).
    const other = [...seen[language]].find(([, t]) => t === title);
    expect(other?.[0]).toBeUndefined();
    seen[language].set(code, title);
    expect(fake.calls.filter((c) => c.method === 'checkRoom')).toHaveLength(1);
  });

  it('lists what to check when the room cannot be reached: same network, guest Wi-Fi (a hotspot), Windows profile, macOS permission', async () => {
    await openDialog({ check: { ok: false, error: { code: 'unreachable', message: 'EHOSTUNREACH' } } });
    await typeTarget('192.168.1.20:48123', 'K7QM');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This laptop cannot reach the address 192.168.1.20:48123.');
    const hints = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(hints).toHaveLength(4);
    expect(hints[1]).toContain('Guest Wi-Fi networks often isolate devices from each other');
    expect(hints[1]).toContain('phone hotspot');
    expect(hints[2]).toContain('“Private” profile');
    expect(hints[3]).toContain('Local Network');
    await expectAxeClean();
  });

  it('a timeout lists the same checks (isolating Wi-Fi often drops packets silently)', async () => {
    await openDialog({ check: { ok: false, error: { code: 'timeout', message: 'no answer' } } });
    await typeTarget('192.168.1.20:48123', 'K7QM');
    expect(within(await screen.findByRole('alert')).getAllByRole('listitem')).toHaveLength(4);
  });

  it('the macOS permission message says where to turn it on', async () => {
    await openDialog({ check: { ok: false, error: { code: 'local-network-denied', message: 'EHOSTUNREACH' } } });
    await typeTarget('192.168.1.20:48123', 'K7QM');
    expect((await screen.findByRole('alert')).textContent).toContain('System Settings › Privacy & Security › Local Network');
  });

  it('a wrong code can be tried again after correcting it', async () => {
    const { fake } = await openDialog({ check: { ok: false, error: { code: 'bad-code', message: 'bad code' } } });
    await typeTarget('192.168.1.20:48123', 'K7QX');
    expect((await screen.findByRole('alert')).textContent).toContain('The code is not right');
    // A wrong code is not retried as is: no "Try again" button, the person corrects it.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    fake.answer({ check: { ok: true, value: ROOM_INFO } });
    await userEvent.clear(screen.getByLabelText('Code'));
    await userEvent.type(screen.getByLabelText('Code'), 'K7QM');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('dialog', { name: 'Who are you?' })).toBeTruthy();
  });
});

describe('Join a room: who you are, and waiting', () => {
  async function toWho(scenario: FakeRoomScenario): Promise<{ fake: FakeRoom; closed: () => number }> {
    const opened = await openDialog({ check: { ok: true, value: ROOM_INFO }, ...scenario });
    await typeTarget('192.168.1.20:48123', 'K7QM');
    await screen.findByRole('dialog', { name: 'Who are you?' });
    return opened;
  }

  it('offers the workshop’s participants, joins as the one picked, waits, and closes when admitted', async () => {
    const { fake, closed } = await toWho({ join: { ok: true, value: GUEST_WAITING } });
    expect(screen.getByTestId('room-join-workshop').textContent).toBe('Workshop: Taller de alineación Q1');
    expect(screen.getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual([
      'Lucía Fernández Ortega Marketing',
      'Jorge Ibáñez Muñoz Sales',
      'Carmen Peña Ruiz Leadership',
      'Someone else (not on the list)',
    ]);
    await expectAxeClean();
    await userEvent.click(screen.getByRole('radio', { name: /Jorge Ibáñez Muñoz/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    const request = fake.calls.find((c) => c.method === 'joinRoom')!.arg as JoinRoomRequest;
    expect(request).toMatchObject({
      address: '192.168.1.20',
      port: 48123,
      code: 'K7QM',
      identity: { deviceId: currentSeat().deviceId, deviceName: '', name: 'Jorge Ibáñez Muñoz', team: 'sales', participantId: 'p-jorge', role: 'participant' },
    });
    expect(await screen.findByRole('dialog', { name: 'Waiting to be admitted' })).toBeTruthy();
    expect(closed()).toBe(0);
    await act(() => fake.emit({ type: 'state', room: GUEST_ADMITTED }));
    await waitFor(() => expect(closed()).toBe(1));
    expect(currentSeat()).toMatchObject({ inRoom: true, role: 'participant', identity: { participantId: 'p-jorge' } });
  });

  it('someone not on the list gives a name and a team; the projector asks for a watch-only seat', async () => {
    const { fake } = await toWho({ join: { ok: true, value: GUEST_WAITING } });
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick who you are.');
    await userEvent.click(screen.getByRole('radio', { name: 'Someone else (not on the list)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    expect(screen.getByRole('alert').textContent).toBe('Type your name.');
    expect(fake.calls.some((c) => c.method === 'joinRoom')).toBe(false);
    await userEvent.type(screen.getByLabelText('Your name'), '  Sala Andes  ');
    await userEvent.selectOptions(screen.getByLabelText('Team'), 'leadership');
    await userEvent.click(screen.getByLabelText('This screen is the projector: it shows the workshop and does not edit.'));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    const request = fake.calls.find((c) => c.method === 'joinRoom')!.arg as JoinRoomRequest;
    expect(request.identity).toMatchObject({ name: 'Sala Andes', team: 'leadership', participantId: null, role: 'projector' });
  });

  it('admitted to a read-only seat, the workshop screen says so and offers no edit (fields, buttons, rich text)', async () => {
    const { fake } = await toWho({ join: { ok: true, value: GUEST_WAITING } });
    await userEvent.click(screen.getByRole('radio', { name: /Lucía/ }));
    await userEvent.click(screen.getByLabelText('This screen is the projector: it shows the workshop and does not edit.'));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    await screen.findByTestId('room-waiting-guest');
    cleanup();
    render(
      <ReadOnlySeat>
        <input aria-label="Stage name" defaultValue="SQL" />
        <button type="button">Add a term</button>
        <RichTextEditor label="Definition" fragment={new Y.Doc().getXmlFragment('definition')} />
      </ReadOnlySeat>,
    );
    // Before admission (waiting) nothing is read-only yet.
    expect(screen.queryByTestId('read-only-seat-note')).toBeNull();
    await act(() => fake.emit({ type: 'state', room: { ...(GUEST_ADMITTED as Extract<GuestRoom, { state: 'admitted' }>), readOnly: true } }));
    expect((await screen.findByTestId('read-only-seat-note')).textContent).toContain('Read-only seat (projector).');
    expect((screen.getByLabelText('Stage name') as HTMLInputElement).matches(':disabled')).toBe(true);
    expect((screen.getByRole('button', { name: 'Add a term' }) as HTMLButtonElement).matches(':disabled')).toBe(true);
    await waitFor(() => expect(document.querySelector('[contenteditable]')?.getAttribute('contenteditable')).toBe('false'));
    await i18n.changeLanguage('es');
    expect(screen.getByTestId('read-only-seat-note').textContent).toContain('Puesto de solo lectura (proyector).');
  });

  it('when the host goes mid-session, the header says the room ended and everything is kept, and offers to reopen the room from this copy', async () => {
    const { fake } = await toWho({ join: { ok: true, value: GUEST_WAITING } });
    await userEvent.click(screen.getByRole('radio', { name: /Lucía/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    await screen.findByTestId('room-waiting-guest');
    cleanup();
    render(<RoomStrip />);
    await act(() => fake.emit({ type: 'state', room: GUEST_ADMITTED }));
    await act(() => fake.emit({ type: 'state', room: { role: 'guest', state: 'ended', reason: 'closed' } }));
    const strip = await screen.findByRole('region', { name: 'Room' });
    expect(
      within(strip)
        .getAllByRole('status')
        .map((s) => s.textContent)
        .join(' '),
    ).toContain('Everything is still on this laptop.');
    await userEvent.click(within(strip).getByRole('button', { name: 'Open the room from this copy' }));
    expect(await screen.findByRole('dialog', { name: 'Open the room' })).toBeTruthy();
  });

  it('a denied request says so, back at the start, and can be asked again', async () => {
    const { fake } = await toWho({ join: { ok: true, value: GUEST_WAITING } });
    await userEvent.click(screen.getByRole('radio', { name: /Lucía/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    await screen.findByRole('dialog', { name: 'Waiting to be admitted' });
    await act(() => fake.emit({ type: 'state', room: { role: 'guest', state: 'ended', reason: 'denied' } }));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('denied');
    expect(alert.textContent).toContain('You were not admitted');
    expect(screen.getByRole('dialog', { name: 'Join a room' })).toBeTruthy();
  });

  it('cancelling the wait leaves the room', async () => {
    const { fake } = await toWho({ join: { ok: true, value: GUEST_WAITING } });
    await userEvent.click(screen.getByRole('radio', { name: /Lucía/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(fake.calls.map((c) => c.method)).toContain('leaveRoom');
    expect(await screen.findByRole('dialog', { name: 'Join a room' })).toBeTruthy();
  });

  it.each([
    ['schema-mismatch', 'The workshop has another format'],
    ['app-version-mismatch', 'Different Pacto versions'],
    ['protocol-mismatch', 'Pacto versions do not fit'],
  ])('refuses %s from joinRoom with its message', async (code, title) => {
    await toWho({ join: { ok: false, error: { code, message: code } } });
    await userEvent.click(screen.getByRole('radio', { name: /Lucía/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    expect((await screen.findByRole('alert')).textContent).toContain(title);
  });

  it('a local copy of another origin is said at once, and joins only as a separate copy', async () => {
    // This laptop made its own workshop with the room's id: same id, another lineage.
    await createWorkshop(db, sampleWorkshop('2026-11-30'), ROOM_INFO.workshopId);
    const { fake } = await toWho({ join: { ok: true, value: GUEST_WAITING } });
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('diverged');
    expect(alert.textContent).toContain('Your copy of this workshop is another one');
    await userEvent.click(screen.getByRole('radio', { name: /Lucía/ }));
    // Joining with the diverged copy is refused before anything reaches the room.
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    expect((await screen.findByRole('alert')).dataset.code).toBe('diverged');
    expect(fake.calls.some((c) => c.method === 'joinRoom')).toBe(false);
    await userEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Open as a separate copy' }));
    expect(await screen.findByRole('dialog', { name: 'Waiting to be admitted' })).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'joinRoom')).toHaveLength(1);
    // The local workshop is untouched: the room's goes under another local id.
    const copies = await db.settings.get('roomCopies');
    expect(Object.keys(copies!.value as object)).toEqual([ROOM_INFO.workshopId]);
    expect((copies!.value as Record<string, string>)[ROOM_INFO.workshopId]).not.toBe(ROOM_INFO.workshopId);
  });

  it('speaks Spanish', async () => {
    await toWho({});
    await act(() => i18n.changeLanguage('es'));
    expect(screen.getByRole('dialog', { name: '¿Quién eres?' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Otra persona (no está en la lista)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pedir entrar' })).toBeTruthy();
  });
});
