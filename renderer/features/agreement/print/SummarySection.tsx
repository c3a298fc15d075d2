/**
 * The executive summary, the page after the cover: the agreed definitions in
 * one line each, the agreed funnel with its rates and days, the targets
 * (revenue, deals, MQLs a month), the key SLA commitments, the signatories,
 * and the open items when the version was frozen with some. Every figure is
 * taken from the same source and printed with the same formatter as in the
 * section that sets it out (`fmt.rate`, `fmt.days`, whole records), so the
 * summary never says another number than the pages after it.
 */
import { richTextToPlain } from '../../../../shared/domain/rich-text';
import { mainPath } from '../../../../shared/funnel/graph';
import { agreedMqlsPerMonth, agreedScenarioPlan } from '../../../../shared/model/workshop-scenarios';
import { requiredSigners } from '../../../../shared/agreement/version';
import { inconsistencyText, itemLabel } from '../audit-text';
import type { PrintSectionProps } from './types';
import { Section } from './Section';
import { funnelArrows } from './funnel-arrows';

/** The first sentence of a definition, at most `max` characters (an ellipsis ends a cut one). */
export function firstSentence(text: string, max = 160): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const end = plain.search(/[.!?](\s|$)/);
  const sentence = end >= 0 ? plain.slice(0, end + 1) : plain;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).trimEnd()}…`;
}

export function SummarySection({ snapshot, version, signatures, t, fmt }: PrintSectionProps) {
  const { content, override } = snapshot;
  const agreed = content.funnels.agreed;
  const path = mainPath(agreed);
  const others = funnelArrows(agreed).filter((a) => a.kind !== 'main');
  const plan = agreedScenarioPlan(content);
  const mqls = agreedMqlsPerMonth(content);
  const currency = content.meta.currency;
  const valid = signatures.filter((s) => s.versionId === version.id && s.fingerprint === version.fingerprint);
  const approvalsOpen = override?.openItems ?? [];
  const inconsistencies = override?.inconsistencies ?? [];
  return (
    <Section title={t('agreement.pdf.summary.title')} id="summary">
      <p className="print-note">{t('agreement.pdf.summary.intro')}</p>
      <h3>{t('agreement.pdf.summary.definitions')}</h3>
      <ul className="print-summary__list">
        {content.terms.map((term) => (
          <li key={term.id}>
            <strong>{term.acronym && term.acronym !== term.name ? `${term.acronym} (${term.name})` : term.name}</strong>:{' '}
            {firstSentence(richTextToPlain(term.definition))}
          </li>
        ))}
      </ul>
      {path.length > 0 ? (
        <>
          <h3>{t('agreement.pdf.summary.funnel')}</h3>
          <p className="print-summary__chain" data-testid="summary-funnel">
            {path.map(({ stage, next }) => (
              <span key={stage.id} className="print-summary__step">
                <span className="print-summary__stage">{stage.name}</span>
                {next ? (
                  <span className="print-summary__arrow">
                    {' '}
                    → {fmt.rate(next.conversionRate)} · {fmt.days(next.averageDays)} d →{' '}
                  </span>
                ) : null}
              </span>
            ))}
          </p>
          {others.length > 0 ? (
            <p className="print-summary__others">
              {t('agreement.pdf.summary.otherArrows')}:{' '}
              {others
                .map(
                  (a) =>
                    `${a.from} → ${a.to} ${fmt.rate(a.transition.conversionRate)} · ${fmt.days(a.transition.averageDays)} d (${t(`agreement.pdf.kinds.${a.kind}`)})`,
                )
                .join('; ')}
            </p>
          ) : null}
        </>
      ) : null}
      <h3>{t('agreement.pdf.summary.targets')}</h3>
      <dl className="print-kv print-kv--summary">
        <div>
          <dt>{t('agreement.pdf.summary.scenario')}</dt>
          <dd>{plan.scenario.name}</dd>
        </div>
        <div>
          <dt>{t('agreement.pdf.summary.revenue')}</dt>
          <dd>
            {content.targets.revenueTarget === null ? '—' : fmt.money(content.targets.revenueTarget, currency)}
            <span className="print-kv__note"> {t('agreement.pdf.summary.inMonths', { count: plan.scenario.targets.periodMonths })}</span>
          </dd>
        </div>
        {plan.ok ? (
          <div>
            <dt>{t('agreement.pdf.summary.deals')}</dt>
            <dd>{fmt.integer(plan.plan.deals)}</dd>
          </div>
        ) : null}
        {mqls !== null ? (
          <div>
            <dt>{t('agreement.pdf.summary.mqlsPerMonth')}</dt>
            <dd data-testid="summary-mqls">{fmt.integer(mqls)}</dd>
          </div>
        ) : null}
      </dl>
      <h3>{t('agreement.pdf.summary.sla')}</h3>
      <ul className="print-summary__list">
        {content.sla.commitments.map((c) => (
          <li key={c.id}>
            <strong>{t(`teams.${c.party}`)}</strong>: {c.commitment} — {fmt.number(c.target)} {c.unit} ({t(`periods.${c.period}`)})
          </li>
        ))}
      </ul>
      <h3>{t('agreement.pdf.summary.signatories')}</h3>
      <ul className="print-summary__list">
        {requiredSigners(snapshot).map((p) => {
          const sig = valid.find((s) => s.participantId === p.id);
          return (
            <li key={p.id}>
              <strong>{p.name}</strong>, {p.title ? `${p.title}, ` : ''}
              {t(`teams.${p.team}`)} —{' '}
              {sig ? t('agreement.pdf.summary.signedOn', { date: fmt.dateTime(sig.signedAt, sig.timeZone) }) : t('agreement.pdf.summary.pending')}
            </li>
          );
        })}
      </ul>
      <div className={`print-summary__open${override ? ' print-summary__open--some' : ''}`} data-testid="summary-open">
        <h3>{t('agreement.pdf.summary.open')}</h3>
        {override ? (
          <ul className="print-summary__list">
            {inconsistencies.map((i) => (
              <li key={i.id}>{inconsistencyText(i, t, fmt)}</li>
            ))}
            {approvalsOpen.length > 0 ? (
              <li>{t('agreement.pdf.summary.approvals', { count: approvalsOpen.length, list: approvalsOpen.map((i) => itemLabel(i, t)).join(', ') })}</li>
            ) : null}
          </ul>
        ) : (
          <p>{t('agreement.pdf.summary.noOpen')}</p>
        )}
      </div>
    </Section>
  );
}
