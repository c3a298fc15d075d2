/**
 * The agreement as printed: a frozen version in the workshop's own language,
 * laid out for paper (print CSS in ui/print.css). Everything shown comes from
 * the version's snapshot and its signatures, never from the live draft.
 * Each section lives with its feature (`features/<feature>/print/`).
 */
import type { AgreementSnapshot, AgreementVersion, Signature } from '../../../shared/agreement/version';
import type { PageSize } from '../../../shared/domain/workshop';
import { fixedT, formatters } from '../../i18n';
import { GlossarySection } from '../glossary/print/GlossarySection';
import { FunnelSection } from '../funnel/print/FunnelSection';
import { TargetsSection } from '../model/print/TargetsSection';
import { SlaSection } from '../sla/print/SlaSection';
import { CoverSection } from './print/CoverSection';
import { SignaturesSection } from './print/SignaturesSection';
import type { PrintSectionProps } from './print/types';

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

/** Sections of the printed agreement, in order. */
const SECTIONS: ((props: PrintSectionProps) => React.JSX.Element)[] = [
  CoverSection,
  GlossarySection,
  FunnelSection,
  TargetsSection,
  SlaSection,
  SignaturesSection,
];

export function PrintView({ version, snapshot, signatures }: { version: AgreementVersion; snapshot: AgreementSnapshot; signatures: Signature[] }) {
  const lang = snapshot.content.meta.language;
  const props: PrintSectionProps = { snapshot, version, signatures, t: fixedT(lang), fmt: formatters(lang) };
  return (
    <article className="print-doc" lang={lang} data-testid="print-view">
      {SECTIONS.map((S, i) => (
        <S key={i} {...props} />
      ))}
    </article>
  );
}
