/**
 * A fake {@link RoomBridge} for the room screens' tests: it answers each call
 * from a scenario (a `Result` per method), records the calls, and lets the
 * test send room events (`emit`) as main would (a guest arrives, the
 * facilitator admits, the room closes). `installFakeRoomBridge` is one
 * self-contained function, so the same code runs in jsdom (component tests)
 * and in Chromium (`page.addInitScript(installFakeRoomBridge, scenario)` for
 * screenshots of the built renderer); it sets `window.pactoRoomBridge`, which
 * the room screens use in a plain browser, and `window.pactoRoomFake`.
 */
import type { Result } from '../../shared/domain/result';
// For its declaration of `window.pactoRoomBridge`.
import type {} from '../../renderer/features/room/bridge';
import type { DiscoveredRoom, GuestRoom, HostedRoom, RoomBridge, RoomEvent, RoomInfo, RoomInterface, RoomState } from '../../shared/room/contract';

/** What the fake answers. A method without an entry answers `{ ok: true }` (or an empty list / null state). */
export interface FakeRoomScenario {
  interfaces?: Result<RoomInterface[]>;
  open?: Result<HostedRoom>;
  close?: Result<void>;
  admit?: Result<void>;
  deny?: Result<void>;
  remove?: Result<void>;
  check?: Result<RoomInfo>;
  join?: Result<GuestRoom>;
  leave?: Result<void>;
  /** The state `roomState()` returns (a window that reloads into an open room). */
  state?: RoomState;
  /** Rooms sent as a `discovered` event when browsing starts. */
  discovered?: DiscoveredRoom[];
}

/** The handle a test holds on the fake. */
export interface FakeRoom {
  bridge: RoomBridge;
  /** Every call made, in order: method name and its argument. */
  calls: { method: string; arg: unknown }[];
  /** Sends `event` to every listener, as main's event channel would. */
  emit(event: RoomEvent): void;
  /** Changes the answers from now on. */
  answer(patch: FakeRoomScenario): void;
}

declare global {
  interface Window {
    pactoRoomFake?: FakeRoom;
  }
}

/** Creates the fake from `scenario`, installs it on `window`, and returns it. Self-contained (no outside references): it is also serialised into pages. */
export function installFakeRoomBridge(scenario: FakeRoomScenario): FakeRoom {
  const answers: FakeRoomScenario = { ...scenario };
  const listeners = new Set<(event: RoomEvent) => void>();
  const calls: { method: string; arg: unknown }[] = [];
  const done = { ok: true as const, value: undefined };
  const call = <T,>(method: string, arg: unknown, result: T): Promise<T> => {
    calls.push({ method, arg });
    return Promise.resolve(result);
  };
  const emit = (event: RoomEvent) => listeners.forEach((listener) => listener(event));
  const bridge: RoomBridge = {
    roomInterfaces: () => call('roomInterfaces', undefined, answers.interfaces ?? { ok: true, value: [] }),
    openRoom: (request) => call('openRoom', request, answers.open ?? { ok: false, error: { code: 'io', message: 'no answer in the scenario' } }),
    closeRoom: () => call('closeRoom', undefined, answers.close ?? done),
    admitGuest: (request) => call('admitGuest', request, answers.admit ?? done),
    denyGuest: (request) => call('denyGuest', request, answers.deny ?? done),
    removeSeat: (request) => call('removeSeat', request, answers.remove ?? done),
    browseRooms: () => {
      const result = call('browseRooms', undefined, done);
      if (answers.discovered) {
        const rooms = answers.discovered;
        void result.then(() => emit({ type: 'discovered', rooms }));
      }
      return result;
    },
    stopBrowsing: () => call('stopBrowsing', undefined, done),
    checkRoom: (target) => call('checkRoom', target, answers.check ?? { ok: false, error: { code: 'io', message: 'no answer in the scenario' } }),
    joinRoom: (request) => call('joinRoom', request, answers.join ?? { ok: false, error: { code: 'io', message: 'no answer in the scenario' } }),
    leaveRoom: () => call('leaveRoom', undefined, answers.leave ?? done),
    roomSocketOpen: () => call('roomSocketOpen', undefined, { ok: false as const, error: { code: 'no-room', message: 'the fake has no socket' } }),
    roomSocketSend: (request) => call('roomSocketSend', request, done),
    roomSocketClose: (request) => call('roomSocketClose', request, done),
    roomState: () => call('roomState', undefined, { ok: true as const, value: answers.state ?? null }),
    onRoomEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const fake: FakeRoom = { bridge, calls, emit, answer: (patch) => Object.assign(answers, patch) };
  window.pactoRoomBridge = bridge;
  window.pactoRoomFake = fake;
  return fake;
}
