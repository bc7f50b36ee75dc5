import { Link } from 'react-router';
import { PartnerBadge, PartnerDataTable, type DataTableColumn } from '@/components/partner/shared';
import { formatCurrency, formatDate } from '@/lib/format';
import { programTypeLabel } from '@/lib/program-labels';
import type { ProgramResponse } from '@/types/partner';
import { EnrollmentMeter } from './EnrollmentMeter';
import type { RowSelection } from './use-row-selection';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

const PERIOD = { monthly: 'month', termly: 'term', annual: 'year' } as const;

export interface ProgramsTableProps {
  rows: ProgramResponse[];
  total: number;
  isLoading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  selection: RowSelection<ProgramResponse>;
}

/** The partner's programs, a page at a time: name, status, children, consent and price, each with a tick box. */
export function ProgramsTable({ rows, total, isLoading, page, pageSize, onPageChange, selection }: ProgramsTableProps) {
  const { selected, toggle, toggleAll, allOnPage } = selection;
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
            <TruncatedText text={p.name} lines={2} className="max-w-[12rem] sm:max-w-[16rem] xl:max-w-[22rem]" />
          </Link>
          <span className="flex flex-wrap items-center gap-1.5 text-xs text-fg-subtle">
            <PartnerBadge status={p.status} className="md:hidden" />
            <span>{programTypeLabel(p.programType)}</span>
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
      header: 'Without consent yet',
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

  return (
    <PartnerDataTable
      caption="Sponsorship programs"
      columns={columns}
      rows={rows}
      getRowKey={(p) => p.id}
      isLoading={isLoading}
      empty="No programs match these filters."
      pagination={{ page, pageSize, total, onPageChange }}
      testId="programs-table"
    />
  );
}
