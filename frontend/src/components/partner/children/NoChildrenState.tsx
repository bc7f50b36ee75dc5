import { Link } from 'react-router';
import { Users } from 'lucide-react';
import { PartnerEmptyState } from '@/components/partner/shared';

/** No children to show: none match the filters, or the partner sponsors none yet (with where to start). */
export function NoChildrenState({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return <PartnerEmptyState title="No children match these filters" description="Change or reset the filters to see more children." testId="children-empty" />;
  }
  return (
    <PartnerEmptyState
      icon={Users}
      title="You don’t sponsor any children yet"
      description="Add children to a sponsorship program, or enrol them in bulk from a spreadsheet."
      action={
        <div className="flex flex-wrap justify-center gap-2">
          <Link to="/dashboard/partner/sponsorships" className="btn-primary">
            Your programs
          </Link>
          <Link to="/dashboard/partner/enrollments" className="btn-secondary">
            Bulk enrollment
          </Link>
        </div>
      }
      testId="children-empty"
    />
  );
}
