import { Download, Receipt } from 'lucide-react';
import { ListPager, PartnerBadge, PartnerEmptyState, PartnerFilterBar, PartnerLoadingSkeleton } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { useTranslation } from '@/i18n/use-translation';
import { formatDateTime } from '@/lib/format';
import { billingHistoryCsvUrl, useBillingHistory, type BillingHistoryParams } from '@/services/partner/partnerFinanceService';
import type { PaymentGateway, PaymentStatus } from '@/types/partner';
import { formatKes, GATEWAYS } from './money';

const STATUSES: PaymentStatus[] = ['pending', 'completed', 'failed', 'refunded'];

export interface BillingHistoryProps {
  params: BillingHistoryParams;
  onChange: (p: Partial<Omit<BillingHistoryParams, 'pageSize'>>) => void;
}

/** The payments, newest first, filtered by status and gateway, with the CSV of the same filter and each receipt. */
export function BillingHistory({ params, onChange }: BillingHistoryProps) {
  const { t } = useTranslation();
  const list = useBillingHistory(params);
  const filtered = params.status !== '' || params.gateway !== '';
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const columns = [
    { key: 'date', label: t('funding.history.date') },
    { key: 'program', label: t('funding.program') },
    { key: 'invoice', label: t('funding.history.invoice') },
    { key: 'amount', label: t('funding.history.amount') },
    { key: 'gateway', label: t('funding.history.gateway') },
    { key: 'status', label: t('funding.status') },
    { key: 'receipt', label: t('funding.history.receipt') },
  ] as const;
  const label = (key: (typeof columns)[number]['key']) => columns.find((c) => c.key === key)!.label;
  return (
    <section aria-labelledby="billing-history-title" className="flex min-w-0 flex-col gap-3" data-testid="billing-history">
      <h2 id="billing-history-title" className="text-lg font-semibold">{t('funding.history.title')}</h2>
      <PartnerFilterBar
        filters={[
          { key: 'status', label: t('funding.status'), value: params.status, onChange: (v) => onChange({ status: v as PaymentStatus | '', page: 1 }),
            options: [{ value: '', label: t('funding.history.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`funding.history.paymentStatuses.${s}`) }))] },
          { key: 'gateway', label: t('funding.history.gateway'), value: params.gateway, onChange: (v) => onChange({ gateway: v as PaymentGateway | '', page: 1 }),
            options: [{ value: '', label: t('funding.history.allGateways') }, ...GATEWAYS.map((g) => ({ value: g, label: t(`funding.pay.gateways.${g}`) }))] },
        ]}
        onReset={filtered ? () => onChange({ status: '', gateway: '', page: 1 }) : undefined}
        actions={
          <a className="btn-secondary" href={billingHistoryCsvUrl(params)} download data-testid="history-csv">
            <Download className="size-4" aria-hidden="true" />
            {t('funding.history.exportCsv')}
          </a>
        }
      />
      {list.isError ? (
        <QueryErrorState title={t('funding.history.error')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : list.isPending ? (
        <PartnerLoadingSkeleton variant="lines" count={4} label={t('funding.history.loading')} />
      ) : total === 0 ? (
        <PartnerEmptyState icon={Receipt} title={filtered ? t('funding.history.emptyFiltered') : t('funding.history.empty')} description={t('funding.history.emptyText')} testId="history-empty" />
      ) : (
        <>
          {/* On a phone each payment is a card of labelled lines (table-stack): amount, status and receipt stay in view. */}
          <div className="card sm:overflow-x-auto">
            <table role="table" className="table-stack w-full text-left text-sm sm:min-w-[640px]" data-testid="history-table">
              <thead role="rowgroup" className="border-b border-line text-xs text-fg-subtle">
                <tr role="row">
                  {columns.map((c) => (
                    <th key={c.key} role="columnheader" scope="col" className={`px-3 py-2 font-medium ${c.key === 'amount' ? 'text-right' : ''}`}>{c.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {list.data.items.map((p) => (
                  <tr key={p.id} role="row" className="border-b border-line last:border-0" data-testid="history-row">
                    <td role="cell" data-label={label('date')} className="whitespace-nowrap px-3 py-2">{formatDateTime(p.createdAt)}</td>
                    <td role="cell" data-label={label('program')} className="max-w-[12rem] truncate px-3 py-2" title={p.programName ?? undefined}>{p.programName ?? '—'}</td>
                    <td role="cell" data-label={label('invoice')} className="whitespace-nowrap px-3 py-2 font-mono text-xs">{p.invoiceNumber ?? '—'}</td>
                    <td role="cell" data-label={label('amount')} className="whitespace-nowrap px-3 py-2 text-right">
                      <span>
                        {formatKes(p.amount, p.currency)}
                        {p.chargedCurrency && p.chargedCurrency !== p.currency && <span className="block text-xs text-fg-muted">{formatKes(p.chargedAmount, p.chargedCurrency)}</span>}
                      </span>
                    </td>
                    <td role="cell" data-label={label('gateway')} className="px-3 py-2">{t(`funding.pay.gateways.${p.gateway}`)}</td>
                    <td role="cell" data-label={label('status')} className="px-3 py-2"><PartnerBadge status={p.status} testId="history-status">{t(`funding.history.paymentStatuses.${p.status}`)}</PartnerBadge></td>
                    <td role="cell" data-label={label('receipt')} className="px-3 py-2">
                      {p.receiptUrl ? (
                        <a className="text-brand-text underline-offset-2 hover:underline" href={p.receiptUrl} download
                          aria-label={`${p.receipt ?? t('funding.history.receipt')}: ${t('funding.pay.downloadReceipt')} ${p.invoiceNumber ?? ''}`.trim()}
                          data-testid="history-receipt">{p.receipt ?? t('funding.history.receipt')}</a>
                      ) : t('funding.history.noReceipt')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListPager page={params.page} pages={pages} total={total} noun={t('funding.history.payments')} onPage={(page) => onChange({ page })} />
        </>
      )}
    </section>
  );
}
