/** The room a chart will take, shown while its code loads, so the page does not jump when it arrives. */
export function ChartPlaceholder({ height }: { height: number }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse rounded-lg bg-white/[0.03]" style={{ height }}>
      <span className="sr-only">Loading the chart…</span>
    </div>
  );
}
