import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { CreditCard } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { realtimeCountersQueryOptions } from '@/services/partner/dashboard';

/** What a 403 billing_suspended answer says: the invoice to pay to restore the program's monitoring. */
export interface BillingSuspension {
  message: string;
  invoiceNumber: string | null;
  amountDue: number | null;
  currency: string;
}

export function billingSuspended(error: unknown): BillingSuspension | null {
  if (!isApiError(error) || error.status !== 403 || error.code !== 'billing_suspended') return null;
  const p = error.problem as Record<string, unknown>;
  return {
    message: error.detail ?? error.message,
    invoiceNumber: typeof p.invoiceNumber === 'string' ? p.invoiceNumber : null,
    amountDue: typeof p.amountDue === 'number' ? p.amountDue : null,
    currency: typeof p.currency === 'string' ? p.currency : 'KES',
  };
}

/** KES as Kenyans write it: "KES 12,500.00". */
function kes(amount: number, currency: string) {
  return `${currency} ${amount.toLocaleString('en-KE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * A child view of a program whose monitoring is suspended for unpaid billing: what to pay and where, instead of an
 * error. The realtime counters carry the number of suspended programs; when a payment lowers it (pushed to open
 * dashboards), the view asks again at once.
 */
export function BillingSuspendedState({ suspension, onRestored }: { suspension: BillingSuspension; onRestored: () => void }) {
  const counters = useQuery(realtimeCountersQueryOptions());
  const suspended = counters.data?.suspendedPrograms ?? undefined;
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (suspended === undefined) return;
    if (seen.current !== undefined && suspended < seen.current) onRestored();
    seen.current = suspended;
  }, [suspended, onRestored]);
  const what = suspension.invoiceNumber && suspension.amountDue !== null
    ? `pay invoice ${suspension.invoiceNumber} (${kes(suspension.amountDue, suspension.currency)}) to restore`
    : 'pay the open invoice to restore';
  return (
    <div className="flex flex-col items-center gap-4 rounded-xl border border-dashed border-amber-500/40 bg-amber-500/5 px-6 py-12 text-center"
      data-testid="billing-suspended" role="region" aria-label="Monitoring suspended for billing">
      <span className="grid size-12 place-items-center rounded-full bg-amber-500/10 text-amber-300 ring-1 ring-amber-500/30" aria-hidden="true">
        <CreditCard className="size-5" />
      </span>
      <div className="max-w-lg">
        <h2 className="text-base font-semibold text-fg">Monitoring suspended for billing — {what}</h2>
        <p className="mt-2 text-sm text-fg-muted">{suspension.message}</p>
        <p className="mt-2 text-xs text-fg-subtle">The child stays enrolled and the guardians’ consent stays valid; the data returns as soon as the payment is confirmed.</p>
      </div>
      <Link to="/dashboard/partner/funding" className="btn-primary" data-testid="billing-pay-now">Pay now</Link>
    </div>
  );
}
