import { useId, useState, type FormEvent } from 'react';
import { AlertCircle, RotateCw } from 'lucide-react';
import { PartnerModal } from '@/components/partner/shared';
import { isApiError } from '@/lib/api';
import { apiErrorText, apiFieldText } from '@/i18n/api-text';
import { useTranslation, type Translation } from '@/i18n/use-translation';
import { cn } from '@/lib/cn';
import { useAnswerConsentsTogether, useRespondToConsent } from '@/services/parent/consents';
import type { ConsentAnswer, ParentConsent } from '@/types/partner';
import { firstName } from './consent-display';
import { SignTogetherChoice } from './SignTogetherChoice';

interface FieldErrors {
  agree?: string;
  signedName?: string;
  consentTextVersion?: string;
  form?: string;
}

/** The server's refusal by field, in the reader's language where the field or code is known (i18n/api-text.ts). */
function errorsFrom(error: unknown, translation: Translation): FieldErrors {
  if (!isApiError(error)) return { form: apiErrorText(error, translation) };
  const first = (field: string) => apiFieldText(error, field, translation);
  const fields: FieldErrors = {
    agree: first('agree'),
    signedName: first('signedName'),
    consentTextVersion: first('consentTextVersion'),
  };
  const anyField = fields.agree || fields.signedName || fields.consentTextVersion;
  return anyField ? fields : { form: first('language') || first('requestIds') || apiErrorText(error, translation) };
}

export interface ConsentAnswerFormProps {
  consent: ParentConsent;
  /** Reloads the request (after the text changed, or someone else answered). */
  onReload: () => void;
  /** The server's record of the answer; with a signature for several children, the others' records too. */
  onAnswered?: (consent: ParentConsent, alsoSigned: ParentConsent[]) => void;
  /** The guardian's other requests waiting in the same program: offers to sign for all of them at once. */
  siblings?: ParentConsent[];
  /** Changing a decline or a withdrawal into consent: only "Agree and sign" is offered. */
  agreeOnly?: boolean;
}

/**
 * The e-signature: tick "I have read and agree", type your full name, then Agree. Decline asks first.
 * The server checks the name against the account; its messages appear under the field they are about.
 */
export function ConsentAnswerForm({ consent, onReload, onAnswered, agreeOnly = false, siblings = [] }: ConsentAnswerFormProps) {
  const id = useId();
  const [agreed, setAgreed] = useState(false);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirmDecline, setConfirmDecline] = useState(false);
  const [signForAll, setSignForAll] = useState(false);
  const respond = useRespondToConsent(consent.id);
  const respondTogether = useAnswerConsentsTogether();
  const child = firstName(consent.childName);
  const translation = useTranslation();
  const { t } = translation;
  // The answer names the language of the text shown (the server keeps it, with the hash of that text).
  const language = consent.consentTextLanguage;
  const offerAll = !agreeOnly && siblings.length > 0;
  const together = offerAll && signForAll;

  const failed = (error: unknown) => {
    setConfirmDecline(false);
    setErrors(errorsFrom(error, translation));
    // Someone (or another tab) answered already: show the request as it now stands.
    if (isApiError(error) && error.status === 409) onReload();
  };

  const send = (answer: ConsentAnswer) => {
    setErrors({});
    if (together && answer.agree) {
      // One signature, one record per child: this request first, then its siblings.
      const requestIds = [consent.id, ...siblings.map((s) => s.id)];
      respondTogether.mutate(
        { requestIds, agree: true, signedName: answer.signedName, consentTextVersion: answer.consentTextVersion, language },
        {
          onSuccess: ({ answered }) => {
            const mine = answered.find((a) => a.id === consent.id);
            if (mine) onAnswered?.(mine, answered.filter((a) => a.id !== consent.id));
          },
          onError: failed,
        },
      );
      return;
    }
    respond.mutate(answer, {
      onSuccess: (updated) => {
        setConfirmDecline(false);
        onAnswered?.(updated, []);
      },
      onError: failed,
    });
  };

  const onAgree = (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!agreed) local.agree = t('consent.tickToAgree');
    if (!name.trim()) local.signedName = t('consent.typeName');
    if (local.agree || local.signedName) {
      setErrors(local);
      return;
    }
    send({ agree: true, signedName: name.trim(), consentTextVersion: consent.consentTextVersion, language });
  };

  const onDecline = () => send({ agree: false, signedName: name.trim() || null, consentTextVersion: consent.consentTextVersion, language });

  const agreeErrorId = `${id}-agree-error`;
  const nameHintId = `${id}-name-hint`;
  const nameErrorId = `${id}-name-error`;
  const busy = respond.isPending || respondTogether.isPending;

  return (
    <section aria-labelledby={`${id}-title`} className="card p-4 sm:p-5" data-testid="consent-answer">
      <h2 id={`${id}-title`} className="text-base font-semibold text-fg">
        {t('consent.yourAnswer')}
      </h2>
      <p className="mt-1 text-sm text-fg-muted">{t('consent.answerIntro')}</p>

      <form className="mt-4 flex flex-col gap-5" onSubmit={onAgree} noValidate>
        {offerAll && (
          <SignTogetherChoice requests={[consent, ...siblings]} together={signForAll} onChange={setSignForAll} disabled={busy} />
        )}

        <div>
          <label
            className={cn(
              'flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border bg-app px-4 py-3 text-[15px] font-medium text-fg transition-colors',
              errors.agree ? 'border-brand' : 'border-line hover:border-line-strong',
            )}
          >
            <input
              type="checkbox"
              className="size-6 shrink-0 cursor-pointer accent-[#e40000]"
              checked={agreed}
              onChange={(e) => {
                setAgreed(e.target.checked);
                if (e.target.checked) setErrors((prev) => ({ ...prev, agree: undefined }));
              }}
              aria-required="true"
              aria-invalid={errors.agree ? true : undefined}
              aria-describedby={errors.agree ? agreeErrorId : undefined}
              data-testid="consent-agree-checkbox"
            />
            {t('consent.iAgree')}
          </label>
          {errors.agree && (
            <p id={agreeErrorId} className="mt-1.5 text-sm text-brand-text" data-testid="consent-agree-error">
              {errors.agree}
            </p>
          )}
        </div>

        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-fg">
            {t('consent.fullName')}
          </label>
          <input
            id={`${id}-name`}
            type="text"
            className={cn('input mt-1.5 min-h-12 text-base', errors.signedName && 'border-brand')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            aria-required="true"
            autoCapitalize="words"
            spellCheck={false}
            maxLength={200}
            aria-invalid={errors.signedName ? true : undefined}
            aria-describedby={errors.signedName ? `${nameHintId} ${nameErrorId}` : nameHintId}
            data-testid="consent-signed-name"
          />
          <p id={nameHintId} className="mt-1.5 text-xs text-fg-subtle">
            {t('consent.signatureHint')}
          </p>
          {errors.signedName && (
            <p id={nameErrorId} className="mt-1.5 text-sm text-brand-text" data-testid="consent-name-error">
              {errors.signedName}
            </p>
          )}
        </div>

        {(errors.form || errors.consentTextVersion) && (
          <div role="alert" className="flex items-start gap-2.5 rounded-lg border border-brand/40 bg-brand-soft px-3 py-2.5 text-sm text-fg" data-testid="consent-form-error">
            <AlertCircle className="mt-0.5 size-4 shrink-0 text-brand-text" aria-hidden="true" />
            <div className="min-w-0 flex-1">
              <p>{errors.consentTextVersion ?? errors.form}</p>
              {errors.consentTextVersion && (
                <button type="button" className="btn-secondary mt-2 min-h-11" onClick={onReload}>
                  <RotateCw className="size-4" aria-hidden="true" /> {t('consent.reloadText')}
                </button>
              )}
            </div>
          </div>
        )}

        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          {!agreeOnly && !together && (
            <button type="button" className="btn-secondary min-h-12 w-full text-base sm:w-auto sm:min-w-32" onClick={() => setConfirmDecline(true)} disabled={busy} data-testid="consent-decline">
              {t('consent.decline')}
            </button>
          )}
          <button type="submit" className="btn-primary min-h-12 w-full text-base sm:w-auto sm:min-w-40" disabled={busy} data-testid="consent-agree">
            {busy && !confirmDecline ? t('consent.signing') : together ? t('consent.agreeForAll', { count: siblings.length + 1 }) : t('consent.agreeAndSign')}
          </button>
        </div>
      </form>

      <PartnerModal
        open={confirmDecline}
        onClose={() => !busy && setConfirmDecline(false)}
        title={t('consent.declineTitle')}
        size="sm"
        testId="decline-dialog"
        description={t('consent.declineText', { partner: consent.partnerName, child })}
        footer={
          <>
            <button type="button" className="btn-secondary min-h-11" onClick={() => setConfirmDecline(false)} disabled={busy}>
              {t('consent.goBack')}
            </button>
            <button type="button" className="btn-primary min-h-11" onClick={onDecline} disabled={busy} data-testid="decline-confirm">
              {busy ? t('consent.declining') : t('consent.declineRequest')}
            </button>
          </>
        }
      >
        {t('consent.declineLater')}
      </PartnerModal>
    </section>
  );
}
