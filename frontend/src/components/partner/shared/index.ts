export { PartnerStatsCard, type PartnerStatsCardProps, type StatTrend } from './PartnerStatsCard';
export { PartnerPageHeader, type PartnerPageHeaderProps, type Breadcrumb } from './PartnerPageHeader';
export { PartnerBentoCard, PartnerBentoGrid, type PartnerBentoCardProps } from './PartnerBentoCard';
export { PartnerDataTable, type PartnerDataTableProps, type DataTableColumn, type DataTablePagination } from './PartnerDataTable';
export { PartnerFilterBar, type PartnerFilterBarProps, type FilterDefinition, type FilterOption } from './PartnerFilterBar';
// The chart itself (Chart.js) loads when a page first draws one; see LazyPartnerChart.
export { PartnerChart, preloadPartnerChart } from './LazyPartnerChart';
export { CHART_COLORS } from './chart-colors';
export type { PartnerChartProps, ChartType, ChartSeries, ChartDatum } from './PartnerChart';
export { PartnerModal, type PartnerModalProps } from './PartnerModal';
export { PartnerBadge, humanizeStatus, statusTone, type PartnerBadgeProps, type BadgeTone } from './PartnerBadge';
export { PartnerEmptyState, type PartnerEmptyStateProps } from './PartnerEmptyState';
export { PartnerLoadingSkeleton, type PartnerLoadingSkeletonProps } from './PartnerLoadingSkeleton';
export { TruncatedText, type TruncatedTextProps } from './TruncatedText';
export { ListPager, type ListPagerProps } from './ListPager';
