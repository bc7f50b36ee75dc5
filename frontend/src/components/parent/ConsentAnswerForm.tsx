import { useId, useState, type FormEvent } from 'react';
import { AlertCircle, RotateCw } from 'lucide-react';
import { PartnerModal } from '@/components/partner/shared';
import { isApiError } from '@/lib/api';
import { cn } from '@/lib/cn';
import { useAnswerConsentsTogether, useRespondToConsent } from '@/services/parent/consents';
import type { ConsentAnswer, ParentConsent } from '@/types/partner';
import { firstName } from './consent-display';
import { SignTogetherChoice } from './SignTogetherChoice';

export const SIGNATURE_HINT = 'Type your full name as it appears on your account';

interface FieldErrors {
  agree?: string;
  signedName?: string;
  consentTextVersion?: string;
  form?: string;
}

function errorsFrom(error: unknown): FieldErrors {
  if (!isApiError(error)) return { form: error instanceof Error ? error.message : 'Something went wrong. Please try again.' };
  const first = (field: string) => error.fieldErrors(field)[0];
  const fields: FieldErrors = {
    agree: first('agree'),
    signedName: first('signedName'),
    consentTextVersion: first('consentTextVersion'),
  };
  const anyField = fields.agree || fields.signedName || fields.consentTextVersion;
  return anyField ? fields : { form: first('requestIds') || error.detail || error.message };
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
  const offerAll = !agreeOnly && siblings.length > 0;
  const together = offerAll && signForAll;

  const failed = (error: unknown) => {
    setConfirmDecline(false);
    setErrors(errorsFrom(error));
    // Someone (or another tab) answered already: show the request as it now stands.
    if (isApiError(error) && error.status === 409) onReload();
  };

  const send = (answer: ConsentAnswer) => {
    setErrors({});
    if (together && answer.agree) {
      // One signature, one record per child: this request first, then its siblings.
      const requestIds = [consent.id, ...siblings.map((s) => s.id)];
      respondTogether.mutate(
        { requestIds, agree: true, signedName: answer.signedName, consentTextVersion: answer.consentTextVersion },
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
    if (!agreed) local.agree = 'Tick the box to show you have read and agree.';
    if (!name.trim()) local.signedName = 'Type your full name to sign.';
    if (local.agree || local.signedName) {
      setErrors(local);
      return;
    }
    send({ agree: true, signedName: name.trim(), consentTextVersion: consent.consentTextVersion });
  };

  const onDecline = () => send({ agree: false, signedName: name.trim() || null, consentTextVersion: consent.consentTextVersion });

  const agreeErrorId = `${id}-agree-error`;
  const nameHintId = `${id}-name-hint`;
  const nameErrorId = `${id}-name-error`;
  const busy = respond.isPending || respondTogether.isPending;

  return (
    <section aria-labelledby={`${id}-title`} className="card p-4 sm:p-5" data-testid="consent-answer">
      <h2 id={`${id}-title`} className="text-base font-semibold text-fg">
        Your answer
      </h2>
      <p className="mt-1 text-sm text-fg-muted">
        Agreeing is your signature. You can withdraw it at any time from this page.
      </p>

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
            I have read and agree
          </label>
          {errors.agree && (
            <p id={agreeErrorId} className="mt-1.5 text-sm text-brand-text" data-testid="consent-agree-error">
              {errors.agree}
            </p>
          )}
        </div>

        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-fg">
            Your full name (signature)
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
            {SIGNATURE_HINT}
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
                  <RotateCw className="size-4" aria-hidden="true" /> Reload the text
                </button>
              )}
            </div>
          </div>
        )}

        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          {!agreeOnly && !together && (
            <button type="button" className="btn-secondary min-h-12 w-full text-base sm:w-auto sm:min-w-32" onClick={() => setConfirmDecline(true)} disabled={busy} data-testid="consent-decline">
              Decline
            </button>
          )}
          <button type="submit" className="btn-primary min-h-12 w-full text-base sm:w-auto sm:min-w-40" disabled={busy} data-testid="consent-agree">
            {busy && !confirmDecline ? 'Signing…' : together ? `Agree and sign for all ${siblings.length + 1}` : 'Agree and sign'}
          </button>
        </div>
      </form>

      <PartnerModal
        open={confirmDecline}
        onClose={() => !busy && setConfirmDecline(false)}
        title="Decline this request?"
        size="sm"
        testId="decline-dialog"
        description={`${consent.partnerName} will not see ${child}’s learning. ${child} keeps learning on Elimu as before.`}
        footer={
          <>
            <button type="button" className="btn-secondary min-h-11" onClick={() => setConfirmDecline(false)} disabled={busy}>
              Go back
            </button>
            <button type="button" className="btn-primary min-h-11" onClick={onDecline} disabled={busy} data-testid="decline-confirm">
              {busy ? 'Declining…' : 'Decline request'}
            </button>
          </>
        }
      >
        The sponsor may send a new request later; you can answer it then.
      </PartnerModal>
    </section>
  );
}
