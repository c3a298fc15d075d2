import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendAuditEvent, auditHead, verifyChain, GENESIS_HASH, type AuditEvent, type AuditEventInput } from '../../shared/agreement/audit';
import { CanonicalJsonError } from '../../shared/agreement/canonical-json';
import { isTimeZone, TimeZoneError, zonedIsoString } from '../../shared/agreement/zoned-time';

const lucia = { participantId: 'p-lucia', name: 'Lucía Fernández Ortega', team: 'marketing' as const };
const jorge = { participantId: 'p-jorge', name: 'Jorge Ibáñez Muñoz', team: 'sales' as const };
const app = { participantId: null, name: 'Pacto', team: null };

const inputs: AuditEventInput[] = [
  { type: 'created', at: new Date('2026-11-30T15:00:00Z'), timeZone: 'Europe/Madrid', actor: app, details: { title: 'Acuerdo 2027' } },
  {
    type: 'approved',
    at: new Date('2026-11-30T15:10:00Z'),
    timeZone: 'Europe/Madrid',
    actor: lucia,
    details: { kind: 'term', itemId: 'term-mql', team: 'marketing' },
  },
  {
    type: 'approved',
    at: new Date('2026-11-30T15:11:00Z'),
    timeZone: 'America/Mexico_City',
    actor: jorge,
    details: { kind: 'term', itemId: 'term-mql', team: 'sales' },
  },
  {
    type: 'frozen',
    at: new Date('2026-11-30T16:00:00Z'),
    timeZone: 'Europe/Madrid',
    actor: lucia,
    details: { version: 1, fingerprint: 'ab'.repeat(32), override: null },
  },
  { type: 'signed', at: new Date('2026-11-30T16:05:00Z'), timeZone: 'Europe/Madrid', actor: lucia, details: { version: 1 } },
  { type: 'signed', at: new Date('2026-11-30T16:06:00Z'), timeZone: 'America/Mexico_City', actor: jorge, details: { version: 1 } },
  { type: 'exported', at: new Date('2026-11-30T16:10:00Z'), timeZone: 'Europe/Madrid', actor: lucia, details: { file: 'acuerdo-v1.pdf' } },
];

const build = (list = inputs): AuditEvent[] => list.reduce<AuditEvent[]>((chain, input) => appendAuditEvent(chain, input), []);

describe('zonedIsoString', () => {
  it('writes local time with the zone’s offset, across daylight saving', () => {
    expect(zonedIsoString(new Date('2026-11-30T17:04:05.900Z'), 'America/Mexico_City')).toBe('2026-11-30T11:04:05-06:00');
    expect(zonedIsoString(new Date('2026-07-01T12:00:00Z'), 'Europe/Madrid')).toBe('2026-07-01T14:00:00+02:00');
    expect(zonedIsoString(new Date('2026-01-01T12:00:00Z'), 'Europe/Madrid')).toBe('2026-01-01T13:00:00+01:00');
    expect(zonedIsoString(new Date('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-01T17:30:00+05:30');
    expect(zonedIsoString(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });

  it('names the zone it does not know', () => {
    expect(() => zonedIsoString(new Date(), 'Mars/Olympus')).toThrow(TimeZoneError);
  });

  it('gives the same answers when a zone is asked again, and after more zones than it keeps formatters for', () => {
    const summer = new Date('2026-07-01T12:00:00Z');
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Europe/Madrid')).toBe(true);
    expect(zonedIsoString(summer, 'Europe/Madrid')).toBe('2026-07-01T14:00:00+02:00');
    // Many distinct names (each checked once), then the first ones again.
    for (let i = 0; i < 200; i++) expect(isTimeZone(`Nowhere/Zone${i}`)).toBe(false);
    expect(zonedIsoString(summer, 'Europe/Madrid')).toBe('2026-07-01T14:00:00+02:00');
    expect(zonedIsoString(summer, 'America/Mexico_City')).toBe('2026-07-01T06:00:00-06:00');
    expect(() => zonedIsoString(summer, 'Mars/Olympus')).toThrow(TimeZoneError);
  });
});

describe('audit chain', () => {
  it('links each event to the previous one and verifies', () => {
    const chain = build();
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    chain.slice(1).forEach((e, i) => expect(e.prevHash).toBe(chain[i]!.hash));
    expect(chain[2]!.at).toBe('2026-11-30T09:11:00-06:00');
    expect(verifyChain(chain)).toEqual({ ok: true, length: inputs.length, head: auditHead(chain) });
    expect(verifyChain([])).toEqual({ ok: true, length: 0, head: GENESIS_HASH });
  });

  it('does not change the chain it appends to', () => {
    const chain = build(inputs.slice(0, 2));
    const copy = JSON.parse(JSON.stringify(chain));
    appendAuditEvent(chain, inputs[2]!);
    expect(chain).toEqual(copy);
  });

  it('breaks at the event whose details, time, actor or type were edited', () => {
    const edits: ((e: AuditEvent) => void)[] = [
      (e) => (e.details = { ...e.details, team: 'leadership' }),
      (e) => (e.at = '2026-11-30T15:10:00+01:00'),
      (e) => (e.actor = { ...e.actor, name: 'Otra persona' }),
      (e) => (e.type = 'signed'),
      (e) => (e.timeZone = 'UTC'),
    ];
    for (const edit of edits) {
      const chain = build();
      const before = JSON.stringify(chain[1]);
      edit(chain[1]!);
      expect(JSON.stringify(chain[1])).not.toBe(before);
      expect(verifyChain(chain)).toMatchObject({ ok: false, index: 1, problem: 'hash' });
    }
  });

  it('breaks at the next event when an edited event’s hash was recomputed', async () => {
    const { auditEventHash } = await import('../../shared/agreement/audit');
    const chain = build();
    chain[3]!.details = { ...chain[3]!.details, version: 2 };
    chain[3]!.hash = auditEventHash(chain[3]!);
    expect(verifyChain(chain)).toMatchObject({ ok: false, index: 4, problem: 'link' });
  });

  it('breaks when any event is removed or two are swapped (property)', () => {
    const n = inputs.length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), (i, j) => {
        const chain = build();
        const removed = chain.filter((_, k) => k !== i);
        const cutTail = i === n - 1;
        // Removing the last event leaves a valid shorter chain: only the anchored head catches it.
        expect(verifyChain(removed).ok).toBe(cutTail);
        expect(verifyChain(removed, { head: auditHead(chain), length: n }).ok).toBe(false);
        if (i !== j) {
          const swapped = [...chain];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          const check = verifyChain(swapped);
          expect(check).toMatchObject({ ok: false, index: Math.min(i, j) });
        }
      }),
    );
  });

  it('reports a cut-off end against the anchor', () => {
    const chain = build();
    expect(verifyChain(chain.slice(0, -1), { head: auditHead(chain) })).toMatchObject({ ok: false, problem: 'head', index: inputs.length - 1 });
    expect(verifyChain(chain, { head: auditHead(chain), length: chain.length }).ok).toBe(true);
  });

  it('reports malformed input without throwing', () => {
    const chain: unknown[] = build();
    chain[2] = { hello: 'world' };
    expect(verifyChain(chain)).toMatchObject({ ok: false, index: 2, problem: 'malformed' });
    expect(verifyChain([null, 3, 'x'])).toMatchObject({ ok: false, index: 0, problem: 'malformed' });
  });

  it('refuses details JSON cannot hold, and unknown zones', () => {
    expect(() => appendAuditEvent([], { ...inputs[0]!, details: { n: Number.NaN } })).toThrow(CanonicalJsonError);
    expect(() => appendAuditEvent([], { ...inputs[0]!, timeZone: 'Nowhere/City' })).toThrow(TimeZoneError);
  });
});
