import { useState } from 'react';
import { ClipboardCheck } from 'lucide-react';
import {
  PartnerBadge,
  PartnerDataTable,
  PartnerEmptyState,
  PartnerFilterBar,
  PartnerPageHeader,
  humanizeStatus,
  type DataTableColumn,
} from '@/components/partner/shared';
import { ProgramReviewDialog } from '@/components/admin/ProgramReviewDialog';
import { SponsorshipPolicyCard } from '@/components/admin/SponsorshipPolicyCard';
import { billingPeriodLabel, programTypeLabel } from '@/lib/program-labels';
import { formatCurrency, formatDate } from '@/lib/format';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { useAdminPrograms } from '@/services/admin/sponsorship-programs';
import type { PendingProgram, ProgramStatus } from '@/types/partner';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

const PAGE_SIZE = 20;

const STATUSES: ProgramStatus[] = ['PENDING_APPROVAL', 'ACTIVE', 'DRAFT', 'PAUSED', 'COMPLETED', 'CANCELLED'];

const QUEUE_URL = { status: urlParam.oneOf(STATUSES, 'PENDING_APPROVAL'), page: urlParam.page() };

/** The date column: when it was submitted (pending), approved (active) or last changed. */
// On a phone the table keeps the program (with its partner and children under the name) and the Review button on
// screen; the terms are in the review dialog.
const ONLY_WIDE = 'hidden md:table-cell';

function dateColumn(status: ProgramStatus): { header: string; value: (entry: PendingProgram) => string } {
  if (status === 'PENDING_APPROVAL') return { header: 'Submitted', value: (e) => formatDate(e.program.updatedAt) };
  if (status === 'ACTIVE') return { header: 'Approved', value: (e) => formatDate(e.program.approvedAt ?? e.program.updatedAt) };
  return { header: 'Updated', value: (e) => formatDate(e.program.updatedAt) };
}

/** `/dashboard/admin/sponsorship-programs`: programs waiting for approval (or in another status), reviewed one by one. */
export default function AdminSponsorshipProgramsPage() {
  const [{ status, page }, setUrl] = useUrlState(QUEUE_URL);
  const list = useAdminPrograms({ status, page, pageSize: PAGE_SIZE });
  const [reviewing, setReviewing] = useState<PendingProgram | null>(null);

  const date = dateColumn(status);
  const columns: DataTableColumn<PendingProgram>[] = [
    {
      key: 'name',
      header: 'Program',
      cell: ({ program, partnerName }) => (
        <div className="min-w-0">
          <TruncatedText text={program.name} lines={2} className="max-w-[14rem] font-medium text-fg sm:max-w-[20rem]" />
          {/* On a phone the partner and the children are said here, their columns being hidden. */}
          <div className="text-xs text-fg-subtle md:hidden">
            {partnerName} · {program.children.enrolled} / {program.minChildren} min
          </div>
        </div>
      ),
    },
    {
      key: 'partner',
      header: 'Partner',
      className: ONLY_WIDE,
      cell: ({ partnerName, partnerEmail }) => (
        <div className="min-w-0">
          <div className="text-fg">{partnerName}</div>
          <div className="text-xs text-fg-subtle">{partnerEmail}</div>
        </div>
      ),
    },
    { key: 'type', header: 'Type', cell: ({ program }) => programTypeLabel(program.programType), className: ONLY_WIDE },
    {
      key: 'children',
      header: 'Children',
      align: 'right',
      className: ONLY_WIDE,
      cell: ({ program }) => (
        <span className="whitespace-nowrap tabular-nums" data-testid="program-children">
          <span className={program.children.enrolled < program.minChildren ? 'text-brand-text' : 'text-fg'}>{program.children.enrolled}</span>
          <span className="text-fg-subtle"> / {program.minChildren} min</span>
        </span>
      ),
    },
    {
      key: 'price',
      header: 'Price per child',
      align: 'right',
      className: ONLY_WIDE,
      cell: ({ program }) => <span className="whitespace-nowrap tabular-nums">{formatCurrency(program.pricePerChild, program.currency)}</span>,
    },
    { key: 'billing', header: 'Billing', cell: ({ program }) => billingPeriodLabel(program.billingPeriod), className: ONLY_WIDE },
    { key: 'date', header: date.header, cell: (entry) => <span className="whitespace-nowrap">{date.value(entry)}</span>, className: ONLY_WIDE },
    {
      key: 'actions',
      // `relative` keeps the visually hidden label inside the table's scroll frame (an absolute sr-only
      // element would otherwise widen the page on a phone).
      header: (
        <span className="relative">
          <span className="sr-only">Actions</span>
        </span>
      ),
      align: 'right',
      cell: (entry) => (
        <button type="button" className="btn-secondary min-h-10 px-3" onClick={() => setReviewing(entry)} data-testid={`program-review-${entry.program.id}`}>
          {entry.program.status === 'PENDING_APPROVAL' ? 'Review' : 'Details'}
        </button>
      ),
    },
  ];

  const total = list.data?.total ?? 0;

  return (
    <>
      <PartnerPageHeader
        title="Sponsorship programs"
        description="Programs partners have submitted for approval. Approve them to make them active, or send them back with a reason."
        breadcrumbs={[{ label: 'Admin', to: '/dashboard/admin' }, { label: 'Sponsorship programs' }]}
      />

      <SponsorshipPolicyCard />

      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <PartnerFilterBar
          filters={[
            {
              key: 'status',
              label: 'Status',
              value: status,
              options: STATUSES.map((s) => ({ value: s, label: humanizeStatus(s) })),
              onChange: (value) => setUrl({ status: value as ProgramStatus }),
            },
          ]}
        />
        {list.data && (
          <PartnerBadge tone={status === 'PENDING_APPROVAL' && total > 0 ? 'warning' : 'neutral'} testId="programs-total">
            {total} {humanizeStatus(status).toLowerCase()}
          </PartnerBadge>
        )}
      </div>

      {list.isError && !list.data ? (
        <PartnerEmptyState testId="programs-error" icon={ClipboardCheck} title="We could not load the programs" description={list.error.message} />
      ) : (
        <PartnerDataTable
          testId="admin-programs-table"
          caption={`${humanizeStatus(status)} sponsorship programs`}
          columns={columns}
          rows={list.data?.items ?? []}
          getRowKey={(entry) => entry.program.id}
          isLoading={list.isPending}
          empty={status === 'PENDING_APPROVAL' ? 'No programs wait for approval.' : `No ${humanizeStatus(status).toLowerCase()} programs.`}
          pagination={{ page, pageSize: PAGE_SIZE, total, onPageChange: (next) => setUrl({ page: next }) }}
        />
      )}

      <ProgramReviewDialog entry={reviewing} onClose={() => setReviewing(null)} />
    </>
  );
}
