// @vitest-environment jsdom
// jsdom only lends its XML parser (DOMParser) to check the SVG strings; funnelToSvg itself uses no DOM.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Funnel, FunnelStage } from '../../shared/domain/workshop';
import { instantiateTemplate } from '../../shared/funnel/templates';
import { escapeXml, funnelToSvg, wrapName } from '../../shared/funnel/svg';
import { standardFunnel } from '../../shared/sample/standard-content';

function parse(svg: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc.documentElement as unknown as SVGSVGElement;
}
const viewBox = (svg: SVGSVGElement): number[] => svg.getAttribute('viewBox')!.split(' ').map(Number);
/** The element of `selector` whose data-id is `id` (compared as text: ids may hold any character). */
const byDataId = (svg: SVGSVGElement, selector: string, id: string): Element | null =>
  [...svg.querySelectorAll(selector)].find((e) => e.getAttribute('data-id') === id) ?? null;
const stageOf = (svg: SVGSVGElement, id: string): Element => byDataId(svg, 'g.stage', id)!;
const pathOf = (svg: SVGSVGElement, id: string): Element | null => byDataId(svg, 'path.transition', id);
const labelOf = (svg: SVGSVGElement, id: string): string => byDataId(svg, 'g.transition-label', id)!.querySelector('text')!.textContent!;

const s = (id: string, name: string, x: number, y: number, more: Partial<FunnelStage> = {}): FunnelStage => ({
  id,
  name,
  ownerTeam: 'marketing',
  termId: null,
  x,
  y,
  ...more,
});

describe('funnelToSvg', () => {
  const waterfall = instantiateTemplate('demand-waterfall', 'es', []);

  it('draws every stage with its name and owner label, and every arrow with its rate and days', () => {
    const svg = parse(funnelToSvg(waterfall, { width: 800, language: 'es' }));
    for (const stage of waterfall.stages) {
      const g = stageOf(svg, stage.id);
      expect(g.querySelector('text')!.textContent).toBe(stage.name);
      expect(g.querySelectorAll('text')[1]!.textContent).toBe(stage.ownerTeam === 'marketing' ? 'Marketing' : 'Ventas');
      expect(g.getAttribute('data-owner')).toBe(stage.ownerTeam);
    }
    expect(labelOf(svg, 'tr-lead-mql')).toBe('17,5 % · 14 d');
    expect(labelOf(svg, 'tr-recycled-lead')).toBe('100 % · 90 d');
    expect(svg.querySelectorAll('path.transition')).toHaveLength(waterfall.transitions.length);
  });

  it('dashes recycle loops and only them', () => {
    const svg = parse(funnelToSvg(waterfall, { width: 800, language: 'en' }));
    for (const t of waterfall.transitions) {
      expect([t.id, pathOf(svg, t.id)!.getAttribute('stroke-dasharray') !== null]).toEqual([t.id, t.recycle]);
    }
    expect(labelOf(svg, 'tr-lead-mql')).toBe('17.5 % · 14 d');
  });

  it('is exactly the given width, with the height keeping the drawing’s proportions', () => {
    for (const width of [300, 800, 1600]) {
      const svg = parse(funnelToSvg(waterfall, { width, language: 'es' }));
      const [, , w, h] = viewBox(svg);
      expect(Number(svg.getAttribute('width'))).toBe(width);
      expect(Number(svg.getAttribute('height'))).toBeCloseTo((width * h!) / w!, 0);
    }
  });

  it('keeps every stage inside the viewBox', () => {
    const svg = parse(funnelToSvg(waterfall, { width: 500, language: 'es' }));
    const [minX, minY, w, h] = viewBox(svg) as [number, number, number, number];
    for (const rect of svg.querySelectorAll('g.stage > rect:first-of-type')) {
      const x = Number(rect.getAttribute('x'));
      const y = Number(rect.getAttribute('y'));
      expect(x).toBeGreaterThanOrEqual(minX);
      expect(y).toBeGreaterThanOrEqual(minY);
      expect(x + Number(rect.getAttribute('width'))).toBeLessThanOrEqual(minX + w);
      expect(y + Number(rect.getAttribute('height'))).toBeLessThanOrEqual(minY + h);
    }
  });

  it('does not blow a tiny funnel up beyond 1.5× its canvas size', () => {
    const one: Funnel = { stages: [s('a', 'Lead', 0, 0)], transitions: [] };
    const svg = parse(funnelToSvg(one, { width: 2000, language: 'es' }));
    expect(viewBox(svg)[2]).toBeCloseTo(2000 / 1.5, 0);
  });

  it('uses the canvas positions, or the automatic layout when the boxes overlap or when asked', () => {
    const drawn: Funnel = {
      stages: [s('a', 'Lead', 0, 300), s('b', 'MQL', 0, 0)],
      transitions: [{ id: 't', source: 'a', target: 'b', conversionRate: 0.3, averageDays: 2, recycle: false }],
    };
    const xOf = (svg: SVGSVGElement, id: string): number => Number(stageOf(svg, id).querySelector('rect')!.getAttribute('x'));
    const yOf = (svg: SVGSVGElement, id: string): number => Number(stageOf(svg, id).querySelector('rect')!.getAttribute('y'));
    const asDrawn = parse(funnelToSvg(drawn, { width: 400, language: 'es' }));
    expect(yOf(asDrawn, 'a') - yOf(asDrawn, 'b')).toBe(300);
    const piled: Funnel = { ...drawn, stages: drawn.stages.map((stage) => ({ ...stage, x: 0, y: 0 })) };
    const auto = parse(funnelToSvg(piled, { width: 400, language: 'es' }));
    expect(xOf(auto, 'b')).toBeGreaterThan(xOf(auto, 'a'));
    const forced = parse(funnelToSvg(drawn, { width: 400, language: 'es', layout: 'auto' }));
    expect(yOf(forced, 'a')).toBe(yOf(forced, 'b'));
    expect(xOf(forced, 'b')).toBeGreaterThan(xOf(forced, 'a'));
  });

  it('escapes every text: names, owner labels, title and ids', () => {
    const funnel: Funnel = {
      stages: [s('a"<x>', 'Oportunidad & "más" <script>', 0, 0), s("b'", 'Q&A', 400, 0, { ownerTeam: 'sales' })],
      transitions: [{ id: 't&1', source: 'a"<x>', target: "b'", conversionRate: 0.5, averageDays: 3, recycle: false }],
    };
    const text = funnelToSvg(funnel, {
      width: 600,
      language: 'en',
      title: 'Funnel <agreed> & "signed"',
      ownerLabels: { marketing: 'M&K', sales: '<Sales>' },
      idPrefix: 'p"1',
    });
    expect(text).not.toContain('<script>');
    const svg = parse(text);
    expect(svg.querySelector('title')!.textContent).toBe('Funnel <agreed> & "signed"');
    expect(stageOf(svg, 'a"<x>').querySelector('title')!.textContent).toBe('Oportunidad & "más" <script> · M&K');
    expect(stageOf(svg, "b'").querySelectorAll('text')[1]!.textContent).toBe('<Sales>');
    expect(pathOf(svg, 't&1')).not.toBeNull();
    expect(svg.querySelector('marker')!.getAttribute('id')).toBe('p"1-arrow');
  });

  it('stays well-formed XML and keeps each name, whatever the names (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 }), (names) => {
        const funnel: Funnel = { stages: names.map((name, i) => s(`s${i}`, name, i * 300, 0)), transitions: [] };
        const svg = parse(funnelToSvg(funnel, { width: 700, language: 'es' }));
        names.forEach((name, i) => {
          expect(stageOf(svg, `s${i}`).querySelector('title')!.textContent).toBe(`${escapedBack(name)} · Marketing`);
        });
      }),
    );
  });

  it('gives an empty funnel an empty, valid SVG', () => {
    const svg = parse(funnelToSvg({ stages: [], transitions: [] }, { width: 500, language: 'es' }));
    expect([svg.getAttribute('width'), svg.getAttribute('height'), svg.children.length]).toEqual(['500', '0', 0]);
  });

  it('leaves out arrows whose ends are not stages', () => {
    const funnel: Funnel = {
      stages: [s('a', 'Lead', 0, 0)],
      transitions: [{ id: 'ghost', source: 'a', target: 'gone', conversionRate: 0.1, averageDays: 1, recycle: false }],
    };
    expect(parse(funnelToSvg(funnel, { width: 300, language: 'es' })).querySelector('path.transition')).toBeNull();
  });

  it.each([0, -10, Number.NaN, Number.POSITIVE_INFINITY])('refuses width %s', (width) => {
    expect(() => funnelToSvg(waterfall, { width, language: 'es' })).toThrow(RangeError);
  });
});

/** What a name reads as once XML has dropped the characters it cannot hold. */
function escapedBack(name: string): string {
  const doc = new DOMParser().parseFromString(`<t>${escapeXml(name)}</t>`, 'application/xml');
  return doc.documentElement.textContent!;
}

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<tag attr="v">', '&lt;tag attr=&quot;v&quot;&gt;'],
    ["it's", 'it&apos;s'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 🚀 ok', 'emoji 🚀 ok'],
    ['tab\tnewline\n', 'tab\tnewline\n'],
  ])('%j → %j', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });
});

describe('wrapName', () => {
  it.each([
    ['MQL', ['MQL']],
    ['Lead calificado por marketing', ['Lead calificado por', 'marketing']],
    ['Lead calificado por marketing y ventas en conjunto', ['Lead calificado por', 'marketing y ventas…']],
    ['Supercalifragilisticexpialidocious', ['Supercalifragilisti…']],
    ['  spaced   out  ', ['spaced out']],
  ])('%j → %j', (name, lines) => {
    expect(wrapName(name)).toEqual(lines);
  });

  it('never cuts a character in two (emoji) and never exceeds two lines of 20 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (name) => {
        const lines = wrapName(name);
        expect(lines.length).toBeLessThanOrEqual(2);
        for (const line of lines) {
          expect(Array.from(line).length).toBeLessThanOrEqual(20);
          expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        }
      }),
    );
  });
});

describe('funnelToSvg label placement', () => {
  it('never puts an arrow label under a stage box, even when boxes stand close (the sample funnel)', () => {
    const svg = funnelToSvg(standardFunnel('es'), { width: 660, language: 'es' });
    const rects = (cls: string) =>
      [
        ...svg.matchAll(
          new RegExp(`<g class="${cls}"[^>]*>(?:<title>[^<]*</title>)?<rect x="([-\\d.]+)" y="([-\\d.]+)" width="([-\\d.]+)" height="([-\\d.]+)"`, 'g'),
        ),
      ].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        w: Number(m[3]),
        h: Number(m[4]),
      }));
    const boxes = rects('stage');
    const labels = rects('transition-label');
    expect(boxes).toHaveLength(6);
    expect(labels).toHaveLength(5);
    for (const l of labels) {
      for (const b of boxes) {
        const overlap = l.x < b.x + b.w && b.x < l.x + l.w && l.y < b.y + b.h && b.y < l.y + l.h;
        expect(overlap).toBe(false);
      }
    }
  });
});
