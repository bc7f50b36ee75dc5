import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PartnerModal } from '@/components/partner/shared';
import { useTranslation } from '@/i18n/use-translation';
import { isApiError } from '@/lib/api';
import { formatCurrency } from '@/lib/format';
import { useSaveBudget } from '@/services/partner/finance-planning';
import { programsQueryOptions } from '@/services/partner/programs';
import type { BudgetOverview } from '@/types/partner';

interface Props {
  open: boolean;
  onClose: () => void;
  overview: BudgetOverview;
}

const amountOf = (text: string) => (text.trim() === '' ? 0 : Number(text));

/** The year's total, currency, first month and one allocation per program; checked here first, then by the server (422 per field). */
export function BudgetEditor({ open, onClose, overview }: Props) {
  const { t, locale } = useTranslation();
  const programs = useQuery({ ...programsQueryOptions({ pageSize: 100 }), enabled: open });
  const save = useSaveBudget();
  const [total, setTotal] = useState(overview.exists ? String(overview.total) : '');
  const [currency, setCurrency] = useState(overview.currency);
  const [startMonth, setStartMonth] = useState(overview.startMonth);
  const [amounts, setAmounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(overview.programs.filter((p) => p.allocated > 0).map((p) => [p.programId, String(p.allocated)])));
  const monthNames = useMemo(
    () => Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, i, 1)))),
    [locale],
  );

  const sum = Object.values(amounts).reduce((s, v) => s + (Number.isFinite(amountOf(v)) ? amountOf(v) : 0), 0);
  const totalValue = Number(total);
  const badAmount = (v: string | undefined) => v !== undefined && v.trim() !== '' && (!Number.isFinite(Number(v)) || Number(v) < 0);
  const over = total.trim() !== '' && Number.isFinite(totalValue) && sum > totalValue;
  const invalid = over || Object.values(amounts).some(badAmount) || !(totalValue > 0);
  const serverError = save.error && isApiError(save.error) ? save.error : null;
  const fieldError = (field: string) => serverError?.fieldErrors(field)[0];
  const items = programs.data?.items ?? [];
  // Sent in the list's order, only those filled in: the server's allocations[i] is the i-th of these.
  const sent = items.filter((p) => (amounts[p.id] ?? '').trim() !== '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    save.mutate(
      {
        year: overview.year, startMonth, total: totalValue, currency: currency.trim().toUpperCase(),
        allocations: sent.map((p) => ({ programId: p.id, amount: Number(amounts[p.id]) })),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <PartnerModal open={open} onClose={onClose} title={overview.exists ? t('finance.budget.edit') : t('finance.budget.setUp')} size="lg" testId="budget-editor"
      description={t('finance.budget.year', { label: overview.label })}>
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-fg-muted">{t('finance.budget.total')}</span>
            <input className="input" inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} required aria-invalid={!(totalValue > 0) || !!fieldError('total')} data-testid="budget-total" />
            {fieldError('total') && <span className="text-xs text-brand-text">{fieldError('total')}</span>}
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-fg-muted">{t('finance.budget.currency')}</span>
            <input className="input uppercase" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value)} />
            {fieldError('currency') && <span className="text-xs text-brand-text">{fieldError('currency')}</span>}
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-fg-muted">{t('finance.budget.startMonth')}</span>
            <select className="input" value={startMonth} onChange={(e) => setStartMonth(Number(e.target.value))} disabled={overview.exists}>
              {monthNames.map((name, i) => <option key={name} value={i + 1}>{name}</option>)}
            </select>
            <span className="text-xs text-fg-muted">{fieldError('startMonth') ?? t('finance.budget.startMonthHint')}</span>
          </label>
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-semibold text-fg">{t('finance.budget.allocations')}</legend>
          {programs.isPending ? (
            <p className="text-sm text-fg-muted">{t('common.loading')}</p>
          ) : items.length === 0 ? (
            <p className="text-sm text-fg-muted">{t('finance.budget.noProgramsToAllocate')}</p>
          ) : (
            items.map((p) => {
              const i = sent.indexOf(p);
              const error = badAmount(amounts[p.id]) ? t('finance.budget.invalidAmount') : i >= 0 ? fieldError(`allocations[${i}].amount`) : undefined;
              return (
                <label key={p.id} className="grid grid-cols-[minmax(0,1fr)_9rem] items-center gap-2 text-sm">
                  <span className="truncate text-fg">{p.name}</span>
                  <input className="input text-right tabular-nums" inputMode="decimal" aria-label={t('finance.budget.amountFor', { name: p.name })}
                    value={amounts[p.id] ?? ''} aria-invalid={!!error}
                    onChange={(e) => setAmounts((a) => ({ ...a, [p.id]: e.target.value }))} />
                  {error && <span className="col-span-2 text-xs text-brand-text">{error}</span>}
                </label>
              );
            })
          )}
          <p className={`text-sm ${over ? 'text-brand-text' : 'text-fg-muted'}`} data-testid="allocation-sum" role={over ? 'alert' : undefined}>
            {t('finance.budget.sumLine', { sum: formatCurrency(sum, currency.toUpperCase() || 'KES'), total: formatCurrency(Number.isFinite(totalValue) ? totalValue : 0, currency.toUpperCase() || 'KES') })}
            {over && ` · ${t('finance.budget.overTotal')}`}
          </p>
          {fieldError('allocations') && <p className="text-sm text-brand-text" role="alert">{fieldError('allocations')}</p>}
          {serverError && !serverError.errors && <p className="text-sm text-brand-text" role="alert">{serverError.message}</p>}
        </fieldset>
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={onClose}>{t('finance.budget.cancel')}</button>
          <button type="submit" className="btn-primary" disabled={invalid || save.isPending} data-testid="save-budget">
            {save.isPending ? t('finance.budget.saving') : t('finance.budget.save')}
          </button>
        </div>
      </form>
    </PartnerModal>
  );
}
