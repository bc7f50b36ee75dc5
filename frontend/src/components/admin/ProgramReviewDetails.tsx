import type { ReactNode } from 'react';
import { PartnerBadge } from '@/components/partner/shared';
import { formatCurrency, formatDate } from '@/lib/format';
import type { AdminProgram } from '@/services/admin/sponsorship-programs';
import { billingPeriodLabel, programTypeLabel } from '@/lib/program-labels';
import { ReviewErrorMessage } from './ReviewErrorMessage';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className="mt-0.5 text-sm text-fg">{children}</dd>
    </div>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wider text-fg-subtle">{title}</h3>
      {children}
    </div>
  );
}

export interface ProgramReviewDetailsProps {
  program: AdminProgram;
  /** Waiting for a decision (the dates read "Submitted" rather than "Last updated"). */
  pending: boolean;
  serverError?: string;
}

/** What the admin decides on: status, terms, dates, children, pricing notes, goals and any earlier rejection. */
export function ProgramReviewDetails({ program, pending, serverError }: ProgramReviewDetailsProps) {
  const belowMinimum = program.children.enrolled < program.minChildren;
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-2">
        <PartnerBadge status={program.status} />
        <PartnerBadge tone="neutral">{programTypeLabel(program.programType)}</PartnerBadge>
        {belowMinimum && (
          <PartnerBadge tone="danger" testId="program-below-minimum">
            Below the minimum of {program.minChildren}
          </PartnerBadge>
        )}
      </div>
      {program.description && <p className="leading-relaxed text-fg">{program.description}</p>}

      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
        <Fact label="Children enrolled">
          {program.children.enrolled} of at least {program.minChildren}
          {program.maxChildren ? ` (max ${program.maxChildren})` : ''}
        </Fact>
        <Fact label="Price per child">{formatCurrency(program.pricePerChild, program.currency)}</Fact>
        <Fact label="Billing period">{billingPeriodLabel(program.billingPeriod)}</Fact>
        <Fact label="Starts">{program.startDate ? formatDate(program.startDate) : 'Not set'}</Fact>
        <Fact label="Ends">{program.endDate ? formatDate(program.endDate) : 'Open-ended'}</Fact>
        <Fact label={pending ? 'Submitted' : 'Last updated'}>{formatDate(program.updatedAt)}</Fact>
        <Fact label="Created">{formatDate(program.createdAt)}</Fact>
        {program.approvedAt && <Fact label="Approved">{formatDate(program.approvedAt)}</Fact>}
      </dl>

      <Block title="Children by status">
        <p className="mt-1 text-sm text-fg">
          {program.children.active} active · {program.children.pendingConsent} without consent yet · {program.children.paused} paused
          {program.children.removed > 0 ? ` · ${program.children.removed} removed` : ''}
        </p>
      </Block>

      {program.customPricingNotes && (
        <Block title="Pricing notes">
          <p className="mt-1 text-sm text-fg">{program.customPricingNotes}</p>
        </Block>
      )}

      {(program.goals ?? []).length > 0 && (
        <Block title="Goals">
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-fg">
            {(program.goals ?? []).map((goal, i) => (
              <li key={i}>{goal?.title}</li>
            ))}
          </ul>
        </Block>
      )}

      {program.rejectionReason && (
        <Block title="Last rejection reason">
          <p className="mt-1 text-sm text-fg">{program.rejectionReason}</p>
        </Block>
      )}

      <ReviewErrorMessage message={serverError} />
    </div>
  );
}
