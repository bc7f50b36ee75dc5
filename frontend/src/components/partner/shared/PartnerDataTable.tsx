import { useState, type ReactNode } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { cn } from '@/lib/cn';
import { formatNumber } from '@/lib/format';
import { useTranslation } from '@/i18n/use-translation';
import { PartnerLoadingSkeleton } from './PartnerLoadingSkeleton';

export interface DataTableColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right' | 'center';
  className?: string;
}

/** Server-side paging: the API's `{ page, pageSize, total }`. */
export interface DataTablePagination {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

export interface PartnerDataTableProps<T> {
  columns: DataTableColumn<T>[];
  rows: T[];
  getRowKey: (row: T) => string;
  /** Describes the table for screen readers. */
  caption: string;
  /** Shown instead of rows when there are none. */
  empty?: ReactNode;
  isLoading?: boolean;
  /** Server-side paging. Without it, `pageSize` pages the given rows on the client. */
  pagination?: DataTablePagination;
  pageSize?: number;
  /** Client-side paging kept by the caller (in the URL); without it the table keeps its own page. */
  page?: number;
  onPageChange?: (page: number) => void;
  testId?: string;
}

const ALIGN = { left: 'text-left', right: 'text-right', center: 'text-center' } as const;

/** A table with pagination (client- or server-side), loading and empty states. */
export function PartnerDataTable<T>({
  columns,
  rows,
  getRowKey,
  caption,
  empty,
  isLoading,
  pagination,
  pageSize = 10,
  page: controlledPage,
  onPageChange,
  testId,
}: PartnerDataTableProps<T>) {
  const { t } = useTranslation();
  const [ownPage, setOwnPage] = useState(1);
  const clientPage = controlledPage ?? ownPage;
  const setClientPage = onPageChange ?? setOwnPage;

  const total = pagination ? pagination.total : rows.length;
  const size = pagination ? pagination.pageSize : pageSize;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pagination ? pagination.page : clientPage, pageCount);
  const visible = pagination ? rows : rows.slice((page - 1) * size, page * size);
  const setPage = (next: number) => (pagination ? pagination.onPageChange(next) : setClientPage(next));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);

  if (isLoading) return <PartnerLoadingSkeleton variant="table" label={`Loading ${caption.toLowerCase()}`} />;

  return (
    <div data-testid={testId} className="flex flex-col gap-3">
      {/* A wide table scrolls inside this frame; keyboard users reach it with Tab and scroll it with the arrow keys
          (axe: scrollable-region-focusable), so the frame is a named, focusable region. */}
      <div className="relative overflow-x-auto rounded-lg border border-line" role="region" aria-label={caption} tabIndex={0}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-elevated/60">
            <tr>
              {columns.map((col) => (
                <th
                  key={col.key}
                  scope="col"
                  className={cn('px-3 py-2.5 text-xs font-medium uppercase tracking-wide text-fg-subtle sm:px-4', ALIGN[col.align ?? 'left'], col.className)}
                >
                  {col.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-8 text-center text-sm text-fg-muted">
                  {empty ?? t('common.nothingToShow')}
                </td>
              </tr>
            ) : (
              visible.map((row) => (
                <tr key={getRowKey(row)} className="border-t border-line transition-colors hover:bg-elevated/40">
                  {columns.map((col) => (
                    <td key={col.key} className={cn('px-3 py-2.5 text-fg sm:px-4', ALIGN[col.align ?? 'left'], col.className)}>
                      {col.cell(row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {total > size && (
        <nav aria-label={t('common.pages', { name: caption })} className="flex flex-wrap items-center justify-between gap-2 text-xs text-fg-muted">
          <p aria-live="polite">
            {t('common.showing', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
          </p>
          <div className="flex items-center gap-2">
            <button type="button" className="btn-secondary px-2 py-1" onClick={() => setPage(page - 1)} disabled={page <= 1} aria-label={t('common.previousPage')}>
              <ChevronLeft className="size-4" aria-hidden="true" />
            </button>
            <span>
              {t('common.pageOf', { page, pages: pageCount })}
            </span>
            <button type="button" className="btn-secondary px-2 py-1" onClick={() => setPage(page + 1)} disabled={page >= pageCount} aria-label={t('common.nextPage')}>
              <ChevronRight className="size-4" aria-hidden="true" />
            </button>
          </div>
        </nav>
      )}
    </div>
  );
}
