import { usePartnerPermissions } from '@/services/partner/team';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Download, HandCoins, Loader2, Plus } from 'lucide-react';
import { PartnerEmptyState, PartnerFilterBar, PartnerPageHeader } from '@/components/partner/shared';
import { BulkProgramActions } from '@/components/partner/sponsorships/BulkProgramActions';
import { ProgramFormModal } from '@/components/partner/sponsorships/ProgramFormModal';
import { ProgramsTable } from '@/components/partner/sponsorships/ProgramsTable';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { StatusChips } from '@/components/partner/sponsorships/StatusChips';
import { useProgramsExport } from '@/components/partner/sponsorships/use-programs-export';
import { useRowSelection } from '@/components/partner/sponsorships/use-row-selection';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { usePrograms } from '@/services/partner/programs';
import { toast } from '@/store/toastStore';
import type { ProgramResponse, ProgramStatus } from '@/types/partner';

const PAGE_SIZE = 20;

const STATUS_OPTIONS: { value: ProgramStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'DRAFT', label: 'Draft' },
  { value: 'PENDING_APPROVAL', label: 'Pending approval' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'PAUSED', label: 'Paused' },
  { value: 'COMPLETED', label: 'Completed' },
  { value: 'CANCELLED', label: 'Cancelled' },
];

const LIST_URL = {
  status: urlParam.oneOf(
    STATUS_OPTIONS.map((o) => o.value),
    '',
  ),
  q: urlParam.search(),
  page: urlParam.page(),
};

/** `/dashboard/partner/sponsorships`: the partner's programs, a new-program form, bulk tools and a CSV export. */
export default function SponsorshipsPage() {
  const navigate = useNavigate();
  const [{ status, q: debouncedSearch, page }, setUrl] = useUrlState(LIST_URL);
  const [search, setSearch] = useSearchDraft(debouncedSearch, (q) => setUrl({ q }));
  const [creating, setCreating] = useState(false);
  // A viewer or finance member reads programs but may not change them (the server refuses it either way).
  const { changePrograms } = usePartnerPermissions();

  const params = { status, search: debouncedSearch, page, pageSize: PAGE_SIZE };
  const programs = usePrograms(params);
  const rows = useMemo(() => programs.data?.items ?? [], [programs.data]);
  const selection = useRowSelection<ProgramResponse>(rows, (p) => p.id);
  const { exporting, exportCsv } = useProgramsExport();

  const filtered = status !== '' || debouncedSearch !== '';

  return (
    <>
      <PartnerPageHeader
        title="Sponsorships"
        description="Create sponsorship programs of ten or more children and follow them through approval."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Partnerships' }, { label: 'Sponsorships' }]}
        actions={
          <>
            <button
              type="button"
              className="btn-secondary"
              onClick={() => void exportCsv({ status, search: debouncedSearch })}
              disabled={exporting || (programs.data?.total ?? 0) === 0}
              data-testid="export-csv"
            >
              {exporting ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <Download className="size-4" aria-hidden="true" />}
              Export CSV
            </button>
            {changePrograms && (
              <button type="button" className="btn-primary" onClick={() => setCreating(true)} data-testid="new-program">
                <Plus className="size-4" aria-hidden="true" />
                New program
              </button>
            )}
          </>
        }
      />

      <div className="flex flex-col gap-4">
        <StatusChips
          label="Filter programs by status"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(v) => setUrl({ status: v })}
          testId="status-chips"
        />
        <PartnerFilterBar
          search={search}
          onSearchChange={setSearch}
          searchLabel="Search programs"
          searchPlaceholder="Search by name or description…"
          onReset={
            filtered
              ? () => {
                  setSearch('');
                  setUrl({ status: '', q: '' });
                }
              : undefined
          }
        />

        <BulkProgramActions selected={[...selection.selected.values()]} onDone={selection.clear} />

        {programs.isError ? (
          <QueryErrorState title="We couldn’t load your programs" error={programs.error} onRetry={() => void programs.refetch()} retrying={programs.isFetching} />
        ) : !programs.isPending && programs.data.total === 0 && !filtered ? (
          <PartnerEmptyState
            icon={HandCoins}
            title="No sponsorship programs yet"
            description="A program groups the children you sponsor, its price and billing period. Start with a draft; you can add children before submitting it."
            action={
              changePrograms && (
                <button type="button" className="btn-primary" onClick={() => setCreating(true)}>
                  <Plus className="size-4" aria-hidden="true" /> New program
                </button>
              )
            }
            testId="programs-empty"
          />
        ) : (
          <ProgramsTable
            rows={rows}
            total={programs.data?.total ?? 0}
            isLoading={programs.isPending}
            page={page}
            pageSize={PAGE_SIZE}
            onPageChange={(p) => setUrl({ page: p })}
            selection={selection}
          />
        )}
      </div>

      <ProgramFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          toast.success(`“${p.name}” was created as a draft. Add children to it next.`);
          void navigate(`/dashboard/partner/sponsorships/${p.id}`);
        }}
      />
    </>
  );
}
