/**
 * What-if tools on one scenario: goal seek ("which MQL→SQL rate do we need
 * with N leads?") and sensitivity (each rate ± points, ranked, as a tornado).
 * Their inputs are screen state, not workshop content.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_VOLUME } from '../../../shared/domain/bounds';
import { standardStageKey } from '../../../shared/model/chain';
import { goalSeekRate } from '../../../shared/model/goal-seek';
import { ModelInputError } from '../../../shared/model/reverse-funnel';
import { sensitivity } from '../../../shared/model/sensitivity';
import type { WorkshopPlan } from '../../../shared/model/workshop-scenarios';
import type { Formatters } from '../../i18n';
import { NumberField, SelectField } from '../../ui/fields';
import { ChartBox, TornadoChart } from './charts';

type OkPlan = WorkshopPlan & { ok: true };

/**
 * Points a sensitivity run may move each rate, whole percentage points: at
 * least 1 (0 moves nothing), at most 50 (beyond that a typical rate of
 * 10–60 % is pushed to 0 % or 100 % and the ranking says nothing).
 */
export const SENSITIVITY_POINTS = { min: 1, max: 50 } as const;

function chainOf(plan: OkPlan) {
  return plan.scenario.stages.map((s) => ({ id: s.id, conversionRate: s.conversionRate ?? 0 }));
}

/** Goal seek on one rate of `plan`'s scenario, for a volume available at that stage or an earlier one. */
export function GoalSeek({ plan, fmt }: { plan: OkPlan; fmt: Formatters }) {
  const { t } = useTranslation();
  const stages = plan.scenario.stages;
  const mql = stages.findIndex((s) => standardStageKey(s.id) === 'mql');
  const [rateIndex, setRateIndex] = useState(mql >= 0 && mql < stages.length - 1 ? mql : 0);
  const [availableIndex, setAvailableIndex] = useState(0);
  /** The volume the user typed; until then the field follows the plan (90 % of what the stage needs), so target changes move it. */
  const [typed, setTyped] = useState<number | null>(null);
  const at = Math.min(availableIndex, rateIndex);
  const available = typed ?? Math.max(1, Math.round(plan.plan.stages[at]!.volume * 0.9));
  let result: ReturnType<typeof goalSeekRate> | null = null;
  let error: string | null = null;
  try {
    result = goalSeekRate({
      chain: chainOf(plan),
      rateIndex,
      availableIndex: at,
      available,
      revenueTarget: plan.scenario.targets.revenueTarget,
      averageDealSize: plan.scenario.targets.averageDealSize,
    });
  } catch (e) {
    if (!(e instanceof ModelInputError)) throw e;
    error = e.message;
  }
  const rateName = `${stages[rateIndex]!.name}→${stages[rateIndex + 1]!.name}`;
  return (
    <section className="card" aria-label={t('model.goalSeek')}>
      <h2>{t('model.goalSeek')}</h2>
      <p className="muted small">{t('model.goalSeekIntro')}</p>
      <div className="form-row">
        <SelectField
          label={t('model.goalRate')}
          value={String(rateIndex)}
          testId="goal-rate"
          options={stages.slice(0, -1).map((s, i) => ({ value: String(i), label: `${s.name}→${stages[i + 1]!.name}` }))}
          onCommit={(v) => (setRateIndex(Number(v)), null)}
        />
        <SelectField
          label={t('model.goalAt')}
          value={String(at)}
          testId="goal-at"
          options={stages.slice(0, rateIndex + 1).map((s, i) => ({ value: String(i), label: s.name }))}
          onCommit={(v) => (setAvailableIndex(Number(v)), null)}
        />
        <NumberField
          label={t('model.goalAvailable')}
          kind="integer"
          value={available}
          testId="goal-available"
          onCommit={(v) => (v >= 1 && v <= MAX_VOLUME ? (setTyped(v), null) : 'volume')}
        />
      </div>
      <p data-testid="goal-seek-result" className={result && !result.feasible ? 'capacity capacity--over' : 'strong'}>
        {error ??
          (result && result.requiredRate !== null
            ? t('model.goalResult', {
                available: fmt.integer(available),
                stage: stages[at]!.name,
                rate: rateName,
                required: fmt.percent(result.requiredRate),
                current: fmt.percent(result.currentRate),
              })
            : t('model.goalInfeasible', { available: fmt.integer(available), stage: stages[at]!.name, rate: rateName }))}
      </p>
    </section>
  );
}

/** Each rate of `plan`'s scenario moved ± the chosen points: ranked table and tornado chart. */
export function Sensitivity({ plan, fmt, currency }: { plan: OkPlan; fmt: Formatters; currency: string }) {
  const { t } = useTranslation();
  const [points, setPoints] = useState(5);
  const names = new Map(plan.scenario.stages.map((s) => [s.id, s.name]));
  const result = sensitivity({
    chain: chainOf(plan),
    revenueTarget: plan.scenario.targets.revenueTarget,
    averageDealSize: plan.scenario.targets.averageDealSize,
    points,
  });
  const label = (b: { from: string; to: string }) => `${names.get(b.from)}→${names.get(b.to)}`;
  const signed = (n: number, f: (x: number) => string) => (n > 0 ? `+${f(n)}` : f(n));
  return (
    <section className="card" aria-label={t('model.sensitivity')}>
      <h2>{t('model.sensitivity')}</h2>
      <div className="form-row">
        <NumberField
          label={t('model.points')}
          kind="integer"
          value={points}
          testId="sensitivity-points"
          onCommit={(v) => (Number.isInteger(v) && v >= SENSITIVITY_POINTS.min && v <= SENSITIVITY_POINTS.max ? (setPoints(v), null) : 'sensitivityPoints')}
        />
      </div>
      <p className="muted small">{t('model.sensitivityIntro', { points: fmt.number(points) })}</p>
      <table className="grid-table" data-testid="sensitivity">
        <thead>
          <tr>
            <th>{t('model.rateMoved')}</th>
            <th className="num">{t('model.leadsChange')}</th>
            <th className="num">{t('model.revenueChange')}</th>
          </tr>
        </thead>
        <tbody>
          {result.bars.map((b) => (
            <tr key={b.index}>
              <td>{label(b)}</td>
              <td className="num">
                {signed(b.leadsDeltaLow, fmt.integer)} / {signed(b.leadsDeltaHigh, fmt.integer)}
              </td>
              <td className="num">
                {signed(b.revenueDeltaLow, (x) => fmt.money(x, currency))} / {signed(b.revenueDeltaHigh, (x) => fmt.money(x, currency))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('model.tornado')}</h3>
      <ChartBox max={640}>
        {(w) => (
          <TornadoChart
            bars={result.bars.map((b) => ({ label: label(b), low: b.revenueDeltaLow, high: b.revenueDeltaHigh }))}
            fmt={fmt}
            currency={currency}
            labels={{ low: t('model.down', { points: fmt.number(points) }), high: t('model.up', { points: fmt.number(points) }) }}
            width={w}
          />
        )}
      </ChartBox>
    </section>
  );
}
