import { useId, useState, type FormEvent } from 'react';
import { formatKes } from '@/components/partner/finance/money';
import { isApiError } from '@/lib/api';
import { useAdminPricing, useCreatePricing, useEndPricing, type PricingItem } from '@/services/admin/pricing';

const STATE_LABEL: Record<string, string> = { current: 'In force', upcoming: 'Starts later', ended: 'Ended' };

/**
 * A partner's custom prices per child (admin): what is agreed, for which program and days, and why; a new price (409 when it
 * overlaps another for the same program is shown as the server words it), and ending one. Billing uses a price from its
 * first day; the partner sees its prices but cannot change them.
 */
export function PartnerPricingPanel({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const pricing = useAdminPricing(partnerId);
  const end = useEndPricing(partnerId);
  if (pricing.isError) return <p role="alert" className="text-sm text-brand-text">The prices could not be loaded.</p>;
  if (pricing.isPending) return <p className="text-sm text-fg-muted">Loading prices…</p>;
  const { prices, programs } = pricing.data;
  const endError = end.error && isApiError(end.error) ? (end.error.fieldErrors('validTo')[0] ?? end.error.detail ?? end.error.title) : null;
  return (
    <section className="flex flex-col gap-3 border-t border-line pt-3" aria-label={`Custom pricing for ${partnerName}`} data-testid="pricing-panel">
      <h3 className="text-sm font-semibold">Custom pricing</h3>
      {prices.length === 0 ? (
        <p className="text-sm text-fg-muted" data-testid="pricing-empty">No custom price: every program bills at its own price.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {prices.map((p) => <PriceRow key={p.id} price={p} ending={end.isPending && end.variables?.id === p.id} onEnd={() => end.mutate({ id: p.id })} />)}
        </ul>
      )}
      {endError && <p role="alert" className="text-sm text-brand-text">{endError}</p>}
      <NewPriceForm partnerId={partnerId} programs={programs} />
    </section>
  );
}

function PriceRow({ price, ending, onEnd }: { price: PricingItem; ending: boolean; onEnd: () => void }) {
  const days = `${price.validFrom} → ${price.validTo ?? 'open-ended'}`;
  return (
    <li className="flex flex-wrap items-start gap-x-4 gap-y-1 rounded-lg border border-line px-3 py-2 text-sm" data-testid="pricing-row" data-state={price.state}>
      <span className="min-w-0 flex-1">
        <span className="font-medium">{formatKes(price.pricePerChild, price.currency)}</span> per child · {price.programName ?? 'All programs'}
        <span className="block text-xs text-fg-muted">{days} · {STATE_LABEL[price.state] ?? price.state}</span>
        {price.notes && <span className="block text-xs text-fg-subtle">{price.notes}</span>}
      </span>
      {price.state !== 'ended' && (
        <button type="button" className="btn-secondary" disabled={ending} onClick={onEnd} data-testid="pricing-end"
          aria-label={`End the price of ${formatKes(price.pricePerChild, price.currency)} for ${price.programName ?? 'all programs'} today`}>End today</button>
      )}
    </li>
  );
}

function NewPriceForm({ partnerId, programs }: { partnerId: string; programs: { id: string; name: string; pricePerChild: number; currency: string }[] }) {
  const id = useId();
  const create = useCreatePricing(partnerId);
  const [programId, setProgramId] = useState('');
  const [price, setPrice] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [notes, setNotes] = useState('');
  const program = programs.find((p) => p.id === programId);
  const err = (field: string) => (isApiError(create.error) ? create.error.fieldErrors(field)[0] : undefined);
  const other = create.error && isApiError(create.error) && Object.keys(create.error.errors ?? {}).length === 0 ? (create.error.detail ?? create.error.title) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { programId: programId || null, pricePerChild: price === '' ? null : Number(price), currency: program?.currency ?? 'KES', notes: notes || null, validFrom: from || null, validTo: to || null },
      { onSuccess: () => { setPrice(''); setFrom(''); setTo(''); setNotes(''); } },
    );
  };
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`${id}-${name}`} className="text-xs font-medium text-fg-muted">{label}</label>
      {input}
      {err(name) && <p id={`${id}-${name}-error`} className="text-xs text-brand-text">{err(name)}</p>}
    </div>
  );
  const describedBy = (name: string) => (err(name) ? `${id}-${name}-error` : undefined);
  return (
    <form className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={submit} noValidate data-testid="pricing-form">
      {field('programId', 'Program', (
        <select id={`${id}-programId`} className="input" value={programId} onChange={(e) => setProgramId(e.target.value)} data-testid="pricing-program">
          <option value="">All programs</option>
          {programs.map((p) => <option key={p.id} value={p.id}>{p.name} (list {formatKes(p.pricePerChild, p.currency)})</option>)}
        </select>
      ))}
      {field('pricePerChild', `Price per child (${program?.currency ?? 'KES'})`, (
        <input id={`${id}-pricePerChild`} className="input" type="number" inputMode="decimal" min="0.01" step="0.01" value={price}
          onChange={(e) => setPrice(e.target.value)} aria-invalid={!!err('pricePerChild')} aria-describedby={describedBy('pricePerChild')} data-testid="pricing-price" />
      ))}
      {field('validFrom', 'First day', (
        <input id={`${id}-validFrom`} className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)}
          aria-invalid={!!err('validFrom')} aria-describedby={describedBy('validFrom')} data-testid="pricing-from" />
      ))}
      {field('validTo', 'Last day (optional)', (
        <input id={`${id}-validTo`} className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)}
          aria-invalid={!!err('validTo')} aria-describedby={describedBy('validTo')} data-testid="pricing-to" />
      ))}
      {field('notes', 'Why (agreement, approved by)', (
        <input id={`${id}-notes`} className="input" value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={4000} data-testid="pricing-notes" />
      ))}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
        <button type="submit" className="btn-primary" disabled={create.isPending} data-testid="pricing-add">{create.isPending ? 'Saving…' : 'Add price'}</button>
        {other && <p role="alert" className="text-sm text-brand-text" data-testid="pricing-error">{other}</p>}
      </div>
    </form>
  );
}
