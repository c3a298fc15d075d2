/**
 * Section locks: the facilitator locks a section once it is agreed
 * (participants, funnel, glossary, SLA, targets) and unlocks it. A locked
 * step's screen shows a note (when, by whom, and Unlock for the
 * facilitator) and reads only: its form controls are disabled (rich text
 * through `SectionLockedContext`); the edit path refuses writes there as well.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCKABLE_SECTIONS, type LockableSection } from '../../../shared/facilitation/types';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import type { Step } from '../../store';
import { SectionLockedContext } from '../../ui/section-lock';
import { lockSection, unlockSection } from './actions';
import { useCanFacilitate, useFacilitation } from './hooks';
import { lockableSectionOf } from './view';

function LockButton({ section }: { section: LockableSection }) {
  const { t } = useTranslation();
  const state = useFacilitation();
  const name = t(`facilitation.sections.${section}`);
  return state.locks[section] ? (
    <button type="button" onClick={() => unlockSection(section)} data-testid={`unlock-${section}`}>
      {t('facilitation.lock.unlock', { section: name })}
    </button>
  ) : (
    <button type="button" onClick={() => lockSection(section)} data-testid={`lock-${section}`}>
      {t('facilitation.lock.lock', { section: name })}
    </button>
  );
}

/** The lock state of every lockable section, with lock/unlock for the facilitator. */
export function LocksPanel() {
  const { t } = useTranslation();
  const state = useFacilitation();
  const canFacilitate = useCanFacilitate();
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  return (
    <ul className="plain-list facil-list facil-locks">
      {LOCKABLE_SECTIONS.map((section) => {
        const lock = state.locks[section];
        return (
          <li key={section} className="facil-lock" data-testid={`lock-row-${section}`}>
            <span className="strong">{t(`facilitation.sections.${section}`)}</span>
            <span className="small muted">
              {lock ? t('facilitation.lock.lockedAt', { time: fmt.time(new Date(lock.lockedAt)), by: lock.by }) : t('facilitation.lock.open')}
            </span>
            {canFacilitate ? <LockButton section={section} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Wraps step `step`'s screen: as it is when the step's section is not
 * locked; read-only under a note when it is.
 */
export function LockedSection({ step, children }: { step: Step; children: ReactNode }) {
  const { t } = useTranslation();
  const state = useFacilitation();
  const canFacilitate = useCanFacilitate();
  const language = useAppStore((s) => s.language);
  const section = lockableSectionOf(step);
  const lock = section ? state.locks[section] : undefined;
  if (!section || !lock) return <>{children}</>;
  const name = t(`facilitation.sections.${section}`);
  return (
    <>
      <div className="notice notice--info lock-note" role="status" data-testid="lock-note">
        <span>
          {t('facilitation.lock.locked', { section: name })}{' '}
          {t('facilitation.lock.lockedAt', { time: formatters(language).time(new Date(lock.lockedAt)), by: lock.by })}
        </span>
        {canFacilitate ? <LockButton section={section} /> : null}
      </div>
      <fieldset className="plain locked-section" disabled data-testid="locked-section">
        <legend className="sr-only">{t('facilitation.lock.locked', { section: name })}</legend>
        <SectionLockedContext.Provider value={true}>{children}</SectionLockedContext.Provider>
      </fieldset>
    </>
  );
}

/** Lock or unlock of the current step's section, for the facilitator (shown beside the step's title). */
export function StepLockButton({ step }: { step: Step }) {
  const canFacilitate = useCanFacilitate();
  const section = lockableSectionOf(step);
  if (!section || !canFacilitate) return null;
  return <LockButton section={section} />;
}
