/** An open workshop: loads its document, shows the steps of the workshop and the current one. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/instance';
import { openSession } from '../../data/session';
import { STEPS, useAppStore, type Step } from '../../store';
import { Participants } from '../participants/Participants';
import { FunnelView } from '../funnel/FunnelView';
import { Glossary } from '../glossary/Glossary';
import { SlaScreen } from '../sla/SlaScreen';
import { TargetsScreen } from '../model/TargetsScreen';
import { SignScreen } from '../agreement/SignScreen';
import { ExportScreen } from '../agreement/ExportScreen';
import { VersionsScreen } from '../versions/VersionsScreen';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { NewerSchemaError } from '../../../shared/domain/workshop-doc';

const SCREENS: Record<Step, () => React.JSX.Element> = {
  participants: Participants,
  funnel: FunnelView,
  glossary: Glossary,
  sla: SlaScreen,
  targets: TargetsScreen,
  sign: SignScreen,
  export: ExportScreen,
  versions: VersionsScreen,
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
        e instanceof NewerSchemaError
          ? { key: 'app.newerSchema', values: { found: e.found, supported: e.supported } }
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
        <h1 id="screen-title">{t(`steps.${step}`)}</h1>
        {/* One boundary per step: a step that fails to render keeps the step menu, so the other steps stay usable. */}
        <ErrorBoundary key={step} title={t('app.stepError')} back={t('app.stepRetry')} onBack={() => undefined}>
          <Screen />
        </ErrorBoundary>
      </section>
    </div>
  );
}
