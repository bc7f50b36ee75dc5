import { useState } from 'react';
import { ChevronLeft, ChevronRight, PiggyBank, Wallet } from 'lucide-react';
import { CHART_COLORS, PartnerChart, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader, PartnerStatsCard, preloadPartnerChart } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { BudgetEditor } from '@/components/partner/finance/BudgetEditor';
import { ProgramBudgetTable } from '@/components/partner/finance/ProgramBudgetTable';
import { useTranslation } from '@/i18n/use-translation';
import { formatCurrency, formatDate } from '@/lib/format';
import { useBudgetOverview } from '@/services/partner/finance-planning';
import type { BudgetMonth } from '@/types/partner';
import { registerFinanceStrings } from '@/i18n/locales/finance';

// The pages' strings travel in their own chunks (see i18n/locales/finance.ts).
registerFinanceStrings();

// The chart code starts loading with the page's data (it is used on this page only).
preloadPartnerChart();

/** `/dashboard/partner/budget`: the fiscal year's allocated, spent, committed and remaining per program, month by month, and its editor. */
export default function BudgetManagementPage() {
  const { t, locale } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const budget = useBudgetOverview(year);
  const o = budget.data;
  const money = (amount: number) => formatCurrency(amount, o?.currency);
  const monthLabel = (m: BudgetMonth) => new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(m.month));

  return (
    <>
      <PartnerPageHeader
        title={t('finance.budget.title')}
        description={t('finance.budget.description')}
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: t('finance.budget.breadcrumb') }, { label: t('finance.budget.title') }]}
        actions={
          o && (
            <button type="button" className="btn-primary" onClick={() => setEditing(true)} data-testid="edit-budget">
              <Wallet className="size-4" aria-hidden="true" />
              {o.exists ? t('finance.budget.edit') : t('finance.budget.setUp')}
            </button>
          )
        }
      />
      {o && (
        <nav aria-label={t('finance.budget.year', { label: o.label })} className="mb-4 flex items-center gap-2">
          <button type="button" className="btn-ghost" aria-label={t('finance.budget.previousYear')} onClick={() => setYear(o.year - 1)}>
            <ChevronLeft className="size-4" aria-hidden="true" />
          </button>
          <h2 className="text-base font-semibold text-fg" data-testid="budget-year">{t('finance.budget.year', { label: o.label })}</h2>
          <button type="button" className="btn-ghost" aria-label={t('finance.budget.nextYear')} onClick={() => setYear(o.year + 1)}>
            <ChevronRight className="size-4" aria-hidden="true" />
          </button>
          <span className="text-sm text-fg-muted">{formatDate(o.startDate)} – {formatDate(o.endDate)}</span>
        </nav>
      )}
      {budget.isError ? (
        <QueryErrorState title={t('finance.budget.loadError')} error={budget.error} onRetry={() => void budget.refetch()} retrying={budget.isFetching} />
      ) : budget.isPending ? (
        <PartnerLoadingSkeleton variant="cards" count={4} label={t('finance.budget.loading')} />
      ) : (
        <div className="flex flex-col gap-4">
          {!o!.exists && (
            <PartnerEmptyState
              compact
              icon={PiggyBank}
              title={t('finance.budget.noBudgetTitle', { label: o!.label })}
              description={t('finance.budget.noBudgetText')}
              action={<button type="button" className="btn-primary" onClick={() => setEditing(true)}>{t('finance.budget.setUp')}</button>}
              className="card"
              testId="budget-empty"
            />
          )}
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="budget-totals">
            <PartnerStatsCard label={t('finance.budget.allocated')} value={money(o!.totals.allocated)}
              hint={o!.unallocated > 0 ? t('finance.budget.unallocated', { amount: money(o!.unallocated) }) : undefined} />
            <PartnerStatsCard label={t('finance.budget.spent')} value={money(o!.totals.spent)} />
            <PartnerStatsCard label={t('finance.budget.committed')} value={money(o!.totals.committed)} hint={t('finance.budget.committedHint')} />
            <PartnerStatsCard label={t('finance.budget.remaining')} value={money(o!.totals.remaining)}
              tone={o!.totals.remaining < 0 ? 'attention' : 'default'}
              hint={o!.totals.remaining < 0 ? t('finance.budget.overBudget', { amount: money(-o!.totals.remaining) }) : undefined} />
          </div>
          <p className="text-sm text-fg-muted" data-testid="budget-forecast">
            {t('finance.budget.forecastLine', {
              date: formatDate(o!.endDate), amount: money(o!.totals.spent + o!.totals.committed), allocated: money(o!.totals.allocated),
            })}
          </p>
          <section className="card p-4" aria-labelledby="budget-monthly">
            <h2 id="budget-monthly" className="text-base font-semibold text-fg">{t('finance.budget.monthly')}</h2>
            <p className="mb-3 text-sm text-fg-muted">{t('finance.budget.monthlyText')}</p>
            <PartnerChart
              type="bar"
              testId="budget-chart"
              data={o!.months.map((m) => ({ month: monthLabel(m), actual: m.actual, forecast: m.forecast }))}
              xKey="month"
              series={[
                { key: 'actual', label: t('finance.budget.actual'), color: CHART_COLORS[0] },
                { key: 'forecast', label: t('finance.budget.forecast'), color: CHART_COLORS[6] },
              ]}

              ariaLabel={t('finance.budget.chartLabel', { label: o!.label, currency: o!.currency })}
              axes={{ category: t('finance.budget.axisMonth'), value: t('finance.budget.axisAmount', { currency: o!.currency }) }}
              valueFormatter={money}
              height={260}
            />
          </section>
          <ProgramBudgetTable overview={o!} />
          {o!.otherCurrencies.length > 0 && (
            <p className="text-sm text-fg-muted" data-testid="other-currencies">
              {t('finance.budget.otherCurrencies', {
                list: o!.otherCurrencies.map((c) => `${formatCurrency(c.spent, c.currency)} ${t('finance.budget.spent').toLowerCase()}, ${formatCurrency(c.committed, c.currency)} ${t('finance.budget.committed').toLowerCase()}`).join('; '),
              })}
            </p>
          )}
        </div>
      )}
      {/* Keyed by the year and its saved state, so the form starts from what the server holds for the year shown. */}
      {o && <BudgetEditor key={`${o.year}-${o.exists}-${o.total}-${editing}`} open={editing} onClose={() => setEditing(false)} overview={o} />}
    </>
  );
}
