import { Suspense, type ComponentProps } from 'react';
import { lazyPage } from '@/app/lazy-page';
import { ChartPlaceholder } from '@/components/partner/shared/ChartPlaceholder';
import type * as Charts from './charts';

// The child views' charts load when first drawn (see LazyPartnerChart): Chart.js stays off the first load.
const load = () => import('./charts');
const Weekly = lazyPage(async () => ({ default: (await load()).WeeklyProgressChart }));
const Radar = lazyPage(async () => ({ default: (await load()).CompetencyRadar }));
const Rubric = lazyPage(async () => ({ default: (await load()).RubricDistributionChart }));

/** Starts loading the child views' charts (see preloadPartnerChart). */
export const preloadChildCharts = () => void load().catch(() => undefined);

export function WeeklyProgressChart(props: ComponentProps<typeof Charts.WeeklyProgressChart>) {
  return (
    <Suspense fallback={<ChartPlaceholder height={260} />}>
      <Weekly {...props} />
    </Suspense>
  );
}

export function CompetencyRadar(props: ComponentProps<typeof Charts.CompetencyRadar>) {
  return (
    <Suspense fallback={<ChartPlaceholder height={300} />}>
      <Radar {...props} />
    </Suspense>
  );
}

export function RubricDistributionChart(props: ComponentProps<typeof Charts.RubricDistributionChart>) {
  return (
    <Suspense fallback={<ChartPlaceholder height={200} />}>
      <Rubric {...props} />
    </Suspense>
  );
}
