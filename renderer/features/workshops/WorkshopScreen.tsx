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
  const setNotice = useAppStore((s) => s.setNotice);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (useAppStore.getState().session?.id === id) return;
    openSession(db, id).catch((e: unknown) => {
      setFailed(String(e));
      setNotice({ kind: 'error', key: 'app.storageError', values: { message: String(e) } });
    });
  }, [id, setNotice]);
  if (failed) return <p className="empty">{failed}</p>;
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
        <Screen />
      </section>
    </div>
  );
}
