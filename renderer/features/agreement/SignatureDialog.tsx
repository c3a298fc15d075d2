/** The signing dialog: a drawn (signature_pad) or typed signature, and the consent to a simple electronic signature. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import type { Participant } from '../../../shared/domain/workshop';
import type { AgreementVersion, Signature } from '../../../shared/agreement/version';
import { isoWithOffset, localTimeZone } from '../../../shared/domain/time';
import { newId } from '../../data/workshops';

const WIDTH = 560;
const HEIGHT = 180;

/** Renders a typed name in the handwriting face as a PNG data URL. */
async function typedSignatureImage(name: string): Promise<string> {
  await document.fonts.load('64px Caveat');
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * 2;
  canvas.height = HEIGHT * 2;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(2, 2);
  ctx.fillStyle = '#1b2a4a';
  let size = 64;
  ctx.font = `${size}px Caveat, cursive`;
  while (ctx.measureText(name).width > WIDTH - 40 && size > 24) {
    size -= 4;
    ctx.font = `${size}px Caveat, cursive`;
  }
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillText(name, WIDTH / 2, HEIGHT / 2);
  return canvas.toDataURL('image/png');
}

export function SignatureDialog(props: {
  participant: Participant;
  version: AgreementVersion;
  onSign: (signature: Signature) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { participant, version } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [method, setMethod] = useState<'drawn' | 'typed'>('drawn');
  const [typed, setTyped] = useState(participant.name);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    if (method !== 'drawn' || !canvas.current) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.current.width = WIDTH * ratio;
    canvas.current.height = HEIGHT * ratio;
    canvas.current.getContext('2d')!.scale(ratio, ratio);
    pad.current = new SignaturePad(canvas.current, { penColor: '#1b2a4a', minWidth: 0.8, maxWidth: 2.6 });
    return () => pad.current?.off();
  }, [method]);

  const submit = async () => {
    if (!consent) return setError('consent');
    let image: string;
    if (method === 'drawn') {
      if (!pad.current || pad.current.isEmpty()) return setError('signature');
      image = pad.current.toDataURL('image/png');
    } else {
      if (!typed.trim()) return setError('signature');
      image = await typedSignatureImage(typed.trim());
    }
    setBusy(true);
    const now = new Date();
    const consentText = t('agreement.consent', { number: version.number, short: version.fingerprint.slice(0, 8) });
    await props.onSign({
      id: newId(),
      versionId: version.id,
      workshopId: version.workshopId,
      participantId: participant.id,
      name: participant.name,
      title: participant.title,
      team: participant.team,
      method,
      image,
      signedAt: isoWithOffset(now),
      timeZone: localTimeZone(),
      fingerprint: version.fingerprint,
      consent: consentText,
    });
    setBusy(false);
    dialog.current?.close();
    props.onClose();
  };

  return (
    <dialog ref={dialog} className="dialog sign-dialog" onClose={props.onClose} aria-labelledby="sign-title">
      <h2 id="sign-title">{t('agreement.sign.dialogTitle', { name: participant.name })}</h2>
      <p className="muted">
        {participant.title} · {t(`teams.${participant.team}`)}
      </p>
      <div role="radiogroup" aria-label={t('agreement.sign.method')} className="segmented">
        {(['drawn', 'typed'] as const).map((m) => (
          <label key={m} className={method === m ? 'segmented__on' : undefined}>
            <input
              type="radio"
              name="method"
              value={m}
              checked={method === m}
              onChange={() => {
                setMethod(m);
                setError(null);
              }}
            />
            {t(`agreement.sign.${m}`)}
          </label>
        ))}
      </div>
      {method === 'drawn' ? (
        <div>
          <canvas
            ref={canvas}
            className="signature-pad"
            style={{ width: WIDTH, height: HEIGHT }}
            aria-label={t('agreement.sign.drawHelp')}
            data-testid="signature-pad"
          />
          <div className="row-between">
            <span className="muted small">{t('agreement.sign.drawHelp')}</span>
            <button type="button" onClick={() => pad.current?.clear()}>
              {t('agreement.sign.clear')}
            </button>
          </div>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="typed-signature" className="field__label">
            {t('agreement.sign.typeHere')}
          </label>
          <input id="typed-signature" value={typed} onChange={(e) => setTyped(e.target.value)} className="typed-signature" data-testid="typed-signature" />
        </div>
      )}
      <div className="field field--check consent">
        <input
          id="consent"
          type="checkbox"
          checked={consent}
          onChange={(e) => {
            setConsent(e.target.checked);
            setError(null);
          }}
          data-testid="consent"
        />
        <label htmlFor="consent">{t('agreement.consent', { number: version.number, short: version.fingerprint.slice(0, 8) })}</label>
      </div>
      {error ? (
        <div className="field__error" role="alert">
          {t(`errors.${error}`)}
        </div>
      ) : null}
      <div className="form-actions">
        <button className="primary" onClick={() => void submit()} disabled={busy} data-testid="confirm-sign">
          {t('agreement.sign.confirm')}
        </button>
        <button
          onClick={() => {
            dialog.current?.close();
            props.onClose();
          }}
        >
          {t('agreement.sign.cancel')}
        </button>
      </div>
    </dialog>
  );
}
