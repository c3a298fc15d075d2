/**
 * Glossary: the terms both teams define together. A searchable, filterable
 * list (status of approval, owner team) and an editor for the selected term:
 * name, acronym, owner team, the agreed-funnel stage it defines, formatted
 * definition, entry and exit criteria and examples, the SLA clauses that use
 * it, and its approvals and comments. New terms start blank or from the
 * standard templates in the workshop's language.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { termFragment, type RichTermField } from '../../../shared/domain/workshop-doc';
import { PARTIES, type Party, type Term, type WorkshopContent } from '../../../shared/domain/workshop';
import { richTextToPlain } from '../../../shared/domain/rich-text';
import { STANDARD_TERMS } from '../../../shared/sample/standard-content';
import { TERM_EXAMPLES } from '../../../shared/sla/templates';
import { clausesUsingTerm } from '../../../shared/sla/term-usage';
import { summarizeApprovals, type ApprovalStatus, type ItemApprovalState } from '../../../shared/agreement/approvals';
import { openThreadCounts } from '../../../shared/domain/comments-doc';
import { addGlossaryTerm, editTerm, linkTermToStage, removeGlossaryTerm } from './actions';
import { newId } from '../../data/workshops';
import { useAppStore } from '../../store';
import { SelectField, TextField, firstError } from '../../ui/fields';
import { RichTextEditor, useDocFragment } from '../../ui/RichTextEditor';
import { TermVariants } from './TermVariants';
import { ReviewPanel, StatusBadge } from '../approvals/ReviewPanel';
import { BulkApproval } from '../approvals/BulkApproval';
import { useApprovalStates, useComments } from '../approvals/review-data';
import './glossary.css';

type StatusFilter = 'all' | ApprovalStatus | 'changed';

/** Whether `term` matches the search text (name, acronym or any text field, case- and accent-insensitive). */
function matches(term: Term, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  if (!q) return true;
  const text = [term.name, term.acronym, term.definition, term.entryCriteria, term.exitCriteria, term.examples ?? ''].map((v) =>
    typeof v === 'string' ? v : richTextToPlain(v),
  );
  return fold(text.join('\n')).includes(q);
}

function statusMatches(state: ItemApprovalState | undefined, filter: StatusFilter): boolean {
  if (filter === 'all' || !state) return true;
  if (filter === 'changed') return state.changedSinceApproval.length > 0;
  return state.status === filter;
}

/** One rich-text field of a term, bound to its fragment in the document. */
function TermText({ termId, field, label, testId }: { termId: string; field: RichTermField; label: string; testId: string }) {
  const get = useCallback((doc: Y.Doc) => termFragment(doc, termId, field), [termId, field]);
  const fragment = useDocFragment(get, `${termId}/${field}`);
  return fragment ? <RichTextEditor fragment={fragment} label={label} testId={testId} className="span-2" /> : null;
}

function TermEditor({
  term,
  content,
  state,
  onRemoved,
  focusName,
}: {
  term: Term;
  content: WorkshopContent;
  state: ItemApprovalState | undefined;
  onRemoved: () => void;
  /** Focus (and select) the name field on mount: the term was just added. */
  focusName?: boolean;
}) {
  const { t } = useTranslation();
  const editor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusName) return;
    const name = editor.current?.querySelector<HTMLInputElement>('[data-testid="term-name"]');
    name?.focus();
    name?.select();
  }, [focusName]);
  const update = (field: 'name' | 'acronym') => (value: string) => firstError(editTerm(term.id, { [field]: value }));
  const stages = content.funnels.agreed.stages;
  const linked = stages.find((s) => s.termId === term.id);
  const uses = clausesUsingTerm(content, term);
  const sectionLabel = (key: string) => t(`glossary.section.${key}`);
  return (
    <div key={term.id} data-testid="term-editor" ref={editor}>
      <div className="term-editor__head">
        <h2>{term.acronym && term.acronym !== term.name ? `${term.acronym} — ${term.name}` : term.name}</h2>
        {state ? <StatusBadge state={state} /> : null}
      </div>
      <div className="form-grid">
        <TextField label={t('glossary.name')} value={term.name} onCommit={update('name')} testId="term-name" />
        <TextField label={t('glossary.acronym')} value={term.acronym} onCommit={update('acronym')} testId="term-acronym" />
        <SelectField
          label={t('glossary.owner')}
          value={term.ownerTeam}
          options={PARTIES.map((p) => ({ value: p, label: t(`teams.${p}`) }))}
          onCommit={(ownerTeam) => firstError(editTerm(term.id, { ownerTeam }))}
        />
        <SelectField
          label={t('glossary.stage')}
          hint={t('glossary.stageHint')}
          value={linked?.id ?? ''}
          options={[{ value: '', label: t('glossary.noStage') }, ...stages.map((s) => ({ value: s.id, label: s.name }))]}
          onCommit={(stageId) => firstError(linkTermToStage(term.id, linked?.id ?? null, stageId))}
          testId="term-stage"
        />
        <TermText termId={term.id} field="definition" label={t('glossary.definition')} testId="term-definition" />
        <TermVariants termId={term.id} />
        <TermText termId={term.id} field="entryCriteria" label={t('glossary.entry')} testId="term-entry" />
        <TermText termId={term.id} field="exitCriteria" label={t('glossary.exit')} testId="term-exit" />
        <TermText termId={term.id} field="examples" label={t('glossary.examples')} testId="term-examples" />
        <div className="span-2 term-usage" data-testid="term-usage">
          <div className="field__label">{t('glossary.usedBy')}</div>
          {uses.length === 0 ? (
            <p className="muted">{t('glossary.usedByNone')}</p>
          ) : (
            <ul>
              {uses.map((u) => (
                <li key={u.kind === 'section' ? u.key : u.id}>{u.kind === 'section' ? sectionLabel(u.key) : u.label}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="form-actions span-2">
          <button
            className="danger"
            onClick={() => {
              if (!window.confirm(t('glossary.removeConfirm', { name: term.name }))) return;
              removeGlossaryTerm(term.id);
              onRemoved();
            }}
          >
            {t('glossary.remove')}
          </button>
        </div>
      </div>
      {state ? <ReviewPanel state={state} /> : null}
    </div>
  );
}

export function Glossary() {
  const { t } = useTranslation();
  const content = useAppStore((s) => s.session!.content);
  const terms = content.terms;
  const language = content.meta.language;
  const states = useApprovalStates();
  const comments = useComments();
  const termStates = useMemo(() => new Map(states.filter((s) => s.item.kind === 'term').map((s) => [s.item.id, s])), [states]);
  const openComments = useMemo(() => openThreadCounts(comments), [comments]);
  const focus = useAppStore((s) => (s.route.screen === 'workshop' && s.route.step === 'glossary' ? s.route.focus : undefined));
  const [selectedId, setSelectedId] = useState<string | null>(terms.find((x) => x.id === focus)?.id ?? terms[0]?.id ?? null);
  // The term just added: its editor takes the focus on its name field.
  const [addedId, setAddedId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [team, setTeam] = useState<Party | 'all'>('all');
  const term = terms.find((x) => x.id === selectedId) ?? null;
  const shown = terms.filter((x) => matches(x, query) && statusMatches(termStates.get(x.id), status) && (team === 'all' || x.ownerTeam === team));
  const summary = summarizeApprovals([...termStates.values()]);

  const addFromTemplate = (key: string) => {
    const std = STANDARD_TERMS.find((s) => s.key === key);
    if (!std) return;
    const id = newId();
    addGlossaryTerm({
      id,
      name: std.name[language],
      acronym: std.acronym,
      definition: std.definition[language],
      entryCriteria: std.entry[language],
      exitCriteria: std.exit[language],
      examples: TERM_EXAMPLES[std.key][language],
      ownerTeam: std.owner,
    });
    setSelectedId(id);
    setAddedId(id);
  };

  return (
    <div>
      <p className="intro">{t('glossary.intro')}</p>
      <p className="review-summary" data-testid="glossary-summary">
        {t('approvals.summary', { agreed: summary.agreed, total: summary.total, open: summary.total - summary.agreed, changed: summary.changedSinceApproval })}
      </p>
      <BulkApproval states={[...termStates.values()]} />
      <div className="master-detail">
        <div className="master">
          <div className="glossary-filters">
            <label className="sr-only" htmlFor="glossary-search">
              {t('glossary.search')}
            </label>
            <input
              id="glossary-search"
              type="search"
              placeholder={t('glossary.searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="term-search"
            />
            <div className="glossary-filters__row">
              <label className="sr-only" htmlFor="glossary-status">
                {t('glossary.status')}
              </label>
              <select id="glossary-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} data-testid="term-filter-status">
                <option value="all">{t('approvals.filter.all')}</option>
                <option value="draft">{t('approvals.status.draft')}</option>
                <option value="approved-by-one">{t('approvals.status.approved-by-one-short')}</option>
                <option value="agreed">{t('approvals.status.agreed')}</option>
                <option value="changed">{t('approvals.filter.changed')}</option>
              </select>
              <label className="sr-only" htmlFor="glossary-team">
                {t('glossary.team')}
              </label>
              <select id="glossary-team" value={team} onChange={(e) => setTeam(e.target.value as Party | 'all')} data-testid="term-filter-team">
                <option value="all">{t('glossary.allTeams')}</option>
                {PARTIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`teams.${p}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <ul className="term-list" aria-label={t('steps.glossary')}>
            {shown.map((x) => {
              const state = termStates.get(x.id);
              const open = openComments.get(`term:${x.id}`) ?? 0;
              return (
                <li key={x.id}>
                  <button
                    className={x.id === selectedId ? 'term-item term-item--current' : 'term-item'}
                    aria-current={x.id === selectedId || undefined}
                    onClick={() => setSelectedId(x.id)}
                    data-testid="term-item"
                  >
                    <strong>{x.acronym || x.name}</strong>
                    {x.acronym ? <span className="muted"> {x.name}</span> : null}
                    <span className={`owner owner--${x.ownerTeam}`}>{t(`teams.${x.ownerTeam}`)}</span>
                    <span className="term-item__status">
                      {state ? <StatusBadge state={state} /> : null}
                      {open > 0 ? (
                        <span className="comment-count" title={t('approvals.comments.count', { count: open })} data-testid="comment-count">
                          {t('approvals.comments.count', { count: open })}
                        </span>
                      ) : null}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {shown.length === 0 ? <p className="empty">{t('glossary.none')}</p> : null}
          <div className="glossary-add">
            <button
              onClick={() => {
                const id = newId();
                addGlossaryTerm({
                  id,
                  name: t('glossary.newTerm'),
                  acronym: '',
                  definition: '',
                  entryCriteria: '',
                  exitCriteria: '',
                  examples: '',
                  ownerTeam: 'marketing',
                });
                setSelectedId(id);
                setAddedId(id);
                setQuery('');
                setStatus('all');
                setTeam('all');
              }}
              data-testid="term-add"
            >
              + {t('glossary.add')}
            </button>
            <label className="sr-only" htmlFor="glossary-template">
              {t('glossary.fromTemplate')}
            </label>
            <select
              id="glossary-template"
              value=""
              onChange={(e) => {
                addFromTemplate(e.target.value);
                e.target.value = '';
              }}
              data-testid="term-template"
            >
              <option value="">{t('glossary.fromTemplate')}</option>
              {STANDARD_TERMS.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.acronym && s.acronym !== s.name[language]
                    ? t('glossary.templateOption', { acronym: s.acronym, name: s.name[language] })
                    : s.name[language]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="detail card">
          {term ? (
            <TermEditor
              key={term.id}
              term={term}
              content={content}
              state={termStates.get(term.id)}
              focusName={term.id === addedId}
              onRemoved={() => setSelectedId(terms.find((x) => x.id !== term.id)?.id ?? null)}
            />
          ) : (
            <p className="empty">{t('glossary.select')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
