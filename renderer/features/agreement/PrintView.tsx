/**
 * The agreement as printed: a frozen version in the workshop's own language,
 * laid out for paper (print CSS in ui/print.css). Everything shown comes from
 * the version's snapshot and its signatures, never from the live draft.
 * Each section lives with its feature (`features/<feature>/print/`).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { AuditEvent } from '../../../shared/agreement/audit';
import type { AgreementSnapshot, AgreementVersion, Signature } from '../../../shared/agreement/version';
import type { PageSize } from '../../../shared/domain/workshop';
import { fixedT, formatters } from '../../i18n';
import { GlossarySection } from '../glossary/print/GlossarySection';
import { FunnelSection } from '../funnel/print/FunnelSection';
import { TargetsSection } from '../model/print/TargetsSection';
import { SlaSection } from '../sla/print/SlaSection';
import { DecisionsSection } from '../facilitation/print/DecisionsSection';
import { FollowUpsSection } from '../facilitation/print/FollowUpsSection';
import { CertificateSection } from './print/CertificateSection';
import { CoverSection } from './print/CoverSection';
import { PartiesSection } from './print/PartiesSection';
import { SignaturesSection } from './print/SignaturesSection';
import { SummarySection } from './print/SummarySection';
import { AuditSection } from './print/AuditSection';
import type { PrintSectionProps, TocLine } from './print/types';

/** Header and footer templates for Chromium's printer: title, version, page x of y. */
export function printTemplates(snapshot: AgreementSnapshot): { headerTemplate: string; footerTemplate: string } {
  const t = fixedT(snapshot.content.meta.language);
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  // The padding inside the page's width (border-box): without it the header ran 32 mm past the page and a long title pushed the version off it.
  const style =
    'font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8px; color: #556; box-sizing: border-box; width: 100%; padding: 0 16mm;';
  return {
    // A long company and title end in an ellipsis on one line (the cover prints them whole); the version always shows whole.
    headerTemplate: `<div style='${style} display:flex; justify-content:space-between; gap:4mm;'><span style='min-width:0; overflow:hidden; text-overflow:ellipsis; white-space:nowrap;'>${esc(snapshot.content.meta.company)} · ${esc(snapshot.content.meta.title)}</span><span style='flex:none; white-space:nowrap;'>${esc(t('pdf.version', { number: snapshot.version }))}</span></div>`,
    footerTemplate: `<div style='${style} text-align:center;'>${esc(t('pdf.page'))} <span class="pageNumber"></span> ${esc(t('pdf.of'))} <span class="totalPages"></span></div>`,
  };
}

/** CSS `@page` rule for the chosen paper size; margins leave room for header and footer. */
export function pageRule(pageSize: PageSize): string {
  return `@page { size: ${pageSize === 'A4' ? 'A4' : 'letter'} portrait; margin: 18mm 16mm 18mm 16mm; }`;
}

/**
 * Sections of the printed agreement, in order: the cover (with the contents),
 * the executive summary, the body, the signatures, the certificate and the
 * audit trail as an appendix. A section that has nothing to print returns null.
 */
const SECTIONS: ((props: PrintSectionProps) => React.JSX.Element | null)[] = [
  CoverSection,
  SummarySection,
  PartiesSection,
  GlossarySection,
  FunnelSection,
  TargetsSection,
  SlaSection,
  DecisionsSection,
  FollowUpsSection,
  SignaturesSection,
  CertificateSection,
  AuditSection,
];

/** The headings the table of contents lists: each section's own heading (`.print-section > h2`), the contents' own excepted. */
export function tocHeadings(root: ParentNode): { id: string; title: string }[] {
  return [...root.querySelectorAll<HTMLElement>('.print-section:not(.print-toc) > h2')].map((h, i) => ({
    id: h.parentElement?.id || `section-${i}`,
    title: (h.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }));
}

const sameLines = (a: readonly TocLine[], b: readonly TocLine[]) =>
  a.length === b.length && a.every((l, i) => l.id === b[i]!.id && l.title === b[i]!.title && l.page === b[i]!.page);

/**
 * The printed agreement. `pages` gives the table of contents its page
 * numbers by section id (from a first print, see ExportScreen); without it
 * the contents list the sections without numbers.
 */
export function PrintView({
  version,
  snapshot,
  signatures,
  audit = [],
  pages,
}: {
  version: AgreementVersion;
  snapshot: AgreementSnapshot;
  signatures: Signature[];
  audit?: AuditEvent[];
  pages?: Record<string, number> | null;
}) {
  const lang = snapshot.content.meta.language;
  const root = useRef<HTMLElement>(null);
  const [toc, setToc] = useState<TocLine[]>([]);
  useLayoutEffect(() => {
    if (!root.current) return;
    const next = tocHeadings(root.current).map((h) => ({ ...h, page: pages?.[h.id] ?? null }));
    setToc((prev) => (sameLines(prev, next) ? prev : next));
    // Section headings depend only on the snapshot (their text, in its language); pages on the pagination.
  }, [pages, snapshot]);
  const props: PrintSectionProps = { snapshot, version, signatures, audit, toc, t: fixedT(lang), fmt: formatters(lang) };
  return (
    <article className="print-doc" lang={lang} data-testid="print-view" ref={root}>
      {SECTIONS.map((S, i) => (
        <S key={i} {...props} />
      ))}
    </article>
  );
}
