import { Link, useParams } from 'react-router';
import { Layers } from 'lucide-react';
import { PartnerEmptyState, PartnerPageHeader } from '@/components/partner/shared';
import { partnerSections, type PartnerSectionInfo } from '@/components/partner/sidebar/partner-sections';
import NotFoundPage from '@/pages/NotFoundPage';

function sectionAt(path: string | undefined): PartnerSectionInfo | undefined {
  return Object.values(partnerSections).find((s) => s.path === path);
}

/**
 * The page of a partner section that is not enabled yet: its header (title, breadcrumbs, purpose)
 * and a plain statement that its content is not available yet. The path names the section; any
 * other name is not a page.
 */
export default function PartnerSectionPage() {
  const section = sectionAt(useParams().section);
  if (!section) return <NotFoundPage />;

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
