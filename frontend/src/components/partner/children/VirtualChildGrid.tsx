import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { RotateCw } from 'lucide-react';
import { cn } from '@/lib/cn';
import { useMediaQuery } from '@/lib/use-media-query';
import type { SponsoredChildResponse } from '@/types/partner';
import { ChildCard } from './ChildCard';

export interface VirtualChildGridProps {
  items: SponsoredChildResponse[];
  /** Every child that matches, loaded or not: read out as each card's place in the list. */
  total: number;
  tab?: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** The last page failed to load: a retry button replaces the loading row. */
  loadMoreFailed: boolean;
  onLoadMore: () => void;
  /** Old results shown while the new filters' first page loads. */
  stale?: boolean;
}

// A card with its gap; rows are measured once drawn, this only places the rows not drawn yet.
const ROW_ESTIMATE = 196;
// Rows drawn beyond the screen on each side: keeps the next card in the DOM for Tab, and scrolling fast from blank.
const OVERSCAN = 4;
// The next page is asked for this many rows before the end of what is loaded.
const PREFETCH_ROWS = 6;

/** Columns of the card grid, as the Tailwind breakpoints of the non-virtual grid had them. */
function useColumns(): number {
  const sm = useMediaQuery('(min-width: 640px)', false);
  const xl = useMediaQuery('(min-width: 1280px)', false);
  const xxl = useMediaQuery('(min-width: 1536px)', false);
  return xxl ? 4 : xl ? 3 : sm ? 2 : 1;
}

/**
 * The sponsored children's cards, any number of them: only the rows on screen (and a few each side) are in the
 * DOM, the page itself scrolls, and the next page of children loads as the end comes near. Each card says its place
 * ("3 of 10,000") to screen readers, since most of the list is not in the DOM.
 */
export function VirtualChildGrid({ items, total, tab, hasMore, loadingMore, loadMoreFailed, onLoadMore, stale }: VirtualChildGridProps) {
  const columns = useColumns();
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const rowCount = Math.ceil(items.length / columns);

  // The list starts below the page header and filters: the window's scroll offset counts from the document's top.
  useLayoutEffect(() => {
    const measure = () => setScrollMargin((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    scrollMargin,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && !loadMoreFailed && lastRow >= rowCount - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, loadMoreFailed, lastRow, rowCount, onLoadMore]);

  return (
    <>
      <div
        ref={listRef}
        role="list"
        aria-label="Sponsored children"
        aria-busy={loadingMore || undefined}
        className={cn('relative', stale && 'opacity-60')}
        style={{ height: virtualizer.getTotalSize() }}
        data-testid="children-grid"
      >
        {rows.map((row) => {
          const first = row.index * columns;
          const cells = items.slice(first, first + columns);
          return (
            // A row is a layout box (generic), not an item: its cards are the list's items.
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="absolute left-0 top-0 w-full pb-3"
              style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
            >
              <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
                {cells.map((c, i) => (
                  <div key={c.id} role="listitem" aria-setsize={total} aria-posinset={first + i + 1}>
                    <ChildCard child={c} tab={tab} />
                  </div>
                ))}
              </div>
            </div>
          );
        })}
      </div>
      {/* Outside the list: a list holds only its items. */}
      {hasMore && <LoadMoreRow failed={loadMoreFailed} loading={loadingMore} onRetry={onLoadMore} />}
    </>
  );
}

function LoadMoreRow({ failed, loading, onRetry }: { failed: boolean; loading: boolean; onRetry: () => void }) {
  if (failed)
    return (
      <div className="flex items-center justify-center gap-3 py-6 text-sm text-fg-muted" role="alert" data-testid="children-load-more-error">
        We couldn’t load more children.
        <button type="button" className="btn-secondary px-3 py-1.5" onClick={onRetry}>
          <RotateCw className="size-4" aria-hidden="true" />
          Try again
        </button>
      </div>
    );
  return (
    <p className="py-6 text-center text-sm text-fg-muted" role="status" data-testid="children-loading-more">
      {loading ? 'Loading more children…' : ''}
    </p>
  );
}
