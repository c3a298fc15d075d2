/**
 * The Funnel step: three funnels (the agreed one, Marketing's, Sales') as
 * tabs with a canvas each, and Compare. Each canvas has a toolbar (palette
 * of standard stages and a custom one, start from a template or blank,
 * automatic layout, copy/paste, copy the funnel into another team's, export
 * SVG and PNG) and a side panel for the selection.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_IDS, type FunnelId, type Party } from '../../../shared/domain/workshop';
import { cloneFunnel, STAGE_PALETTE } from '../../../shared/funnel/stages';
import { FUNNEL_TEMPLATES, instantiateTemplate, TEMPLATE_IDS, type TemplateId } from '../../../shared/funnel/templates';
import { encodeClipboard } from '../../../shared/funnel/clipboard';
import { withLayout } from '../../../shared/funnel/layout';
import { useAppStore } from '../../store';
import { FunnelCanvas, copyToSystemClipboard, lastCopied, PALETTE_DRAG_TYPE, type CanvasApi, type Selection } from './FunnelCanvas';
import { SidePanel } from './SidePanel';
import { Compare } from './Compare';
import { addPaletteStage, layoutFunnel, pasteText, positionBeside, removeItems, setFunnel } from './actions';
import type { StageKind } from '../../../shared/funnel/names';
import { funnelSvg, saveExport, svgToPng } from './export';
import { safeFileName } from '../../../shared/file/file-name';
import { NODE_HEIGHT, NODE_WIDTH } from './canvas-model';
import { canCompareFunnels, canSeeTeamFunnel } from '../../../shared/facilitation/drafting';
import { useDraftViewer, usePrivateRound } from '../facilitation/hooks';
import { useSectionLocked } from '../../ui/section-lock';

type Tab = FunnelId | 'compare';
const TABS: readonly Tab[] = ['agreed', 'marketing', 'sales', 'compare'];
const NONE: Selection = { stages: [], transitions: [] };

function FunnelEditor({ funnelId }: { funnelId: FunnelId }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const content = useAppStore((s) => s.session!.content);
  const funnel = content.funnels[funnelId];
  const [selection, setSelection] = useState<Selection>(NONE);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const funnelName = t(`funnel.funnelName.${funnelId}`);
  const canvas = useRef<CanvasApi | null>(null);
  // A read-only seat (the projector) watches the canvas: no drag, connect or delete.
  // A locked funnel section and a read-only seat (the projector) both set the section-lock context: the canvas only shows.
  const locked = useSectionLocked();

  /** Adds a palette stage (`null`: a custom one) at `at`, or beside the selected stage, or in the middle of the view. */
  const addStage = (kind: StageKind | null, at?: { x: number; y: number }) => {
    const where = at ?? positionBeside(funnel, selection.stages[0]) ?? canvas.current?.viewCentre();
    const id = addPaletteStage(funnelId, funnel, kind, language, content.terms, t('funnel.customName'), where);
    canvas.current?.revealSoon(id);
    setSelection({ stages: [id], transitions: [] });
  };
  const paletteDrag = (kind: string) => (e: React.DragEvent) => {
    e.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const onDropStage = (kind: string, at: { x: number; y: number }) => {
    const known = STAGE_PALETTE.find((s) => s.kind === kind);
    if (!known && kind !== 'custom') return;
    addStage(known ? known.kind : null, at);
  };

  const confirmReplace = (): boolean =>
    funnel.stages.length === 0 || window.confirm(t('funnel.replaceConfirm', { count: funnel.stages.length, funnel: funnelName }));

  const start = (value: string) => {
    if (!value || !confirmReplace()) return;
    if (value === 'blank') setFunnel(funnelId, { stages: [], transitions: [] });
    else {
      const fresh = instantiateTemplate(value as TemplateId, language, content.terms);
      setFunnel(funnelId, withLayout(fresh, { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, rankGap: 110, nodeGap: 56 }));
    }
    canvas.current?.fitSoon();
    setSelection(NONE);
  };

  const duplicateTo = (target: string) => {
    if (!target) return;
    const to = target as FunnelId;
    const existing = content.funnels[to].stages.length;
    if (existing > 0 && !window.confirm(t('funnel.replaceConfirm', { count: existing, funnel: t(`funnel.funnelName.${to}`) }))) return;
    setFunnel(to, cloneFunnel(funnel));
    setMessage({ kind: 'info', text: t('funnel.duplicated', { from: funnelName, to: t(`funnel.funnelName.${to}`) }) });
  };

  const exportAs = async (kind: 'svg' | 'png') => {
    const ownerLabels: Record<Party, string> = { marketing: t('teams.marketing'), sales: t('teams.sales') };
    const svg = funnelSvg(funnel, language, funnelName, ownerLabels);
    try {
      const bytes = kind === 'svg' ? new TextEncoder().encode(svg) : await svgToPng(svg);
      const result = await saveExport(
        safeFileName([`${content.meta.title} — ${funnelName}`], kind, { fallback: 'funnel' }),
        kind === 'svg' ? 'image/svg+xml' : 'image/png',
        bytes,
      );
      if (result.ok) setMessage({ kind: 'info', text: t('funnel.exported', { path: result.value.path }) });
      else if (result.error.code !== 'cancelled') setMessage({ kind: 'error', text: t('funnel.exportFailed', { message: result.error.message }) });
    } catch (e) {
      setMessage({ kind: 'error', text: t('funnel.exportFailed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const copyButton = () => {
    const text = encodeClipboard(funnel, selection.stages);
    if (!text) return setMessage({ kind: 'info', text: t('funnel.pasteEmpty') });
    void copyToSystemClipboard(text);
    setMessage({ kind: 'info', text: t('funnel.copied', { count: selection.stages.length }) });
  };
  const pasteButton = async () => {
    let text = lastCopied() ?? '';
    try {
      text = await navigator.clipboard.readText();
    } catch {
      // No permission to read the system clipboard: paste what Pacto copied last.
    }
    const result = pasteText(funnelId, funnel, text);
    if (!result.ok) setMessage({ kind: 'error', text: t(result.error === 'foreign' ? 'funnel.pasteForeign' : 'funnel.pasteInvalid') });
    else setSelection({ stages: result.stageIds, transitions: [] });
  };

  const onSelectionChange = useCallback((s: Selection) => setSelection(s), []);
  const others = FUNNEL_IDS.filter((f) => f !== funnelId);

  return (
    <div className="funnel-editor">
      <p className="intro">{t(`funnel.intro.${funnelId}`)}</p>
      <div className="canvas-toolbar" role="toolbar" aria-label={funnelName}>
        <span className="palette" role="group" aria-label={t('funnel.palette')}>
          <span className="palette__label">{t('funnel.palette')}:</span>
          {STAGE_PALETTE.map((s) => (
            <button
              key={s.kind}
              className={`palette__item palette__item--${s.ownerTeam}`}
              data-testid={`palette-${s.kind}`}
              draggable
              onDragStart={paletteDrag(s.kind)}
              title={t('funnel.paletteHint')}
              onClick={() => addStage(s.kind)}
            >
              + {s.name[language]}
            </button>
          ))}
          <button
            className="palette__item"
            data-testid="palette-custom"
            draggable
            onDragStart={paletteDrag('custom')}
            title={t('funnel.paletteHint')}
            onClick={() => addStage(null)}
          >
            + {t('funnel.custom')}
          </button>
        </span>
      </div>
      <div className="canvas-toolbar canvas-toolbar--secondary">
        <select value="" onChange={(e) => start(e.target.value)} aria-label={t('funnel.start')} data-testid="start-from">
          <option value="">{t('funnel.start')}</option>
          {TEMPLATE_IDS.map((id) => (
            <option key={id} value={id} title={FUNNEL_TEMPLATES[id].description[language]}>
              {t('funnel.startTemplate', { name: FUNNEL_TEMPLATES[id].name[language] })}
            </option>
          ))}
          <option value="blank">{t('funnel.blank')}</option>
        </select>
        <span className="toolbar-sep" aria-hidden />
        <button
          onClick={() => {
            layoutFunnel(funnelId, funnel);
            canvas.current?.fitSoon();
          }}
          data-testid="layout"
          title={t('funnel.layoutTitle')}
          aria-label={t('funnel.layoutTitle')}
        >
          {t('funnel.layout')}
        </button>
        <button onClick={copyButton} data-testid="copy">
          {t('funnel.copy')}
        </button>
        <button onClick={() => void pasteButton()} data-testid="paste">
          {t('funnel.paste')}
        </button>
        <button
          onClick={() => {
            removeItems(funnelId, funnel, selection.stages, selection.transitions);
            setSelection(NONE);
          }}
          disabled={selection.stages.length + selection.transitions.length === 0}
          data-testid="delete"
        >
          {t('funnel.remove')}
        </button>
        <span className="toolbar-sep" aria-hidden />
        <select value="" onChange={(e) => duplicateTo(e.target.value)} aria-label={t('funnel.duplicateTo')} data-testid="duplicate-to">
          <option value="">{t('funnel.duplicateTo')}</option>
          {others.map((f) => (
            <option key={f} value={f}>
              {t(`funnel.funnelName.${f}`)}
            </option>
          ))}
        </select>
        <button onClick={() => void exportAs('svg')} data-testid="export-svg">
          {t('funnel.exportSvg')}
        </button>
        <button onClick={() => void exportAs('png')} data-testid="export-png">
          {t('funnel.exportPng')}
        </button>
      </div>
      {message ? (
        <p className={`canvas-message canvas-message--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="canvas-message">
          {message.text}
        </p>
      ) : null}
      <div className={`funnel-editor__body ${selection.stages.length + selection.transitions.length > 0 ? 'funnel-editor__body--panel' : ''}`}>
        {funnel.stages.length === 0 ? <p className="canvas-empty">{t('funnel.empty')}</p> : null}
        <FunnelCanvas
          funnelId={funnelId}
          funnel={funnel}
          editable={!locked}
          selection={selection}
          onSelectionChange={onSelectionChange}
          onMessage={setMessage}
          label={t('funnel.canvasLabel', { funnel: funnelName })}
          apiRef={canvas}
          onDropStage={onDropStage}
        />
        {selection.stages.length + selection.transitions.length > 0 ? (
          <SidePanel funnelId={funnelId} funnel={funnel} selection={selection} onSelectionChange={onSelectionChange} />
        ) : null}
      </div>
      <p className="funnel-editor__help">
        {t('funnel.keyboardHelp')} {t('funnel.panel.none')}
      </p>
    </div>
  );
}

/** The Funnel step. */
export function FunnelView() {
  const { t } = useTranslation();
  // The agenda's Compare block opens this step on Compare (`focus: 'compare'`).
  const opensOnCompare = useAppStore((s) => s.route.screen === 'workshop' && s.route.focus === 'compare');
  const [tab, setTab] = useState<Tab>(opensOnCompare ? 'compare' : 'agreed');
  const [seenCompare, setSeenCompare] = useState(opensOnCompare);
  if (seenCompare !== opensOnCompare) {
    setSeenCompare(opensOnCompare);
    if (opensOnCompare) setTab('compare');
  }
  // Private drafting of the funnels: each team sees its own funnel (and the agreed one) until the facilitator reveals.
  const round = usePrivateRound();
  const viewer = useDraftViewer();
  const shown = TABS.filter((id) => (id === 'compare' ? canCompareFunnels(round) : canSeeTeamFunnel(id, round, viewer)));
  const current: Tab = shown.includes(tab) ? tab : 'agreed';
  return (
    <div className="funnel-view">
      {shown.length < TABS.length ? (
        <p className="notice notice--info" data-testid="funnel-private">
          {t('facilitation.funnelsPrivate')}
        </p>
      ) : null}
      <div className="tabs" role="tablist" aria-label={t('funnel.tabs.label')}>
        {shown.map((id) => (
          <button
            key={id}
            role="tab"
            id={`funnel-tab-${id}`}
            aria-selected={current === id}
            aria-controls="funnel-tabpanel"
            className={`tab ${current === id ? 'tab--current' : ''}`}
            onClick={() => setTab(id)}
            data-testid={`funnel-tab-${id}`}
          >
            {t(`funnel.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="funnel-tabpanel" aria-labelledby={`funnel-tab-${current}`}>
        {current === 'compare' ? <Compare /> : <FunnelEditor key={current} funnelId={current} />}
      </div>
    </div>
  );
}
