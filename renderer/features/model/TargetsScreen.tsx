/**
 * Targets: the period, revenue target and deal size → the volume each stage
 * of the agreed funnel needs under each scenario, when (monthly plan), the
 * figures read next to them (velocity, coverage, costs, capacity), goal
 * seek, sensitivity and benchmarks; scenarios side by side; CRM actuals
 * through the import view. All computing is in shared/model.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLocaleNumber } from '../../../shared/domain/parse';
import type { WorkshopContent, WorkshopScenario } from '../../../shared/domain/workshop';
import { agreedScenarioId, freeScenarioId, planWorkshopScenario, scenarioFromTeamFunnel, workshopScenarios } from '../../../shared/model/workshop-scenarios';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import { CheckField, firstError, NumberField, SelectField, TextField } from '../../ui/fields';
import { ImportScreen } from '../import/ImportScreen';
import { addWorkshopScenario, agreeOnScenario, editScenario, removeWorkshopScenario, setPlanSettings, setTargets } from './actions';
import { ChartBox, FunnelChart } from './charts';
import { AssumptionsTable, Metrics, MonthlyPlanView } from './ScenarioDetail';
import { Comparison, PlanVsActual } from './Comparison';
import { GoalSeek, Sensitivity } from './WhatIf';
import { SCENARIO_KINDS } from '../../../shared/model/scenario';
import './targets.css';

/** The targets step: the plan view, or the CRM import view until it is closed. */
export function TargetsScreen() {
  const [view, setView] = useState<'plan' | 'import'>('plan');
  /** The scenario to show when the plan view opens: the one a confirmed import just created. */
  const [created, setCreated] = useState<string | null>(null);
  const content = useAppStore((s) => s.session!.content);
  if (view === 'import')
    return (
      <ImportScreen
        content={content}
        onClose={(createdId) => {
          setCreated(createdId ?? null);
          setView('plan');
        }}
      />
    );
  return <PlanView content={content} onImport={() => setView('import')} initialId={created} />;
}

function PlanView({ content, onImport, initialId }: { content: WorkshopContent; onImport: () => void; initialId: string | null }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const { targets, meta } = content;
  const set = content.scenarios;
  const scenarios = workshopScenarios(content);
  const agreedId = agreedScenarioId(content);
  const [selectedId, setSelectedId] = useState<string>(initialId ?? agreedId);
  const [unrounded, setUnrounded] = useState(false);
  const selected = scenarios.find((s) => s.id === selectedId) ?? scenarios.find((s) => s.id === agreedId)!;
  const plans = scenarios.map((s) => planWorkshopScenario(content, s));
  const plan = plans[scenarios.indexOf(selected)]!;
  const settings = (patch: Parameters<typeof setPlanSettings>[0]) => firstError(setPlanSettings(patch));

  return (
    <div className="targets">
      <p className="intro">{t('model.intro')}</p>
      <section className="card targets__inputs" aria-label={t('model.inputs')}>
        <div className="row-between">
          <h2>{t('model.inputs')}</h2>
          <button onClick={onImport} data-testid="open-import">
            {t('model.importActuals')}
          </button>
        </div>
        <div className="form-row targets__fields">
          <NumberField
            label={`${t('model.revenueTarget')} (${meta.currency})`}
            kind="money"
            value={targets.revenueTarget}
            testId="revenue-target"
            onCommit={(revenueTarget) => firstError(setTargets({ revenueTarget }))}
          />
          <NumberField
            label={`${t('model.averageDealSize')} (${meta.currency})`}
            kind="money"
            value={targets.averageDealSize}
            testId="average-deal-size"
            onCommit={(averageDealSize) => firstError(setTargets({ averageDealSize }))}
          />
          <NumberField
            label={t('model.periodMonths')}
            kind="integer"
            value={targets.periodMonths}
            testId="period-months"
            onCommit={(periodMonths) => firstError(setTargets({ periodMonths }))}
          />
          <TextField
            label={t('model.startMonth')}
            value={set?.startMonth ?? ''}
            placeholder="2027-01"
            testId="start-month"
            onCommit={(v) => settings({ startMonth: v.trim() === '' ? null : v.trim() })}
          />
          <OptionalNumber
            label={t('model.budget', { currency: meta.currency })}
            kind="money"
            value={set?.budget ?? null}
            testId="budget"
            onCommit={(budget) => settings({ budget })}
          />
          <OptionalNumber
            label={t('model.salesReps')}
            kind="integer"
            value={set?.salesReps ?? null}
            testId="sales-reps"
            onCommit={(salesReps) => settings({ salesReps })}
          />
          <OptionalNumber
            label={t('model.oppsPerRep')}
            kind="number"
            value={set?.opportunitiesPerRepPerMonth ?? null}
            testId="opps-per-rep"
            onCommit={(opportunitiesPerRepPerMonth) => settings({ opportunitiesPerRepPerMonth })}
          />
        </div>
      </section>

      <ScenarioBar scenarios={scenarios} agreedId={agreedId} selectedId={selected.id} onSelect={setSelectedId} content={content} />

      <section className="card" aria-label={t('model.selected', { name: selected.name })}>
        <div className="row-between">
          <h2 data-testid="selected-title">{t('model.selected', { name: selected.name })}</h2>
          <CheckField label={t('model.showUnrounded')} value={unrounded} testId="show-unrounded" onCommit={(v) => (setUnrounded(v), null)} />
        </div>
        <ScenarioEditor scenario={selected} agreed={selected.id === agreedId} content={content} onSelect={setSelectedId} />
        <AssumptionsTable content={content} scenario={selected} plan={plan} showUnrounded={unrounded} fmt={fmt} />
        {plan.ok ? (
          <div className="targets__split">
            <div>
              <h3>{t('model.funnelChart')}</h3>
              <ChartBox max={560}>
                {(w) => <FunnelChart stages={plan.plan.stages.map((s) => ({ name: s.name, volume: s.volume }))} fmt={fmt} width={w} />}
              </ChartBox>
            </div>
            <Metrics plan={plan.plan} currency={meta.currency} fmt={fmt} salesReps={set?.salesReps ?? null} />
          </div>
        ) : null}
      </section>

      {plan.ok ? <MonthlyPlanView plan={plan.plan} stages={plan.scenario.stages} fmt={fmt} language={language} /> : null}

      <Comparison content={content} scenarios={scenarios} plans={plans} agreedId={agreedId} fmt={fmt} currency={meta.currency} />
      <PlanVsActual content={content} scenarios={scenarios} plans={plans} agreedId={agreedId} fmt={fmt} />

      {plan.ok ? (
        <div className="targets__split">
          <GoalSeek plan={plan} fmt={fmt} />
          <Sensitivity plan={plan} fmt={fmt} currency={meta.currency} />
        </div>
      ) : null}
      <p className="muted small">{t('model.sources')}</p>
    </div>
  );
}

/** A number field that may be left empty (clears the value). */
function OptionalNumber(props: {
  label: string;
  kind: 'money' | 'integer' | 'number';
  value: number | null;
  testId: string;
  onCommit: (value: number | null) => string | null;
}) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  // Shown like a number field; emptying it clears the value (README: these inputs are optional).
  const show = (value: number | null) =>
    value === null
      ? ''
      : new Intl.NumberFormat(language === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: 2, useGrouping: props.kind === 'money' }).format(value);
  return (
    <TextField
      label={`${props.label} · ${t('model.optional')}`}
      value={show(props.value)}
      placeholder={t('model.optional')}
      testId={props.testId}
      // Saved as a number: "1200" typed shows as "1.200" once saved, not while it is being typed.
      echoes={(saved, typed) => {
        const value = typed.trim() === '' ? null : parseTyped(typed, language);
        return (value !== null || typed.trim() === '') && show(value) === saved;
      }}
      onCommit={(typed) => (typed.trim() === '' ? props.onCommit(null) : commitTyped(typed, props.onCommit))}
    />
  );
}

/** Reads a typed number (either language's format) for {@link OptionalNumber}; `number` when it is not one. */
function commitTyped(typed: string, onCommit: (value: number | null) => string | null): string | null {
  const language = useAppStore.getState().language;
  const parsed = parseTyped(typed, language);
  return parsed === null ? 'number' : onCommit(parsed);
}

function parseTyped(typed: string, language: 'es' | 'en'): number | null {
  const r = parseLocaleNumber(typed, language);
  return r.ok ? r.value : null;
}

function ScenarioBar({
  scenarios,
  agreedId,
  selectedId,
  onSelect,
  content,
}: {
  scenarios: WorkshopScenario[];
  agreedId: string;
  selectedId: string;
  onSelect: (id: string) => void;
  content: WorkshopContent;
}) {
  const { t } = useTranslation();
  const create = () => {
    const id = freeScenarioId(scenarios, 'scenario');
    const name = t('model.newScenarioName', { n: scenarios.length + 1 });
    if (addWorkshopScenario(content, { id, name, kind: 'custom', stages: {} }) === null) onSelect(id);
  };
  const fromTeam = (team: 'marketing' | 'sales') => {
    const id = freeScenarioId(scenarios, team);
    const { scenario } = scenarioFromTeamFunnel(content, team, { id, name: t(`model.kinds.${team}`) });
    if (addWorkshopScenario(content, scenario) === null) onSelect(id);
  };
  return (
    <section className="card" aria-label={t('model.scenarios')}>
      <div className="row-between">
        <h2>{t('model.scenarios')}</h2>
        <div className="form-actions">
          <button onClick={() => fromTeam('marketing')} data-testid="scenario-from-marketing">
            {t('model.fromMarketing')}
          </button>
          <button onClick={() => fromTeam('sales')} data-testid="scenario-from-sales">
            {t('model.fromSales')}
          </button>
          <button onClick={create} data-testid="scenario-new">
            {t('model.newScenario')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('model.scenariosIntro')}</p>
      <div className="scenario-tabs" role="tablist">
        {scenarios.map((s) => (
          <button
            key={s.id}
            role="tab"
            aria-selected={s.id === selectedId}
            className={s.id === selectedId ? 'scenario-tab scenario-tab--current' : 'scenario-tab'}
            onClick={() => onSelect(s.id)}
            data-testid="scenario-tab"
            data-scenario-id={s.id}
          >
            <span className="scenario-tab__name">{s.name}</span>
            <span className="scenario-tab__kind">{t(`model.kinds.${s.kind}`)}</span>
            {s.id === agreedId ? <span className="badge badge--ready">{t('model.agreed')}</span> : null}
          </button>
        ))}
      </div>
    </section>
  );
}

function ScenarioEditor({
  scenario,
  agreed,
  content,
  onSelect,
}: {
  scenario: WorkshopScenario;
  agreed: boolean;
  content: WorkshopContent;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const scenarios = workshopScenarios(content);
  const copy = () => {
    const id = freeScenarioId(scenarios, `${scenario.id}-copy`);
    const copyOf: WorkshopScenario = {
      ...scenario,
      id,
      name: t('model.copyName', { name: scenario.name }),
      kind: 'custom',
      stages: structuredClone(scenario.stages),
    };
    if (addWorkshopScenario(content, copyOf) === null) onSelect(id);
  };
  /** Deletes after confirmation; deleting the agreed one says which scenario the SLA and the PDF use now (the first left, as removeScenario does). */
  const remove = () => {
    const next = scenarios.find((s) => s.id !== scenario.id)!;
    const question = agreed ? t('model.deleteConfirmAgreed', { name: scenario.name, next: next.name }) : t('model.deleteConfirm', { name: scenario.name });
    if (!window.confirm(question)) return;
    if (removeWorkshopScenario(content, scenario.id) !== null) return;
    onSelect(agreed ? next.id : agreedScenarioId(content));
    if (agreed) useAppStore.getState().setNotice({ kind: 'info', key: 'model.agreedNow', values: { name: scenario.name, next: next.name } });
  };
  return (
    <div className="form-row scenario-editor">
      <TextField
        label={t('model.name')}
        value={scenario.name}
        testId="scenario-name"
        onCommit={(name) => firstError(editScenario(content, scenario.id, { name }))}
      />
      <SelectField
        label={t('model.kind')}
        value={scenario.kind}
        testId="scenario-kind"
        options={SCENARIO_KINDS.map((k) => ({ value: k, label: t(`model.kinds.${k}`) }))}
        onCommit={(kind) => firstError(editScenario(content, scenario.id, { kind }))}
      />
      <NumberField
        label={t('model.dealSize', { currency: content.meta.currency })}
        kind="money"
        value={scenario.averageDealSize ?? content.targets.averageDealSize}
        testId="scenario-deal-size"
        onCommit={(averageDealSize) => firstError(editScenario(content, scenario.id, { averageDealSize }))}
      />
      <div className="form-actions">
        <button onClick={copy} data-testid="scenario-copy">
          {t('model.copy')}
        </button>
        <button className="primary" disabled={agreed} onClick={() => agreeOnScenario(content, scenario.id)} data-testid="scenario-agree">
          {agreed ? t('model.agreed') : t('model.markAgreed')}
        </button>
        <button className="danger" disabled={scenarios.length <= 1} onClick={remove} data-testid="scenario-delete">
          {t('model.delete')}
        </button>
      </div>
    </div>
  );
}
