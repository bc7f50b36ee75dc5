import { Link } from 'react-router';
import { FolderKanban } from 'lucide-react';
import { PartnerBentoCard, PartnerChart, PartnerEmptyState } from '@/components/partner/shared';
import { formatNumber } from '@/lib/format';
import type { ProgramStatusCounts } from '@/types/partner';

export function programStatusRows(programs: ProgramStatusCounts) {
  return [
    { status: 'DRAFT', label: 'Draft', count: programs.draft },
    { status: 'PENDING_APPROVAL', label: 'Pending approval', count: programs.pendingApproval },
    { status: 'ACTIVE', label: 'Active', count: programs.active },
    { status: 'PAUSED', label: 'Paused', count: programs.paused },
    { status: 'COMPLETED', label: 'Completed', count: programs.completed },
    { status: 'CANCELLED', label: 'Cancelled', count: programs.cancelled },
  ];
}

export function ProgramsByStatusCard({ programs }: { programs: ProgramStatusCounts }) {
  const rows = programStatusRows(programs);
  return (
    <PartnerBentoCard
      title="Programs by status"
      description={`${formatNumber(programs.total)} sponsorship program${programs.total === 1 ? '' : 's'}`}
      icon={FolderKanban}
      colSpan={2}
      testId="card-programs"
      action={
        <Link to="/dashboard/partner/sponsorships" className="text-xs font-medium text-brand-text hover:underline">
          View programs
        </Link>
      }
    >
      {programs.total === 0 ? (
        <PartnerEmptyState
          compact
          icon={FolderKanban}
          title="No sponsorship programs yet"
          description="A program sponsors ten or more children, directly or as a cohort."
        />
      ) : (
        <PartnerChart
          type="bar"
          data={rows}
          xKey="label"
          axes={{ category: 'Status', value: 'Programs (count)' }}
          series={[{ key: 'count', label: 'Programs', color: '#E40000' }]}
          ariaLabel="Number of sponsorship programs in each status"
          barLayout="horizontal"
          height={230}
          testId="chart-programs"
        />
      )}
    </PartnerBentoCard>
  );
}
