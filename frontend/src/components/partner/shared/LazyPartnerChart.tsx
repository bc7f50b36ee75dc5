import { Suspense } from 'react';
import { lazyPage } from '@/app/lazy-page';
import { ChartPlaceholder } from './ChartPlaceholder';
import type { PartnerChartProps } from './PartnerChart';

// Chart.js is a third of a chart page's JavaScript (~66 kB gzip): the page shows its figures first and the chart follows.
const Chart = lazyPage(async () => ({ default: (await import('./PartnerChart')).PartnerChart }));

/**
 * Starts loading the chart code now. A page that draws charts calls it when its own module loads, so the chart code
 * comes in parallel with the page's data rather than after it (issue 15: the dashboard's first render under 1.5 s).
 */
export const preloadPartnerChart = Chart.preload;

export function PartnerChart(props: PartnerChartProps) {
  return (
    <Suspense fallback={<ChartPlaceholder height={props.height ?? 240} />}>
      <Chart {...props} />
    </Suspense>
  );
}
