/**
 * The room socket: a WebSocket look-alike whose frames travel through the
 * bridge to main (`roomSocketOpen`/`roomSocketSend`/`roomSocketClose`, and
 * the `socket-*` {@link RoomEvent}s back), so y-websocket's standard
 * `WebsocketProvider` runs unchanged in the renderer while the renderer
 * itself never opens a network socket (its CSP stays closed). Main relays
 * the bytes to the room's Yjs endpoint and never parses them.
 *
 * {@link roomSocketClass} makes the class the provider takes as its
 * `WebSocketPolyfill`. It implements what y-websocket 3.1.0 uses: the
 * constructor (url and protocols are ignored: main knows where the room is),
 * `binaryType`, `readyState` with the four constants, `send`, `close`, and
 * the `onopen`/`onmessage`/`onclose`/`onerror` handlers.
 *
 * Events can arrive before `roomSocketOpen` has answered with the socket's
 * id (main opens and the `socket-open` event may overtake the reply): events
 * for an id nobody claims yet wait in a small bounded queue until it is
 * claimed, and are dropped after {@link UNCLAIMED_LIMIT} of them.
 */
import type { RoomBridge, RoomEvent } from '../../shared/room/contract';

/** WebSocket ready states, as the DOM numbers them. */
export const READY_STATE = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;

/** Events kept for ids not claimed yet (across all ids); older ones are dropped beyond this. */
export const UNCLAIMED_LIMIT = 256;

type SocketEvent = Extract<RoomEvent, { type: 'socket-open' | 'socket-message' | 'socket-close' }>;

/** The minimal WebSocket surface y-websocket's provider relies on. */
export interface RoomSocketLike {
  binaryType: string;
  readonly readyState: number;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSING: 2;
  readonly CLOSED: 3;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: ArrayBufferLike | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
}

/** Routes `socket-*` events of one bridge to the sockets that own their ids. */
class SocketRouter {
  private readonly sockets = new Map<number, (event: SocketEvent) => void>();
  private unclaimed: SocketEvent[] = [];
  private unsubscribe: (() => void) | null = null;
  private users = 0;

  constructor(private readonly bridge: RoomBridge) {}

  /** Starts listening (first user) and returns the function that stops (last user). */
  use(): () => void {
    if (this.users++ === 0) {
      this.unsubscribe = this.bridge.onRoomEvent((event) => {
        if (event.type === 'socket-open' || event.type === 'socket-message' || event.type === 'socket-close') this.route(event);
      });
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.users === 0) {
        this.unsubscribe?.();
        this.unsubscribe = null;
        this.unclaimed = [];
      }
    };
  }

  private route(event: SocketEvent): void {
    const owner = this.sockets.get(event.socketId);
    if (owner) owner(event);
    else {
      this.unclaimed.push(event);
      if (this.unclaimed.length > UNCLAIMED_LIMIT) this.unclaimed.splice(0, this.unclaimed.length - UNCLAIMED_LIMIT);
    }
  }

  /** Gives events for `socketId` to `owner`, first those that came before the claim. */
  claim(socketId: number, owner: (event: SocketEvent) => void): void {
    this.sockets.set(socketId, owner);
    const early = this.unclaimed.filter((e) => e.socketId === socketId);
    this.unclaimed = this.unclaimed.filter((e) => e.socketId !== socketId);
    for (const e of early) owner(e);
  }

  release(socketId: number): void {
    this.sockets.delete(socketId);
  }
}

const routers = new WeakMap<RoomBridge, SocketRouter>();

function routerOf(bridge: RoomBridge): SocketRouter {
  let router = routers.get(bridge);
  if (!router) {
    router = new SocketRouter(bridge);
    routers.set(bridge, router);
  }
  return router;
}

function toBytes(data: ArrayBufferLike | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** A copy of `bytes` in an ArrayBuffer of its own (what a WebSocket with `binaryType: 'arraybuffer'` delivers). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/** A close event as handlers read it (`code`, `reason`, `wasClean`); built by hand so it also works where `CloseEvent` is missing (Node). */
function closeEvent(code: number, reason: string): CloseEvent {
  return { type: 'close', code, reason, wasClean: code === 1000 } as CloseEvent;
}

/**
 * The WebSocket class for `WebsocketProvider`'s `WebSocketPolyfill` option,
 * tunnelling through `bridge`. Each instance opens one room socket; when main
 * refuses (`no-room`, `io`…) the socket reports an error and closes with code
 * 4000 + nothing sent, and the provider's own backoff decides when to try again.
 */
export function roomSocketClass(bridge: RoomBridge): new (url: string, protocols?: string | string[]) => RoomSocketLike {
  const router = routerOf(bridge);
  return class RoomSocket implements RoomSocketLike {
    static readonly CONNECTING = READY_STATE.CONNECTING;
    static readonly OPEN = READY_STATE.OPEN;
    static readonly CLOSING = READY_STATE.CLOSING;
    static readonly CLOSED = READY_STATE.CLOSED;
    readonly CONNECTING = READY_STATE.CONNECTING;
    readonly OPEN = READY_STATE.OPEN;
    readonly CLOSING = READY_STATE.CLOSING;
    readonly CLOSED = READY_STATE.CLOSED;
    binaryType = 'arraybuffer';
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    private state: number = READY_STATE.CONNECTING;
    private socketId: number | null = null;
    private readonly stopRouting: () => void;

    constructor(_url: string, _protocols?: string | string[]) {
      this.stopRouting = router.use();
      void bridge.roomSocketOpen().then(
        (opened) => {
          if (!opened.ok) return this.fail(opened.error.message);
          const id = opened.value.socketId;
          if (this.state === READY_STATE.CLOSING || this.state === READY_STATE.CLOSED) {
            // Closed by the provider before main answered: close main's end too.
            void bridge.roomSocketClose({ socketId: id });
            return;
          }
          this.socketId = id;
          router.claim(id, (event) => this.receive(event));
        },
        (e: unknown) => this.fail(e instanceof Error ? e.message : String(e)),
      );
    }

    get readyState(): number {
      return this.state;
    }

    private receive(event: SocketEvent): void {
      if (this.state === READY_STATE.CLOSED) return;
      if (event.type === 'socket-open') {
        if (this.state !== READY_STATE.CONNECTING) return;
        this.state = READY_STATE.OPEN;
        this.onopen?.({ type: 'open' } as Event);
      } else if (event.type === 'socket-message') {
        if (this.state !== READY_STATE.OPEN) return;
        this.onmessage?.({ type: 'message', data: ownBuffer(event.bytes) } as MessageEvent);
      } else {
        this.finish(event.code, event.reason);
      }
    }

    private fail(message: string): void {
      if (this.state === READY_STATE.CLOSED) return;
      this.onerror?.({ type: 'error', message } as unknown as Event);
      this.finish(4000, message);
    }

    private finish(code: number, reason: string): void {
      if (this.state === READY_STATE.CLOSED) return;
      this.state = READY_STATE.CLOSED;
      if (this.socketId !== null) router.release(this.socketId);
      this.stopRouting();
      this.onclose?.(closeEvent(code, reason));
    }

    send(data: ArrayBufferLike | ArrayBufferView): void {
      if (this.state !== READY_STATE.OPEN || this.socketId === null) return;
      // A failed send means the socket is gone: main follows with `socket-close`.
      void bridge.roomSocketSend({ socketId: this.socketId, bytes: toBytes(data) });
    }

    close(code = 1000, reason = ''): void {
      if (this.state === READY_STATE.CLOSING || this.state === READY_STATE.CLOSED) return;
      const id = this.socketId;
      if (id === null) {
        // Not open yet: the pending open closes main's end when it answers.
        this.state = READY_STATE.CLOSING;
        this.finish(code, reason);
        return;
      }
      this.state = READY_STATE.CLOSING;
      void bridge.roomSocketClose({ socketId: id }).finally(() => this.finish(code, reason));
    }
  };
}
