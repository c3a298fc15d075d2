/**
 * "Open the room" against a fake room bridge: the network picker offers this
 * laptop's networks with the best one chosen (one network, never all), opens
 * the room with the workshop and the facilitator's identity, then shows the
 * code, a QR code of the join link, the address and the network; admits,
 * admits to watch only, denies and removes people; closes the room only
 * after a confirmation; and says what went wrong when the bridge refuses.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OpenRoomRequest } from '../../shared/room/contract';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { db } from '../../renderer/data/instance';
import { startRoomLayer } from '../../renderer/data/room';
import { currentSeat } from '../../renderer/data/seat';
import { closeSession, openSession } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { OpenRoomDialog } from '../../renderer/features/room/OpenRoomDialog';
import { i18n, initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import { createFakeRoomBridge, type FakeRoom, type FakeRoomScenario } from '../support/fake-room-bridge';
import { HOSTED, HOSTED_EMPTY, INTERFACES } from '../support/room-fixtures';
import { installDialogMethods, resetRoom } from './room-support';
import { expectAxeClean } from './axe';

let stopFollowing: () => void = () => undefined;
let workshopId = '';

beforeAll(async () => {
  installDialogMethods();
  await initI18n('en');
});

beforeEach(async () => {
  await i18n.changeLanguage('en');
  useAppStore.getState().setLanguage('en');
  workshopId = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  await openSession(db, workshopId);
});

afterEach(() => {
  // Unmount before the room layer and the session go: the dialog reads both.
  cleanup();
  stopFollowing();
  closeSession();
  resetRoom();
});

/** Starts the room layer on a fake bridge answering from `scenario`, and renders the dialog. */
async function openDialog(scenario: FakeRoomScenario): Promise<{ fake: FakeRoom; closed: () => number }> {
  const fake = createFakeRoomBridge(scenario);
  stopFollowing = await startRoomLayer({ bridge: fake.bridge, db });
  let closes = 0;
  render(<OpenRoomDialog onClose={() => closes++} />);
  return { fake, closed: () => closes };
}

describe('Open the room: the network picker', () => {
  it('lists the networks, picks the best one, and opens the room there as the facilitator', async () => {
    const { fake } = await openDialog({ interfaces: { ok: true, value: INTERFACES }, open: { ok: true, value: HOSTED_EMPTY } });
    const dialog = await screen.findByRole('dialog', { name: 'Open the room' });
    // A name that only repeats the kind (Windows' "Wi-Fi") is said once; one that says more is kept.
    const wifi = await within(dialog).findByRole('radio', { name: 'Wi-Fi · 192.168.1.20' });
    expect((wifi as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByRole('radio', { name: 'Other network · vEthernet (WSL) · 172.28.0.1' })).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['192.168.1.20', '10.0.0.7', '172.28.0.1']);
    // No "all networks" choice exists: 0.0.0.0 / :: are never offered.
    expect(within(dialog).queryByRole('radio', { name: /0\.0\.0\.0|::/ })).toBeNull();
    await expectAxeClean();

    await userEvent.click(within(dialog).getByRole('radio', { name: 'Ethernet · 10.0.0.7' }));
    await userEvent.selectOptions(within(dialog).getByLabelText('You are'), 'p-carmen');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open the room' }));

    const request = fake.calls.find((c) => c.method === 'openRoom')!.arg as OpenRoomRequest;
    expect(request.address).toBe('10.0.0.7');
    expect(request.workshopId).toBe(workshopId);
    expect(request.participants.map((p) => p.id)).toContain('p-carmen');
    expect(request.host).toEqual({
      deviceId: currentSeat().deviceId,
      deviceName: '',
      name: 'Carmen Peña Ruiz',
      team: 'leadership',
      participantId: 'p-carmen',
      role: 'facilitator',
    });
    // The open room's panel replaces the picker, and this laptop holds the facilitator's seat.
    expect(await screen.findByRole('dialog', { name: 'The room is open' })).toBeTruthy();
    expect(currentSeat()).toMatchObject({ inRoom: true, role: 'facilitator' });
  });

  it('says the laptop is on no network when there is no interface, and looks again on retry', async () => {
    const { fake } = await openDialog({ interfaces: { ok: true, value: [] } });
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('no-interface');
    expect(alert.textContent).toContain('This laptop is on no network');
    expect((screen.getByRole('button', { name: 'Open the room' }) as HTMLButtonElement).disabled).toBe(true);
    fake.answer({ interfaces: { ok: true, value: INTERFACES.slice(0, 1) } });
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(((await screen.findByRole('radio', { name: /192\.168\.1\.20/ })) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['address-in-use', 'The address is in use'],
    ['no-interface', 'This laptop is on no network'],
    ['local-network-denied', 'macOS does not let Pacto use the local network'],
    ['io', 'Something failed'],
  ])('shows %s from openRoom and keeps the picker', async (code, title) => {
    await openDialog({ interfaces: { ok: true, value: INTERFACES }, open: { ok: false, error: { code, message: 'EADDRINUSE 192.168.1.20:48123' } } });
    await userEvent.click(await screen.findByRole('button', { name: 'Open the room' }));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe(code);
    expect(alert.textContent).toContain(title);
    expect(screen.getByRole('dialog', { name: 'Open the room' })).toBeTruthy();
  });

  it('speaks Spanish', async () => {
    await i18n.changeLanguage('es');
    await openDialog({ interfaces: { ok: true, value: INTERFACES } });
    const dialog = await screen.findByRole('dialog', { name: 'Abrir la sala' });
    expect(within(dialog).getByText('Red en la que escucha la sala')).toBeTruthy();
    expect(((await within(dialog).findByRole('radio', { name: 'Wi-Fi · 192.168.1.20' })) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Abrir la sala' })).toBeTruthy();
  });
});

describe('Open the room: the open room', () => {
  it('shows the code, the QR code of the join link, the address and the network it listens on', async () => {
    await openDialog({ interfaces: { ok: true, value: INTERFACES }, state: HOSTED });
    const dialog = await screen.findByRole('dialog', { name: 'The room is open' });
    expect(within(dialog).getByTestId('room-code').textContent).toBe('K7QM-2XPA-9RTD-WF3H-8MNB');
    const qr = within(dialog).getByRole('img', { name: 'QR code with the room’s address and code' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelectorAll('path').length).toBeGreaterThan(0);
    expect(within(dialog).getByTestId('room-address').textContent).toBe('192.168.1.20:48123');
    await waitFor(() => expect(within(dialog).getByTestId('room-listens-on').textContent).toBe('Wi-Fi (192.168.1.20)'));
    expect(within(dialog).getByTestId('room-discovery').textContent).toBe('Visible to laptops on this network.');
    expect(within(dialog).getByTestId('room-refused').textContent).toContain('One attempt with a wrong code, from 192.168.1.66');
    await expectAxeClean();
  });

  it('names the network by its system name when that says more than its kind (a Mac’s en0)', async () => {
    await openDialog({
      interfaces: { ok: true, value: [{ name: 'en0', address: '192.168.1.20', family: 'IPv4', kind: 'wifi' }] },
      state: { ...HOSTED, interfaceName: 'en0' },
    });
    await waitFor(() => expect(screen.getByTestId('room-listens-on').textContent).toBe('Wi-Fi “en0” (192.168.1.20)'));
  });

  it('says when the room is not announced on the network', async () => {
    await openDialog({ state: HOSTED_EMPTY });
    expect((await screen.findByTestId('room-discovery')).textContent).toContain('Not announced on the network (no-multicast)');
    expect(screen.getByText('Nobody is waiting. Whoever types the code shows up here for you to admit.')).toBeTruthy();
    expect(screen.getByText('Nobody has joined yet.')).toBeTruthy();
  });

  it('admits, admits to watch only, denies and removes people by their seat', async () => {
    const { fake } = await openDialog({ state: HOSTED });
    const waiting = await screen.findByTestId('room-waiting');
    const jorge = within(waiting).getByTestId('room-waiting-s-jorge');
    expect(jorge.textContent).toContain('Jorge Ibáñez Muñoz');
    expect(jorge.textContent).toContain('Sales');
    expect(jorge.textContent).toContain('from 192.168.1.31');
    await userEvent.click(within(jorge).getByRole('button', { name: 'Admit Jorge Ibáñez Muñoz' }));
    await userEvent.click(within(jorge).getByRole('button', { name: 'Admit to watch only: Jorge Ibáñez Muñoz' }));
    await userEvent.click(within(jorge).getByRole('button', { name: 'Deny Jorge Ibáñez Muñoz' }));
    // The projector asks for a watch-only seat: only that admission is offered.
    const projector = within(waiting).getByTestId('room-waiting-s-proj');
    expect(within(projector).queryByRole('button', { name: 'Admit Proyector' })).toBeNull();
    expect(projector.textContent).toContain('watch only');
    expect(projector.textContent).toContain('not on the participants list');
    await userEvent.click(within(projector).getByRole('button', { name: 'Admit to watch only: Proyector' }));
    const seats = screen.getByTestId('room-seats');
    expect(within(seats).getByTestId('room-seat-s-lucia').textContent).toContain('connected');
    expect(within(seats).getByTestId('room-seat-s-marta').textContent).toContain('offline since');
    await userEvent.click(within(seats).getByRole('button', { name: 'Remove from the room: Marta Gil' }));
    expect(fake.calls.filter((c) => ['admitGuest', 'denyGuest', 'removeSeat'].includes(c.method))).toEqual([
      { method: 'admitGuest', arg: { seatId: 's-jorge', readOnly: false } },
      { method: 'admitGuest', arg: { seatId: 's-jorge', readOnly: true } },
      { method: 'denyGuest', arg: { seatId: 's-jorge' } },
      { method: 'admitGuest', arg: { seatId: 's-proj', readOnly: true } },
      { method: 'removeSeat', arg: { seatId: 's-marta' } },
    ]);
  });

  it('follows the room: an admitted guest moves from the queue to the seats', async () => {
    const { fake } = await openDialog({ state: HOSTED });
    await screen.findByTestId('room-waiting-s-jorge');
    const [jorge, projector] = HOSTED.waiting;
    await act(() =>
      fake.emit({ type: 'state', room: { ...HOSTED, waiting: [projector!], seats: [...HOSTED.seats, { ...jorge!, connected: true, lastSeenAt: 0 }] } }),
    );
    expect(screen.queryByTestId('room-waiting-s-jorge')).toBeNull();
    expect(within(screen.getByTestId('room-seats')).getByTestId('room-seat-s-jorge')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'In the room (3)' })).toBeTruthy();
  });

  it('shows a refused admission and keeps the panel', async () => {
    await openDialog({ state: HOSTED, admit: { ok: false, error: { code: 'no-room', message: 'gone' } } });
    await userEvent.click(await screen.findByRole('button', { name: 'Admit Jorge Ibáñez Muñoz' }));
    expect((await screen.findByRole('alert')).dataset.code).toBe('no-room');
  });

  it('closes the room only after the confirmation, then closes the dialog', async () => {
    const { fake, closed } = await openDialog({ state: HOSTED });
    await userEvent.click(await screen.findByRole('button', { name: 'Close the room' }));
    expect(fake.calls.some((c) => c.method === 'closeRoom')).toBe(false);
    expect(screen.getByText('Every laptop keeps its full copy of the workshop; their edits stop reaching the others.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(screen.getByRole('button', { name: 'Close the room' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, close the room' }));
    await waitFor(() => expect(closed()).toBe(1));
    expect(fake.calls.filter((c) => c.method === 'closeRoom')).toHaveLength(1);
    expect(currentSeat()).toMatchObject({ inRoom: false, role: 'facilitator', identity: null });
  });

  it('closes on the close button and on Escape', async () => {
    const { closed } = await openDialog({ state: HOSTED });
    await userEvent.click(await screen.findByRole('button', { name: 'Close' }));
    expect(closed()).toBe(1);
    act(() => {
      screen.getByRole('dialog').dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(closed()).toBe(2);
  });
});
