/**
 * What a canvas shows beside the funnel's own data, in the UI language:
 * owner labels, linked terms, the agreed funnel's volumes from the targets
 * model (reverse funnel over its main path), validation messages per stage
 * and arrow (`validateFunnel`), screen-reader labels, and gap highlights.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { mainPath } from '../../../shared/funnel/graph';
import type { Funnel, FunnelId, Language, Party, Targets, Term } from '../../../shared/domain/workshop';
import { validateFunnel, type FunnelIssue } from '../../../shared/funnel/validate';
import { formatDays, formatPercent } from '../../../shared/funnel/input';
import { ModelInputError, reverseFunnel } from '../../../shared/model/reverse-funnel';
import { formatters } from '../../i18n';
import { useAppStore } from '../../store';
import type { CanvasDecorations } from './canvas-model';

/** "MQL — Lead calificado por marketing", or the name alone for a term without acronym. */
export function termLabel(term: Term): string {
  return term.acronym && term.acronym.trim().toLowerCase() !== term.name.trim().toLowerCase() ? `${term.acronym} — ${term.name}` : term.name;
}

/**
 * Volumes per stage of the agreed funnel's main path for the workshop's
 * targets (whole records over the period), or an empty map when the model
 * cannot compute them (no stages, a 0 % rate, no revenue target or deal size yet…).
 */
export function agreedVolumes(agreed: Funnel, targets: Targets): Map<string, number> {
  const path = mainPath(agreed);
  const { revenueTarget, averageDealSize } = targets;
  if (path.length === 0 || revenueTarget === null || averageDealSize === null) return new Map();
  try {
    const volumes = reverseFunnel(
      revenueTarget,
      averageDealSize,
      path.map(({ stage, next }) => ({ id: stage.id, conversionRate: next?.conversionRate ?? 1 })),
    );
    return new Map(volumes.map((v) => [v.id, v.volume]));
  } catch (e) {
    if (e instanceof ModelInputError) return new Map();
    throw e;
  }
}

/** The message of a validation issue in the UI language. */
export function issueMessage(issue: FunnelIssue, t: TFunction, language: Language): string {
  const params: Record<string, string | number> = { ...issue.params };
  if (typeof params.sum === 'number') params.sum = formatPercent(params.sum, language);
  return t(`funnel.issues.${issue.code}`, params);
}

/** Validation messages grouped by the stage or arrow they concern. */
export function issuesByTarget(funnel: Funnel, t: TFunction, language: Language) {
  const stages = new Map<string, { messages: string[]; level: 'error' | 'warning' }>();
  const transitions = new Map<string, { messages: string[]; level: 'error' | 'warning' }>();
  for (const issue of validateFunnel(funnel)) {
    const map = issue.target.kind === 'stage' ? stages : transitions;
    const id = issue.target.kind === 'stage' ? issue.target.stageId : issue.target.transitionId;
    const entry = map.get(id) ?? { messages: [], level: 'warning' as const };
    entry.messages.push(issueMessage(issue, t, language));
    if (issue.severity === 'error') entry.level = 'error';
    map.set(id, entry);
  }
  return { stages, transitions };
}

/** The decorations of funnel `funnelId` as the canvas draws it. */
export function useDecorations(
  funnelId: FunnelId,
  funnel: Funnel,
  highlightStages: ReadonlySet<string>,
  highlightTransitions: ReadonlySet<string>,
): CanvasDecorations {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const terms = useAppStore((s) => s.session!.content.terms);
  const targets = useAppStore((s) => s.session!.content.targets);
  const agreed = useAppStore((s) => s.session!.content.funnels.agreed);
  return useMemo(() => {
    const fmt = formatters(language);
    const volumes = funnelId === 'agreed' ? agreedVolumes(agreed, targets) : new Map<string, number>();
    const ownerLabels: Record<Party, string> = { marketing: t('teams.marketing'), sales: t('teams.sales') };
    const termById = new Map(terms.map((x) => [x.id, x]));
    const stageById = new Map(funnel.stages.map((s) => [s.id, s]));
    const issues = issuesByTarget(funnel, t, language);
    const edgeLabel = (rate: number, days: number) => `${formatPercent(rate, language)} · ${formatDays(days, language)}`;
    return {
      ownerLabels,
      termLabel: (id) => {
        const term = id ? termById.get(id) : undefined;
        return term ? termLabel(term) : null;
      },
      volume: (id) => {
        const v = volumes.get(id);
        return v === undefined ? null : t('funnel.volume', { volume: fmt.integer(v) });
      },
      edgeLabel,
      rateMissingLabel: t('funnel.rateMissingLabel'),
      recycleLabel: t('funnel.recycleTag'),
      stageAria: (id) => {
        const s = stageById.get(id)!;
        const out = funnel.transitions
          .filter((x) => x.source === id && stageById.has(x.target))
          .map((x) => `${stageById.get(x.target)!.name} ${formatPercent(x.conversionRate, language)}, ${formatDays(x.averageDays, language)}`);
        const term = s.termId ? termById.get(s.termId) : undefined;
        return (
          t('funnel.stageAria', { name: s.name, owner: ownerLabels[s.ownerTeam] }) +
          (term ? `; ${t('funnel.term')}: ${termLabel(term)}` : '') +
          (out.length ? t('funnel.stageAriaOut', { targets: out.join('; ') }) : '') +
          (issues.stages.get(id) ? `. ${issues.stages.get(id)!.messages.join(' ')}` : '')
        );
      },
      edgeAria: (id) => {
        const x = funnel.transitions.find((tr) => tr.id === id)!;
        const values = {
          from: stageById.get(x.source)?.name ?? x.source,
          to: stageById.get(x.target)?.name ?? x.target,
          rate: x.rateMissing ? t('funnel.rateMissingLabel') : formatPercent(x.conversionRate, language),
          days: formatDays(x.averageDays, language),
        };
        return (
          t(x.recycle ? 'funnel.edgeAriaRecycle' : 'funnel.edgeAria', values) +
          (issues.transitions.get(id) ? `. ${issues.transitions.get(id)!.messages.join(' ')}` : '')
        );
      },
      stageIssues: issues.stages,
      transitionIssues: issues.transitions,
      highlightStages,
      highlightTransitions,
    } satisfies CanvasDecorations;
  }, [funnelId, funnel, agreed, targets, terms, language, t, highlightStages, highlightTransitions]);
}
