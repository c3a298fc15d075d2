/**
 * Finding rooms on the local network with mDNS/DNS-SD (bonjour-service):
 * the host advertises `_pacto._tcp` on the interface it listens on, with
 * TXT entries for the address, the workshop title and the host's name; a
 * guest browses and lists what it finds. The publisher re-publishes when the
 * computer's interfaces change. mDNS often fails (Windows firewall, port
 * 5353 taken, multicast blocked on guest Wi-Fi): the typed address and the
 * QR link always work, and a failure here is a state, never an error.
 * The bonjour instance comes from an injected factory, so tests run with a
 * fake one.
 */
import type { DiscoveredRoom } from '../../../shared/room/contract';
import type { RoomLogger } from './timers';

/** The DNS-SD service type (`_pacto._tcp`). */
export const SERVICE_TYPE = 'pacto';

/** What Pacto uses of bonjour-service's `Service`. */
export interface ServiceLike {
  name: string;
  port: number;
  fqdn?: string;
  txt?: Record<string, unknown>;
  addresses?: string[];
  referer?: { address: string };
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

/** What Pacto uses of bonjour-service's `Browser`. */
export interface BrowserLike {
  on(event: 'up' | 'down', listener: (service: ServiceLike) => void): unknown;
  readonly services: ServiceLike[];
  update(): void;
  stop(): void;
}

/** What Pacto uses of a `Bonjour` instance. */
export interface BonjourLike {
  publish(config: { name: string; type: string; protocol: 'tcp'; port: number; txt: Record<string, string>; probe?: boolean }): ServiceLike;
  unpublishAll(callback?: () => void): void;
  find(config: { type: string; protocol: 'tcp' }): BrowserLike;
  destroy(callback?: () => void): void;
}

/** Makes a bonjour instance; `interfaceAddress` limits multicast to that interface. `onError` gets socket errors. */
export type BonjourFactory = (options: { interfaceAddress?: string }, onError: (error: Error) => void) => BonjourLike;

/** What the advertiser says. */
export interface Advertisement {
  instanceName: string;
  address: string;
  port: number;
  workshopTitle: string;
  hostName: string;
}

/** The advertiser's state, as the host's room shows it. */
export type DiscoveryState = { state: 'advertising' } | { state: 'unavailable'; reason: string };

/** An advertisement that can be renewed. */
export interface Advertiser {
  state(): DiscoveryState;
  /** Announces again (after an interface change; also after the interface came back). */
  republish(): void;
  /** The interface is gone: nothing can be found (the state says `reason`) until {@link republish}. */
  suspend(reason: string): void;
  stop(): Promise<void>;
}

function txtValue(value: string, max: number): string {
  // TXT strings are at most 255 bytes with their key; keep well under.
  return Array.from(value).slice(0, max).join('');
}

/** Starts advertising; `onChange` is called when the state changes. */
export function advertise(factory: BonjourFactory, ad: Advertisement, log: RoomLogger, onChange: () => void): Advertiser {
  let current: DiscoveryState = { state: 'advertising' };
  let bonjour: BonjourLike | null = null;
  const fail = (reason: string, error: unknown) => {
    log.warn(`mDNS advertising stopped (${reason}: ${error instanceof Error ? error.message : String(error)}); the typed address and the QR code still work`);
    if (current.state === 'unavailable' && current.reason === reason) return;
    current = { state: 'unavailable', reason };
    onChange();
  };
  const publish = () => {
    try {
      bonjour ??= factory({ interfaceAddress: ad.address }, (error) => fail('no-multicast', error));
      const service = bonjour.publish({
        name: ad.instanceName,
        type: SERVICE_TYPE,
        protocol: 'tcp',
        port: ad.port,
        probe: true,
        txt: { v: '1', addr: ad.address, title: txtValue(ad.workshopTitle, 60), host: txtValue(ad.hostName, 40) },
      });
      service.on?.('error', (error) => fail('error', error));
      if (current.state !== 'advertising') {
        current = { state: 'advertising' };
        onChange();
      }
    } catch (error) {
      fail('no-multicast', error);
    }
  };
  publish();
  return {
    state: () => current,
    republish() {
      if (!bonjour) return publish();
      bonjour.unpublishAll(() => publish());
    },
    suspend(reason) {
      if (current.state === 'unavailable' && current.reason === reason) return;
      current = { state: 'unavailable', reason };
      onChange();
    },
    stop() {
      return new Promise((resolve) => {
        if (!bonjour) return resolve();
        const instance = bonjour;
        bonjour = null;
        instance.unpublishAll(() => instance.destroy(() => resolve()));
      });
    },
  };
}

/** The room a found service stands for; null when it lacks a port or address. */
export function discoveredRoom(service: ServiceLike): DiscoveredRoom | null {
  const txt = service.txt ?? {};
  const text = (key: string) => {
    const value = txt[key];
    return typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : '';
  };
  const address = text('addr') || service.addresses?.find((candidate) => !candidate.includes(':')) || service.referer?.address || '';
  if (!address || !Number.isInteger(service.port) || service.port < 1 || service.port > 65_535) return null;
  return { id: service.fqdn ?? service.name, workshopTitle: text('title'), hostName: text('host'), address, port: service.port };
}

/** A running browse. */
export interface RoomBrowser {
  rooms(): DiscoveredRoom[];
  /** Asks the network again (mDNS answers can be missed). */
  refresh(): void;
  stop(): Promise<void>;
}

/** Browses for rooms; `onRooms` gets the whole list after every change. */
export function browseRooms(factory: BonjourFactory, log: RoomLogger, onRooms: (rooms: DiscoveredRoom[]) => void): RoomBrowser {
  let bonjour: BonjourLike | null = null;
  let browser: BrowserLike | null = null;
  const list = (): DiscoveredRoom[] => {
    const rooms = (browser?.services ?? []).map(discoveredRoom).filter((room): room is DiscoveredRoom => room !== null);
    return rooms.filter((room, index) => rooms.findIndex((other) => other.id === room.id) === index);
  };
  try {
    bonjour = factory({}, (error) => log.warn(`mDNS browsing failed (${error.message}); type the address instead`));
    browser = bonjour.find({ type: SERVICE_TYPE, protocol: 'tcp' });
    browser.on('up', () => onRooms(list()));
    browser.on('down', () => onRooms(list()));
  } catch (error) {
    log.warn(`mDNS browsing unavailable (${error instanceof Error ? error.message : String(error)}); type the address instead`);
  }
  return {
    rooms: list,
    refresh: () => browser?.update(),
    stop() {
      return new Promise((resolve) => {
        browser?.stop();
        browser = null;
        const instance = bonjour;
        bonjour = null;
        if (!instance) return resolve();
        instance.destroy(() => resolve());
      });
    },
  };
}
