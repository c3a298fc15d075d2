/**
 * Where a person's act was recorded (`renderer/data/seat.ts`' `recordedOn`)
 * and how the audit trail says it: on the person's own laptop in a room; by
 * the facilitator (or another seat) for someone without a laptop; by the
 * facilitator's laptop outside a room. Older events without the fields read
 * as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordedOn, type SeatView } from '../../renderer/data/seat';
import { auditDetails } from '../../renderer/features/agreement/audit-text';
import { fixedT, initI18n } from '../../renderer/i18n';
import type { AuditEvent } from '../../shared/agreement/audit';

const jorge = { participantId: 'p-jorge', name: 'Jorge' };
const seat = (identity: SeatView['identity']): SeatView => ({
  deviceId: 'dev12345678',
  inRoom: identity !== null,
  role: identity?.role ?? 'facilitator',
  identity,
});
const identity = (name: string, participantId: string | null, role: 'facilitator' | 'participant') => ({
  deviceId: 'dev12345678',
  deviceName: name === 'Jorge' ? 'MacBook de Jorge' : '',
  name,
  team: 'sales' as const,
  participantId,
  role,
});

describe('recordedOn', () => {
  it('records only the device when the person acts at their own seat in a room', () => {
    expect(recordedOn(jorge, seat(identity('Jorge', 'p-jorge', 'participant')))).toEqual({ device: { id: 'dev12345678', name: 'MacBook de Jorge' } });
  });

  it('says who recorded it when the facilitator records for someone without a laptop', () => {
    expect(recordedOn(jorge, seat(identity('Ana', 'p-ana', 'facilitator')))).toEqual({
      device: { id: 'dev12345678', name: null },
      recordedBy: { name: 'Ana', participantId: 'p-ana', role: 'facilitator' },
    });
  });

  it('outside a room, says the facilitator\u2019s laptop recorded it', () => {
    expect(recordedOn(jorge, seat(null))).toEqual({
      device: { id: 'dev12345678', name: null },
      recordedBy: { name: null, participantId: null, role: 'facilitator' },
    });
  });

  it('matches by name a seat whose person is not on the participant list yet', () => {
    expect(recordedOn({ participantId: null, name: 'Jorge' }, seat(identity('Jorge', null, 'participant')))).not.toHaveProperty('recordedBy');
  });
});

describe('the trail says so', () => {
  beforeAll(() => initI18n('en'));
  const event = (details: Record<string, unknown>): AuditEvent => ({
    seq: 1,
    type: 'signed',
    at: '2026-12-02T10:00:00+01:00',
    timeZone: 'Europe/Madrid',
    actor: { participantId: 'p-jorge', name: 'Jorge', team: 'sales' },
    details: { version: 1, method: 'typed', ...details },
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  });

  it('names the device, or who recorded it for the person', () => {
    const t = fixedT('en');
    expect(auditDetails(event({ device: { id: 'dev12345678', name: 'MacBook de Jorge' } }), t)).toContain('on their own laptop (MacBook de Jorge)');
    expect(auditDetails(event({ device: { id: 'dev12345678', name: null }, recordedBy: { name: 'Ana', role: 'facilitator' } }), t)).toContain(
      'recorded by Ana for Jorge on their laptop (dev12345…)',
    );
    expect(auditDetails(event({ device: { id: 'dev12345678', name: null }, recordedBy: { name: null, role: 'facilitator' } }), t)).toContain(
      'recorded by the facilitator for Jorge',
    );
    expect(fixedT('es')('agreement.audit.recordedByFacilitator', { actor: 'Jorge', device: 'x' })).toContain('facilitadora para Jorge');
    // An event copied in from another laptop of the room says from which one.
    const copied = { copiedFrom: { deviceId: 'dev99999999', deviceName: 'MacBook de Jorge', seat: 'Jorge', hash: 'a'.repeat(64) } };
    expect(auditDetails(event(copied), t)).toContain('came from another laptop in the room (Jorge, MacBook de Jorge)');
    expect(auditDetails(event(copied), fixedT('es'))).toContain('llegó de otro equipo de la sala (Jorge, MacBook de Jorge)');
    // When the laptop it was recorded on is named already, it says only that it came through the room.
    const there = { device: { id: 'dev99999999', name: 'MacBook de Jorge' }, ...copied };
    expect(auditDetails(event(there), t)).toBe('version 1 · typed · on their own laptop (MacBook de Jorge) · came from that laptop through the room');
    expect(auditDetails(event(there), fixedT('es'))).toContain('en su propio equipo (MacBook de Jorge) · llegó de ese equipo por la sala');
    expect(auditDetails(event({}), t)).not.toMatch(/laptop|recorded/);
  });
});
