import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactName, normalizeName, STAGE_KINDS, stageKindOfName, synonymsOf, type StageKind } from '../../shared/funnel/names';

describe('normalizeName', () => {
  it.each([
    ['  Lead  calificado—por MARKETING. ', 'lead calificado por marketing'],
    ['Nutrición', 'nutricion'],
    ['Closed-won', 'closed won'],
    ['Año\tÑandú', 'ano nandu'],
    ['', ''],
    ['¿¡!?', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('compactName ignores spacing and punctuation entirely', () => {
    expect(compactName('M.Q.L.')).toBe('mql');
    expect(compactName('Closed / Won')).toBe(compactName('closedwon'));
  });
});

describe('stageKindOfName', () => {
  it.each<[string, StageKind | null]>([
    ['Lead calificado por marketing', 'mql'],
    ['Marketing qualified lead', 'mql'],
    ['MQL', 'mql'],
    ['mqls', 'mql'],
    ['Lead cualificado por marketing', 'mql'],
    ['Lead aceptado por ventas', 'sal'],
    ['Sales-accepted lead', 'sal'],
    ['Lead calificado por ventas', 'sql'],
    ['SQLs', 'sql'],
    ['Oportunidad', 'opportunity'],
    ['Oportunidades', 'opportunity'],
    ['Opportunity', 'opportunity'],
    ['Opportunities', 'opportunity'],
    ['SQO', 'opportunity'],
    ['Inquiry', 'lead'],
    ['Inquiries', 'lead'],
    ['Lead', 'lead'],
    ['Consulta', 'lead'],
    ['Cliente', 'customer'],
    ['Clientes', 'customer'],
    ['Customer', 'customer'],
    ['Closed won', 'customer'],
    ['Closed-Won', 'customer'],
    ['Cerrado ganado', 'customer'],
    ['Reciclado', 'recycled'],
    ['Nurturing', 'recycled'],
    ['Descalificado', 'disqualified'],
    ['Disqualified', 'disqualified'],
    ['Suscriptor', 'subscriber'],
    ['Demo agendada', null],
    ['Lead calificado', null],
    ['', null],
    ['   ', null],
  ])('%j → %s', (name, kind) => {
    expect(stageKindOfName(name)).toBe(kind);
  });

  it('recognises every listed synonym as its own kind', () => {
    for (const kind of STAGE_KINDS) {
      for (const synonym of synonymsOf(kind)) expect([synonym, stageKindOfName(synonym)]).toEqual([synonym, kind]);
    }
  });

  it('is insensitive to case, accents, surrounding space and punctuation (property)', () => {
    const synonym = fc.constantFrom(...STAGE_KINDS.flatMap((kind) => synonymsOf(kind).map((s) => [kind, s] as const)));
    const decorate = fc.record({
      upper: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      before: fc.constantFrom('', ' ', '  ', '\t', '¡'),
      after: fc.constantFrom('', ' ', '.', ':', ' !'),
      separator: fc.constantFrom(' ', '  ', '-', '_', ' / '),
    });
    fc.assert(
      fc.property(synonym, decorate, ([kind, name], d) => {
        const cased = Array.from(name)
          .map((ch, i) => (d.upper[i % 60] ? ch.toUpperCase() : ch.toLowerCase()))
          .join('')
          .replace(/ /g, d.separator);
        expect(stageKindOfName(`${d.before}${cased}${d.after}`)).toBe(kind);
        // Accents removed: the same kind.
        expect(stageKindOfName(name.normalize('NFD').replace(/\p{M}/gu, ''))).toBe(kind);
      }),
    );
  });
});
