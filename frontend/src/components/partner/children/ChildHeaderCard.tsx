import { Link } from 'react-router';
import { EyeOff } from 'lucide-react';
import { formatDate } from '@/lib/format';
import type { ChildHeader } from '@/types/partner';
import { ChildStateBadges } from './ChildStateBadges';
import { formatGrade } from './child-format';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

/** Who the child is, as much as consent allows: shown above every tab. */
export function ChildHeaderCard({ child }: { child: ChildHeader }) {
  const visible = child.consentStatus === 'given';
  return (
    <section className="card flex flex-col gap-4 p-4 sm:p-5" aria-label="About this child" data-testid="child-header">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 items-center gap-4">
          <span className="grid size-12 shrink-0 place-items-center rounded-full bg-brand-soft text-base font-semibold text-brand-text" aria-hidden="true">
            {child.displayName.slice(0, 1)}
          </span>
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <ChildStateBadges child={child} />
            </div>
            <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted">
              <div className="flex gap-1">
                <dt className="sr-only">Grade</dt>
                <dd>{formatGrade(child.grade)}</dd>
              </div>
              <div className="flex gap-1">
                <dt className="sr-only">County</dt>
                <dd>{child.county}</dd>
              </div>
              {child.school && (
                <div className="flex gap-1">
                  <dt className="sr-only">School</dt>
                  <dd>{child.school}</dd>
                </div>
              )}
              {child.dateOfBirth && (
                <div className="flex gap-1">
                  <dt>Born</dt>
                  <dd>{formatDate(child.dateOfBirth)}</dd>
                </div>
              )}
              <div className="flex gap-1">
                <dt>Enrolled</dt>
                <dd>{formatDate(child.enrolledAt)}</dd>
              </div>
            </dl>
          </div>
        </div>
        <div className="flex min-w-0 flex-col gap-1 text-xs sm:max-w-[40%] sm:items-end">
          <span className="text-fg-subtle">Program</span>
          <Link to={`/dashboard/partner/sponsorships/${child.programId}`} className="max-w-full font-medium text-fg hover:text-brand-text hover:underline">
            <TruncatedText text={child.programName} lines={2} className="sm:text-right" />
          </Link>
          {!visible && (
            <span className="mt-1 inline-flex items-center gap-1 text-fg-subtle">
              <EyeOff className="size-3.5" aria-hidden="true" />
              First name, last initial, grade and county only
            </span>
          )}
        </div>
      </div>
      {child.notes && (
        <p className="border-t border-line pt-3 text-sm text-fg-muted" data-testid="child-notes">
          <span className="text-fg-subtle">Your notes: </span>
          {child.notes}
        </p>
      )}
    </section>
  );
}
