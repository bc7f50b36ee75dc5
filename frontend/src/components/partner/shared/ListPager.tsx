import { ChevronLeft, ChevronRight } from 'lucide-react';

export interface ListPagerProps {
  page: number;
  pages: number;
  total: number;
  /** What the list holds, plural: "tickets", "messages". */
  noun: string;
  onPage: (page: number) => void;
}

/** Previous and next under a paged list, with where the reader is; nothing when everything fits on one page. */
export function ListPager({ page, pages, total, noun, onPage }: ListPagerProps) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm text-fg-muted">
      <span>Page {page} of {pages} · {total} {noun}</span>
      <span className="flex gap-2">
        <button type="button" className="btn-secondary px-2.5" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          <ChevronLeft className="size-4" aria-hidden="true" />
        </button>
        <button type="button" className="btn-secondary px-2.5" disabled={page >= pages} onClick={() => onPage(page + 1)} aria-label="Next page">
          <ChevronRight className="size-4" aria-hidden="true" />
        </button>
      </span>
    </nav>
  );
}
