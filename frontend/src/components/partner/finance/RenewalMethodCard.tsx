import { useState, type FormEvent } from 'react';
import { Smartphone, Trash2 } from 'lucide-react';
import { PartnerBadge, PartnerLoadingSkeleton } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { useTranslation } from '@/i18n/use-translation';
import { isApiError } from '@/lib/api';
import { usePaymentMethods, useRemovePaymentMethod, useSavePaymentMethod } from '@/services/partner/partnerFinanceService';
import { KENYAN_MOBILE } from './money';

/**
 * What auto-renew charges: the saved methods (the default first) and a form to save an M-Pesa number as the default. The
 * renewal job sends the STK push to that number at each billing date; cards and PayPal need the partner on the page.
 */
export function RenewalMethodCard() {
  const { t } = useTranslation();
  const methods = usePaymentMethods();
  const save = useSavePaymentMethod();
  const remove = useRemovePaymentMethod();
  const [phone, setPhone] = useState('');
  const [invalid, setInvalid] = useState(false);
  const problem = save.error && isApiError(save.error) ? save.error : null;
  const error = invalid ? t('funding.pay.phoneInvalid') : (problem?.fieldErrors('phoneNumber')[0] ?? save.error?.message);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = !KENYAN_MOBILE.test(phone.replace(/[\s-]/g, ''));
    setInvalid(bad);
    if (!bad) save.mutate({ gateway: 'mpesa', phoneNumber: phone, isDefault: true }, { onSuccess: () => setPhone('') });
  };

  return (
    <section aria-labelledby="renewal-title" className="card flex min-w-0 flex-col gap-3 p-4" data-testid="renewal-method">
      <div>
        <h2 id="renewal-title" className="text-lg font-semibold">{t('funding.renewal.title')}</h2>
        <p className="text-sm text-fg-muted">{t('funding.renewal.text')}</p>
      </div>
      {methods.isError ? (
        <QueryErrorState compact title={t('funding.renewal.loading')} error={methods.error} onRetry={() => void methods.refetch()} />
      ) : methods.isPending ? (
        <PartnerLoadingSkeleton variant="lines" count={2} label={t('funding.renewal.loading')} />
      ) : methods.data.items.length === 0 ? (
        <p className="text-sm text-fg-muted" data-testid="renewal-none">{t('funding.renewal.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line text-sm" data-testid="renewal-methods">
          {methods.data.items.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="renewal-method-item">
              <Smartphone className="size-4 shrink-0 text-fg-muted" aria-hidden="true" />
              <span className="font-medium text-fg">{m.label}</span>
              {m.maskedDetail && <span className="font-mono text-xs text-fg-muted">{m.maskedDetail}</span>}
              {m.isDefault && <PartnerBadge tone="success">{t('funding.renewal.default')}</PartnerBadge>}
              <button type="button" className="btn-ghost ml-auto px-2 text-brand-text" disabled={remove.isPending}
                onClick={() => remove.mutate(m.id)} aria-label={t('funding.renewal.remove', { method: `${m.label} ${m.maskedDetail ?? ''}`.trim() })}>
                <Trash2 className="size-4" aria-hidden="true" />
              </button>
              {m.isDefault && (
                <p className="w-full text-xs text-fg-muted">
                  {m.renews && m.gateway === 'mpesa' ? t('funding.renewal.mpesaDefault', { phone: m.maskedDetail ?? m.label })
                    : m.renews ? t('funding.renewal.charged') : t('funding.renewal.needsYou')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end" onSubmit={submit} noValidate data-testid="renewal-form">
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-fg-muted">{t('funding.renewal.phone')}</span>
          <input className="input" type="tel" inputMode="tel" autoComplete="tel" value={phone} placeholder="07XXXXXXXX"
            onChange={(e) => { setPhone(e.target.value); setInvalid(false); }}
            aria-invalid={error ? true : undefined} aria-describedby="renewal-phone-help" data-testid="renewal-phone" />
        </label>
        <button type="submit" className="btn-secondary" disabled={save.isPending} data-testid="renewal-save">
          {save.isPending ? t('funding.renewal.saving') : t('funding.renewal.save')}
        </button>
        <p id="renewal-phone-help" className="text-xs sm:col-span-2" role="status" aria-live="polite">
          {error ? <span className="text-brand-text" data-testid="renewal-error">{error}</span>
            : save.isSuccess ? <span className="text-ok">{t('funding.renewal.saved', { phone: save.data.maskedDetail ?? '' })}</span>
            : <span className="text-fg-muted">{t('funding.pay.phoneHint')}</span>}
        </p>
      </form>
    </section>
  );
}
