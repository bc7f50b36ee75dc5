import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Download, HandCoins, Loader2, Plus } from 'lucide-react';
import { PartnerBadge, PartnerDataTable, PartnerEmptyState, PartnerFilterBar, PartnerPageHeader, type DataTableColumn } from '@/components/partner/shared';
import { BulkProgramActions } from '@/components/partner/sponsorships/BulkProgramActions';
import { EnrollmentMeter } from '@/components/partner/sponsorships/EnrollmentMeter';
import { ProgramFormModal } from '@/components/partner/sponsorships/ProgramFormModal';
import { downloadCsv, programsToCsv } from '@/components/partner/sponsorships/programs-csv';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { StatusChips } from '@/components/partner/sponsorships/StatusChips';
import { useDebouncedValue } from '@/components/partner/sponsorships/use-debounced-value';
import { formatCurrency, formatDate } from '@/lib/format';
import { getPrograms, usePrograms } from '@/services/partner/sponsorships';
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

const PERIOD = { monthly: 'month', termly: 'term', annual: 'year' } as const;

/** `/dashboard/partner/sponsorships`: the partner's programs, a new-program form, bulk tools and a CSV export. */
export default function SponsorshipsPage() {
  const navigate = useNavigate();
  const [status, setStatus] = useState<ProgramStatus | ''>('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Map<string, ProgramResponse>>(new Map());
  const [exporting, setExporting] = useState(false);
  const debouncedSearch = useDebouncedValue(search.trim());

  const params = { status, search: debouncedSearch, page, pageSize: PAGE_SIZE };
  const programs = usePrograms(params);
  const rows = useMemo(() => programs.data?.items ?? [], [programs.data]);

  const toggle = (p: ProgramResponse) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(p.id)) next.delete(p.id);
      else next.set(p.id, p);
      return next;
    });
  const allOnPage = rows.length > 0 && rows.every((p) => selected.has(p.id));
  const toggleAll = () =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const p of rows) {
        if (allOnPage) next.delete(p.id);
        else next.set(p.id, p);
      }
      return next;
    });

  /** Every program matching the filters (all pages), as CSV. */
  const exportCsv = async () => {
    setExporting(true);
    try {
      const all: ProgramResponse[] = [];
      for (let p = 1; ; p++) {
        const answer = await getPrograms({ status, search: debouncedSearch, page: p, pageSize: 100 });
        all.push(...answer.items);
        if (all.length >= answer.total || answer.items.length === 0) break;
      }
      downloadCsv(`elimu-programs-${new Date().toISOString().slice(0, 10)}.csv`, programsToCsv(all));
      toast.success(`Exported ${all.length} program${all.length === 1 ? '' : 's'}.`);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : 'The export failed.');
    } finally {
      setExporting(false);
    }
  };

  const columns: DataTableColumn<ProgramResponse>[] = [
    {
      key: 'select',
      header: (
        <input
          type="checkbox"
          className="size-4 accent-[#E40000]"
          checked={allOnPage}
          onChange={toggleAll}
          aria-label="Select every program on this page"
          data-testid="select-all-programs"
        />
      ),
      cell: (p) => (
        <input
          type="checkbox"
          className="size-4 accent-[#E40000]"
          checked={selected.has(p.id)}
          onChange={() => toggle(p)}
          aria-label={`Select ${p.name}`}
        />
      ),
      className: 'w-10',
    },
    {
      key: 'name',
      header: 'Program',
      cell: (p) => (
        <div className="flex min-w-0 flex-col gap-1">
          <Link to={`/dashboard/partner/sponsorships/${p.id}`} className="font-medium text-fg hover:text-brand-text hover:underline">
            {p.name}
          </Link>
          <span className="flex flex-wrap items-center gap-1.5 text-xs text-fg-subtle">
            <PartnerBadge status={p.status} className="md:hidden" />
            <span className="capitalize">{p.programType}</span>
            {p.startDate && <span>· from {formatDate(p.startDate)}</span>}
          </span>
        </div>
      ),
    },
    { key: 'status', header: 'Status', cell: (p) => <PartnerBadge status={p.status} />, className: 'hidden md:table-cell' },
    {
      key: 'children',
      header: 'Children',
      cell: (p) => (
        <div className="w-36 sm:w-44">
          <EnrollmentMeter children={p.children} minChildren={p.minChildren} maxChildren={p.maxChildren} compact />
        </div>
      ),
    },
    {
      key: 'consent',
      header: 'Awaiting consent',
      cell: (p) => <span className="tabular-nums">{p.children.pendingConsent}</span>,
      align: 'right',
      className: 'hidden lg:table-cell',
    },
    {
      key: 'price',
      header: 'Price per child',
      cell: (p) => (
        <span className="whitespace-nowrap tabular-nums">
          {formatCurrency(p.pricePerChild, p.currency)}
          <span className="text-fg-subtle"> / {PERIOD[p.billingPeriod]}</span>
        </span>
      ),
      align: 'right',
      className: 'hidden lg:table-cell',
    },
  ];

  const filtered = status !== '' || debouncedSearch !== '';

  return (
    <>
      <PartnerPageHeader
        title="Sponsorships"
        description="Create sponsorship programs of ten or more children and follow them through approval."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Partnerships' }, { label: 'Sponsorships' }]}
        actions={
          <>
            <button type="button" className="btn-secondary" onClick={() => void exportCsv()} disabled={exporting || (programs.data?.total ?? 0) === 0} data-testid="export-csv">
              {exporting ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <Download className="size-4" aria-hidden="true" />}
              Export CSV
            </button>
            <button type="button" className="btn-primary" onClick={() => setCreating(true)} data-testid="new-program">
              <Plus className="size-4" aria-hidden="true" />
              New program
            </button>
          </>
        }
      />

      <div className="flex flex-col gap-4">
        <StatusChips
          label="Filter programs by status"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          testId="status-chips"
        />
        <PartnerFilterBar
          search={search}
          onSearchChange={(v) => {
            setSearch(v);
            setPage(1);
          }}
          searchLabel="Search programs"
          searchPlaceholder="Search by name or description…"
          onReset={
            filtered
              ? () => {
                  setSearch('');
                  setStatus('');
                  setPage(1);
                }
              : undefined
          }
        />

        <BulkProgramActions selected={[...selected.values()]} onDone={() => setSelected(new Map())} />

        {programs.isError ? (
          <QueryErrorState title="We couldn’t load your programs" error={programs.error} onRetry={() => void programs.refetch()} retrying={programs.isFetching} />
        ) : !programs.isPending && programs.data.total === 0 && !filtered ? (
          <PartnerEmptyState
            icon={HandCoins}
            title="No sponsorship programs yet"
            description="A program groups the children you sponsor, its price and billing period. Start with a draft; you can add children before submitting it."
            action={
              <button type="button" className="btn-primary" onClick={() => setCreating(true)}>
                <Plus className="size-4" aria-hidden="true" /> New program
              </button>
            }
            testId="programs-empty"
          />
        ) : (
          <PartnerDataTable
            caption="Sponsorship programs"
            columns={columns}
            rows={rows}
            getRowKey={(p) => p.id}
            isLoading={programs.isPending}
            empty="No programs match these filters."
            pagination={{ page, pageSize: PAGE_SIZE, total: programs.data?.total ?? 0, onPageChange: setPage }}
            testId="programs-table"
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
