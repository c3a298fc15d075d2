/**
 * The window's place kept in `history.state` (renderer/data/last-route.ts
 * `historyPlace`), in jsdom: what is set is read back, other state in the
 * entry is kept, the URL does not change, and a state that is not an object
 * or a value that is not a string reads as nothing.
 */
import { describe, expect, it } from 'vitest';
import { historyPlace } from '../../renderer/data/last-route';

describe('historyPlace', () => {
  it('keeps a string per key in the current history entry, beside what else is there, without changing the URL', () => {
    const place = historyPlace!;
    history.replaceState({ other: 1 }, '');
    const url = location.href;
    expect(place.getItem('pacto.route')).toBeNull();
    place.setItem('pacto.route', '{"screen":"home"}');
    expect(place.getItem('pacto.route')).toBe('{"screen":"home"}');
    expect(history.state).toEqual({ other: 1, 'pacto.route': '{"screen":"home"}' });
    expect(location.href).toBe(url);
    history.replaceState('not an object', '');
    expect(place.getItem('pacto.route')).toBeNull();
    place.setItem('pacto.route', 'x');
    expect(history.state).toEqual({ 'pacto.route': 'x' });
    history.replaceState({ 'pacto.route': 42 }, '');
    expect(place.getItem('pacto.route')).toBeNull();
  });
});
