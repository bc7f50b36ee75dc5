import { Suspense } from 'react';
import { lazyPage } from '@/app/lazy-page';
import { ChartPlaceholder } from './ChartPlaceholder';
import type { PartnerChartProps } from './PartnerChart';

// Recharts is most of a chart page's JavaScript (~140 kB gzip): the page shows its figures first and the chart follows.
const Chart = lazyPage(async () => ({ default: (await import('./PartnerChart')).PartnerChart }));

export function PartnerChart(props: PartnerChartProps) {
  return (
    <Suspense fallback={<ChartPlaceholder height={props.height ?? 240} />}>
      <Chart {...props} />
    </Suspense>
  );
}
