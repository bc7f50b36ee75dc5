import type { ReactNode } from 'react';

export interface ChartAxisTitlesProps {
  /** Above the left axis: what its numbers count, with the unit. */
  left?: string;
  /** Above the right axis of a two-axis chart. */
  right?: string;
  /** Under the bottom axis. */
  bottom?: string;
  children: ReactNode;
}

/**
 * Axis titles drawn as text around a chart rather than inside the SVG: they wrap on a phone instead of being clipped,
 * and on a two-axis chart each sits over its own side so the reader sees which numbers belong to which series.
 */
export function ChartAxisTitles({ left, right, bottom, children }: ChartAxisTitlesProps) {
  return (
    <>
      {(left || right) && (
        <div className="mb-1 flex items-end justify-between gap-3 text-[11px] leading-tight text-fg-subtle" data-testid="chart-axis-titles">
          <span data-testid="chart-axis-left">{left}</span>
          {right && (
            <span className="text-right" data-testid="chart-axis-right">
              {right}
            </span>
          )}
        </div>
      )}
      {children}
      {bottom && (
        <p className="mt-1 text-center text-[11px] leading-tight text-fg-subtle" data-testid="chart-axis-bottom">
          {bottom}
        </p>
      )}
    </>
  );
}
