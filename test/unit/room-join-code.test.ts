import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  codePinsFingerprint,
  fingerprintToCrockford,
  makeJoinCode,
  makeJoinUrl,
  makeLongJoinCode,
  newJoinSecret,
  normalizeCrockford,
  parseJoinCode,
  parseJoinUrl,
  parseRoomInput,
  formatRoomAddress,
  secretsEqual,
  toCrockford,
} from '../../shared/room/join-code';

const fingerprint = createHash('sha256').update('a certificate').digest('hex');
const other = createHash('sha256').update('another certificate').digest('hex');

describe('join code', () => {
  it('encodes Crockford base32 most significant bit first (RFC 4648 bit order, Crockford alphabet)', () => {
    expect(toCrockford(new Uint8Array([0xff]))).toBe('ZW');
    expect(toCrockford(new Uint8Array([0, 0, 0, 0, 0]))).toBe('00000000');
    expect(toCrockford(new Uint8Array([0x08, 0x42, 0x10, 0x84, 0x21]))).toBe('11111111');
    expect(fingerprintToCrockford(fingerprint)).toHaveLength(52);
  });

  it('makes a 20-character code in groups of four that parses back to its secret and pins the fingerprint', () => {
    const secret = newJoinSecret((n) => randomBytes(n));
    const code = makeJoinCode(fingerprint, secret);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const parsed = parseJoinCode(code);
    expect(parsed).toEqual({ ok: true, value: { fingerprintChars: fingerprintToCrockford(fingerprint).slice(0, 12), secret, kind: 'short' } });
    if (!parsed.ok) return;
    expect(codePinsFingerprint(parsed.value, fingerprint)).toBe(true);
    expect(codePinsFingerprint(parsed.value, other)).toBe(false);
  });

  it('reads what people type: lower case, spaces, I/L for 1 and O for 0', () => {
    const code = makeJoinCode(fingerprint, 'A1B0C1');
    const typed = code.toLowerCase().replaceAll('-', ' ').replaceAll('1', 'l').replaceAll('0', 'o');
    expect(parseJoinCode(typed)).toEqual(parseJoinCode(code));
  });

  it('catches nearly every one-character typo with the check characters', () => {
    const code = makeJoinCode(fingerprint, 'A1B0C1').replaceAll('-', '');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let typos = 0;
    let passed = 0;
    for (let index = 0; index < code.length; index += 1) {
      for (const replaced of alphabet) {
        if (replaced === code[index]) continue;
        typos += 1;
        if (parseJoinCode(code.slice(0, index) + replaced + code.slice(index + 1)).ok) passed += 1;
      }
    }
    expect(typos).toBe(20 * 31);
    // A 10-bit check lets about 1 in 1024 through; every typo in the check characters themselves is caught.
    expect(passed).toBeLessThanOrEqual(3);
    expect(parseJoinCode(code.slice(0, -1) + (code.endsWith('0') ? '1' : '0'))).toEqual({ ok: false, error: 'bad-check' });
  });

  it.each([
    ['', 'empty'],
    ['----', 'empty'],
    ['K7QM-2XPA-9RTD-WF3H-8MN', 'bad-length'],
    ['K7QM-2XPA-9RTD-WF3H-8MNU', 'bad-character'],
    ['K7QM#2XPA', 'bad-character'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parseJoinCode(text)).toEqual({ ok: false, error: problem });
  });

  it('a long code pins the whole fingerprint', () => {
    const code = makeLongJoinCode(fingerprint, 'ZZZZZZ');
    expect(code).toHaveLength(60);
    const parsed = parseJoinCode(code);
    expect(parsed.ok && parsed.value.kind).toBe('long');
    if (!parsed.ok) return;
    expect(codePinsFingerprint(parsed.value, fingerprint)).toBe(true);
    // Same first 60 bits, different rest: a short code would accept it, the long one does not.
    const sameStart = fingerprint.slice(0, 16) + other.slice(16);
    expect(codePinsFingerprint(parsed.value, sameStart)).toBe(false);
  });

  it('refuses malformed fingerprints and secrets when making a code', () => {
    expect(() => makeJoinCode('ABC', 'ZZZZZZ')).toThrow(/64 lower-case hex/);
    expect(() => makeJoinCode(fingerprint, 'zzzzzz')).toThrow(/secret/);
  });

  it('compares secrets', () => {
    expect(secretsEqual('ABC123', 'ABC123')).toBe(true);
    expect(secretsEqual('ABC123', 'ABC124')).toBe(false);
    expect(secretsEqual('ABC123', 'ABC12')).toBe(false);
    expect(normalizeCrockford('ab-cd')).toBe('ABCD');
  });
});

describe('join link', () => {
  it('round-trips address, port and code', () => {
    const target = { address: '192.168.1.23', port: 47913, code: makeLongJoinCode(fingerprint, 'QWERTY'.replace('U', 'V')) };
    const url = makeJoinUrl(target);
    expect(url.startsWith('pacto://join?')).toBe(true);
    expect(parseJoinUrl(url)).toEqual({ ok: true, value: target });
  });

  it.each([
    ['https://evil.example/join?address=1.2.3.4&port=1&code=x', 'not-a-join-link'],
    ['pacto://join?address=&port=1', 'bad-address'],
    ['pacto://join?address=1.2.3.4%20;rm&port=1', 'bad-address'],
    ['pacto://join?address=1.2.3.4&port=70000', 'bad-port'],
    ['pacto://join?address=1.2.3.4&port=80&code=nope', 'bad-code'],
    ['pacto://join?address=192.168.1.20', 'incomplete'],
    ['pacto://join?address=1.2.3.4&port=80', 'incomplete'],
    ['pacto://settings?address=1.2.3.4&port=80', 'not-a-join-link'],
    [`pacto://join?address=1.2.3.4&port=80&code=${'0'.repeat(3000)}`, 'not-a-join-link'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(parseJoinUrl(url)).toEqual({ ok: false, error: problem });
  });
});

describe('join link: the forms people and systems pass', () => {
  const code = makeJoinCode(fingerprint, 'QWERTY');

  it.each([
    [`pacto:join?address=192.168.1.23&port=47913&code=${code}`, '192.168.1.23'],
    [`PACTO://JOIN?host=sala.local&port=47913&code=${code}`, 'sala.local'],
    [`pacto://join/?address=fe80::1%25en0&port=47913&code=${code}`, 'fe80::1%en0'],
    [`pacto://join?address=[fe80::1]&port=47913&code=${code}`, 'fe80::1'],
  ])('reads %s', (url, address) => {
    expect(parseJoinUrl(url)).toEqual({ ok: true, value: { address, port: 47913, code } });
  });
});

describe('room address as typed (or a pasted link)', () => {
  it.each([
    ['192.168.1.20:48123', { address: '192.168.1.20', port: 48123 }],
    [' sala.local:48123 ', { address: 'sala.local', port: 48123 }],
    ['[fe80::1]:48123', { address: 'fe80::1', port: 48123 }],
  ])('reads %s', (text, value) => {
    expect(parseRoomInput(text)).toEqual({ ok: true, value });
  });

  it('takes the address and the code from a pasted link, with the one link parser', () => {
    const code = makeJoinCode(fingerprint, 'QWERTY');
    expect(parseRoomInput(`pacto://join?address=192.168.1.20&port=48123&code=${code}`)).toEqual({
      ok: true,
      value: { address: '192.168.1.20', port: 48123, code },
    });
    expect(parseRoomInput('pacto://join?address=192.168.1.20&port=48123&code=NOPE')).toEqual({ ok: false, error: 'bad-code' });
  });

  it.each([
    ['192.168.1.20', 'address'],
    ['fe80::1:48123', 'address'],
    ['sala_1:48123', 'address'],
    ['192.168.1.20:99999', 'port'],
    ['192.168.1.20:http', 'address'],
    ['pacto://join?address=192.168.1.20', 'incomplete'],
  ])('refuses %s (%s)', (text, problem) => {
    expect(parseRoomInput(text)).toEqual({ ok: false, error: problem });
  });

  it('writes an address back as people type it', () => {
    expect(formatRoomAddress('192.168.1.20', 48123)).toBe('192.168.1.20:48123');
    expect(formatRoomAddress('fe80::1', 48123)).toBe('[fe80::1]:48123');
  });
});
