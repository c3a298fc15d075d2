/** What every section of the printed agreement receives. */
import type { TFunction } from 'i18next';
import type { AuditEvent } from '../../../../shared/agreement/audit';
import type { AgreementSnapshot, AgreementVersion, Signature } from '../../../../shared/agreement/version';
import type { Formatters } from '../../../i18n';

/** One line of the table of contents: a section's heading and its page (null until paginated). */
export interface TocLine {
  id: string;
  title: string;
  page: number | null;
}

export interface PrintSectionProps {
  snapshot: AgreementSnapshot;
  version: AgreementVersion;
  /** Signatures of this workshop (filter by version). */
  signatures: Signature[];
  /** Translate in the workshop's language (not the UI's). */
  t: TFunction;
  /** Formatters in the workshop's language. */
  fmt: Formatters;
  /** The workshop's audit trail as exported (oldest first); empty when not loaded. */
  audit: AuditEvent[];
  /** The table of contents: every section after it, with pages once the print was paginated. */
  toc: TocLine[];
}
