import { useTranslation } from '@/i18n/use-translation';
import { formatCurrency } from '@/lib/format';
import type { BudgetOverview } from '@/types/partner';

/**
 * Allocated against spent and committed, per program: a bar per program (spent in red, committed in grey, over the
 * allocation's width) and the figures beside it. On a phone the rows stack; no table scrolls sideways.
 */
export function ProgramBudgetTable({ overview }: { overview: BudgetOverview }) {
  const { t } = useTranslation();
  const money = (n: number) => formatCurrency(n, overview.currency);
  return (
    <section className="card p-4" aria-labelledby="budget-programs">
      <h2 id="budget-programs" className="mb-3 text-base font-semibold text-fg">{t('finance.budget.byProgram')}</h2>
      {overview.programs.length === 0 ? (
        <p className="text-sm text-fg-muted">{t('finance.budget.noPrograms')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line" data-testid="program-budgets">
          {overview.programs.map((p) => {
            const scale = Math.max(p.allocated, p.spent + p.committed, 1);
            return (
              <li key={p.programId} className="flex flex-col gap-2 py-3 md:flex-row md:items-center md:gap-4">
                <div className="min-w-0 md:w-1/4">
                  <p className="truncate font-medium text-fg">{p.programName}</p>
                  {p.remaining < 0 && <p className="text-xs text-brand-text">{t('finance.budget.overBudget', { amount: money(-p.remaining) })}</p>}
                </div>
                <div className="h-2.5 w-full overflow-hidden rounded-full bg-elevated md:w-1/3" aria-hidden="true">
                  <div className="flex h-full" style={{ width: `${Math.min(100, ((p.spent + p.committed) / scale) * 100)}%` }}>
                    <span className="h-full bg-brand" style={{ width: `${p.spent + p.committed > 0 ? (p.spent / (p.spent + p.committed)) * 100 : 0}%` }} />
                    <span className="h-full flex-1 bg-fg-muted/50" />
                  </div>
                </div>
                <dl className="grid flex-1 grid-cols-2 gap-x-3 gap-y-1 text-sm sm:grid-cols-4">
                  {([['allocated', p.allocated], ['spent', p.spent], ['committed', p.committed], ['remaining', p.remaining]] as const).map(([key, value]) => (
                    <div key={key} className="min-w-0">
                      <dt className="text-xs text-fg-muted">{t(`finance.budget.${key}`)}</dt>
                      <dd className={`tabular-nums ${key === 'remaining' && value < 0 ? 'text-brand-text' : 'text-fg'}`}>{money(value)}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
