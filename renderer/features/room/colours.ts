/**
 * A person's colour in the room (header chips, carets, selections): picked
 * from a palette by the seat's device id, so each laptop keeps its colour
 * for the whole room. Every colour has at least 4.5:1 contrast with white
 * text and is always shown next to the person's name, never alone.
 */

/** Colours with white text at ≥ 4.5:1 (WCAG AA), distinguishable side by side. */
export const SEAT_COLOURS = ['#b3261e', '#1d6fb8', '#2f7d32', '#8e24aa', '#b35c00', '#00796b', '#c2185b', '#5d4037', '#3949ab', '#616161'] as const;

/** The colour of the seat whose device id is `deviceId` (the same id always gives the same colour). */
export function seatColour(deviceId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < deviceId.length; i++) hash = Math.imul(hash ^ deviceId.charCodeAt(i), 16777619) >>> 0;
  return SEAT_COLOURS[hash % SEAT_COLOURS.length]!;
}
