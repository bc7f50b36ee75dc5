import { CalendarRange, Flag, Target, Users } from 'lucide-react';
import { PartnerBadge, PartnerBentoCard, humanizeStatus } from '@/components/partner/shared';
import { formatCurrency, formatDate, formatDateRange, formatNumber } from '@/lib/format';
import type { ProgramResponse } from '@/types/partner';
import { EnrollmentMeter } from './EnrollmentMeter';
import { ProgramActions } from './ProgramActions';
import { programGoalTargetText } from './program-goal-metrics';

const PERIOD = { monthly: 'Monthly', termly: 'Termly (three school terms)', annual: 'Annual' } as const;

const NEXT_STEP: Record<string, string> = {
  DRAFT: 'Add at least the minimum number of children, then submit the program for approval.',
  PENDING_APPROVAL: 'An Elimu admin is reviewing the program. Once it is approved, ask the guardians for consent.',
  ACTIVE: 'Children with consent are followed and billed. Pause the program to hold it.',
  PAUSED: 'The program is on hold. Resume it once it has its minimum of children.',
  COMPLETED: 'The program has ended. Its children stay on record.',
  CANCELLED: 'The program was cancelled. Its children stay on record.',
};

/** The program's status and actions, enrollment against its minimum, its terms and its goals. */
export function ProgramOverview({ program }: { program: ProgramResponse }) {
  const c = program.children;
  const counts: [string, number][] = [
    ['ACTIVE', c.active],
    ['PENDING_CONSENT', c.pendingConsent],
    ['PAUSED', c.paused],
    ['GRADUATED', c.graduated],
    ['LEFT', c.left ?? 0],
    ['REMOVED', c.removed],
  ];

  return (
    <>
      <PartnerBentoCard title="Status" icon={Flag} colSpan={2} testId="program-status-card">
        <div className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <PartnerBadge status={program.status} testId="program-status" />
            {program.approvedAt ? (
              <span className="text-xs text-fg-subtle">Approved {formatDate(program.approvedAt)}</span>
            ) : (
              program.submittedAt && program.status === 'PENDING_APPROVAL' && <span className="text-xs text-fg-subtle">Submitted {formatDate(program.submittedAt)}</span>
            )}
          </div>
          <p className="text-sm text-fg-muted" data-testid="program-next-step">
            {NEXT_STEP[program.status] ?? humanizeStatus(program.status)}
          </p>
          {program.rejectionReason && program.status === 'DRAFT' && (
            <p className="rounded-lg border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-sm text-amber-200" data-testid="rejection-reason">
              Returned by the admin: {program.rejectionReason}
            </p>
          )}
          <ProgramActions program={program} />
        </div>
      </PartnerBentoCard>

      <PartnerBentoCard title="Enrollment" description="Enrolled children (not removed) against the minimum" icon={Users} colSpan={2} testId="program-enrollment-card">
        <EnrollmentMeter children={c} minChildren={program.minChildren} maxChildren={program.maxChildren} />
        <ul className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-5">
          {counts.map(([status, n]) => (
            <li key={status} className="flex flex-col gap-1 rounded-lg border border-line bg-elevated/50 px-2.5 py-2">
              <span className="text-[11px] text-fg-subtle">{humanizeStatus(status)}</span>
              <span className="text-base font-semibold tabular-nums text-fg" data-testid={`count-${status}`}>
                {formatNumber(n)}
              </span>
            </li>
          ))}
        </ul>
      </PartnerBentoCard>

      <PartnerBentoCard title="Terms" icon={CalendarRange} colSpan={2} testId="program-terms-card">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <Fact label="Type" value={program.programType === 'cohort' ? 'Cohort' : 'Direct'} />
          <Fact label="Billing" value={PERIOD[program.billingPeriod]} />
          <Fact label="Price per child" value={formatCurrency(program.pricePerChild, program.currency)} />
          <Fact label="Children" value={`at least ${program.minChildren}${program.maxChildren !== null ? `, at most ${program.maxChildren}` : ', no maximum'}`} />
          <Fact
            label="Dates"
            value={
              program.startDate && program.endDate
                ? formatDateRange(program.startDate, program.endDate)
                : program.startDate
                  ? `From ${formatDate(program.startDate)} (open-ended)`
                  : 'Not set'
            }
          />
          <Fact label="Created" value={formatDate(program.createdAt)} />
        </dl>
        {program.customPricingNotes && <p className="mt-2 text-xs text-fg-subtle">Pricing notes: {program.customPricingNotes}</p>}
      </PartnerBentoCard>

      <PartnerBentoCard title="Goals" description="What this sponsorship aims for" icon={Target} colSpan={2} testId="program-goals-card">
        {program.goals.length === 0 ? (
          <p className="text-sm text-fg-subtle">No goals set. Add them when you edit the program.</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {program.goals.map((g, i) => (
              <li key={i} className="flex flex-col gap-0.5 border-b border-line pb-2 last:border-0 last:pb-0 sm:flex-row sm:items-baseline sm:justify-between sm:gap-3">
                <span className="text-fg">{g.title}</span>
                {(g.target !== null && g.target !== undefined) || g.metric ? (
                  <span className="text-xs text-fg-subtle sm:max-w-[50%] sm:text-right" data-testid="program-goal-target">
                    {programGoalTargetText(g.metric, g.target, formatNumber)}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </PartnerBentoCard>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-3 sm:flex-col sm:justify-start sm:gap-0.5">
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className="text-right text-fg sm:text-left">{value}</dd>
    </div>
  );
}
