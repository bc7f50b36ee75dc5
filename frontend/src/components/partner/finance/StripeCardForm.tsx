import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Loader2 } from 'lucide-react';
import { useTranslation } from '@/i18n/use-translation';
import { loadStripeJs, type StripeCardElement, type StripeJs } from './stripeJs';

export interface StripeCardFormProps {
  /** The PaymentIntent's client secret, from the first answer to POST /payments. */
  clientSecret: string;
  publishableKey: string;
  scriptUrl: string;
}

/**
 * The card form of a Stripe payment: Stripe.js mounts its card field here and confirms the PaymentIntent with the client
 * secret. Confirming is not paying: Stripe's signed webhook completes the payment on the server, and the status above
 * (polled) shows it, so a payer who closes the tab after confirming is still paid once.
 */
export function StripeCardForm({ clientSecret, publishableKey, scriptUrl }: StripeCardFormProps) {
  const { t } = useTranslation();
  const mountRef = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ js: StripeJs; card: StripeCardElement } | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'confirming' | 'confirmed' | 'unavailable'>('loading');
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let gone = false;
    loadStripeJs(scriptUrl)
      .then((factory) => {
        if (gone || !mountRef.current) return;
        const js = factory(publishableKey);
        const card = js.elements().create('card', { hidePostalCode: true });
        card.mount(mountRef.current);
        card.on('change', (e) => {
          setComplete(e.complete);
          setError(e.error?.message ?? null);
        });
        stripe.current = { js, card };
        setState('ready');
      })
      .catch(() => !gone && setState('unavailable'));
    return () => {
      gone = true;
      stripe.current?.card.destroy();
      stripe.current = null;
    };
  }, [scriptUrl, publishableKey]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!stripe.current || state === 'confirming') return;
    setState('confirming');
    setError(null);
    const result = await stripe.current.js.confirmCardPayment(clientSecret, { payment_method: { card: stripe.current.card } })
      .catch((): { error: { message?: string } } => ({ error: { message: t('funding.pay.card.unreachable') } }));
    if (result.error) {
      setError(result.error.message ?? t('funding.pay.card.declined'));
      setState('ready');
    } else {
      setState('confirmed');
    }
  };

  if (state === 'unavailable') return <p role="alert" className="text-sm text-brand-text" data-testid="stripe-unavailable">{t('funding.pay.card.unavailable')}</p>;
  return (
    <form className="flex flex-col gap-2" onSubmit={submit} noValidate data-testid="stripe-card-form">
      <span className="text-xs font-medium text-fg-muted">{t('funding.pay.card.label')}</span>
      <div ref={mountRef} className="min-h-10 rounded-lg border border-line px-3 py-2" data-testid="stripe-card-mount" aria-busy={state === 'loading'} />
      {state === 'loading' && <p className="flex items-center gap-2 text-xs text-fg-muted"><Loader2 className="size-4 animate-spin" aria-hidden="true" />{t('funding.pay.card.loading')}</p>}
      {error && <p role="alert" className="text-sm text-brand-text" data-testid="stripe-card-error">{error}</p>}
      {state === 'confirmed'
        ? <p className="text-sm text-fg-muted" data-testid="stripe-card-confirmed">{t('funding.pay.card.confirmed')}</p>
        : (
          <div className="flex justify-end">
            <button type="submit" className="btn-primary" disabled={state !== 'ready' || !complete} data-testid="stripe-card-submit">
              {state === 'confirming' ? t('funding.pay.card.confirming') : t('funding.pay.card.submit')}
            </button>
          </div>
        )}
    </form>
  );
}
