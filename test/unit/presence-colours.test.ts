// Presence colours in a room: each device's colour comes from its id, and two
// devices whose ids prefer the same colour get different ones, the same on
// every laptop; a window publishes its room colour for the carets others draw.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { bindAwareness, colourOf, currentPeers, PRESENCE_COLOURS, roomColours, type PresenceState } from '../../renderer/data/presence';

const ids = Array.from({ length: 200 }, (_, i) => `device-${i.toString(36)}`);

/** Two ids that prefer the same colour, in id order. */
function collidingPair(): [string, string] {
  const byColour = new Map<string, string>();
  for (const id of ids) {
    const other = byColour.get(colourOf(id));
    if (other !== undefined) return [other, id].sort() as [string, string];
    byColour.set(colourOf(id), id);
  }
  throw new Error('no two of the ids prefer one colour');
}

function stateOf(deviceId: string, name: string): PresenceState {
  return {
    user: { name, color: colourOf(deviceId) },
    seat: { deviceId, team: 'sales', participantId: null, role: 'participant' },
    step: null,
    selection: null,
  };
}

afterEach(() => bindAwareness(null));

describe('roomColours', () => {
  it('gives each device the colour it prefers when no one else in the room prefers it', () => {
    const distinct: string[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(colourOf(id))) continue;
      seen.add(colourOf(id));
      distinct.push(id);
      if (distinct.length === 4) break;
    }
    const colours = roomColours(distinct);
    for (const id of distinct) expect(colours.get(id)).toBe(colourOf(id));
  });

  it('keeps two people who prefer one colour apart: the first in id order keeps it, the other takes the next free one', () => {
    const [first, second] = collidingPair();
    const colours = roomColours([second, first]);
    expect(colours.get(first)).toBe(colourOf(first));
    const next = PRESENCE_COLOURS[(PRESENCE_COLOURS.indexOf(colourOf(first) as (typeof PRESENCE_COLOURS)[number]) + 1) % PRESENCE_COLOURS.length];
    expect(colours.get(second)).toBe(next);
  });

  it('gives twelve devices twelve different colours, whatever order each laptop lists them in', () => {
    const room = ids.slice(0, 12);
    const colours = roomColours(room);
    expect(new Set(colours.values()).size).toBe(12);
    expect(roomColours([...room].reverse().concat(room[3]!))).toEqual(colours);
  });

  it('lets a thirteenth device keep the colour it prefers once all twelve are taken', () => {
    const room = ids.slice(0, 13);
    const colours = roomColours(room);
    const last = [...room].sort().at(-1)!;
    expect(colours.get(last)).toBe(colourOf(last));
    expect(new Set([...colours].filter(([id]) => id !== last).map(([, c]) => c)).size).toBe(12);
  });
});

describe('bindAwareness', () => {
  it('shows and publishes distinct colours for two laptops that prefer the same one', () => {
    const [first, second] = collidingPair();
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    theirs.setLocalState(stateOf(first, 'Lucía'));
    bindAwareness(mine, stateOf(second, 'Jorge'));
    expect(currentPeers().map((p) => p.color)).toEqual([colourOf(second)]);

    // Lucía's state arrives: her id comes first, so she keeps the colour and this laptop moves on.
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    const peers = currentPeers();
    expect(peers.find((p) => p.name === 'Lucía')?.color).toBe(colourOf(first));
    const own = peers.find((p) => p.self)!.color;
    expect(own).not.toBe(colourOf(first));
    expect((mine.getLocalState() as PresenceState).user.color).toBe(own);
    expect(roomColours([first, second]).get(second)).toBe(own);
  });
});
