import { AlertTriangle, Loader2, UserPlus, UserRoundSearch } from 'lucide-react';
import { PartnerBentoCard } from '@/components/partner/shared';
import { formatGrade } from '@/components/partner/children/child-format';
import { isApiError } from '@/lib/api';
import { useAcceptSubstitute, useDeclineSubstitutes, useSubstitutes } from '@/services/partner/leaving';
import { toast } from '@/store/toastStore';
import type { ProgramResponse } from '@/types/partner';

/**
 * On an ACTIVE program that children left: the minimum warning (how many are missing) and the substitutes Elimu
 * suggests under the program's preferences, each with why it matches. Taking one enrols the child and asks the guardians
 * for consent at once; declining clears the offer (the warning stays while the program is short). Shows nothing otherwise.
 */
export function SubstituteOfferPanel({ program, canChange }: { program: ProgramResponse; canChange: boolean }) {
  const active = program.status === 'ACTIVE';
  const offer = useSubstitutes(program.id, active);
  const accept = useAcceptSubstitute(program.id);
  const decline = useDeclineSubstitutes(program.id);
  const data = offer.data;
  if (!active || !data || (data.offered === 0 && data.missing === 0)) return null;

  const acceptError = accept.isError ? (isApiError(accept.error) ? (accept.error.detail ?? accept.error.message) : 'Something went wrong.') : null;
  return (
    <PartnerBentoCard
      title="Substitutes"
      description={data.offered > 0 ? `${data.offered} ${data.offered === 1 ? 'child' : 'children'} left this program: Elimu suggests who could take their place.` : 'Children who match this program’s preferences.'}
      icon={UserRoundSearch}
      colSpan={4}
      testId="substitute-offer"
    >
      {data.missing > 0 && (
        <div role="status" className="mb-3 flex items-start gap-2 rounded-lg border border-amber-400/40 bg-amber-400/10 px-3 py-2.5 text-sm text-fg" data-testid="minimum-warning">
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-300" aria-hidden="true" />
          <span>
            This program has {data.enrolled} of its minimum {data.minChildren} children: <strong>{data.missing} missing</strong>. It keeps running; add{' '}
            {data.missing === 1 ? 'a substitute' : 'substitutes'} below to bring it back to its minimum.
          </span>
        </div>
      )}
      {acceptError && (
        <p role="alert" className="mb-3 rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-fg" data-testid="substitute-error">
          {acceptError}
        </p>
      )}
      {data.candidates.length === 0 ? (
        <p className="text-sm text-fg-muted">No available child matches right now. Try again later, or add children from the list below.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line" aria-label="Suggested substitutes">
          {data.candidates.map((c) => (
            <li key={c.studentId} className="flex flex-col gap-2 py-2.5 sm:flex-row sm:items-center sm:justify-between" data-testid="substitute">
              <div className="min-w-0">
                <p className="font-medium text-fg">
                  {c.displayName} <span className="text-sm font-normal text-fg-muted">· {formatGrade(c.grade)} · {c.county}</span>
                </p>
                {(c.matchReasons ?? []).length > 0 && (
                  <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`Why ${c.displayName} matches`}>
                    {(c.matchReasons ?? []).map((r) => (
                      <li key={r} className="rounded-full bg-elevated px-2 py-0.5 text-xs text-fg-muted">
                        {r}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {canChange && (
                <button
                  type="button"
                  className="btn-primary shrink-0 self-start px-3 py-1.5 text-xs sm:self-center"
                  disabled={accept.isPending}
                  onClick={() =>
                    accept.mutate(c.studentId, {
                      onSuccess: (r) =>
                        toast.success(
                          r.consentRequests > 0
                            ? `${c.displayName} joined “${program.name}”; their guardian was asked for consent.`
                            : `${c.displayName} joined “${program.name}”. No guardian is on record to ask for consent yet.`,
                        ),
                    })
                  }
                  data-testid="take-substitute"
                >
                  {accept.isPending && accept.variables === c.studentId ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <UserPlus className="size-4" aria-hidden="true" />}
                  Take {c.firstName}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canChange && data.offered > 0 && (
        <div className="mt-3 flex justify-end">
          <button type="button" className="btn-ghost px-3 py-1.5 text-xs" disabled={decline.isPending} onClick={() => decline.mutate()} data-testid="decline-substitutes">
            Decline the offer
          </button>
        </div>
      )}
    </PartnerBentoCard>
  );
}
