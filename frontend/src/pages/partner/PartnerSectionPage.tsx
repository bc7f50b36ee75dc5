import { Link, useMatches } from 'react-router';
import { Layers } from 'lucide-react';
import { PartnerEmptyState, PartnerPageHeader } from '@/components/partner/shared';
import { partnerSections, type PartnerSectionKey } from '@/components/partner/sidebar/partner-sections';

export interface PartnerSectionHandle {
  section: PartnerSectionKey;
}

function isSectionHandle(handle: unknown): handle is PartnerSectionHandle {
  return !!handle && typeof handle === 'object' && 'section' in handle && (handle as PartnerSectionHandle).section in partnerSections;
}

/**
 * The page of a partner section that is not enabled yet: its header (title, breadcrumbs, purpose)
 * and a plain statement that its content is not available yet. The route says which section.
 */
export default function PartnerSectionPage() {
  const matches = useMatches();
  const handle = [...matches].reverse().find((m) => isSectionHandle(m.handle))?.handle as PartnerSectionHandle | undefined;
  const key = handle?.section ?? 'ai-highlights';
  const section = partnerSections[key];

  return (
    <>
      <PartnerPageHeader
        title={section.title}
        description={section.description}
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: section.group }, { label: section.title }]}
      />
      <PartnerEmptyState
        testId="section-unavailable"
        icon={Layers}
        title="This section is not available yet"
        description={section.pending}
        action={
          <Link to="/dashboard/partner" className="btn-secondary">
            Back to the overview
          </Link>
        }
      />
    </>
  );
}
