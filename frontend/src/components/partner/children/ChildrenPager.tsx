import { ChevronLeft, ChevronRight } from 'lucide-react';

export interface ChildrenPagerProps {
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
}

/** "Page 2 of 5" with previous and next buttons, under the children's cards. */
export function ChildrenPager({ page, pageCount, onPageChange }: ChildrenPagerProps) {
  return (
    <nav aria-label="Sponsored children pages" className="flex items-center justify-between gap-2 text-xs text-fg-muted">
      <span>
        Page {page} of {pageCount}
      </span>
      <div className="flex gap-2">
        <button type="button" className="btn-secondary px-2 py-1" onClick={() => onPageChange(page - 1)} disabled={page <= 1} aria-label="Previous page">
          <ChevronLeft className="size-4" aria-hidden="true" />
        </button>
        <button type="button" className="btn-secondary px-2 py-1" onClick={() => onPageChange(page + 1)} disabled={page >= pageCount} aria-label="Next page">
          <ChevronRight className="size-4" aria-hidden="true" />
        </button>
      </div>
    </nav>
  );
}
