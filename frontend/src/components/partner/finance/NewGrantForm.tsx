import { useState, type FormEvent } from 'react';
import { GRANT_STATUSES } from '@/components/partner/finance/grant-labels';
import { useTranslation } from '@/i18n/use-translation';
import { isApiError } from '@/lib/api';
import { useCreateGrant } from '@/services/partner/finance-planning';
import type { GrantDetail, GrantStatus } from '@/types/partner';

/** A grant's funder, reference, amount, currency, period and status; the server checks them and answers per field. */
export function NewGrantForm({ onCreated, onCancel }: { onCreated: (grant: GrantDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useCreateGrant();
  const [form, setForm] = useState({ funder: '', reference: '', amount: '', currency: 'KES', startDate: '', endDate: '', status: 'applied' as GrantStatus });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const problem = create.error && isApiError(create.error) ? create.error : null;
  const error = (field: string) => problem?.fieldErrors(field)[0];
  const endBeforeStart = form.startDate !== '' && form.endDate !== '' && form.endDate < form.startDate;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (endBeforeStart) return;
    create.mutate(
      {
        funder: form.funder, reference: form.reference, amount: form.amount.trim() === '' ? null : Number(form.amount), currency: form.currency.trim().toUpperCase(),
        startDate: form.startDate || null, endDate: form.endDate || null, status: form.status, notes: null, allocations: [], deadlines: [],
      },
      { onSuccess: onCreated },
    );
  };

  const field = (key: keyof typeof form, label: string, input: React.ReactNode) => (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-fg-muted">{label}</span>
      {input}
      {error(key) && <span className="text-xs text-brand-text">{error(key)}</span>}
    </label>
  );

  return (
    <form className="flex flex-col gap-3" onSubmit={submit} noValidate data-testid="new-grant-form">
      <div className="grid gap-3 sm:grid-cols-2">
        {field('funder', t('finance.grants.funder'), <input className="input" value={form.funder} onChange={set('funder')} required />)}
        {field('reference', t('finance.grants.reference'), <input className="input" value={form.reference} onChange={set('reference')} required />)}
        {field('amount', t('finance.grants.amount'), <input className="input" inputMode="decimal" value={form.amount} onChange={set('amount')} required />)}
        {field('currency', t('finance.budget.currency'), <input className="input uppercase" maxLength={3} value={form.currency} onChange={set('currency')} />)}
        {field('startDate', t('finance.grants.startDate'), <input className="input" type="date" value={form.startDate} onChange={set('startDate')} required />)}
        {field('endDate', t('finance.grants.endDate'), <input className="input" type="date" value={form.endDate} onChange={set('endDate')} required aria-invalid={endBeforeStart} />)}
        {field('status', t('finance.grants.status'), (
          <select className="input" value={form.status} onChange={set('status')}>
            {GRANT_STATUSES.map((s) => <option key={s} value={s}>{t(`finance.grants.statuses.${s}`)}</option>)}
          </select>
        ))}
      </div>
      {problem && !problem.errors && <p className="text-sm text-brand-text" role="alert">{problem.message}</p>}
      <div className="flex justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onCancel}>{t('finance.budget.cancel')}</button>
        <button type="submit" className="btn-primary" disabled={create.isPending || endBeforeStart}>{create.isPending ? t('finance.grants.creating') : t('finance.grants.create')}</button>
      </div>
    </form>
  );
}
