import { useEffect, useId, useState } from 'react';
import { Hourglass } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useSaveSponsorshipPolicy, useSponsorshipPolicy } from '@/services/admin/sponsorship-policy';

const MIN_DAYS = 7;
const MAX_DAYS = 1825;

/**
 * The platform's wait policy, on the admin's programs page: a child who has waited this many days without a sponsor is
 * ranked first for every partner. Saved at once; the next ranking any partner opens follows it.
 */
export function SponsorshipPolicyCard() {
  const id = useId();
  const policy = useSponsorshipPolicy();
  const save = useSaveSponsorshipPolicy();
  const [days, setDays] = useState('');
  const current = policy.data?.offerToAllAfterDays;
  useEffect(() => {
    if (current !== undefined) setDays(String(current));
  }, [current]);

  const parsed = Number(days);
  const local =
    days.trim() === '' ? 'Enter a number of days.'
      : !Number.isInteger(parsed) || parsed < MIN_DAYS || parsed > MAX_DAYS ? `Choose a whole number of days from ${MIN_DAYS} to ${MAX_DAYS.toLocaleString('en-KE')}.`
        : null;
  const server = isApiError(save.error) ? (save.error.fieldErrors('offerToAllAfterDays')[0] ?? save.error.detail ?? save.error.title) : null;
  const error = (save.isError && server) || null;
  const unchanged = current !== undefined && parsed === current;

  return (
    <section aria-labelledby={`${id}-title`} className="card mb-4 flex flex-col gap-4 p-5 md:flex-row md:items-start" data-testid="sponsorship-policy">
      <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-soft text-brand-text" aria-hidden="true">
        <Hourglass className="size-5" />
      </span>
      <div className="min-w-0 flex-1">
        <h2 id={`${id}-title`} className="text-base font-semibold">Waiting children first</h2>
        <p className="mt-1 text-sm text-fg-muted">
          A child who has waited this long without a sponsor (since joining Elimu, or since their last sponsorship ended) is shown first to every
          partner choosing children.
        </p>
        {policy.isError ? (
          <p role="alert" className="mt-2 text-sm text-brand-text">The policy could not be loaded.</p>
        ) : policy.data ? (
          <p className="mt-2 text-xs text-fg-subtle" data-testid="sponsorship-policy-source">
            {policy.data.updatedAt
              ? `Set by ${policy.data.updatedBy ?? 'an administrator'} on ${formatDateTime(policy.data.updatedAt)}. The installation's default is ${policy.data.defaultOfferToAllAfterDays} days.`
              : `The installation's default (${policy.data.defaultOfferToAllAfterDays} days) applies until you change it.`}
          </p>
        ) : null}
      </div>
      <form
        className="flex shrink-0 flex-col gap-1"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!local) save.mutate(parsed);
        }}
      >
        <label htmlFor={`${id}-days`} className="text-sm font-medium">Days of waiting</label>
        <div className="flex gap-2">
          <input
            id={`${id}-days`}
            className="input w-28"
            type="number"
            inputMode="numeric"
            min={MIN_DAYS}
            max={MAX_DAYS}
            step={1}
            value={days}
            disabled={!policy.data}
            onChange={(e) => {
              setDays(e.target.value);
              save.reset();
            }}
            aria-invalid={Boolean(local || error)}
            aria-describedby={local || error ? `${id}-error` : undefined}
            data-testid="sponsorship-policy-days"
          />
          <button type="submit" className="btn-primary min-h-11" disabled={!policy.data || Boolean(local) || unchanged || save.isPending} data-testid="sponsorship-policy-save">
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
        {(local && days !== String(current ?? '')) || error ? (
          <p id={`${id}-error`} role="alert" className="text-xs text-brand-text" data-testid="sponsorship-policy-error">{error ?? local}</p>
        ) : save.isSuccess ? (
          <p role="status" className="text-xs text-ok" data-testid="sponsorship-policy-saved">Saved. Rankings follow it from now on.</p>
        ) : null}
      </form>
    </section>
  );
}
