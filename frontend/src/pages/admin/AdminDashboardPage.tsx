import { ClipboardCheck } from 'lucide-react';
import { PartnerEmptyState, PartnerPageHeader } from '@/components/partner/shared';
import { useCurrentUser } from '@/services/auth';

/** `/dashboard/admin`: the admin and staff landing page. */
export default function AdminDashboardPage() {
  const { data: user } = useCurrentUser();
  return (
    <>
      <PartnerPageHeader
        title={user ? `Karibu, ${user.displayName}` : 'Karibu'}
        description="Sponsorship programs waiting for review, resources to check and tickets to assign."
      />
      <section aria-labelledby="approvals-title" className="flex flex-col gap-3">
        <h2 id="approvals-title" className="text-sm font-semibold uppercase tracking-wider text-fg-subtle">
          Pending program approvals
        </h2>
        <PartnerEmptyState
          testId="approvals-empty"
          icon={ClipboardCheck}
          title="This section is not available yet"
          description="Programs submitted for approval will appear here once this section is enabled."
        />
      </section>
    </>
  );
}
