/**
 * The canvas benchmark's page (built and driven by `test/bench/canvas.mjs`):
 * 500 stages and 600 arrows on React Flow, drawn either with Pacto's stage
 * node and transition edge (`?kind=pacto`, the canvas' own components and
 * node/edge builder) or with React Flow's default node and edge carrying the
 * same labels (`?kind=default`). It reports the time to first render and,
 * when asked, drags one stage frame by frame and records the frame times.
 * `&zoom=1` shows the canvas at that zoom, centred on the dragged stage
 * (Pacto's stages then show all their details); without it, all stages fitted.
 */
import { createRoot } from 'react-dom/client';
import { getNodesBounds, getViewportForBounds, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../../../renderer/ui/styles.css';
import '../../../renderer/features/funnel/canvas.css';
import type { Funnel, FunnelStage, FunnelTransition } from '../../../shared/domain/workshop';
import { buildEdges, buildNodes, GRID, NODE_HEIGHT, NODE_WIDTH, type CanvasDecorations } from '../../../renderer/features/funnel/canvas-model';
import { EDGE_TYPES, NODE_TYPES, useZoomDetailClass } from '../../../renderer/features/funnel/StageNode';
import { formatDays, formatPercent } from '../../../shared/funnel/input';

const STAGES = 500;
const EDGES = 600;
const COLUMNS = 25;

declare global {
  interface Window {
    /** Milliseconds from navigation start to the first frame with every stage and arrow drawn. */
    benchFirstRender?: number;
    /** Drags stage `id` by `frames` × 4 px (down-right, or up-left for `direction` -1), one mouse move per frame; resolves with each frame's duration in ms. */
    benchDrag?: (id: string, frames: number, direction?: 1 | -1) => Promise<number[]>;
  }
}

/** A deterministic funnel of 500 stages on a grid and 600 arrows (each stage to its right-hand neighbour, then some down). */
function benchFunnel(): Funnel {
  const stages: FunnelStage[] = [];
  for (let i = 0; i < STAGES; i++) {
    stages.push({
      id: `s${i}`,
      name: `Stage ${i}`,
      ownerTeam: i % 3 === 0 ? 'sales' : 'marketing',
      termId: null,
      x: (i % COLUMNS) * (NODE_WIDTH + 96),
      y: Math.floor(i / COLUMNS) * 160,
    });
  }
  const transitions: FunnelTransition[] = [];
  for (let i = 0; i < STAGES && transitions.length < EDGES; i++) {
    if (i % COLUMNS !== COLUMNS - 1)
      transitions.push({ id: `t${i}`, source: `s${i}`, target: `s${i + 1}`, conversionRate: 0.25 + (i % 7) / 20, averageDays: 3 + (i % 11), recycle: false });
  }
  for (let i = 0; transitions.length < EDGES; i += 3) {
    transitions.push({ id: `d${i}`, source: `s${i}`, target: `s${i + COLUMNS}`, conversionRate: 0.1, averageDays: 30, recycle: i % 9 === 0 });
  }
  return { stages, transitions };
}

const funnel = benchFunnel();
const none = new Map<string, { messages: string[]; level: 'error' | 'warning' }>();
const deco: CanvasDecorations = {
  ownerLabels: { marketing: 'Marketing', sales: 'Sales' },
  termLabel: () => 'MQL — Marketing qualified lead',
  volume: (id) => `${Number(id.slice(1)) * 10} in the period`,
  edgeLabel: (rate, days) => `${formatPercent(rate, 'en')} · ${formatDays(days, 'en')}`,
  rateMissingLabel: 'No rate',
  recycleLabel: 'recycle',
  stageAria: (id) => `Stage ${id}`,
  edgeAria: (id) => `Arrow ${id}`,
  stageIssues: none,
  transitionIssues: none,
  highlightStages: new Set(),
  highlightTransitions: new Set(),
};

const params = new URLSearchParams(location.search);
const kind = params.get('kind') === 'default' ? 'default' : 'pacto';
// Diagnostics: `nodes=` / `edges=` override `kind` for one part only.
const nodeKind = params.get('nodes') ?? kind;
const edgeKind = params.get('edges') ?? kind;
const pactoNodes = buildNodes(funnel, deco, new Set());
const pactoEdges = buildEdges(funnel, deco, new Set());
const nodes: Node[] = nodeKind === 'pacto' ? pactoNodes : pactoNodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.data.name } }));
const edges: Edge[] = edgeKind === 'pacto' ? pactoEdges : pactoEdges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.data!.label }));

/** The stage `benchDrag` is asked to drag in canvas.mjs; the view at a given zoom is centred on it. */
const DRAGGED = 's262';
const zoomParam = Number(params.get('zoom'));
const dragged = pactoNodes.find((n) => n.id === DRAGGED)!;
/**
 * One viewport for both kinds: at `zoom=`, centred on the dragged stage; else Pacto's stages fitted
 * into 1360 × 900 (fitView on the defaults' smaller boxes would zoom differently).
 */
const viewport =
  zoomParam > 0
    ? {
        zoom: zoomParam,
        x: 1360 / 2 - (dragged.position.x + NODE_WIDTH / 2) * zoomParam,
        y: 900 / 2 - (dragged.position.y + NODE_HEIGHT / 2) * zoomParam,
      }
    : getViewportForBounds(getNodesBounds(pactoNodes), 1360, 900, 0.05, 2, 0.1);

/** The canvas as Pacto's FunnelCanvas sets it up (wrapper class for the zoom level of detail, grid); React Flow defaults otherwise. */
function Bench() {
  const zoomClass = useZoomDetailClass();
  return (
    <div className={`funnel-canvas ${kind === 'pacto' ? zoomClass : ''}`} style={{ width: 1360, height: 900 }}>
      <ReactFlow
        defaultNodes={nodes}
        defaultEdges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        snapToGrid
        snapGrid={[GRID, GRID]}
        defaultViewport={viewport}
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
      />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <ReactFlowProvider>
    <Bench />
  </ReactFlowProvider>,
);

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
void (async () => {
  for (;;) {
    await frame();
    const drawnNodes = document.querySelectorAll('.react-flow__node').length;
    const drawnEdges = document.querySelectorAll('.react-flow__edge').length;
    if (drawnNodes === STAGES && drawnEdges === EDGES) break;
  }
  window.benchFirstRender = performance.now();
})();

window.benchDrag = async (id, frames, direction = 1) => {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
  const box = el.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const mouse = (type: string, dx: number) =>
    (type === 'mousedown' ? el : window).dispatchEvent(
      new MouseEvent(type, {
        bubbles: true,
        cancelable: true,
        view: window,
        button: 0,
        buttons: 1,
        clientX: x + direction * dx,
        clientY: y + (direction * dx) / 2,
      }),
    );
  mouse('mousedown', 0);
  await frame();
  const times: number[] = [];
  let last = await frame();
  for (let i = 1; i <= frames; i++) {
    mouse('mousemove', i * 4);
    const now = await frame();
    times.push(now - last);
    last = now;
  }
  mouse('mouseup', frames * 4);
  return times;
};
