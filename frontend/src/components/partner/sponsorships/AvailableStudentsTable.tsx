import { PartnerDataTable, type DataTableColumn } from '@/components/partner/shared';
import { formatGrade } from '@/components/partner/children/child-format';
import type { RefusedStudent, StudentPreview } from '@/types/partner';
import type { RowSelection } from './use-row-selection';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

export interface AvailableStudentsTableProps {
  rows: StudentPreview[];
  total: number;
  isLoading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  selection: RowSelection<StudentPreview>;
  /** The server's refusal of each refused student, shown under its name. */
  refused: RefusedStudent[];
}

/**
 * The students a partner can add, a page at a time, each with a tick box. Before consent a partner sees only first
 * name, last initial, grade and county: school and learning needs narrow the search but are never shown.
 */
export function AvailableStudentsTable({ rows, total, isLoading, page, pageSize, onPageChange, selection, refused }: AvailableStudentsTableProps) {
  const { selected, toggle, toggleAll, allOnPage } = selection;
  const refusedById = new Map(refused.map((r) => [r.studentId, r]));
  const columns: DataTableColumn<StudentPreview>[] = [
    {
      key: 'select',
      header: <input type="checkbox" className="size-4 accent-[#E40000]" checked={allOnPage} onChange={toggleAll} aria-label="Select every student on this page" data-testid="select-all-students" />,
      cell: (s) => (
        <input type="checkbox" className="size-4 accent-[#E40000]" checked={selected.has(s.studentId)} onChange={() => toggle(s)} aria-label={`Select ${s.displayName}`} />
      ),
      className: 'w-10',
    },
    {
      key: 'name',
      header: 'Student',
      cell: (s) => (
        <div className="flex min-w-0 flex-col">
          <TruncatedText text={s.displayName} className="max-w-[12rem] font-medium sm:max-w-[18rem]" />
          <span className="text-xs text-fg-subtle sm:hidden">
            {formatGrade(s.grade)} · {s.county}
          </span>
          {(s.matchReasons ?? []).length > 0 && (
            <span className="mt-0.5 flex flex-wrap gap-1" data-testid="match-reasons">
              {(s.matchReasons ?? []).map((r) => (
                <span key={r} className="rounded-full bg-elevated px-1.5 py-0.5 text-[11px] text-fg-muted">
                  {r}
                </span>
              ))}
            </span>
          )}
          {refusedById.has(s.studentId) && <span className="text-xs text-brand-text">{refusedById.get(s.studentId)!.message}</span>}
        </div>
      ),
    },
    { key: 'grade', header: 'Grade', cell: (s) => formatGrade(s.grade), className: 'hidden sm:table-cell whitespace-nowrap' },
    { key: 'county', header: 'County', cell: (s) => s.county, className: 'hidden sm:table-cell' },
  ];

  return (
    <PartnerDataTable
      caption="Students available to sponsor"
      columns={columns}
      rows={rows}
      getRowKey={(s) => s.studentId}
      isLoading={isLoading}
      empty="No students match these filters (children already in one of your programs are not listed)."
      pagination={{ page, pageSize, total, onPageChange }}
      testId="available-students"
    />
  );
}
