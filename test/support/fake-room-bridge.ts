/**
 * A fake {@link RoomBridge} for the room screens' tests: it answers each call
 * from a scenario (a `Result` per method), records the calls, and lets the
 * test send room events (`emit`) as main would (a guest arrives, the
 * facilitator admits, the room closes). Component tests hand `bridge` to
 * `startRoomLayer({ bridge })`; `serveFakeRoom` puts it behind a Chromium
 * page's browser room bridge (`pactoBrowserRoomCall`), for screenshots of the
 * built renderer.
 */
import type { Page } from 'playwright-core';
import type { Result } from '../../shared/domain/result';
// For its declarations of `window.pactoBrowserRoomCall` and `pactoBrowserRoomDeliver`.
import type {} from '../../renderer/platform/browser-room';
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
  emit(event: RoomEvent): Promise<void>;
  /** Changes the answers from now on. */
  answer(patch: FakeRoomScenario): void;
}

/** Creates the fake answering from `scenario`. */
export function createFakeRoomBridge(scenario: FakeRoomScenario): FakeRoom {
  const answers: FakeRoomScenario = { ...scenario };
  const listeners = new Set<(event: RoomEvent) => void | Promise<void>>();
  const calls: { method: string; arg: unknown }[] = [];
  const done = { ok: true as const, value: undefined };
  const call = <T>(method: string, arg: unknown, result: T): Promise<T> => {
    calls.push({ method, arg });
    return Promise.resolve(result);
  };
  const emit = async (event: RoomEvent) => {
    for (const listener of [...listeners]) await listener(event);
  };
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
  return { bridge, calls, emit, answer: (patch) => Object.assign(answers, patch) };
}

/**
 * Puts `fake` behind `page`'s browser room bridge: the page's calls reach it
 * through `pactoBrowserRoomCall`, and its events are delivered to the page.
 * Call before the page loads the app.
 */
export async function serveFakeRoom(page: Page, fake: FakeRoom): Promise<void> {
  await page.exposeFunction('pactoBrowserRoomCall', (method: string, arg: unknown) => {
    const fn = (fake.bridge as unknown as Record<string, (arg: unknown) => Promise<unknown>>)[method];
    return fn ? fn(arg ?? undefined) : Promise.resolve({ ok: false, error: { code: 'io', message: `no method ${method}` } });
  });
  fake.bridge.onRoomEvent((event) => {
    void page.evaluate((e) => window.pactoBrowserRoomDeliver?.(e as never), event as unknown).catch(() => undefined);
  });
}
