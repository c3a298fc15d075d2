/**
 * Which network interfaces a room may listen on, best first. From
 * `os.networkInterfaces()`: up (listed), not loopback (`internal`), not a link-local
 * IPv6 address; Wi-Fi first (the room's usual network), then Ethernet, then
 * the rest (VPNs, virtual machines' and containers' adapters: listening
 * there is rarely what the facilitator means); IPv4 before IPv6 within a
 * kind. The kind is a best guess from the OS's interface name.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import type { RoomInterface } from '../../../shared/room/contract';

const VIRTUAL =
  /^(docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap|zt|tailscale|wg|awdl|llw|bridge|anpi|gif|stf|ipsec|ppp|lxc|lxd|cni|flannel|podman)|vethernet|virtualbox|vmware|hyper-v|tailscale|zerotier|wireguard|openvpn|bluetooth|loopback|npcap/i;
const WIFI = /^(wi-?fi|wlan|wlp|wlx|wl\d|ath\d|ra\d)|wireless|wi-fi|wlan|airport/i;
const ETHERNET = /^(eth|eno|ens|enp|enx|em\d|en\d)|ethernet|local area connection|lan\b/i;

/** The kind of interface `name` probably is on `platform` (`process.platform`). */
export function interfaceKind(name: string, platform: string): RoomInterface['kind'] {
  if (VIRTUAL.test(name)) return 'other';
  if (WIFI.test(name)) return 'wifi';
  // On a Mac laptop en0 is the Wi-Fi (a desktop Mac's en0 is Ethernet; the facilitator can pick another).
  if (platform === 'darwin' && name === 'en0') return 'wifi';
  if (ETHERNET.test(name)) return 'ethernet';
  return 'other';
}

const RANK: Record<RoomInterface['kind'], number> = { wifi: 0, ethernet: 1, other: 2 };

/** Interfaces a room may listen on, best first (see the module comment). Never `0.0.0.0` or `::`. */
export function listRoomInterfaces(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>, platform: string): RoomInterface[] {
  const found: (RoomInterface & { order: number })[] = [];
  let order = 0;
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      order += 1;
      if (entry.internal) continue;
      const family = entry.family === 'IPv6' || (entry.family as unknown) === 6 ? 'IPv6' : 'IPv4';
      const address = entry.address;
      // Loopback is `internal`; an unspecified address would mean every interface.
      if (address === '0.0.0.0' || address === '::') continue;
      if (family === 'IPv6' && /^fe80:/i.test(address)) continue;
      found.push({ name, address, family, kind: interfaceKind(name, platform), order });
    }
  }
  found.sort((a, b) => RANK[a.kind] - RANK[b.kind] || (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1) || a.order - b.order);
  return found.map(({ name, address, family, kind }) => ({ name, address, family, kind }));
}

/** A stable text of the interfaces, to notice a change (Wi-Fi switched, cable plugged). */
export function interfacesSignature(list: RoomInterface[]): string {
  return list
    .map((entry) => `${entry.name}=${entry.address}`)
    .sort()
    .join('|');
}
