import { PartnerLoadingSkeleton } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { roleLabels } from '@/services/partner/team';
import { useTeamTraining } from '@/services/partner/training';
import { CertifiedBadge } from './CourseProgress';

/** Owners: every member × every course, modules done or the certificate. */
export function TeamTrainingTable() {
  const team = useTeamTraining(true);
  if (team.isError)
    return <QueryErrorState title="We couldn’t load your team’s progress" error={team.error} onRetry={() => void team.refetch()} retrying={team.isFetching} compact />;
  if (team.isPending) return <PartnerLoadingSkeleton variant="lines" count={3} label="Loading your team’s progress" />;
  const { courses, members } = team.data;
  return (
    // Focusable, so a keyboard can scroll the table sideways on a phone.
    <div className="card overflow-x-auto" role="region" aria-label="Your team’s course progress" tabIndex={0}>
      <table className="w-full min-w-[560px] text-sm" data-testid="team-training-table">
        <thead>
          <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-fg-subtle">
            <th scope="col" className="px-4 py-2.5 font-medium">Member</th>
            {courses.map((c) => (
              <th key={c.slug} scope="col" className="px-4 py-2.5 font-medium">{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {members.map((m) => (
            <tr key={m.userId}>
              <th scope="row" className="px-4 py-2.5 text-left font-normal">
                <span className="block font-medium text-fg">{m.name}</span>
                <span className="text-xs text-fg-subtle">{roleLabels[m.role].label}</span>
              </th>
              {courses.map((c) => {
                const p = m.courses.find((x) => x.courseSlug === c.slug);
                return (
                  <td key={c.slug} className="px-4 py-2.5 tabular-nums text-fg-muted">
                    {p?.certifiedAt ? <CertifiedBadge /> : `${p?.completedModules ?? 0} of ${c.totalModules}`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
