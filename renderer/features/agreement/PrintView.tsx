/**
 * The agreement as printed: a frozen version in the workshop's own language,
 * laid out for paper (print CSS in ui/print.css). Everything shown comes from
 * the version's snapshot and its signatures, never from the live draft.
 */
import type { TFunction } from 'i18next';
import { formatFingerprint } from '../../../shared/agreement/fingerprint';
import { requiredSigners, type AgreementSnapshot, type AgreementVersion, type Signature } from '../../../shared/agreement/version';
import { mainPath } from '../../../shared/domain/workshop-doc';
import { PARTIES, type PageSize } from '../../../shared/domain/workshop';
import { fixedT, formatters } from '../../i18n';
import { agreedPlan } from '../model/plan';

/** Header and footer templates for Chromium's printer: title, version, page x of y. */
export function printTemplates(snapshot: AgreementSnapshot): { headerTemplate: string; footerTemplate: string } {
  const t = fixedT(snapshot.content.meta.language);
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const style = 'font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8px; color: #556; width: 100%; padding: 0 16mm;';
  return {
    headerTemplate: `<div style='${style} display:flex; justify-content:space-between;'><span>${esc(snapshot.content.meta.company)} · ${esc(snapshot.content.meta.title)}</span><span>${esc(t('pdf.version', { number: snapshot.version }))}</span></div>`,
    footerTemplate: `<div style='${style} text-align:center;'>${esc(t('pdf.page'))} <span class="pageNumber"></span> ${esc(t('pdf.of'))} <span class="totalPages"></span></div>`,
  };
}

/** CSS `@page` rule for the chosen paper size; margins leave room for header and footer. */
export function pageRule(pageSize: PageSize): string {
  return `@page { size: ${pageSize === 'A4' ? 'A4' : 'letter'} portrait; margin: 18mm 16mm 18mm 16mm; }`;
}

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section className="print-section" id={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function FunnelDiagram({ snapshot, t }: { snapshot: AgreementSnapshot; t: TFunction }) {
  const fmt = formatters(snapshot.content.meta.language);
  const path = mainPath(snapshot.content.funnels.agreed);
  const n = path.length;
  return (
    <div className="print-funnel" role="img" aria-label={t('pdf.funnel')}>
      {path.map(({ stage, next }, i) => (
        <div key={stage.id} className="print-funnel__row">
          <div className={`print-funnel__bar print-funnel__bar--${stage.ownerTeam}`} style={{ width: `${100 - (i * 60) / Math.max(1, n - 1)}%` }}>
            <span className="print-funnel__name">{stage.name}</span>
            <span className="print-funnel__owner">{t(`teams.${stage.ownerTeam}`)}</span>
          </div>
          {next ? (
            <div className="print-funnel__next">
              ↓ {fmt.percent(next.conversionRate)} · {fmt.integer(next.averageDays)} {t('pdf.days').toLowerCase()}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}

export function PrintView({ version, snapshot, signatures }: { version: AgreementVersion; snapshot: AgreementSnapshot; signatures: Signature[] }) {
  const { content } = snapshot;
  const lang = content.meta.language;
  const t = fixedT(lang);
  const fmt = formatters(lang);
  const plan = agreedPlan(content);
  const signers = requiredSigners(snapshot);
  const valid = signatures.filter((s) => s.versionId === version.id && s.fingerprint === version.fingerprint);
  const complete = signers.every((p) => valid.some((s) => s.participantId === p.id));
  const path = mainPath(content.funnels.agreed);
  const overall = path.reduce((acc, { next }) => (next ? acc * next.conversionRate : acc), 1);
  const paragraphs = content.sla.intro.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <article className="print-doc" lang={lang} data-testid="print-view">
      <section className="print-cover">
        <div className="print-cover__brand">{content.meta.company}</div>
        <h1>{content.meta.title}</h1>
        <p className="print-cover__subtitle">{t('pdf.docTitle')}</p>
        <dl className="print-cover__facts">
          <div><dt>{t('pdf.company')}</dt><dd>{content.meta.company}</dd></div>
          <div><dt>{t('pdf.date')}</dt><dd>{fmt.date(content.meta.date)}</dd></div>
          <div><dt>{t('pdf.version', { number: snapshot.version })}</dt><dd>{t('pdf.frozenAt', { date: fmt.dateTime(snapshot.frozenAt) })}</dd></div>
        </dl>
        <h2>{t('pdf.parties')}</h2>
        <table className="print-table">
          <thead><tr><th>{t('participants.name')}</th><th>{t('participants.jobTitle')}</th><th>{t('pdf.team')}</th><th>{t('pdf.signs')}</th></tr></thead>
          <tbody>
            {content.participants.map((p) => (
              <tr key={p.id}><td>{p.name}</td><td>{p.title}</td><td>{t(`teams.${p.team}`)}</td><td>{p.signatory ? t('pdf.yes') : t('pdf.no')}</td></tr>
            ))}
          </tbody>
        </table>
        <p className="print-cover__fingerprint">{t('pdf.fingerprint')}: <code>{formatFingerprint(version.fingerprint)}</code></p>
      </section>

      <Section title={t('pdf.glossary')} id="glossary">
        {content.terms.map((term) => (
          <div key={term.id} className="print-term">
            <h3>
              {term.acronym && term.acronym !== term.name ? <><span className="print-term__acronym">{term.acronym}</span> — </> : null}
              {term.name} <span className={`print-owner print-owner--${term.ownerTeam}`}>{t(`teams.${term.ownerTeam}`)}</span>
            </h3>
            <p>{term.definition}</p>
            <dl className="print-criteria">
              <dt>{t('pdf.entry')}</dt><dd>{term.entryCriteria}</dd>
              <dt>{t('pdf.exit')}</dt><dd>{term.exitCriteria}</dd>
            </dl>
          </div>
        ))}
      </Section>

      <Section title={t('pdf.funnel')} id="funnel">
        <FunnelDiagram snapshot={snapshot} t={t} />
        <table className="print-table">
          <thead><tr><th>{t('pdf.stage')}</th><th>{t('pdf.owner')}</th><th className="num">{t('pdf.rate')}</th><th className="num">{t('pdf.days')}</th></tr></thead>
          <tbody>
            {path.map(({ stage, next }) => (
              <tr key={stage.id}>
                <td>{stage.name}</td>
                <td>{t(`teams.${stage.ownerTeam}`)}</td>
                <td className="num">{next ? fmt.percent(next.conversionRate) : '—'}</td>
                <td className="num">{next ? fmt.integer(next.averageDays) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={t('pdf.targets')} id="targets">
        <dl className="print-kv">
          <div><dt>{t('pdf.revenueTarget')}</dt><dd>{fmt.money(content.targets.revenueTarget, content.meta.currency)}</dd></div>
          <div><dt>{t('pdf.averageDealSize')}</dt><dd>{fmt.money(content.targets.averageDealSize, content.meta.currency)}</dd></div>
          <div><dt>{t('pdf.period')}</dt><dd>{t('pdf.months', { count: content.targets.periodMonths })}</dd></div>
          <div><dt>{t('pdf.leadToCustomer')}</dt><dd>{fmt.percent(overall)}</dd></div>
        </dl>
        {plan.ok ? (
          <table className="print-table">
            <thead><tr><th>{t('pdf.stage')}</th><th className="num">{t('pdf.volume')}</th><th className="num">{t('pdf.perMonth')}</th><th className="num">{t('pdf.rate')}</th></tr></thead>
            <tbody>
              {plan.rows.map((r) => (
                <tr key={r.stage.id}>
                  <td>{r.stage.name}</td>
                  <td className="num">{fmt.integer(r.volume)}</td>
                  <td className="num">{fmt.number(r.perMonth)}</td>
                  <td className="num">{r.rateToNext === null ? '—' : fmt.percent(r.rateToNext)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>

      <Section title={t('pdf.sla')} id="sla">
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {PARTIES.map((party) => {
          const list = content.sla.commitments.filter((c) => c.party === party);
          if (list.length === 0) return null;
          return (
            <div key={party} className="print-commitments">
              <h3>{t('pdf.commitmentsOf', { team: t(`teams.${party}`) })}</h3>
              <table className="print-table">
                <thead><tr><th>{t('sla.commitment')}</th><th>{t('sla.metric')}</th><th className="num">{t('sla.target')}</th><th>{t('sla.period')}</th></tr></thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <td>{c.commitment}</td>
                      <td>{c.metric}</td>
                      <td className="num">{fmt.number(c.target)} {c.unit}</td>
                      <td>{t(`periods.${c.period}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </Section>

      <Section title={t('pdf.signatures')} id="signatures">
        {!complete ? <p className="print-warning">{t('pdf.incomplete')}</p> : null}
        <div className="print-signatures">
          {signers.map((p) => {
            const sig = valid.find((s) => s.participantId === p.id);
            return (
              <div key={p.id} className="print-signature">
                <div className="print-signature__image">{sig ? <img src={sig.image} alt="" /> : <span className="print-signature__pending">{t('pdf.notSigned')}</span>}</div>
                <div className="print-signature__line" />
                <strong>{p.name}</strong>
                <div>{p.title}</div>
                <div>{t(`teams.${p.team}`)}</div>
                {sig ? (
                  <div className="print-signature__when">
                    {t('pdf.signedAt')} {fmt.dateTime(sig.signedAt, sig.timeZone)} ({sig.timeZone})
                    <br />
                    {t('pdf.signatureKind', { method: t(sig.method === 'drawn' ? 'pdf.drawnMethod' : 'pdf.typedMethod') })}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
        <div className="print-fingerprint">
          <h3>{t('pdf.fingerprint')}</h3>
          <code data-testid="print-fingerprint">{formatFingerprint(version.fingerprint)}</code>
          <p>{t('pdf.fingerprintHelp')}</p>
          <p className="small">{t('pdf.eidas')}</p>
        </div>
      </Section>
    </article>
  );
}
