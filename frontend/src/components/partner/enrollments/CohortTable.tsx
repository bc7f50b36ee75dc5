import { Link } from 'react-router';
import { formatNumber } from '@/lib/format';
import type { CohortSeries } from '@/services/partner/enrollments';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

/** Each program this week: active, without consent yet, removed, and the change over the 12 weeks. */
export function CohortTable({ programs }: { programs: CohortSeries[] }) {
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="cohort-table">
        <caption className="sr-only">Each program this week</caption>
        <thead className="bg-elevated/60 text-xs uppercase tracking-wide text-fg-subtle">
          <tr>
            <th scope="col" className="px-2 py-2 text-left font-medium sm:px-3">Program (this week)</th>
            <th scope="col" className="px-2 py-2 text-right font-medium sm:px-3">With consent</th>
            <th scope="col" className="px-2 py-2 text-right font-medium sm:px-3">Without consent yet</th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">Removed</th>
            <th scope="col" className="px-2 py-2 text-right font-medium sm:px-3">
              <span className="sm:hidden">Change</span>
              <span className="hidden sm:inline">12-week change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {programs.map((p) => {
            const last = p.weeks[p.weeks.length - 1];
            const first = p.weeks[0];
            const change = last && first ? last.enrolled - first.enrolled : 0;
            return (
              <tr key={p.programId} className="border-t border-line">
                <th scope="row" className="px-2 py-2 text-left font-medium text-fg sm:px-3">
                  <Link to={`/dashboard/partner/sponsorships/${p.programId}`} className="hover:text-brand-text hover:underline">
                    <TruncatedText text={p.programName} className="max-w-[10rem] sm:max-w-[16rem]" />
                  </Link>
                </th>
                <td className="px-2 py-2 text-right tabular-nums sm:px-3">{formatNumber(last?.active ?? 0)}</td>
                <td className="px-2 py-2 text-right tabular-nums sm:px-3">{formatNumber(last?.pendingConsent ?? 0)}</td>
                <td className="hidden px-3 py-2 text-right tabular-nums text-fg-muted sm:table-cell">{formatNumber(last?.removed ?? 0)}</td>
                <td className="px-2 py-2 text-right tabular-nums sm:px-3">{change > 0 ? `+${formatNumber(change)}` : formatNumber(change)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
