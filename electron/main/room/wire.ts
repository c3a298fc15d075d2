/**
 * The room's own wire between a guest's main process and the host's: the
 * control socket's JSON messages (check the code, ask to join, admission,
 * app-level ping) and the two WebSocket paths. The Yjs traffic itself runs
 * on the sync path as y-protocols' binary messages, untouched. Every message
 * that arrives from the network is parsed with these schemas; anything else
 * closes the socket with {@link CLOSE_BAD_MESSAGE}.
 */
import { z } from 'zod';
import { ROOM_ERROR_CODES, seatIdentitySchema } from '../../../shared/room/contract';
import { TEAMS } from '../../../shared/domain/workshop';

/** Path of the control socket. */
export const CONTROL_PATH = '/pacto/v1/control';
/** Path of the Yjs sync socket (admitted seats only: `x-pacto-seat` and `x-pacto-token` headers). */
export const SYNC_PATH = '/pacto/v1/sync';
export const SEAT_HEADER = 'x-pacto-seat';
export const TOKEN_HEADER = 'x-pacto-token';

/** Largest control message (bytes): a join with its identity is well under 2 KB. */
export const MAX_CONTROL_PAYLOAD = 16 * 1024;
/** Largest sync message (bytes): a whole workshop's first sync, with room to spare. */
export const MAX_SYNC_PAYLOAD = 64 * 1024 * 1024;

/** WebSocket close codes of the room (4000–4999 are the application's). */
export const CLOSE_REFUSED = 4000;
export const CLOSE_BAD_MESSAGE = 4001;
export const CLOSE_SILENT = 4002;
export const CLOSE_REMOVED = 4003;
export const CLOSE_ROOM_CLOSED = 4004;
export const CLOSE_VANISHED = 4005;

const secretSchema = z.string().min(1).max(64);

export const roomInfoSchema = z
  .object({
    workshopId: z.string().min(1).max(64),
    workshopTitle: z.string().max(200),
    schemaVersion: z.number().int().min(1),
    originMark: z.string().max(128),
    appVersion: z.string().max(64),
    participants: z.array(z.object({ id: z.string(), name: z.string(), team: z.enum(TEAMS) }).strict()).max(200),
  })
  .strict();

/** Guest → host. */
export const guestMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('check'), protocol: z.number().int(), secret: secretSchema }).strict(),
  z
    .object({
      type: z.literal('join'),
      protocol: z.number().int(),
      secret: secretSchema,
      identity: seatIdentitySchema,
      appVersion: z.string().max(64),
      schemaVersion: z.number().int().min(1),
      localOriginMark: z.string().max(128).nullable(),
    })
    .strict(),
  z.object({ type: z.literal('resume'), protocol: z.number().int(), seatId: z.string().min(1).max(64), token: z.string().min(1).max(128) }).strict(),
  z.object({ type: z.literal('ping'), at: z.number() }).strict(),
  z.object({ type: z.literal('pong'), at: z.number() }).strict(),
  /** The guest leaves for good: the host frees its seat. */
  z.object({ type: z.literal('leave') }).strict(),
]);
export type GuestMessage = z.infer<typeof guestMessageSchema>;

/** Host → guest. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('info'), info: roomInfoSchema }).strict(),
  z.object({ type: z.literal('waiting'), seatId: z.string(), info: roomInfoSchema }).strict(),
  z.object({ type: z.literal('admitted'), seatId: z.string(), token: z.string(), readOnly: z.boolean() }).strict(),
  z.object({ type: z.literal('resumed'), seatId: z.string(), readOnly: z.boolean(), info: roomInfoSchema }).strict(),
  z.object({ type: z.literal('refused'), code: z.enum(ROOM_ERROR_CODES), message: z.string().max(500) }).strict(),
  z.object({ type: z.literal('ping'), at: z.number() }).strict(),
  z.object({ type: z.literal('pong'), at: z.number() }).strict(),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** Parses one text frame with `schema`; null when it is not JSON or not a message of the schema. */
export function parseMessage<T>(schema: z.ZodType<T>, data: unknown, isBinary: boolean): T | null {
  if (isBinary) return null;
  const text = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : null;
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
