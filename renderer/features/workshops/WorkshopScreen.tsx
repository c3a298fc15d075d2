/**
 * An open workshop: loads its document, shows the steps of the workshop and
 * the current one. Each step's screen is its own chunk, loaded when the step
 * is first opened (React.lazy), so the home screen does not load the canvas,
 * the charts, the rich-text editor or the PDF code.
 */
import { Suspense, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/instance';
import { openSession } from '../../data/session';
import { STEPS, useAppStore, type Step } from '../../store';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { DocMigrationError } from '../../../shared/domain/migrations';
import { DOC_SCHEMA_VERSION } from '../../../shared/domain/workshop-doc';
import { LockedSection, StepLockButton } from '../facilitation/Locks';
import { ReadOnlySeat } from '../room/ReadOnlySeat';
import { lazyComponent as lazyScreen } from '../../ui/lazy-component';

/** The facilitation bar (timer), panel and presenter mode: their own chunk. */
const FacilitationChrome = lazyScreen(() => import('../facilitation/FacilitationChrome'), 'FacilitationChrome');

const SCREENS: Record<Step, ComponentType> = {
  agenda: lazyScreen(() => import('../facilitation/AgendaScreen'), 'AgendaScreen'),
  participants: lazyScreen(() => import('../participants/Participants'), 'Participants'),
  funnel: lazyScreen(() => import('../funnel/FunnelView'), 'FunnelView'),
  glossary: lazyScreen(() => import('../glossary/Glossary'), 'Glossary'),
  sla: lazyScreen(() => import('../sla/SlaScreen'), 'SlaScreen'),
  targets: lazyScreen(() => import('../model/TargetsScreen'), 'TargetsScreen'),
  sign: lazyScreen(() => import('../agreement/SignScreen'), 'SignScreen'),
  export: lazyScreen(() => import('../agreement/ExportScreen'), 'ExportScreen'),
  versions: lazyScreen(() => import('../versions/VersionsScreen'), 'VersionsScreen'),
};

export function WorkshopScreen({ id, step }: { id: string; step: Step }) {
  const { t } = useTranslation();
  const session = useAppStore((s) => s.session);
  const navigate = useAppStore((s) => s.navigate);
  const [failed, setFailed] = useState<{ key: string; values: Record<string, string | number> } | null>(null);
  useEffect(() => {
    if (useAppStore.getState().session?.id === id) return;
    openSession(db, id).catch((e: unknown) => {
      // Opening writes nothing before it succeeds: say why it failed, not that a save did.
      const why: { key: string; values: Record<string, string | number> } =
        e instanceof DocMigrationError && e.code === 'too-new'
          ? { key: 'app.newerSchema', values: { found: e.version ?? '?', supported: DOC_SCHEMA_VERSION } }
          : { key: 'app.openFailed', values: { message: e instanceof Error ? e.message : String(e) } };
      // Said once, on the screen itself (with the way back), not again in a notice.
      setFailed(why);
    });
  }, [id]);
  if (failed) {
    return (
      <div className="empty" data-testid="open-failed">
        <p>{t(failed.key, failed.values)}</p>
        <button onClick={() => navigate({ screen: 'home' })}>{t('app.back')}</button>
      </div>
    );
  }
  if (!session || session.id !== id) return <p>{t('app.loading')}</p>;
  const Screen = SCREENS[step];
  return (
    // One boundary for the facilitation bar and the step menu: they appear together, so the bar (its own
    // chunk) never pushes the menu down under a click that was aimed at a step.
    <Suspense fallback={<p>{t('app.loading')}</p>}>
      <FacilitationChrome />
      <div className="workshop">
        <nav className="steps" aria-label={t('app.name')}>
          <ol>
            {STEPS.map((s, i) => (
              <li key={s}>
                <button
                  className={s === step ? 'step step--current' : 'step'}
                  aria-current={s === step ? 'step' : undefined}
                  onClick={() => navigate({ screen: 'workshop', id, step: s })}
                  data-testid={`step-${s}`}
                >
                  <span className="step__n">{i + 1}</span> {t(`steps.${s}`)}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <section className="workshop__body" aria-labelledby="screen-title">
          {/* The title shows with its screen, once the step's chunk has loaded: a visible title means the screen is there. */}
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <div className="screen-head">
              <h1 id="screen-title">{t(`steps.${step}`)}</h1>
              <StepLockButton step={step} />
            </div>
            {/* One boundary per step: a step that fails to render keeps the step menu, so the other steps stay usable. */}
            <ErrorBoundary key={step} title={t('app.stepError')} back={t('app.stepRetry')} onBack={() => undefined}>
              <ReadOnlySeat>
                <LockedSection step={step}>
                  <Screen />
                </LockedSection>
              </ReadOnlySeat>
            </ErrorBoundary>
          </Suspense>
        </section>
      </div>
    </Suspense>
  );
}
