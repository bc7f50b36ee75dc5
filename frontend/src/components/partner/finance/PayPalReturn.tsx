import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Loader2 } from 'lucide-react';
import { PartnerModal } from '@/components/partner/shared';
import { useTranslation } from '@/i18n/use-translation';
import { isApiError } from '@/lib/api';
import { useCheckPayment } from '@/services/partner/partnerFinanceService';
import { PAYPAL_PENDING_KEY, PaymentProgress } from './PayDialog';

/**
 * Back from PayPal (its return or cancel address: /dashboard/partner/funding?paypal=return|cancel&token=<order>): asks the
 * API to check the payment the page sent there (POST /payments/{id}/check captures an approved order) and shows where it
 * stands, live, in the same dialog as any payment.
 */
export function PayPalReturn({ onSettled }: { onSettled: () => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const outcome = params.get('paypal');
  const [paymentId] = useState(() => (typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(PAYPAL_PENDING_KEY)));
  const [open, setOpen] = useState(outcome === 'return' || outcome === 'cancel');
  const check = useCheckPayment();
  const asked = useRef(false);
  useEffect(() => {
    if (!open || asked.current || !paymentId) return;
    asked.current = true;
    check.mutate(paymentId);
  }, [open, paymentId, check]);

  const close = () => {
    setOpen(false);
    sessionStorage.removeItem(PAYPAL_PENDING_KEY);
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const k of ['paypal', 'token', 'PayerID']) next.delete(k);
      return next;
    }, { replace: true });
  };

  return (
    <PartnerModal open={open} onClose={close} title={t('funding.pay.gateways.paypal')} testId="paypal-return">
      <div className="flex flex-col gap-4">
        {outcome === 'cancel' && <p className="text-sm" data-testid="paypal-cancelled">{t('funding.pay.paypalCancelled')}</p>}
        {!paymentId ? (
          <p className="text-sm" data-testid="paypal-lost">{t('funding.pay.paypalLost')}</p>
        ) : check.data ? (
          <PaymentProgress payment={check.data} phone="" onAgain={close} onClose={close} onSettled={onSettled} />
        ) : check.error ? (
          <p role="alert" className="text-sm text-brand-text">{isApiError(check.error) ? (check.error.detail ?? check.error.title) : check.error.message}</p>
        ) : (
          <p role="status" className="flex items-center gap-2 text-sm"><Loader2 className="size-4 animate-spin" aria-hidden="true" />{t('funding.pay.paypalBack')}</p>
        )}
        {(!paymentId || check.error) && (
          <div className="flex justify-end"><button type="button" className="btn-primary" onClick={close}>{t('funding.pay.close')}</button></div>
        )}
      </div>
    </PartnerModal>
  );
}
