/** What every section of the printed agreement receives. */
import type { TFunction } from 'i18next';
import type { AgreementSnapshot, AgreementVersion, Signature } from '../../../../shared/agreement/version';
import type { Formatters } from '../../../i18n';

export interface PrintSectionProps {
  snapshot: AgreementSnapshot;
  version: AgreementVersion;
  /** Signatures of this workshop (filter by version). */
  signatures: Signature[];
  /** Translate in the workshop's language (not the UI's). */
  t: TFunction;
  /** Formatters in the workshop's language. */
  fmt: Formatters;
}
