import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Pencil, SearchX } from 'lucide-react';
import { AlertThresholdsCard } from '@/components/partner/alerts/AlertThresholdsCard';
import { PartnerBentoGrid, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { ProgramChildren } from '@/components/partner/sponsorships/ProgramChildren';
import { ProgramConsentRequests } from '@/components/partner/sponsorships/ProgramConsentRequests';
import { ProgramFormModal } from '@/components/partner/sponsorships/ProgramFormModal';
import { ProgramOverview } from '@/components/partner/sponsorships/ProgramOverview';
import { ProgramPreferencesCard } from '@/components/partner/sponsorships/ProgramPreferencesCard';
import { SubstituteOfferPanel } from '@/components/partner/sponsorships/SubstituteOfferPanel';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { isApiError } from '@/lib/api';
import { useProgram } from '@/services/partner/programs';
import { usePartnerPermissions } from '@/services/partner/team';
import { toast } from '@/store/toastStore';

const crumbs = (name: string) => [
  { label: 'Dashboard', to: '/dashboard/partner' },
  { label: 'Sponsorships', to: '/dashboard/partner/sponsorships' },
  { label: name },
];

/** `/dashboard/partner/sponsorships/:id`: one program, its status actions and its children. */
export default function SponsorshipDetailPage() {
  const { id = '' } = useParams();
  const program = useProgram(id);
  const { changePrograms } = usePartnerPermissions();
  const [editing, setEditing] = useState(false);

  if (program.isPending) {
    return (
      <>
        <PartnerPageHeader title="Sponsorship program" breadcrumbs={crumbs('Program')} />
        <PartnerLoadingSkeleton variant="cards" count={4} label="Loading the program" />
      </>
    );
  }

  if (program.isError) {
    const notFound = isApiError(program.error) && program.error.status === 404;
    return (
      <>
        <PartnerPageHeader title="Sponsorship program" breadcrumbs={crumbs('Program')} />
        {notFound ? (
          <PartnerEmptyState
            icon={SearchX}
            title="Program not found"
            description="It may have been removed, or it belongs to another partner."
            action={
              <Link to="/dashboard/partner/sponsorships" className="btn-secondary">
                Back to your programs
              </Link>
            }
            testId="program-not-found"
          />
        ) : (
          <QueryErrorState title="We couldn’t load this program" error={program.error} onRetry={() => void program.refetch()} retrying={program.isFetching} />
        )}
      </>
    );
  }

  const p = program.data;
  // Once submitted, every term is what the admin reviews and the guardians are shown: the API refuses changes.
  const editable = p.status === 'DRAFT' && changePrograms;
  return (
    <>
      <PartnerPageHeader
        title={p.name}
        description={p.description ?? undefined}
        breadcrumbs={crumbs(p.name)}
        actions={
          editable && (
            <button type="button" className="btn-secondary" onClick={() => setEditing(true)} data-testid="edit-program">
              <Pencil className="size-4" aria-hidden="true" />
              Edit draft
            </button>
          )
        }
      />
      <PartnerBentoGrid>
        <ProgramOverview program={p} />
        <SubstituteOfferPanel program={p} canChange={changePrograms} />
        <ProgramChildren program={p} />
        <ProgramPreferencesCard programId={p.id} canChange={changePrograms} />
        <AlertThresholdsCard scope="programs" id={p.id} canChange={changePrograms} />
      </PartnerBentoGrid>
      {(p.status === 'ACTIVE' || p.status === 'PAUSED') && <ProgramConsentRequests programId={p.id} />}
      <ProgramFormModal open={editing} onClose={() => setEditing(false)} program={p} onSaved={(saved) => toast.success(`“${saved.name}” was saved.`)} />
    </>
  );
}
