import { FileSignature } from 'lucide-react';
import { PartnerEmptyState, PartnerPageHeader } from '@/components/partner/shared';

/** `/dashboard/parent/consents`: the consent requests list arrives with the consent issue. */
export default function ParentConsentsPage() {
  return (
    <>
      <PartnerPageHeader
        title="Consent requests"
        description="Requests from sponsors to follow your children’s learning."
        breadcrumbs={[{ label: 'Home', to: '/dashboard/parent' }, { label: 'Consent requests' }]}
      />
      <PartnerEmptyState
        testId="section-unavailable"
        icon={FileSignature}
        title="This section is not available yet"
        description="Consent requests will appear here once this section is enabled."
      />
    </>
  );
}
