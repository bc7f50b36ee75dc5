import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CheckCircle2, ExternalLink, Loader2, Smartphone, XCircle } from 'lucide-react';
import { PartnerModal } from '@/components/partner/shared';
import { useTranslation } from '@/i18n/use-translation';
import { isApiError } from '@/lib/api';
import { useCheckPayment, useDueInvoice, useGateways, usePaymentStatus, useProcessPayment } from '@/services/partner/partnerFinanceService';
import type { PaymentGateway, PaymentItem, SubscriptionItem } from '@/types/partner';
import { formatKes, GATEWAYS, KENYAN_MOBILE, newIdempotencyKey } from './money';
import { StripeCardForm } from './StripeCardForm';

/** Where the payment sent to PayPal is remembered while the payer is away on PayPal's page (same tab). */
export const PAYPAL_PENDING_KEY = 'elimu.finance.paypalPayment';

export interface PayDialogProps {
  subscription: SubscriptionItem | null;
  onClose: () => void;
  /** Gateways a payment was refused for (422 gateway_not_configured) since the list was read: shown disabled too. */
  unavailable: Set<PaymentGateway>;
  onUnavailable: (gateway: PaymentGateway) => void;
  /** The history and subscriptions change once a payment ends. */
  onSettled: () => void;
}

/**
 * "Pay now": choose a gateway, start the payment with an Idempotency-Key kept for retries of the same attempt (a new
 * one once the gateway or number changes or a payment failed), then follow its status until completed or failed.
 */
export function PayDialog({ subscription, onClose, unavailable, onUnavailable, onSettled }: PayDialogProps) {
  const { t } = useTranslation();
  const [started, setStarted] = useState<PaymentItem | null>(null);
  const [phone, setPhone] = useState('');
  const close = () => {
    setStarted(null);
    onClose();
  };
  return (
    <PartnerModal open={subscription !== null} onClose={close} title={subscription ? t('funding.pay.title', { program: subscription.programName }) : ''} testId="pay-dialog"
      description={subscription && !started ? <DueAmount subscriptionId={subscription.id} /> : undefined}>
      {subscription && (started ? (
        <PaymentProgress payment={started} phone={phone} onAgain={() => setStarted(null)} onClose={close} onSettled={onSettled} />
      ) : (
        <PayForm subscription={subscription} phone={phone} setPhone={setPhone} unavailable={unavailable} onUnavailable={onUnavailable} onStarted={setStarted} onClose={close} />
      ))}
    </PartnerModal>
  );
}

/**
 * What "pay now" charges, as the server will: the open invoice (its number, period and total), or before any invoice the
 * current period as it would be issued now. Not today's children × price, which may differ from an invoice issued earlier.
 */
function DueAmount({ subscriptionId }: { subscriptionId: string }) {
  const { t } = useTranslation();
  const due = useDueInvoice(subscriptionId);
  if (due.isPending) return <span data-testid="pay-due" data-state="loading">{t('funding.pay.dueLoading')}</span>;
  if (due.isError) {
    const nothing = isApiError(due.error) && due.error.code === 'nothing_due' ? (due.error.detail ?? t('funding.pay.nothingDue')) : null;
    return <span data-testid="pay-due" data-state={nothing ? 'nothing' : 'error'}>{nothing ?? t('funding.pay.dueError')}</span>;
  }
  const d = due.data;
  const values = { amount: formatKes(d.total, d.currency), count: d.children, from: d.periodStart, to: d.periodEnd, number: d.number ?? '' };
  return (
    <span data-testid="pay-due" data-state={d.issued ? 'invoice' : 'draft'} data-amount={d.total}>
      {d.issued ? t('funding.pay.due', values) : t('funding.pay.dueDraft', values)}
    </span>
  );
}

interface PayFormProps {
  subscription: SubscriptionItem;
  phone: string;
  setPhone: (p: string) => void;
  unavailable: Set<PaymentGateway>;
  onUnavailable: (g: PaymentGateway) => void;
  onStarted: (p: PaymentItem) => void;
  onClose: () => void;
}

function PayForm({ subscription, phone, setPhone, unavailable, onUnavailable, onStarted, onClose }: PayFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const pay = useProcessPayment();
  const choices = useGateways(true);
  // Unavailable before any click: the server lists each gateway with the reason it cannot be used (keys missing).
  const reasonOf = (g: PaymentGateway): string | null => {
    const choice = choices.data?.find((c) => c.gateway === g);
    if (choice && !choice.available) return choice.reason ?? t('funding.pay.unavailable');
    return unavailable.has(g) ? t('funding.pay.unavailable') : null;
  };
  const [gateway, setGateway] = useState<PaymentGateway>('sandbox');
  const [touched, setTouched] = useState(false);
  const key = useRef(newIdempotencyKey());
  const renewKey = () => {
    key.current = newIdempotencyKey();
    pay.reset();
  };

  const compact = phone.replace(/[\s-]/g, '');
  const localInvalid = gateway === 'mpesa' && !KENYAN_MOBILE.test(compact);
  const apiPhoneError = isApiError(pay.error) ? pay.error.fieldErrors('phoneNumber')[0] : undefined;
  const phoneError = apiPhoneError ?? (touched && localInvalid ? t('funding.pay.phoneInvalid') : undefined);
  const otherError = pay.error && !apiPhoneError ? (isApiError(pay.error) ? (pay.error.detail ?? pay.error.title) : pay.error.message) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (localInvalid) return;
    pay.mutate(
      { subscriptionId: subscription.id, gateway, phoneNumber: gateway === 'mpesa' ? compact : undefined, idempotencyKey: key.current },
      {
        onSuccess: (p) => {
          onStarted(p);
          // PayPal: the payer approves on PayPal's page and comes back to ?paypal=return, where the page checks the payment.
          if (p.gateway === 'paypal' && p.status === 'pending' && p.approvalUrl) {
            sessionStorage.setItem(PAYPAL_PENDING_KEY, p.id);
            window.location.assign(p.approvalUrl);
          }
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'gateway_not_configured') onUnavailable(gateway);
          // A refusal before any payment was made (validation, unavailable gateway) frees the key for a corrected attempt;
          // a lost connection or a 5xx keeps it, so "Try again" cannot charge twice.
          if (isApiError(error) && error.status >= 400 && error.status < 500) key.current = newIdempotencyKey();
        },
      },
    );
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-xs font-medium text-fg-muted">{t('funding.pay.gateway')}</legend>
        {GATEWAYS.map((g) => {
          const reason = reasonOf(g);
          return (
            <label key={g} className="flex cursor-pointer items-start gap-3 rounded-lg border border-line px-3 py-2 text-sm has-[:checked]:border-brand has-[:disabled]:cursor-not-allowed"
              data-testid={`gateway-option-${g}`} data-available={reason === null}>
              <input type="radio" name={`${id}-gateway`} value={g} checked={gateway === g} disabled={reason !== null} className="mt-0.5 accent-[#E40000]"
                onChange={() => { setGateway(g); setTouched(false); renewKey(); }} data-testid={`gateway-${g}`}
                aria-describedby={reason ? `${id}-${g}-reason` : undefined} />
              <span className="flex min-w-0 flex-1 flex-col">
                <span className={reason ? 'text-fg-muted' : undefined}>{t(`funding.pay.gateways.${g}`)}</span>
                {reason && <span id={`${id}-${g}-reason`} className="text-xs text-fg-muted" data-testid={`gateway-reason-${g}`}>{reason}</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      {gateway === 'mpesa' && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-phone`} className="text-xs font-medium text-fg-muted">{t('funding.pay.phone')}</label>
          <input id={`${id}-phone`} className="input" type="tel" inputMode="tel" autoComplete="tel" value={phone} placeholder="0712345678"
            onChange={(e) => { setPhone(e.target.value); renewKey(); }} onBlur={() => setTouched(true)}
            aria-invalid={!!phoneError} aria-required aria-describedby={`${id}-phone-hint${phoneError ? ` ${id}-phone-error` : ''}`} data-testid="pay-phone" />
          <p id={`${id}-phone-hint`} className="text-xs text-fg-subtle">{t('funding.pay.phoneHint')}</p>
          {phoneError && <p id={`${id}-phone-error`} className="text-xs text-brand-text" data-testid="pay-phone-error">{phoneError}</p>}
        </div>
      )}
      {otherError && <p role="alert" className="text-sm text-brand-text" data-testid="pay-error">{otherError}</p>}
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onClose}>{t('funding.pay.close')}</button>
        <button type="submit" className="btn-primary" disabled={pay.isPending || reasonOf(gateway) !== null} data-testid="pay-submit">
          {pay.isPending ? t('funding.pay.submitting') : pay.isError && !apiPhoneError ? t('funding.pay.retry') : t('funding.pay.submit')}
        </button>
      </div>
    </form>
  );
}

export function PaymentProgress({ payment, phone, onAgain, onClose, onSettled }: { payment: PaymentItem; phone: string; onAgain: () => void; onClose: () => void; onSettled: () => void }) {
  const { t } = useTranslation();
  const status = usePaymentStatus(payment.id, payment);
  const check = useCheckPayment();
  // The card form needs the publishable key and Stripe.js's address; the client secret came only with the first answer.
  const stripe = useGateways(payment.gateway === 'stripe').data?.find((c) => c.gateway === 'stripe' && c.available);
  const p = status.data ?? payment;
  const ended = p.status !== 'pending';
  const settled = useRef(false);
  useEffect(() => {
    if (ended && !settled.current) {
      settled.current = true;
      onSettled();
    }
  }, [ended, onSettled]);

  return (
    <div className="flex flex-col gap-4">
      <div role="status" aria-live="polite" aria-label={t('funding.pay.liveStatus')} className="flex flex-col gap-2" data-testid="payment-status" data-status={p.status}>
        {p.invoiceNumber && <p className="text-xs text-fg-muted">{t('funding.pay.invoice', { number: p.invoiceNumber })} · {formatKes(p.amount, p.currency)}
          {p.chargedCurrency && p.chargedCurrency !== p.currency && ` (${formatKes(p.chargedAmount, p.chargedCurrency)})`}</p>}
        {p.status === 'pending' && (
          <>
            <p className="flex items-center gap-2 font-medium">
              {p.gateway === 'mpesa' ? <Smartphone className="size-5 text-brand-text" aria-hidden="true" /> : <Loader2 className="size-5 animate-spin" aria-hidden="true" />}
              {p.gateway === 'mpesa' ? t('funding.pay.waitingPhone') : t('funding.pay.waiting')}
            </p>
            {p.gateway === 'mpesa' && <p className="text-sm text-fg-muted">{t('funding.pay.waitingPhoneText', { phone })}</p>}
            {p.gateway === 'paypal' && <p className="text-sm text-fg-muted">{t('funding.pay.paypalText')}</p>}
            {p.gateway === 'stripe' && (payment.clientSecret && stripe?.clientKey && stripe.scriptUrl
              ? <StripeCardForm clientSecret={payment.clientSecret} publishableKey={stripe.clientKey} scriptUrl={stripe.scriptUrl} />
              : <p className="text-sm text-fg-muted" data-testid="stripe-note">{t('funding.pay.stripeText')}</p>)}
          </>
        )}
        {p.status === 'completed' && (
          <>
            <p className="flex items-center gap-2 font-medium text-emerald-300"><CheckCircle2 className="size-5" aria-hidden="true" />{t('funding.pay.completed')}</p>
            <p className="text-sm text-fg-muted">{t('funding.pay.completedText', { amount: formatKes(p.amount, p.currency), number: p.invoiceNumber ?? '—' })}</p>
          </>
        )}
        {p.status === 'failed' && (
          <>
            <p className="flex items-center gap-2 font-medium text-brand-text"><XCircle className="size-5" aria-hidden="true" />{t('funding.pay.failed')}</p>
            {p.failureMessage && <p className="text-sm" data-testid="payment-failure">{p.failureMessage}</p>}
            <p className="text-sm text-fg-muted">{t('funding.pay.failedText')}</p>
          </>
        )}
        {p.status === 'refunded' && <p className="font-medium">{t('funding.pay.refunded')}</p>}
      </div>
      {check.error && <p role="alert" className="text-sm text-brand-text">{isApiError(check.error) ? (check.error.detail ?? check.error.title) : check.error.message}</p>}
      <div className="flex flex-wrap justify-end gap-2">
        {p.status === 'pending' && p.gateway === 'paypal' && p.approvalUrl && (
          <a className="btn-secondary" href={p.approvalUrl} onClick={() => sessionStorage.setItem(PAYPAL_PENDING_KEY, p.id)} data-testid="paypal-open">
            {t('funding.pay.paypalOpen')}<ExternalLink className="size-4" aria-hidden="true" />
          </a>
        )}
        {p.status === 'pending' && (
          <button type="button" className="btn-secondary" disabled={check.isPending} onClick={() => check.mutate(p.id)} data-testid="i-have-paid">
            {check.isPending ? t('funding.pay.checking') : t('funding.pay.iHavePaid')}
          </button>
        )}
        {p.status === 'completed' && p.receiptUrl && (
          <a className="btn-secondary" href={p.receiptUrl} download data-testid="payment-receipt">{t('funding.pay.downloadReceipt')}</a>
        )}
        {p.status === 'failed' && <button type="button" className="btn-secondary" onClick={onAgain} data-testid="pay-again">{t('funding.pay.retry')}</button>}
        <button type="button" className={ended ? 'btn-primary' : 'btn-ghost'} onClick={onClose} data-testid="pay-close">{ended ? t('funding.pay.done') : t('funding.pay.close')}</button>
      </div>
    </div>
  );
}
