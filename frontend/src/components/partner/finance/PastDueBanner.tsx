import { AlertTriangle, CreditCard } from 'lucide-react';
import { formatDate } from '@/lib/format';
import type { SubscriptionItem } from '@/types/partner';
import { formatKes } from './money';

/** The past-due part of a subscription item (GET /subscriptions `standing`). */
interface Standing {
  pastDueSince: string;
  graceEndsAt: string;
  graceDaysLeft: number;
  monitoringSuspended: boolean;
  invoiceNumber?: string | null;
  amountDue?: number | null;
  currency: string;
}

const standingOf = (s: SubscriptionItem) => (s as SubscriptionItem & { standing?: Standing | null }).standing ?? null;

/**
 * One banner per past-due subscription, above the cards: what to pay, and the countdown to the suspension of the
 * program's monitoring (or that it is suspended), with the pay-now action. Payment restores monitoring at once.
 */
export function PastDueBanner({ subscriptions, onPay }: { subscriptions: SubscriptionItem[]; onPay: (s: SubscriptionItem) => void }) {
  const due = subscriptions.filter((s) => standingOf(s));
  if (due.length === 0) return null;
  return (
    <div className="flex flex-col gap-2" data-testid="past-due-banners">
      {due.map((s) => {
        const standing = standingOf(s)!;
        const amount = standing.amountDue != null ? formatKes(standing.amountDue, standing.currency) : null;
        const invoice = standing.invoiceNumber ? `invoice ${standing.invoiceNumber}` : 'the open invoice';
        return (
          <div key={s.id} role="alert" data-testid="past-due-banner"
            className={`flex flex-wrap items-center gap-3 rounded-xl border px-4 py-3 text-sm ${standing.monitoringSuspended ? 'border-red-500/40 bg-red-500/10' : 'border-amber-500/40 bg-amber-500/10'}`}>
            <AlertTriangle className="size-5 shrink-0 text-amber-300" aria-hidden="true" />
            <p className="min-w-0 flex-1">
              <strong>{s.programName}: </strong>
              {standing.monitoringSuspended
                ? <>monitoring is suspended for billing. Pay {invoice}{amount && <> ({amount})</>} to restore it at once.</>
                : <>{invoice}{amount && <> ({amount})</>} is past due. Monitoring is suspended in{' '}
                    <span data-testid="grace-days-left">{standing.graceDaysLeft} day{standing.graceDaysLeft === 1 ? '' : 's'}</span>{' '}
                    ({formatDate(standing.graceEndsAt.slice(0, 10))}) unless it is paid.</>}
            </p>
            <button type="button" className="btn-primary" onClick={() => onPay(s)} data-testid="past-due-pay-now">
              <CreditCard className="size-4" aria-hidden="true" />
              Pay now
            </button>
          </div>
        );
      })}
    </div>
  );
}
