/**
 * One funnel on a React Flow canvas: stages and arrows from the workshop
 * document, validation shown on the node or edge it concerns, Compare's gap
 * highlights, and (when editable) every edit a workshop needs: connect by
 * dragging handles, drag (saved when the drag ends), delete, multi-select,
 * copy and paste in Pacto's own clipboard format, inline rename, and a
 * keyboard path for all of it (arrows pick the neighbouring stage, Alt+arrows
 * move it, Delete, Ctrl/Cmd+A/C/V, F2). Undo and redo are the app's
 * (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y in App.tsx) over the same document.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import type { Funnel, FunnelId } from '../../../shared/domain/workshop';
import { encodeClipboard } from '../../../shared/funnel/clipboard';
import { buildEdges, buildNodes, GRID, NODE_HEIGHT, NODE_WIDTH, type StageNode, type TransitionEdge } from './canvas-model';
import { CanvasActionsContext, EDGE_TYPES, NODE_TYPES, useZoomDetailClass, type CanvasActions } from './StageNode';
import { connectStages, pasteText, removeItems, renameStage, saveStagePositions } from './actions';
import { useDecorations } from './decorations';
import { firstError } from '../../ui/fields';
import { useNodesWithPresence, usePublishSelection } from './canvas-presence';
import './canvas.css';

/** What is selected on a canvas: stage ids and arrow ids. */
export interface Selection {
  stages: string[];
  transitions: string[];
}

export interface FunnelCanvasProps {
  funnelId: FunnelId;
  funnel: Funnel;
  /** Editable canvas (the funnel's own tab) or a view (Compare). */
  editable: boolean;
  selection: Selection;
  onSelectionChange(selection: Selection): void;
  /** Compare's highlights on this canvas. */
  highlightStages?: ReadonlySet<string>;
  highlightTransitions?: ReadonlySet<string>;
  /** A message for the user at the canvas (paste refused…). */
  onMessage?(message: { kind: 'info' | 'error'; text: string } | null): void;
  /** Accessible name of the canvas. */
  label: string;
  testId?: string;
  /** Filled with the canvas' view commands while it is mounted (the toolbar places stages and re-fits with them). */
  apiRef?: React.MutableRefObject<CanvasApi | null>;
  /** A palette stage (`kind`, or `custom`) dropped on the canvas at `position` (px, its top-left corner). */
  onDropStage?(kind: string, position: { x: number; y: number }): void;
}

/** The data type a palette button drags: the stage kind (`custom` for a custom stage). */
export const PALETTE_DRAG_TYPE = 'application/x-pacto-stage';

/** What the funnel's toolbar asks of the canvas' view. */
export interface CanvasApi {
  /** The top-left corner (px) that centres a new stage in the visible part of the canvas. */
  viewCentre(): { x: number; y: number };
  /** Fits the view to every stage once the funnel's next change has rendered (after Arrange, a template…). */
  fitSoon(): void;
  /** Scrolls stage `id` into view once it has rendered, when it is outside the view (a stage just added). */
  revealSoon(id: string): void;
}

// 6 % around the funnel, and on the left room for the zoom controls (bottom-left), so a fitted view never puts a stage under them.
const FIT_OPTIONS = { padding: { x: 0.06, y: 0.06, left: '56px' as const }, maxZoom: 1.1 };

const EMPTY: ReadonlySet<string> = new Set();
let memoryClipboard: string | null = null;

/** The text Pacto last copied (the system clipboard may be out of reach, e.g. in tests). */
export function lastCopied(): string | null {
  return memoryClipboard;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function CanvasInner(props: FunnelCanvasProps) {
  const { funnelId, funnel, editable, selection, onSelectionChange, onMessage } = props;
  const { t } = useTranslation();
  const deco = useDecorations(funnelId, funnel, props.highlightStages ?? EMPTY, props.highlightTransitions ?? EMPTY);
  const selectedIds = useMemo(() => new Set([...selection.stages, ...selection.transitions]), [selection]);
  const derivedNodes = useMemo(() => buildNodes(funnel, deco, selectedIds), [funnel, deco, selectedIds]);
  const derivedEdges = useMemo(() => buildEdges(funnel, deco, selectedIds), [funnel, deco, selectedIds]);
  // Local copies React Flow changes while the user drags or selects (positions change on every frame and are
  // saved when the drag ends); a new document state replaces them (React's "adjust state when a prop changes").
  const [local, setLocal] = useState({ fromNodes: derivedNodes, nodes: derivedNodes, fromEdges: derivedEdges, edges: derivedEdges });
  let { nodes, edges } = local;
  if (local.fromNodes !== derivedNodes || local.fromEdges !== derivedEdges) {
    nodes = derivedNodes;
    edges = derivedEdges;
    setLocal({ fromNodes: derivedNodes, nodes, fromEdges: derivedEdges, edges });
  }
  // In a room: others' selected stages in their colour; this laptop's selection for them.
  const shownNodes = useNodesWithPresence(nodes, funnelId);
  usePublishSelection(funnelId, selection, editable);
  const [editingId, setEditingId] = useState<string | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const zoomClass = useZoomDetailClass();
  const flow = useReactFlow<StageNode, TransitionEdge>();

  // The toolbar's view commands. Fitting and revealing wait for the nodes of the next document state to render.
  const pendingView = useRef<{ fit: boolean; reveal: string | null }>({ fit: false, reveal: null });
  const { apiRef } = props;
  useEffect(() => {
    if (!apiRef) return;
    apiRef.current = {
      viewCentre: () => {
        const rect = wrapper.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        const centre = flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
        return { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 };
      },
      fitSoon: () => {
        pendingView.current.fit = true;
        // When the funnel does not change (Arrange on an arranged funnel), fit anyway, after the next paint.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (!pendingView.current.fit) return;
            pendingView.current.fit = false;
            void flow.fitView(FIT_OPTIONS);
          }),
        );
      },
      revealSoon: (id) => {
        pendingView.current.reveal = id;
      },
    };
    return () => {
      apiRef.current = null;
    };
  }, [apiRef, flow]);
  useEffect(() => {
    const pending = pendingView.current;
    if (!pending.fit && !pending.reveal) return;
    const frame = requestAnimationFrame(() => {
      if (pending.fit) void flow.fitView(FIT_OPTIONS);
      else if (pending.reveal) {
        const stage = funnel.stages.find((x) => x.id === pending.reveal);
        const rect = wrapper.current?.getBoundingClientRect();
        if (stage && rect) {
          const topLeft = flow.flowToScreenPosition({ x: stage.x, y: stage.y });
          const bottomRight = flow.flowToScreenPosition({ x: stage.x + NODE_WIDTH, y: stage.y + NODE_HEIGHT });
          const inView = topLeft.x >= rect.left && topLeft.y >= rect.top && bottomRight.x <= rect.right && bottomRight.y <= rect.bottom;
          if (!inView) void flow.setCenter(stage.x + NODE_WIDTH / 2, stage.y + NODE_HEIGHT / 2, { zoom: flow.getZoom() });
        }
      }
      pending.fit = false;
      pending.reveal = null;
    });
    return () => cancelAnimationFrame(frame);
  }, [derivedNodes, flow, funnel.stages]);

  // Selection lives in the parent (the side panel reads it). React Flow reports user selection as `select`
  // changes; a ref keeps the latest value so node and edge changes of one click compose.
  const selectionRef = useRef(selection);
  useEffect(() => {
    selectionRef.current = selection;
  }, [selection]);
  // When the canvas gets narrower or wider (the side panel opens or closes), the view stays where it is, as in
  // any drawing tool: a click that selects a stage opens the panel, and a re-fit then would move another stage under
  // the pointer, so the second click of a double-click renamed that one. Only a selected stage the narrower canvas
  // would hide is panned into view, at the same zoom.
  useEffect(() => {
    const el = wrapper.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      const narrower = el.clientWidth < width - 8;
      width = el.clientWidth;
      if (!narrower) return;
      // The selected stages where React Flow draws them now.
      const ids = selectionRef.current.stages;
      const shown = flow.getNodes().filter((n) => ids.includes(n.id));
      if (shown.length === 0) return;
      const rect = el.getBoundingClientRect();
      const left = Math.min(...shown.map((n) => flow.flowToScreenPosition(n.position).x));
      const right = Math.max(...shown.map((n) => flow.flowToScreenPosition({ x: n.position.x + NODE_WIDTH, y: n.position.y }).x));
      const margin = 16;
      // The rightmost edge in view, or else the leftmost, when the selection is wider than the canvas.
      const dx = right > rect.right - margin ? Math.min(right - (rect.right - margin), left - (rect.left + margin)) : 0;
      if (dx <= 0) return;
      const view = flow.getViewport();
      void flow.setViewport({ ...view, x: view.x - dx });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [flow]);

  const { onDropStage } = props;
  const onDragOver = useCallback(
    (e: React.DragEvent) => {
      if (!editable || !onDropStage || !e.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    [editable, onDropStage],
  );
  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!editable || !onDropStage || !kind) return;
      e.preventDefault();
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      onDropStage(kind, { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 });
    },
    [editable, onDropStage, flow],
  );

  const applySelect = useCallback(
    (changes: readonly { type: string; id?: string; selected?: boolean }[], part: keyof Selection) => {
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length === 0) return;
      const ids = new Set(selectionRef.current[part]);
      for (const c of selects) {
        if (c.selected) ids.add(c.id!);
        else ids.delete(c.id!);
      }
      const next = { ...selectionRef.current, [part]: [...ids] };
      if (!sameIds(next[part], selectionRef.current[part])) {
        selectionRef.current = next;
        onSelectionChange(next);
      }
    },
    [onSelectionChange],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StageNode>[]) => {
      setLocal((l) => ({
        ...l,
        nodes: applyNodeChanges(
          changes.filter((c) => c.type !== 'remove'),
          l.nodes,
        ),
      }));
      applySelect(changes, 'stages');
    },
    [applySelect],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<TransitionEdge>[]) => {
      setLocal((l) => ({
        ...l,
        edges: applyEdgeChanges(
          changes.filter((c) => c.type !== 'remove'),
          l.edges,
        ),
      }));
      applySelect(changes, 'transitions');
    },
    [applySelect],
  );

  const actions: CanvasActions = useMemo(
    () => ({
      editingId,
      setEditingId: (id) => {
        setEditingId(id);
        if (id === null) wrapper.current?.querySelector<HTMLElement>('.react-flow__node.selected, .react-flow__node')?.focus();
      },
      rename: (id, name) => {
        const key = firstError(renameStage(funnelId, id, name));
        return key ? t(`errors.${key}`, { defaultValue: t('errors.invalid') }) : null;
      },
      nameLabel: t('funnel.panel.name'),
    }),
    [editingId, funnelId, t],
  );

  const copySelection = useCallback((): string | null => {
    const text = encodeClipboard(funnel, selection.stages);
    if (!text) {
      onMessage?.({ kind: 'info', text: t('funnel.pasteEmpty') });
      return null;
    }
    memoryClipboard = text;
    onMessage?.({ kind: 'info', text: t('funnel.copied', { count: selection.stages.length }) });
    return text;
  }, [funnel, selection.stages, onMessage, t]);

  const paste = useCallback(
    (text: string) => {
      const result = pasteText(funnelId, funnel, text);
      if (!result.ok) onMessage?.({ kind: 'error', text: t(result.error === 'foreign' ? 'funnel.pasteForeign' : 'funnel.pasteInvalid') });
      else {
        onMessage?.(null);
        onSelectionChange({ stages: result.stageIds, transitions: [] });
      }
    },
    [funnelId, funnel, onMessage, onSelectionChange, t],
  );

  const focusStage = useCallback((id: string) => {
    const el = wrapper.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    el?.focus();
  }, []);

  /** The nearest stage from `from` in the arrow's direction (a cone of ±60°), or null. */
  const neighbour = useCallback(
    (from: string, key: string): string | null => {
      const origin = funnel.stages.find((s) => s.id === from);
      if (!origin) return null;
      const dir = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key]!;
      let best: { id: string; d: number } | null = null;
      for (const s of funnel.stages) {
        if (s.id === from) continue;
        const dx = s.x - origin.x;
        const dy = s.y - origin.y;
        const along = dx * dir[0]! + dy * dir[1]!;
        const across = Math.abs(dx * dir[1]! - dy * dir[0]!);
        if (along <= 0 || across > along * 1.8) continue;
        const d = along + across * 2;
        if (!best || d < best.d) best = { id: s.id, d };
      }
      return best?.id ?? null;
    },
    [funnel.stages],
  );

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return;
      const mod = e.ctrlKey || e.metaKey;
      const focusedId = target.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? selection.stages[0] ?? null;
      if (e.key.startsWith('Arrow')) {
        if (!focusedId) return;
        e.preventDefault();
        if (e.altKey && editable) {
          const ids = selection.stages.includes(focusedId) ? selection.stages : [focusedId];
          const step = e.shiftKey ? GRID * 5 : GRID;
          const [dx, dy] = { ArrowRight: [step, 0], ArrowLeft: [-step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key] ?? [0, 0];
          saveStagePositions(
            funnelId,
            funnel.stages.filter((s) => ids.includes(s.id)).map((s) => [s.id, { x: s.x + dx!, y: s.y + dy! }] as [string, { x: number; y: number }]),
          );
          return;
        }
        const next = neighbour(focusedId, e.key);
        if (next) {
          onSelectionChange({ stages: [next], transitions: [] });
          focusStage(next);
        }
        return;
      }
      if (!editable) return;
      if (e.key === 'F2' && focusedId) {
        e.preventDefault();
        setEditingId(focusedId);
      } else if (mod && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        onSelectionChange({ stages: funnel.stages.map((s) => s.id), transitions: funnel.transitions.map((x) => x.id) });
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        if (selection.stages.length + selection.transitions.length === 0) return;
        e.preventDefault();
        removeItems(funnelId, funnel, selection.stages, selection.transitions);
        onSelectionChange({ stages: [], transitions: [] });
      }
    },
    [editable, funnel, funnelId, focusStage, neighbour, onSelectionChange, selection],
  );

  // Copy and paste through the clipboard events, which carry the text without a permission prompt.
  useEffect(() => {
    const el = wrapper.current;
    if (!el || !editable) return;
    const inField = (e: Event) => {
      const tag = (e.target as HTMLElement).tagName;
      return tag === 'INPUT' || tag === 'TEXTAREA';
    };
    const onCopy = (e: ClipboardEvent) => {
      if (inField(e)) return;
      const text = copySelection();
      if (text && e.clipboardData) {
        e.clipboardData.setData('text/plain', text);
        e.preventDefault();
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      if (inField(e)) return;
      e.preventDefault();
      paste(e.clipboardData?.getData('text/plain') ?? '');
    };
    el.addEventListener('copy', onCopy);
    el.addEventListener('paste', onPaste);
    return () => {
      el.removeEventListener('copy', onCopy);
      el.removeEventListener('paste', onPaste);
    };
  }, [editable, copySelection, paste]);

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target) return;
      const id = connectStages(funnelId, funnel, c.source, c.target);
      onSelectionChange({ stages: [], transitions: [id] });
    },
    [funnelId, funnel, onSelectionChange],
  );

  return (
    <CanvasActionsContext.Provider value={actions}>
      <div
        ref={wrapper}
        className={`funnel-canvas ${editable ? '' : 'funnel-canvas--view'} ${zoomClass}`}
        onKeyDown={onKeyDown}
        onDragOver={onDragOver}
        onDrop={onDrop}
        data-testid={props.testId ?? 'funnel-canvas'}
        role="region"
        aria-label={props.label}
      >
        <ReactFlow<StageNode, TransitionEdge>
          nodes={shownNodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={editable ? onConnect : undefined}
          onNodeDragStop={(_e, _node, dragged) =>
            saveStagePositions(
              funnelId,
              dragged.map((n) => [n.id, n.position] as [string, { x: number; y: number }]),
            )
          }
          nodesDraggable={editable}
          nodesConnectable={editable}
          elementsSelectable
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control']}
          disableKeyboardA11y
          snapToGrid
          snapGrid={[GRID, GRID]}
          fitView
          fitViewOptions={FIT_OPTIONS}
          minZoom={0.1}
          maxZoom={2}
          proOptions={{ hideAttribution: true }}
          onlyRenderVisibleElements={funnel.stages.length > 200}
          ariaLabelConfig={{
            // Every label React Flow shows or reads out, in the UI language (its defaults are English).
            'controls.ariaLabel': t('funnel.flow.controls'),
            'controls.zoomIn.ariaLabel': t('funnel.flow.zoomIn'),
            'controls.zoomOut.ariaLabel': t('funnel.flow.zoomOut'),
            'controls.fitView.ariaLabel': t('funnel.flow.fitView'),
            'controls.interactive.ariaLabel': t('funnel.flow.interactive'),
            'minimap.ariaLabel': t('funnel.flow.minimap'),
            'handle.ariaLabel': t('funnel.flow.handle'),
            'node.a11yDescription.default': t('funnel.flow.node'),
            'node.a11yDescription.keyboardDisabled': t('funnel.flow.nodeMove'),
            'edge.a11yDescription.default': t('funnel.flow.edge'),
            'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('funnel.flow.moved', { direction, x, y }),
          }}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1} />
          {editable ? (
            <MiniMap
              pannable
              zoomable
              style={{ width: 150, height: 90 }}
              nodeStrokeWidth={3}
              nodeColor={(n) => (n.data.owner === 'sales' ? '#4b3fb5' : '#0f766e')}
            />
          ) : null}
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </CanvasActionsContext.Provider>
  );
}

/** A funnel canvas with its own React Flow store. */
export function FunnelCanvas(props: FunnelCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}

export { copyToSystemClipboard };

/** Copies text to the system clipboard when the browser allows it; always keeps it for the canvas' Paste button. */
async function copyToSystemClipboard(text: string): Promise<void> {
  memoryClipboard = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard permission (tests, some browsers): the in-app copy above is enough for Paste.
  }
}
