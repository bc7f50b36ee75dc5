/** The chart palette, brand red first; apart from the chart code so a page can colour things without loading it. */
export const CHART_COLORS = ['#E40000', '#f97316', '#f59e0b', '#22c55e', '#38bdf8', '#a78bfa', '#94a3b8'];
