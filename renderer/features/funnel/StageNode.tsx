/**
 * The canvas' stage node and transition edge. The node shows the stage's
 * name (renamed inline: double-click or F2), its owner by colour and by
 * label, the linked glossary term, its volume from the targets model, and
 * the first validation issue about it. The edge carries "25 % · 14 d";
 * recycle loops are dashed, curve below the funnel and say "recycle".
 */
import { createContext, memo, useContext, useEffect, useRef, useState } from 'react';
import { BaseEdge, getBezierPath, Handle, Position, useStore, type EdgeProps, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { StageNode as StageNodeType, TransitionEdge as TransitionEdgeType } from './canvas-model';
import { NODE_HEIGHT } from './canvas-model';

/** What nodes may ask the canvas to do (kept out of node data so data stays serialisable). */
export interface CanvasActions {
  /** The stage being renamed inline, if any. */
  editingId: string | null;
  setEditingId(id: string | null): void;
  /** Renames a stage; returns the message to show at the field, or null when saved. */
  rename(id: string, name: string): string | null;
  /** Label of the inline name field. */
  nameLabel: string;
}

export const CanvasActionsContext = createContext<CanvasActions>({
  editingId: null,
  setEditingId: () => undefined,
  rename: () => null,
  nameLabel: '',
});

function RenameField({ id, name }: { id: string; name: string }) {
  const actions = useContext(CanvasActionsContext);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = () => {
    const message = draft === name ? null : actions.rename(id, draft);
    if (message) setError(message);
    else actions.setEditingId(null);
  };
  return (
    <span className="stage-node__rename nodrag">
      <input
        ref={ref}
        aria-label={actions.nameLabel}
        aria-invalid={error ? true : undefined}
        value={draft}
        data-testid="stage-rename"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') actions.setEditingId(null);
        }}
      />
      {error ? (
        <span className="stage-node__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Zoom below which a stage shows only its name and owner, and arrows lose their
 * label: smaller text is unreadable anyway, and a 500-stage canvas zoomed out
 * to fit then paints a fraction of the text while a stage is dragged.
 */
export const DETAIL_ZOOM = 0.45;
const zoomedOut = (s: ReactFlowState): boolean => s.transform[2] < DETAIL_ZOOM;

/**
 * The class a canvas' wrapper takes when zoomed out below {@link DETAIL_ZOOM}
 * (CSS then hides the details): one store subscription for the whole canvas,
 * not one per stage and arrow. Call it inside the canvas' `ReactFlowProvider`.
 */
export function useZoomDetailClass(): string {
  return useStore(zoomedOut) ? 'funnel-canvas--far' : '';
}

/** Width (px) of a text line inside a stage box: 172 less 2 × 2 px border, 16 px left and 10 px right padding. */
const LINE_WIDTH = 142;
let measurer: OffscreenCanvasRenderingContext2D | null | undefined;
let fontFamily = 'sans-serif';
const fitCache = new Map<string, boolean>();

/**
 * Whether `text` fits on one line of a stage box in `font` (CSS font shorthand without the family, e.g.
 * "700 15px"; the family is the document's), with 4 px to spare. A line that fits is drawn without the
 * overflow clip its ellipsis needs: each clip is one more paint chunk Chromium re-layerizes on every frame
 * of a drag (about a tenth of a frame on a 500-stage canvas). Where text cannot be measured (no
 * OffscreenCanvas, e.g. jsdom) no line counts as fitting, so every line keeps its clip and ellipsis.
 */
export function fitsLine(text: string, font: string): boolean {
  const key = `${font}|${text}`;
  let fits = fitCache.get(key);
  if (fits === undefined) {
    if (measurer === undefined) {
      measurer = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
      fontFamily = getComputedStyle(document.documentElement).fontFamily || fontFamily;
    }
    if (measurer) measurer.font = `${font} ${fontFamily}`;
    fits = measurer ? measurer.measureText(text).width <= LINE_WIDTH - 4 : false;
    if (fitCache.size > 5000) fitCache.clear();
    fitCache.set(key, fits);
  }
  return fits;
}

/** A stage box's line class: with the clip and ellipsis only when the text may not fit. */
const lineClass = (base: string, text: string, font: string): string => (fitsLine(text, font) ? base : `${base} stage-node__clip`);

/**
 * Only what the stage box shows: React Flow re-renders the dragged node on every frame of a drag with a new
 * position, which the box does not draw (its wrapper moves), so the box itself is left alone.
 */
function sameStageProps(a: NodeProps<StageNodeType>, b: NodeProps<StageNodeType>): boolean {
  return a.id === b.id && a.data === b.data && a.selected === b.selected;
}

/** A stage box: handles left (in) and right (out); the owner's colour bar is the box's background. */
export const StageNode = memo(function StageNode({ id, data, selected }: NodeProps<StageNodeType>) {
  const actions = useContext(CanvasActionsContext);
  const editing = actions.editingId === id;
  const classes = ['stage-node', `stage-node--${data.owner}`];
  if (selected) classes.push('is-selected');
  if (data.highlight) classes.push('is-gap');
  if (data.issueLevel) classes.push(`has-${data.issueLevel}`);
  if (data.presence) classes.push('has-presence');
  const issue = data.issues.length > 0 ? `${data.issueLevel === 'error' ? '⛔' : '⚠'} ${data.issues[0]}` : null;
  return (
    <div
      className={classes.join(' ')}
      data-testid="funnel-stage"
      data-stage-id={id}
      onDoubleClick={() => actions.setEditingId(id)}
      style={data.presence ? ({ '--presence-colour': data.presence.color } as React.CSSProperties) : undefined}
    >
      <Handle type="target" position={Position.Left} className="stage-node__handle" />
      {data.presence ? (
        <div className="stage-node__presence" data-testid="stage-presence">
          {data.presence.names}
        </div>
      ) : null}
      <div className={editing ? 'stage-node__name stage-node__clip' : lineClass('stage-node__name', data.name, '700 15px')} title={data.name}>
        {editing ? <RenameField id={id} name={data.name} /> : data.name}
      </div>
      <div className="stage-node__owner">{data.ownerLabel}</div>
      {data.term ? (
        <div className={lineClass('stage-node__meta', `§ ${data.term}`, '12.5px')} title={data.term}>
          § {data.term}
        </div>
      ) : null}
      {data.volume ? <div className={lineClass('stage-node__meta stage-node__volume', data.volume, '600 12.5px')}>{data.volume}</div> : null}
      {issue ? (
        <div className={lineClass('stage-node__issue', issue, '12px')} title={data.issues.join('\n')} data-testid="stage-issue">
          {issue}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} className="stage-node__handle" />
    </div>
  );
}, sameStageProps);

/** The arrow label's look, one object for every arrow (a new one per render would re-render its memoized text). */
const LABEL_STYLE = { fontSize: 13, fontWeight: 600 } as const;
const LABEL_PADDING: [number, number] = [5, 3];

/**
 * An arrow between stages. Forward arrows are bezier curves with their label
 * at the middle (or above the boxes when the gap is too narrow for it);
 * recycle loops and arrows pointing back curve below both stages.
 */
export const TransitionEdge = memo(function TransitionEdge(props: EdgeProps<TransitionEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const recycle = data?.recycle ?? false;
  let path: string;
  let labelX: number;
  let labelY: number;
  // Direction the arrow arrives in (for its head): from the curve's last control point to its end.
  let arrive = { x: 1, y: 0 };
  if (recycle || targetX < sourceX - 10) {
    const dip = Math.max(sourceY, targetY) + NODE_HEIGHT / 2 + 56;
    arrive = { x: 90, y: targetY - dip };
    path = `M${sourceX},${sourceY} C${sourceX + 90},${dip} ${targetX - 90},${dip} ${targetX},${targetY}`;
    labelX = (sourceX + targetX) / 2;
    labelY = 0.125 * (sourceY + targetY) + 0.75 * dip;
  } else {
    [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
    const text = data?.label ?? '';
    // Too narrow a gap for the label between the boxes: put it above them.
    if (Math.abs(targetY - sourceY) < 24 && targetX - sourceX < text.length * 7 + 12) labelY = Math.min(sourceY, targetY) - NODE_HEIGHT / 2 - 14;
  }
  const classes = ['transition-edge'];
  if (recycle) classes.push('is-recycle');
  if (data?.highlight) classes.push('is-gap');
  if (data?.issueLevel) classes.push(`has-${data.issueLevel}`);
  if (selected) classes.push('is-selected');
  const issue = data?.issues.length ? `${data.issueLevel === 'error' ? '⛔' : '⚠'} ` : '';
  const label = `${issue}${data?.label ?? ''}${recycle ? ` ↺ ${data?.recycleLabel ?? ''}` : ''}`;
  // The arrowhead is drawn here rather than as an SVG marker: React Flow rebuilds its marker list from every
  // edge on each change, which a 600-arrow canvas pays for on every frame of a drag.
  const length = Math.hypot(arrive.x, arrive.y) || 1;
  const dx = arrive.x / length;
  const dy = arrive.y / length;
  const bx = targetX - dx * 10;
  const by = targetY - dy * 10;
  const head = `M${targetX},${targetY} L${bx - dy * 5},${by + dx * 5} L${bx + dy * 5},${by - dx * 5} Z`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={classes.join(' ')}
        label={label}
        labelX={labelX}
        labelY={labelY}
        labelShowBg
        labelBgPadding={LABEL_PADDING}
        labelBgBorderRadius={4}
        labelStyle={LABEL_STYLE}
      />
      <path d={head} className={`transition-edge__head ${classes.slice(1).join(' ')}`} />
    </>
  );
});

export const NODE_TYPES = { stage: StageNode };
export const EDGE_TYPES = { transition: TransitionEdge };
