import { FileDown } from 'lucide-react';
import { PartnerBentoGrid, PartnerPageHeader, preloadPartnerChart } from '@/components/partner/shared';
import { BulkUploadCard } from '@/components/partner/enrollments/BulkUploadCard';
import { CohortTrackingCard } from '@/components/partner/enrollments/CohortTrackingCard';
import { templateUrl } from '@/services/partner/enrollments';
import { usePrograms } from '@/services/partner/programs';
import { usePartnerPermissions } from '@/services/partner/team';

// The cohort chart's code loads with the page's data, not after it.
preloadPartnerChart();

/**
 * `/dashboard/partner/enrollments`: enrol children in bulk from a CSV or XLSX file (checked row by row
 * first, then added all or nothing) and follow each cohort through consent week by week.
 */
export default function EnrollmentsPage() {
  const programs = usePrograms({ pageSize: 100 });
  const programList = programs.data?.items ?? [];
  const { changePrograms } = usePartnerPermissions();

  return (
    <>
      <PartnerPageHeader
        title="Enrollments"
        description="Enrol children in bulk from CSV or Excel and track each cohort."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Partnerships' }, { label: 'Enrollments' }]}
        actions={
          <>
            <a href={templateUrl('csv')} download className="btn-secondary" data-testid="template-csv">
              <FileDown className="size-4" aria-hidden="true" /> CSV template
            </a>
            <a href={templateUrl('xlsx')} download className="btn-secondary" data-testid="template-xlsx">
              <FileDown className="size-4" aria-hidden="true" /> Excel template
            </a>
          </>
        }
      />

      <PartnerBentoGrid>
        {changePrograms && <BulkUploadCard programs={programList} />}
        <CohortTrackingCard programs={programList} />
      </PartnerBentoGrid>
    </>
  );
}
