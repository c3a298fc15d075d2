import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError } from '../../shared/agreement/canonical-json';
import { fingerprint, formatFingerprint, sha256Hex } from '../../shared/agreement/fingerprint';
import { freezeVersion, isFullySigned, workshopStatus, readSnapshot, type Signature } from '../../shared/agreement/version';
import { sampleWorkshop } from '../../shared/sample/standard-content';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('writes numbers in shortest form and -0 as 0 (RFC 8785)', () => {
    expect(canonicalJson([1.5, 0.1 + 0.2, 1e21, -0, 100])).toBe('[1.5,0.30000000000000004,1e+21,0,100]');
  });

  it('drops undefined properties like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it.each([[Number.NaN], [Infinity], [() => 1], [10n]])('refuses %s', (value) => {
    expect(() => canonicalJson({ value })).toThrow(CanonicalJsonError);
  });

  it('refuses cycles', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(/cycle/);
  });

  it('is valid JSON that parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    entries.sort(
      (a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7) || (seed % 2 ? a[0].localeCompare(b[0]) : b[0].localeCompare(a[0])),
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, seed + k.length)]));
  }
  return value;
}

describe('fingerprint', () => {
  const content = sampleWorkshop('2026-11-30');

  it('is the SHA-256 of the canonical JSON (known vector: "abc")', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(fingerprint({ b: 2, a: 1 })).toBe(sha256Hex('{"a":1,"b":2}'));
  });

  it('is the same for the same content in another key order', () => {
    for (const seed of [1, 2, 3, 4]) expect(fingerprint(shuffleKeys(content, seed))).toBe(fingerprint(content));
  });

  it('changes with any change to the content', () => {
    const base = fingerprint(content);
    const edited = structuredClone(content);
    edited.terms[1]!.definition += ' ';
    expect(fingerprint(edited)).not.toBe(base);
    const rate = structuredClone(content);
    rate.funnels.agreed.transitions[0]!.conversionRate = 0.2501;
    expect(fingerprint(rate)).not.toBe(base);
    const order = structuredClone(content);
    order.participants.reverse();
    expect(fingerprint(order)).not.toBe(base);
  });

  it('groups hex in blocks of four for printing', () => {
    expect(formatFingerprint('0123456789abcdef')).toBe('0123 4567 89ab cdef');
  });
});

describe('versions and status', () => {
  const content = sampleWorkshop('2026-11-30');
  const version = freezeVersion('w1', 1, content, new Date('2026-11-30T10:00:00Z'));
  const sign = (participantId: string, fp = version.fingerprint): Signature => ({
    id: `s-${participantId}`,
    versionId: version.id,
    workshopId: 'w1',
    participantId,
    name: participantId,
    title: '',
    team: 'marketing',
    method: 'typed',
    image: 'data:image/png;base64,AAAA',
    signedAt: '2026-11-30T11:00:00+01:00',
    timeZone: 'Europe/Madrid',
    fingerprint: fp,
  });

  it('freezes a fingerprint of the stored canonical snapshot', () => {
    expect(version.fingerprint).toBe(sha256Hex(version.snapshotJson));
    expect(readSnapshot(version).content).toEqual(content);
  });

  it('is draft before freezing and after any edit, ready when frozen, signed when every signatory signed that version', () => {
    expect(workshopStatus(content, undefined, [])).toBe('draft');
    expect(workshopStatus(content, version, [])).toBe('ready');
    expect(workshopStatus(content, version, [sign('p-lucia')])).toBe('ready');
    expect(workshopStatus(content, version, [sign('p-lucia'), sign('p-jorge')])).toBe('signed');
    const edited = structuredClone(content);
    edited.sla.intro += '!';
    expect(workshopStatus(edited, version, [sign('p-lucia'), sign('p-jorge')])).toBe('draft');
  });

  it('ignores a signature bound to another fingerprint', () => {
    expect(isFullySigned(version, [sign('p-lucia'), sign('p-jorge', 'f'.repeat(64))])).toBe(false);
  });
});
