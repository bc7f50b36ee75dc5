import { useState } from 'react';
import { Link } from 'react-router';
import { CircleHelp, Wallet } from 'lucide-react';
import { PartnerBentoCard, PartnerModal } from '@/components/partner/shared';
import { formatDateRange, formatMoney, formatPercent } from '@/lib/format';
import type { BillingSummary, CurrencyBilling } from '@/types/partner';
import { isBuiltHref } from '@/components/partner/sidebar/partner-sections';

const FUNDING = '/dashboard/partner/funding';

/** This period's billing, one block per currency: the server never adds KES to USD, and neither does this card. */
export function BillingSummaryCard({ billing }: { billing: BillingSummary }) {
  const [explainOpen, setExplainOpen] = useState(false);
  const several = billing.currencies.length > 1;
  const currencies = billing.currencies.map((c) => c.currency).join(' and ');

  return (
    <PartnerBentoCard
      title="Billing this period"
      description={formatDateRange(billing.periodStart, billing.periodEnd)}
      icon={Wallet}
      testId="card-billing"
      action={
        <button type="button" className="btn-ghost p-1.5" onClick={() => setExplainOpen(true)} aria-label="How these billing figures are counted">
          <CircleHelp className="size-4" aria-hidden="true" />
        </button>
      }
      footer={
        isBuiltHref(FUNDING) ? (
          <Link to={FUNDING} className="font-medium text-brand-text hover:underline">
            Subscriptions and payments
          </Link>
        ) : (
          <span className="text-fg-subtle" data-testid="billing-soon">
            Subscriptions and payments: not available yet
          </span>
        )
      }
    >
      <div className="flex flex-col gap-5">
        {billing.currencies.map((c) => (
          <CurrencyBlock key={c.currency} figures={c} heading={several} />
        ))}
      </div>

      <PartnerModal
        open={explainOpen}
        onClose={() => setExplainOpen(false)}
        title="How billing is counted"
        description={`Figures in ${currencies} for ${formatDateRange(billing.periodStart, billing.periodEnd)}.`}
        testId="billing-explainer"
        footer={
          <button type="button" className="btn-secondary" onClick={() => setExplainOpen(false)}>
            Close
          </button>
        }
      >
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong className="text-fg">Billed</strong>: invoices whose billing period starts in this period, except refunded ones.
          </li>
          <li>
            <strong className="text-fg">Paid</strong>: completed payments received in this period.
          </li>
          <li>
            <strong className="text-fg">Outstanding</strong>: every invoice still pending or failed, whatever its period.
          </li>
          <li>Each currency is totalled on its own; amounts in different currencies are never added together.</li>
          <li>Children are billed only while a guardian’s consent is in force.</li>
        </ul>
      </PartnerModal>
    </PartnerBentoCard>
  );
}

function CurrencyBlock({ figures, heading }: { figures: CurrencyBilling; heading: boolean }) {
  const billed = figures.billedThisPeriod.amount;
  const paidShare = billed > 0 ? Math.min(1, figures.paidThisPeriod.amount / billed) : 0;
  const id = `billing-${figures.currency}`;
  return (
    <section aria-labelledby={heading ? `${id}-heading` : undefined} data-testid={id}>
      {heading && (
        <h3 id={`${id}-heading`} className="mb-2 text-xs font-semibold uppercase tracking-wide text-fg-subtle">
          {figures.currency}
        </h3>
      )}
      <dl className="flex flex-col gap-3 text-sm">
        <div className="flex items-baseline justify-between gap-2">
          <dt className="text-fg-muted">Billed</dt>
          <dd className="font-semibold tabular-nums text-fg" data-testid="billing-billed">{formatMoney(figures.billedThisPeriod)}</dd>
        </div>
        <div className="flex items-baseline justify-between gap-2">
          <dt className="text-fg-muted">Paid</dt>
          <dd className="font-semibold tabular-nums text-fg" data-testid="billing-paid">{formatMoney(figures.paidThisPeriod)}</dd>
        </div>
        <div className="flex items-baseline justify-between gap-2">
          <dt className="text-fg-muted">Outstanding</dt>
          <dd
            className={figures.outstanding.amount > 0 ? 'font-semibold tabular-nums text-brand-text' : 'font-semibold tabular-nums text-fg'}
            data-testid="billing-outstanding"
          >
            {formatMoney(figures.outstanding)}
          </dd>
        </div>
      </dl>
      <div className="mt-3">
        <div
          className="h-2 overflow-hidden rounded-full bg-elevated"
          role="progressbar"
          aria-label={`Share of this period’s ${figures.currency} bill paid`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(paidShare * 100)}
        >
          <div className="h-full rounded-full bg-ok" style={{ width: `${paidShare * 100}%` }} />
        </div>
        <p className="mt-1.5 text-xs text-fg-subtle">
          {billed > 0 ? `${formatPercent(paidShare)} of this period’s ${figures.currency} bill paid` : 'Nothing billed yet this period'}
        </p>
      </div>
    </section>
  );
}
