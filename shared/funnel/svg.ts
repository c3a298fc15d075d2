/**
 * A funnel as a standalone SVG document (a string): the vector diagram of
 * the agreement PDF and the source of the canvas' PNG export. Stages are
 * rounded boxes with their name and owner team (by colour and by label,
 * never colour alone); arrows carry "35 % · 12 d"; recycle loops are dashed
 * curves. The drawing is scaled to fit a given width. Pure string building:
 * no DOM, so it runs in the renderer, in main and in tests alike.
 */
import type { Funnel, FunnelStage, FunnelTransition, Language, Party } from '../domain/workshop';
import { TEAM_NAMES } from '../domain/workshop';
import { connectedTransitions } from './graph';
import { formatDays, formatPercent } from './input';
import { computeLayout, DEFAULT_LAYOUT } from './layout';

/** Options of {@link funnelToSvg}. */
export interface SvgOptions {
  /** Width of the SVG in px (CSS px; the drawing scales to it). Must be > 0. */
  width: number;
  /** Language of the numbers ("35,5 %" or "35.5 %") and of the default owner labels. */
  language: Language;
  /** Label of each team under the stage name; default "Marketing" / "Ventas" or "Sales". */
  ownerLabels?: Record<Party, string>;
  /** Accessible title of the diagram (`<title>`), e.g. "Embudo acordado". */
  title?: string;
  /**
   * `positions`: the stages where the team put them on the canvas (default;
   * falls back to `auto` when boxes overlap, e.g. a funnel never laid out);
   * `auto`: the automatic left-to-right layout; `auto-vertical`: the automatic
   * layout top to bottom (a long funnel on portrait paper, its text larger).
   */
  layout?: 'positions' | 'auto' | 'auto-vertical';
  /** Prefix of the ids inside the SVG (the arrow marker), so several diagrams can share one page. Default `pacto-funnel`. */
  idPrefix?: string;
}

/** Colours of the owner teams: each has a contrast of at least 4.5:1 on white (WCAG AA for the label text). */
export const OWNER_COLOURS: Readonly<Record<Party, string>> = { marketing: '#0f766e', sales: '#4b3fb5' };
const DEFAULT_OWNER_LABELS: Readonly<Record<Language, Readonly<Record<Party, string>>>> = TEAM_NAMES;

const W = DEFAULT_LAYOUT.nodeWidth;
const H = DEFAULT_LAYOUT.nodeHeight;
const MARGIN = 16;
/** Largest enlargement of a small funnel, so a two-stage funnel does not fill a page with giant text. */
const MAX_SCALE = 1.5;
const NAME_CHARS_PER_LINE = 20;
const EDGE_COLOUR = '#4b5563';
const TEXT_COLOUR = '#111827';
const FONT = "'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

/** Whether code point `cp` may appear in an XML 1.0 document (its `Char` production; lone surrogates may not). */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
}

/** `text` safe inside an XML element or a double- or single-quoted attribute: `&<>"'` escaped, characters XML forbids removed. */
export function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    if (!isXmlChar(ch.codePointAt(0)!)) continue;
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch === "'" ? '&apos;' : ch;
  }
  return out;
}

/** A number for an attribute: at most one decimal, no `-0`. */
function n(value: number): string {
  const r = Math.round(value * 10) / 10;
  return String(r === 0 ? 0 : r);
}

interface Point {
  x: number;
  y: number;
}
interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Up to two lines of at most {@link NAME_CHARS_PER_LINE} characters, broken at spaces; an ellipsis ends a cut name. */
export function wrapName(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (Array.from(candidate).length <= NAME_CHARS_PER_LINE || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const fit = (text: string, cut: boolean): string => {
    const chars = Array.from(text);
    if (chars.length <= NAME_CHARS_PER_LINE && !cut) return text;
    return `${chars
      .slice(0, NAME_CHARS_PER_LINE - 1)
      .join('')
      .trimEnd()}…`;
  };
  if (lines.length <= 2) return lines.map((l) => fit(l, false));
  return [fit(lines[0]!, false), fit(lines[1]!, true)];
}

/** Gaps of the top-to-bottom layout: ranks closer than across (the labels sit beside vertical arrows), branches further apart. */
const VERTICAL_LAYOUT = { direction: 'TB', rankGap: 70, nodeGap: 150 } as const;

function positionsOf(funnel: Funnel, layout: 'positions' | 'auto' | 'auto-vertical'): Map<string, Point> {
  const drawn = new Map(funnel.stages.map((s) => [s.id, { x: s.x, y: s.y }]));
  if (layout === 'auto-vertical') return computeLayout(funnel, VERTICAL_LAYOUT);
  if (layout === 'auto' || overlapping(funnel.stages)) return computeLayout(funnel);
  return drawn;
}

function overlapping(stages: readonly FunnelStage[]): boolean {
  const sorted = [...stages].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < sorted[i]!.x + W; j++) {
      if (Math.abs(sorted[j]!.y - sorted[i]!.y) < H) return true;
    }
  }
  return false;
}

/** The point where the ray from the centre of box `at` towards `towards` leaves the box. */
function border(at: Point, towards: Point): Point {
  const c = { x: at.x + W / 2, y: at.y + H / 2 };
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const t = Math.min(dx === 0 ? Infinity : W / 2 / Math.abs(dx), dy === 0 ? Infinity : H / 2 / Math.abs(dy));
  return { x: c.x + dx * t, y: c.y + dy * t };
}

const centre = (p: Point): Point => ({ x: p.x + W / 2, y: p.y + H / 2 });

interface EdgeShape {
  d: string;
  label: Point;
  bounds: Point[];
}

/**
 * The path of an arrow: `straight` between the boxes' borders; `curved`, a
 * quadratic curve bowing away from `middle` (the centre of the drawing),
 * for recycle loops; `paired`, a curve to the arrow's left, for both arrows
 * of a two-way pair so they do not overlap; `self`, a loop over the box.
 */
function edgeShape(from: Point, to: Point, kind: 'self' | 'straight' | 'curved' | 'paired', middle: Point, labelWidth: number): EdgeShape {
  if (kind === 'self') {
    const x1 = from.x + W * 0.65;
    const x2 = from.x + W * 0.35;
    const top = from.y - 44;
    return {
      d: `M${n(x1)},${n(from.y)} C${n(x1)},${n(top)} ${n(x2)},${n(top)} ${n(x2)},${n(from.y)}`,
      label: { x: from.x + W / 2, y: top },
      bounds: [{ x: x1, y: top }],
    };
  }
  const a = centre(from);
  const b = centre(to);
  if (kind === 'straight') {
    const p = border(from, b);
    const q = border(to, a);
    // The label sits beside the line (above a horizontal one), not on it, so the arrow stays visible.
    const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    // Beside a mostly vertical arrow the label needs half its width of room, not just its half height.
    const offset = Math.abs(q.y - p.y) > Math.abs(q.x - p.x) ? labelWidth / 2 + 6 : 13;
    let label = { x: (p.x + q.x) / 2 + ((q.y - p.y) / length) * offset, y: (p.y + q.y) / 2 - ((q.x - p.x) / length) * offset };
    // A gap between two boxes side by side too narrow for the label: the label goes above the boxes, never under them.
    if (Math.abs(q.y - p.y) < H / 2 && Math.abs(q.x - p.x) < labelWidth + 8) label = { x: (p.x + q.x) / 2, y: Math.min(from.y, to.y) - 14 };
    return { d: `M${n(p.x)},${n(p.y)} L${n(q.x)},${n(q.y)}`, label, bounds: [p, q] };
  }
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  let nx = -dy / length;
  let ny = dx / length;
  // A loop bows away from the middle of the drawing, so it goes round the funnel rather than through it (below
  // on a tie); the two arrows of a pair bow to their own left, so A → B and B → A take opposite sides.
  const away = nx * ((a.x + b.x) / 2 - middle.x) + ny * ((a.y + b.y) / 2 - middle.y);
  if (kind === 'curved' && (away < 0 || (away === 0 && (ny < 0 || (ny === 0 && nx < 0))))) [nx, ny] = [-nx, -ny];
  // Across a mostly vertical pair of boxes the curve must clear half a box's width and its label's, not just a height:
  // the label sits at about half the bow from the boxes' axis (plus a quarter box from where the curve leaves them).
  const bow = Math.max(Math.abs(dy) > Math.abs(dx) ? W / 2 + labelWidth + 44 : H, length * 0.25);
  const control = { x: (a.x + b.x) / 2 + nx * bow, y: (a.y + b.y) / 2 + ny * bow };
  const p = border(from, control);
  const q = border(to, control);
  const label = { x: 0.25 * p.x + 0.5 * control.x + 0.25 * q.x, y: 0.25 * p.y + 0.5 * control.y + 0.25 * q.y };
  return { d: `M${n(p.x)},${n(p.y)} Q${n(control.x)},${n(control.y)} ${n(q.x)},${n(q.y)}`, label, bounds: [p, q, label] };
}

function edgeLabel(t: FunnelTransition, language: Language): string {
  return `${formatPercent(t.conversionRate, language)} · ${formatDays(t.averageDays, language)}`;
}

/** Approximate width of `text` at `size` px in a sans-serif font (no DOM to measure with). */
function textWidth(text: string, size: number): number {
  return Array.from(text).length * size * 0.56;
}

/**
 * The SVG document of `funnel`: `<svg>` with `width` = `options.width`, a
 * height keeping the drawing's proportions, and a `viewBox` in canvas px.
 * Every text is escaped ({@link escapeXml}); stage names wrap to two lines
 * (the full name is in the stage's `<title>`). Transitions whose ends are
 * not stages are not drawn. An empty funnel gives an empty SVG of height 0.
 * Throws `RangeError` if `options.width` is not a number > 0.
 */
export function funnelToSvg(funnel: Funnel, options: SvgOptions): string {
  if (!Number.isFinite(options.width) || options.width <= 0) throw new RangeError(`SVG width must be a number > 0, got ${options.width}`);
  const language = options.language;
  const owners = options.ownerLabels ?? DEFAULT_OWNER_LABELS[language];
  const prefix = escapeXml(options.idPrefix ?? 'pacto-funnel');
  const positions = positionsOf(funnel, options.layout ?? 'positions');
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const include = (p: Point, padX = 0, padY = 0): void => {
    box.minX = Math.min(box.minX, p.x - padX);
    box.maxX = Math.max(box.maxX, p.x + padX);
    box.minY = Math.min(box.minY, p.y - padY);
    box.maxY = Math.max(box.maxY, p.y + padY);
  };

  const transitions = connectedTransitions(funnel);
  const pairs = new Set(transitions.filter((t) => !t.recycle).map((t) => `${t.source}\u0000${t.target}`));
  const centres = funnel.stages.map((s) => centre(positions.get(s.id)!));
  const middle = {
    x: centres.reduce((sum, c) => sum + c.x, 0) / Math.max(1, centres.length),
    y: centres.reduce((sum, c) => sum + c.y, 0) / Math.max(1, centres.length),
  };
  const edges = transitions.map((t) => {
    const from = positions.get(t.source)!;
    const to = positions.get(t.target)!;
    const twoWay = pairs.has(`${t.target}\u0000${t.source}`);
    const label = edgeLabel(t, language);
    const labelWidth = textWidth(label, 12) + 12;
    const shape = edgeShape(from, to, t.source === t.target ? 'self' : t.recycle ? 'curved' : twoWay ? 'paired' : 'straight', middle, labelWidth);
    for (const p of shape.bounds) include(p);
    include(shape.label, labelWidth / 2, 11);
    const dash = t.recycle ? ' stroke-dasharray="6 4"' : '';
    const id = escapeXml(t.id);
    return {
      path:
        `<path class="transition${t.recycle ? ' recycle' : ''}" data-id="${id}" d="${shape.d}" fill="none" stroke="${EDGE_COLOUR}" ` +
        `stroke-width="1.5"${dash} marker-end="url(#${prefix}-arrow)"/>`,
      label:
        `<g class="transition-label" data-id="${id}">` +
        `<rect x="${n(shape.label.x - labelWidth / 2)}" y="${n(shape.label.y - 10)}" width="${n(labelWidth)}" height="20" rx="4" fill="#ffffff" fill-opacity="0.9"/>` +
        `<text x="${n(shape.label.x)}" y="${n(shape.label.y + 4)}" font-size="12" text-anchor="middle" fill="${TEXT_COLOUR}">${escapeXml(label)}</text>` +
        `</g>`,
    };
  });

  const stages = funnel.stages.map((s) => {
    const p = positions.get(s.id)!;
    include(p);
    include({ x: p.x + W, y: p.y + H });
    const colour = OWNER_COLOURS[s.ownerTeam];
    const lines = wrapName(s.name);
    const nameY = lines.length > 1 ? [22, 38] : [28];
    const name = lines.map((line, i) => `<tspan x="${n(p.x + 16)}" y="${n(p.y + nameY[i]!)}">${escapeXml(line)}</tspan>`).join('');
    const ownerY = lines.length > 1 ? 55 : 48;
    return (
      `<g class="stage" data-id="${escapeXml(s.id)}" data-owner="${escapeXml(s.ownerTeam)}">` +
      `<title>${escapeXml(`${s.name} · ${owners[s.ownerTeam]}`)}</title>` +
      `<rect x="${n(p.x)}" y="${n(p.y)}" width="${W}" height="${H}" rx="10" fill="#ffffff" stroke="${colour}" stroke-width="2"/>` +
      `<rect x="${n(p.x + 4)}" y="${n(p.y + 8)}" width="5" height="${H - 16}" rx="2.5" fill="${colour}"/>` +
      `<text font-size="13" font-weight="700" fill="${TEXT_COLOUR}">${name}</text>` +
      `<text x="${n(p.x + 16)}" y="${n(p.y + ownerY)}" font-size="11" fill="${colour}">${escapeXml(owners[s.ownerTeam])}</text>` +
      `</g>`
    );
  });

  const title = options.title ? `<title>${escapeXml(options.title)}</title>` : '';
  const head = (width: number, height: number, viewBox: string): string =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${viewBox}" role="img" font-family="${escapeXml(FONT)}">${title}`;
  if (funnel.stages.length === 0) return `${head(options.width, 0, `0 0 ${n(options.width)} 0`)}</svg>`;

  const contentWidth = box.maxX - box.minX + 2 * MARGIN;
  const contentHeight = box.maxY - box.minY + 2 * MARGIN;
  const viewWidth = Math.max(contentWidth, options.width / MAX_SCALE);
  const minX = box.minX - MARGIN - (viewWidth - contentWidth) / 2;
  const minY = box.minY - MARGIN;
  const height = (options.width * contentHeight) / viewWidth;
  const marker =
    `<defs><marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="${EDGE_COLOUR}"/></marker></defs>`;
  return `${head(options.width, height, `${n(minX)} ${n(minY)} ${n(viewWidth)} ${n(contentHeight)}`)}${marker}${edges.map((e) => e.path).join('')}${edges.map((e) => e.label).join('')}${stages.join('')}</svg>`;
}
