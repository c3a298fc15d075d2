/**
 * A term's variants from private drafting, side by side: what Marketing and
 * Sales each drafted as the term's definition (the visible drafts only: a
 * team's own while drafting, both once the facilitator revealed; authors
 * hidden when the reveal hid them). The facilitator can adopt one as the
 * definition. Nothing shows when no team drafted this term.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTIES } from '../../../shared/domain/workshop';
import { adoptDraft } from '../facilitation/actions';
import { FormError, useRefusalMessage } from '../facilitation/forms';
import { useCanFacilitate, usePrivateRound, useTermVariants } from '../facilitation/hooks';

export function TermVariants({ termId }: { termId: string }) {
  const { t } = useTranslation();
  const variants = useTermVariants(termId);
  const round = usePrivateRound();
  const canFacilitate = useCanFacilitate();
  const [error, setError] = useState<string | null>(null);
  const refusal = useRefusalMessage();
  if (variants.length === 0) return null;
  const revealed = !(round?.status === 'drafting' && variants.some((v) => v.blockId === round.blockId));
  return (
    <section className="span-2 term-variants" aria-labelledby={`variants-${termId}`} data-testid="term-variants">
      <div className="field__label" id={`variants-${termId}`}>
        {t('facilitation.variants.title')}
      </div>
      {!revealed ? <p className="field__hint">{t('facilitation.variants.private')}</p> : null}
      <div className="term-variants__grid">
        {PARTIES.map((party) => {
          const v = variants.find((x) => x.party === party);
          return (
            <div key={party} className={`term-variant term-variant--${party}`} data-testid={`term-variant-${party}`}>
              <div className="term-variant__team">{t(`teams.${party}`)}</div>
              {v ? (
                <>
                  <p className="term-variant__text">{v.text || '—'}</p>
                  {v.authorName ? <p className="field__hint">{t('facilitation.variants.by', { name: v.authorName })}</p> : null}
                  {canFacilitate && revealed && v.text.trim() !== '' ? (
                    <button type="button" onClick={() => setError(refusal(adoptDraft(v.id)))} data-testid={`term-variant-adopt-${party}`}>
                      {t('facilitation.variants.adopt')}
                    </button>
                  ) : null}
                </>
              ) : (
                <p className="muted">{t('facilitation.variants.none')}</p>
              )}
            </div>
          );
        })}
      </div>
      <FormError message={error} />
    </section>
  );
}
