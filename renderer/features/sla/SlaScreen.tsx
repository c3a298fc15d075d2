/**
 * SLA: the written agreement in nine sections — purpose and scope,
 * definitions drawn from the glossary, each party's structured commitments
 * (party, metric, target, unit, period, how it is measured, what happens
 * when missed), lead handoff, recycling, escalation, customer-loyalty
 * metrics and reporting cadence. Each clause shows its approval status and
 * opens its approvals and comments; a clause library inserts the catalogue's
 * usual clauses. Marketing's volume commitment can stay linked to the
 * targets model and says when it is out of date.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { slaFragment } from '../../../shared/domain/workshop-doc';
import { PARTIES, PERIODS, SLA_SECTION_KEYS, type Commitment, type Party, type SlaSectionKey, type WorkshopContent } from '../../../shared/domain/workshop';
import { richTextToPlain } from '../../../shared/domain/rich-text';
import { SLA_TEXT_CLAUSE_ID, slaSectionClauseId, type ItemApprovalState } from '../../../shared/agreement/approvals';
import { openThreadCounts } from '../../../shared/domain/comments-doc';
import { modelLinkState, modelMqlsPerMonth } from '../../../shared/sla/model-link';
import { clauseDuplicate, clauseInsertion, CLAUSE_LIBRARY, type ClauseDuplicate, type ClauseInsertion } from '../../../shared/sla/clause-library';
import { addCommitment, editCommitment, insertLibraryClause, removeCommitment } from './actions';
import { newId } from '../../data/workshops';
import { useAppStore } from '../../store';
import { NumberField, SelectField, TextField, firstError } from '../../ui/fields';
import { RichTextEditor, useDocFragment } from '../../ui/RichTextEditor';
import { ReviewPanel, StatusBadge } from '../approvals/ReviewPanel';
import { BulkApproval } from '../approvals/BulkApproval';
import { useApprovalStates, useComments } from '../approvals/review-data';
import './sla.css';

/** A clause's status badge and a toggle that opens its approvals and comments. */
function ClauseReview({ state, openCount }: { state: ItemApprovalState | undefined; openCount: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!state) return null;
  return (
    <div className="clause-review" data-testid={`clause-review-${state.item.id}`}>
      <div className="clause-review__bar">
        <StatusBadge state={state} />
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((v) => !v)} data-testid="clause-review-toggle">
          {openCount > 0 ? t('sla.reviewToggleCount', { count: openCount }) : t('sla.reviewToggle')}
        </button>
      </div>
      {open ? <ReviewPanel state={state} /> : null}
    </div>
  );
}

function SectionText({ sectionKey, label, testId }: { sectionKey: 'intro' | SlaSectionKey; label: string; testId: string }) {
  const get = useCallback((doc: Y.Doc) => slaFragment(doc, sectionKey), [sectionKey]);
  const fragment = useDocFragment(get, sectionKey);
  return fragment ? <RichTextEditor fragment={fragment} label={label} hideLabel tables testId={testId} /> : null;
}

function ModelLink({ commitment, content }: { commitment: Commitment; content: WorkshopContent }) {
  const { t } = useTranslation();
  const state = modelLinkState(commitment, content);
  const set = (patch: Partial<Commitment>) => editCommitment(commitment.id, patch);
  if (state.status === 'unlinked') {
    // Only a volume commitment (MQLs) can take its number from the model.
    if (commitment.party !== 'marketing' || !/\bMQL/i.test(`${commitment.unit} ${commitment.metric}`)) return null;
    const value = modelMqlsPerMonth(content);
    return value === null ? null : (
      <button type="button" className="link-button" onClick={() => set({ source: 'model-mqls', target: value })} data-testid="model-link">
        {t('sla.model.link')}
      </button>
    );
  }
  return (
    <div
      className={`model-link model-link--${state.status}`}
      role={state.status === 'out-of-date' ? 'status' : undefined}
      data-testid="model-link-state"
      data-status={state.status}
    >
      {state.status === 'current' ? t('sla.model.current', { value: state.value }) : null}
      {state.status === 'out-of-date' ? (
        <>
          ⚠ {t('sla.model.outOfDate', { value: state.value })}{' '}
          <button type="button" className="primary" onClick={() => set({ target: state.value })} data-testid="model-update">
            {t('sla.model.update', { value: state.value })}
          </button>
        </>
      ) : null}
      {state.status === 'unavailable' ? t('sla.model.unavailable') : null}{' '}
      <button type="button" className="link-button" onClick={() => set({ source: null })}>
        {t('sla.model.unlink')}
      </button>
    </div>
  );
}

function CommitmentCard({
  c,
  content,
  state,
  openCount,
}: {
  c: Commitment;
  content: WorkshopContent;
  state: ItemApprovalState | undefined;
  openCount: number;
}) {
  const { t } = useTranslation();
  const update =
    <K extends keyof Commitment>(field: K) =>
    (value: Commitment[K]) =>
      firstError(editCommitment(c.id, { [field]: value }));
  return (
    <div className="commitment-card" data-testid="commitment-row" data-commitment-id={c.id}>
      <div className="commitment-card__grid">
        <TextField className="commitment-card__what" label={t('sla.commitment')} multiline rows={4} value={c.commitment} onCommit={update('commitment')} />
        <SelectField label={t('sla.party')} value={c.party} options={PARTIES.map((p) => ({ value: p, label: t(`teams.${p}`) }))} onCommit={update('party')} />
        <TextField label={t('sla.metric')} wrap value={c.metric} onCommit={update('metric')} />
        <NumberField label={t('sla.target')} kind="number" value={c.target} onCommit={update('target')} testId="commitment-target" />
        <TextField label={t('sla.unit')} wrap value={c.unit} onCommit={update('unit')} />
        <SelectField
          label={t('sla.period')}
          value={c.period}
          options={PERIODS.map((p) => ({ value: p, label: t(`periods.${p}`) }))}
          onCommit={update('period')}
        />
        <TextField className="commitment-card__wide" label={t('sla.measurement')} wrap value={c.measurement ?? ''} onCommit={update('measurement')} />
        <TextField className="commitment-card__wider" label={t('sla.whenMissed')} wrap value={c.whenMissed ?? ''} onCommit={update('whenMissed')} />
      </div>
      <ModelLink commitment={c} content={content} />
      <div className="commitment-card__foot">
        <ClauseReview state={state} openCount={openCount} />
        <button className="icon danger" onClick={() => removeCommitment(c.id)} aria-label={`${t('sla.remove')}: ${c.commitment}`}>
          ✕
        </button>
      </div>
    </div>
  );
}

/** Scrolls the SLA to what a library clause added or already has: a commitment card, else a section. */
function revealInSla(where: { commitmentId: string | null; section: SlaSectionKey | null }) {
  const el = where.commitmentId
    ? document.querySelector<HTMLElement>(`[data-commitment-id="${where.commitmentId}"]`)
    : where.section
      ? (document.getElementById(`sla-h-${where.section}`)?.closest<HTMLElement>('section') ?? null)
      : null;
  el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}

/**
 * The clause library: inserts a catalogue clause and scrolls to it. A clause
 * whose commitment or text is already in the SLA is not inserted again
 * unasked: it says where it is, shows it, or inserts it again on request.
 */
function ClauseLibrary({ content }: { content: WorkshopContent }) {
  const { t } = useTranslation();
  const language = content.meta.language;
  const [done, setDone] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<{ title: string; add: ClauseInsertion; where: ClauseDuplicate } | null>(null);
  // What to scroll to once the inserted clause has rendered.
  const [reveal, setReveal] = useState<{ commitmentId: string | null; section: SlaSectionKey | null } | null>(null);
  useEffect(() => {
    if (reveal) revealInSla(reveal);
  }, [reveal]);
  const apply = (title: string, add: ClauseInsertion) => {
    if (insertLibraryClause(add, content)) return;
    setDuplicate(null);
    setDone(t('sla.libraryDone', { title }));
    setReveal({ commitmentId: add.commitment?.id ?? null, section: add.section?.key ?? null });
  };
  const insert = (number: number) => {
    const clause = CLAUSE_LIBRARY.find((c) => c.number === number);
    if (!clause) return;
    setDuplicate(null);
    if (clause.glossary) return setDone(t('sla.libraryGlossary'));
    const add = clauseInsertion(clause, language, modelMqlsPerMonth(content) ?? 0, newId);
    const where = clauseDuplicate(add, content);
    if (where) {
      setDone(null);
      setDuplicate({ title: clause.title[language], add, where });
      return;
    }
    apply(clause.title[language], add);
  };
  return (
    <div className="clause-library">
      <label htmlFor="clause-library" className="field__label">
        {t('sla.library')}
      </label>
      <select id="clause-library" value="" onChange={(e) => insert(Number(e.target.value))} data-testid="clause-library">
        <option value="">{t('sla.libraryInsert')}</option>
        {CLAUSE_LIBRARY.map((c) => (
          <option key={c.number} value={c.number}>
            {c.number}. {c.title[language]}
          </option>
        ))}
      </select>
      {done ? (
        <span className="muted" role="status">
          {done}
        </span>
      ) : null}
      {duplicate ? (
        <div className="notice notice--info clause-library__duplicate" role="status" data-testid="clause-duplicate">
          <span>
            {duplicate.where.commitmentId
              ? t('sla.libraryDuplicateCommitment', { title: duplicate.title })
              : t('sla.libraryDuplicateSection', { title: duplicate.title, section: t(`sla.section.${duplicate.where.section}`) })}
          </span>{' '}
          <button type="button" className="link-button" onClick={() => revealInSla(duplicate.where)} data-testid="clause-duplicate-show">
            {t('sla.libraryShow')}
          </button>{' '}
          <button type="button" className="link-button" onClick={() => apply(duplicate.title, duplicate.add)} data-testid="clause-duplicate-insert">
            {t('sla.libraryInsertAgain')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function SlaScreen() {
  const { t } = useTranslation();
  const content = useAppStore((s) => s.session!.content);
  const navigate = useAppStore((s) => s.navigate);
  const route = useAppStore((s) => s.route);
  const states = useApprovalStates();
  const counts = openThreadCounts(useComments());
  const stateOf = (id: string) => states.find((s) => s.item.kind === 'clause' && s.item.id === id);
  const countOf = (id: string) => counts.get(`clause:${id}`) ?? 0;
  const clauseStates = states.filter((s) => s.item.kind === 'clause');
  const agreed = clauseStates.filter((s) => s.status === 'agreed').length;
  const changed = clauseStates.filter((s) => s.changedSinceApproval.length > 0).length;
  const commitmentsOf = (party: Party) => content.sla.commitments.filter((c) => c.party === party);
  return (
    <div className="sla-doc">
      <p className="intro">{t('sla.intro')}</p>
      <div className="sla-doc__top">
        <p className="review-summary" data-testid="sla-summary">
          {t('approvals.summary', { agreed, total: clauseStates.length, open: clauseStates.length - agreed, changed })}
        </p>
        <ClauseLibrary content={content} />
      </div>
      <BulkApproval states={clauseStates} />

      <section className="sla-section card" aria-labelledby="sla-h-intro">
        <h2 id="sla-h-intro">{t('sla.section.intro')}</h2>
        <SectionText sectionKey="intro" label={t('sla.introHeading')} testId="sla-intro" />
        <ClauseReview state={stateOf(SLA_TEXT_CLAUSE_ID)} openCount={countOf(SLA_TEXT_CLAUSE_ID)} />
      </section>

      <section className="sla-section card" aria-labelledby="sla-h-definitions">
        <h2 id="sla-h-definitions">{t('sla.section.definitions')}</h2>
        <p className="muted">
          {t('sla.definitionsNote')}{' '}
          {route.screen === 'workshop' ? (
            <button type="button" className="link-button" onClick={() => navigate({ ...route, step: 'glossary' })}>
              {t('sla.editInGlossary')}
            </button>
          ) : null}
        </p>
        {content.terms.length === 0 ? <p className="empty">{t('sla.noTerms')}</p> : null}
        <dl className="sla-definitions" data-testid="sla-definitions">
          {content.terms.map((term) => (
            <div key={term.id}>
              <dt>{term.acronym && term.acronym !== term.name ? `${term.acronym} — ${term.name}` : term.name}</dt>
              <dd>{richTextToPlain(term.definition).split('\n\n')[0] || t('sla.empty')}</dd>
            </div>
          ))}
        </dl>
      </section>

      {PARTIES.map((party) => (
        <section key={party} className="sla-section card" aria-labelledby={`sla-h-${party}`}>
          <h2 id={`sla-h-${party}`}>{t(`sla.section.${party}`)}</h2>
          {commitmentsOf(party).map((c) => (
            <CommitmentCard key={c.id} c={c} content={content} state={stateOf(c.id)} openCount={countOf(c.id)} />
          ))}
          <button
            onClick={() =>
              addCommitment({
                id: newId(),
                party,
                commitment: t('sla.newCommitment'),
                metric: t('sla.newMetric'),
                target: 0,
                unit: '',
                period: 'month',
                measurement: '',
                whenMissed: '',
              })
            }
            data-testid={`commitment-add-${party}`}
          >
            + {t('sla.addFor', { team: t(`teams.${party}`) })}
          </button>
        </section>
      ))}

      {SLA_SECTION_KEYS.map((key) => (
        <section key={key} className="sla-section card" aria-labelledby={`sla-h-${key}`}>
          <h2 id={`sla-h-${key}`}>{t(`sla.section.${key}`)}</h2>
          <SectionText sectionKey={key} label={t(`sla.section.${key}`)} testId={`sla-section-${key}`} />
          <ClauseReview state={stateOf(slaSectionClauseId(key))} openCount={countOf(slaSectionClauseId(key))} />
        </section>
      ))}
    </div>
  );
}
