/**
 * The facilitation panel beside the open step: tabs for votes, decisions,
 * the parking lot, private drafting and locks (a WAI-ARIA tablist: arrow
 * keys, Home and End move between tabs). Opened from the facilitation bar;
 * Escape closes it.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionsPanel, ParkingPanel } from './DecisionLog';
import { LocksPanel } from './Locks';
import { PrivateDraftingPanel } from './PrivateDrafting';
import { VotesPanel } from './VotesPanel';
import { useFacilitationUi } from './view';
import './facilitation.css';

const TABS = ['votes', 'decisions', 'parking', 'private', 'locks'] as const;
type Tab = (typeof TABS)[number];

const PANELS: Record<Tab, () => React.JSX.Element> = {
  votes: VotesPanel,
  decisions: DecisionsPanel,
  parking: ParkingPanel,
  private: PrivateDraftingPanel,
  locks: LocksPanel,
};

export function FacilitationPanel() {
  const { t } = useTranslation();
  const panel = useFacilitationUi((s) => s.panel);
  const tabs = useRef(new Map<Tab, HTMLButtonElement>());
  if (!panel) return null;
  const select = (tab: Tab, focus: boolean) => {
    useFacilitationUi.setState({ panel: tab });
    if (focus) tabs.current.get(tab)?.focus();
  };
  const Panel = PANELS[panel];
  return (
    <aside
      id="facilitation-panel"
      className="facil-panel"
      aria-label={t('facilitation.panel.label')}
      data-testid="facilitation-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement)) useFacilitationUi.setState({ panel: null });
      }}
    >
      <div className="facil-panel__head">
        <h2 className="facil-panel__title">{t('facilitation.panel.label')}</h2>
        <button
          type="button"
          className="icon"
          aria-label={t('facilitation.panel.close')}
          onClick={() => useFacilitationUi.setState({ panel: null })}
          data-testid="panel-close"
        >
          ✕
        </button>
      </div>
      <div
        className="tabs"
        role="tablist"
        aria-label={t('facilitation.panel.label')}
        onKeyDown={(e) => {
          const i = TABS.indexOf(panel);
          const to =
            e.key === 'ArrowRight'
              ? (i + 1) % TABS.length
              : e.key === 'ArrowLeft'
                ? (i - 1 + TABS.length) % TABS.length
                : e.key === 'Home'
                  ? 0
                  : e.key === 'End'
                    ? TABS.length - 1
                    : -1;
          if (to < 0) return;
          e.preventDefault();
          select(TABS[to]!, true);
        }}
      >
        {TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`facil-tab-${tab}`}
            aria-selected={panel === tab}
            aria-controls="facil-tabpanel"
            tabIndex={panel === tab ? 0 : -1}
            className={`tab ${panel === tab ? 'tab--current' : ''}`}
            ref={(el) => {
              if (el) tabs.current.set(tab, el);
            }}
            onClick={() => select(tab, false)}
            data-testid={`facil-tab-${tab}`}
          >
            {t(`facilitation.panel.${tab}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="facil-tabpanel" aria-labelledby={`facil-tab-${panel}`} className="facil-panel__body">
        <Panel />
      </div>
    </aside>
  );
}
