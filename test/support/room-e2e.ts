/**
 * What the e2e room tests share: a laptop's page wired to its main-process
 * room module (`room-main.ts`) through its bridge, the page's room entry
 * points (`window.pactoRoomControl`, renderer/data/room.ts), and a guest
 * joining with the host's address and code and being admitted, and the
 * hooks that give a test file its laptops.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './chromium.mjs';
import { openApp } from './app';
import { startMainRoomHost, type MainRoomHost } from './room-main';
import { connectPageToRoom } from './room-browser';

/** Opens the app in `context` as laptop `name` of `host`: the page reaches that laptop's room module only through its bridge. */
export async function openRoomLaptop(context: BrowserContext, host: MainRoomHost, name: string, url: string): Promise<Page> {
  const page = await context.newPage();
  await connectPageToRoom(page, host.laptop(name).bridge);
  await openApp(context, url);
  return page;
}

/** One laptop of {@link roomLaptopsForFile}. */
export interface LaptopSpec {
  /** The laptop's name in the room host (`host.laptop(name)`). */
  name: string;
  /** Its wall clock this many ms off the real time (what the timers and the room clock read). */
  skewMs?: number;
}

/** The laptops {@link roomLaptopsForFile} opened, valid inside the file's tests and later hooks. */
export interface RoomLaptops {
  /** The main-process room modules behind the pages. */
  readonly host: MainRoomHost;
  /** Laptop `name`'s page. */
  page(name: string): Page;
}

/**
 * Registers the file's hooks: before all its tests, one Chromium, the room host (one room module per laptop,
 * `room-main.ts`) and a page per laptop, each in its own browser context (its own database, 1440×900 plus
 * `contextOptions`) with its clock skewed as asked, and each page's default wait `defaultTimeoutMs` when given;
 * after all, everything closed.
 */
export function roomLaptopsForFile(
  url: string,
  laptops: readonly LaptopSpec[],
  { contextOptions = {}, defaultTimeoutMs }: { contextOptions?: BrowserContextOptions; defaultTimeoutMs?: number } = {},
): RoomLaptops {
  let browser: Browser | undefined;
  let host: MainRoomHost | undefined;
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Page>();
  beforeAll(async () => {
    browser = await launchBrowser();
    host = startMainRoomHost();
    for (const { name, skewMs = 0 } of laptops) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...contextOptions });
      contexts.push(context);
      if (skewMs !== 0) {
        await context.addInitScript((skew) => {
          const real = Date.now.bind(Date);
          Date.now = () => real() + skew;
        }, skewMs);
      }
      const page = await openRoomLaptop(context, host, name, url);
      if (defaultTimeoutMs !== undefined) page.setDefaultTimeout(defaultTimeoutMs);
      pages.set(name, page);
    }
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await host?.close();
  });
  return {
    get host() {
      if (!host) throw new Error("the room host starts in the file's beforeAll");
      return host;
    },
    page(name) {
      const page = pages.get(name);
      if (!page) throw new Error(`no laptop named ${name}`);
      return page;
    },
  };
}

/** Calls the page's room entry point `name` (renderer/data/room.ts) with `args` and resolves to what it returns. */
export function roomControl<T = unknown>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([n, a]) => (window as unknown as { pactoRoomControl: Record<string, (...x: unknown[]) => unknown> }).pactoRoomControl[n as string]!(...(a as unknown[])),
    [name, args] as const,
  ) as Promise<T>;
}

/** What the page's `room` entry point reports (the fields the tests read). */
export interface RoomView {
  workshopId: string | null;
  link: string;
  ready: boolean;
  room: {
    role: string;
    state?: string;
    reason?: string;
    code?: string;
    port?: number;
    waiting?: { seatId: string; identity: { name: string } }[];
  } | null;
  ended: string | null;
}

/** The page's room state as its `room` entry point reports it. */
export const roomView = (page: Page): Promise<RoomView> => roomControl<RoomView>(page, 'room');

/** Who joins: the participant of the workshop a guest says they are, and optionally the device's name for the audit trail. */
export interface Joiner {
  name: string;
  team: string;
  participantId: string;
  deviceName?: string;
}

/**
 * `guest` checks the room `host` has open (its address on loopback, port and
 * code as the host shows them), joins as `who`, and the host admits them
 *. Resolves once the guest is synced on the
 * host's workshop (same id), with what the check said of that workshop on the
 * guest's laptop (`local`: new here, or already known).
 */
export async function joinAndAdmit(host: Page, guest: Page, who: Joiner): Promise<{ local: string }> {
  const room = (await roomView(host)).room!;
  const check = await roomControl<{ ok: boolean; value: { local: string } }>(guest, 'checkRoom', { address: '127.0.0.1', port: room.port, code: room.code });
  expect(check).toMatchObject({ ok: true });
  expect(await roomControl<{ ok: boolean }>(guest, 'joinRoom', check.value, who)).toMatchObject({ ok: true });
  await expect.poll(async () => (await roomView(host)).room?.waiting?.map((w) => w.identity.name)).toContain(who.name);
  const seatId = (await roomView(host)).room!.waiting!.find((w) => w.identity.name === who.name)!.seatId;
  expect(await roomControl<{ ok: boolean }>(host, 'admitGuest', { seatId, readOnly: false })).toMatchObject({ ok: true });
  await expect.poll(async () => (await roomView(guest)).ready).toBe(true);
  expect((await roomView(guest)).workshopId).toBe((await roomView(host)).workshopId);
  return check.value;
}

/**
 * `page` opens a room for its open workshop on 127.0.0.1 as `who` (the
 * facilitator) and resolves once the room reports that workshop as its own.
 */
export async function openRoomAs(page: Page, who: Joiner): Promise<void> {
  const opened = await roomControl<{ ok: boolean; value: { workshopId: string } }>(page, 'openRoom', { address: '127.0.0.1', identity: who });
  expect(opened.ok).toBe(true);
  expect((await roomView(page)).workshopId).toBe(opened.value.workshopId);
}
