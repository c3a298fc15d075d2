/**
 * What the room screens say when a room call fails: every code of
 * {@link ROOM_ERROR_CODES} (plus `unsupported`, a build without rooms) maps
 * to a title, a text and what the person can do next (hints about the
 * network, "open as a separate copy", trying again). Pure: the component
 * `RoomErrorMessage` renders it with the `room.errors.*` strings.
 */
import { ROOM_ERROR_CODES, type RoomErrorCode } from '../../../shared/room/contract';
import type { AppError } from '../../../shared/domain/result';

/** A room error as the screens show it. */
export interface RoomProblem {
  /** A room error code, or `unsupported` when this build has no room bridge. */
  code: RoomErrorCode | 'unsupported';
  /** Values for the message (`address`, `ours`, `message`). */
  values: Record<string, string>;
  /** Which `room.reachHints.*` to list under the message (reachability problems). */
  hints: readonly ReachHint[];
  /** Whether trying the same thing again can help. */
  retry: boolean;
  /** Whether to offer "open as a separate copy" (a diverged workshop). */
  separateCopy: boolean;
}

/** Hints for a room that cannot be reached: same network, guest Wi-Fi isolation (use a hotspot), Windows profile/firewall, macOS local-network permission. */
export const REACH_HINTS = ['network', 'guest', 'windows', 'mac'] as const;
export type ReachHint = (typeof REACH_HINTS)[number];

const RETRYABLE: ReadonlySet<string> = new Set(['unreachable', 'local-network-denied', 'address-in-use', 'no-interface', 'timeout', 'io']);

/** Whether `code` is one of the contract's room error codes. */
export function isRoomErrorCode(code: string): code is RoomErrorCode {
  return (ROOM_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The problem to show for a failed room call. An unknown code (e.g.
 * `invalid-payload`) shows as `io` with the error's message.
 *
 * @param context `address` the call was about (`host:port`), `ours` this app's version
 */
export function roomProblem(error: AppError, context: { address?: string; ours?: string } = {}): RoomProblem {
  const code = error.code === 'unsupported' ? 'unsupported' : isRoomErrorCode(error.code) ? error.code : 'io';
  const reach = code === 'unreachable' || code === 'timeout';
  return {
    code,
    values: { address: context.address ?? '', ours: context.ours ?? '', message: error.message },
    hints: reach ? REACH_HINTS : [],
    retry: RETRYABLE.has(code),
    separateCopy: code === 'diverged',
  };
}
