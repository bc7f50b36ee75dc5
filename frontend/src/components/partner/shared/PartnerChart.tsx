import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { ChartAxisTitles } from './ChartAxisTitles';
import { AXIS_STYLE, CanvasChart } from './canvas-chart';
import { CHART_COLORS } from './chart-colors';

export type ChartType = 'line' | 'bar' | 'area' | 'pie';

export interface ChartSeries {
  key: string;
  label: string;
  color?: string;
  /** Line and bar charts: 'right' draws the series against its own axis on the right (a count beside minutes). */
  axis?: 'left' | 'right';
}

export type ChartDatum = Record<string, string | number | null>;

export interface PartnerChartProps {
  type: ChartType;
  data: ChartDatum[];
  /** The category key (x axis, or slice name for pie). */
  xKey: string;
  series: ChartSeries[];
  /** Describes what the chart shows; read by screen readers with the data table below it. */
  ariaLabel: string;
  height?: number;
  valueFormatter?: (value: number) => string;
  /** Per-slice colors for pie charts, in data order. */
  colors?: string[];
  showLegend?: boolean;
  /**
   * Axis titles with their unit, e.g. `{ category: 'Week ending', value: 'Children (count)' }`. Every chart with axes
   * has both; a pie has none. `right` titles the right-hand axis when a series is drawn against it.
   */
  axes?: { category: string; value: string; right?: string };
  /** Bar charts only: 'horizontal' lays the categories down the y axis (readable on phones). */
  barLayout?: 'vertical' | 'horizontal';
  /** Area charts only: stack the series (parts of one total, e.g. children by status). */
  stacked?: boolean;
  testId?: string;
}

export { CHART_COLORS };

/** A themed chart (Chart.js on a canvas): line, bar, area or pie, with an accessible data table. */
export function PartnerChart({
  type,
  data,
  xKey,
  series,
  ariaLabel,
  height = 240,
  valueFormatter = (v) => new Intl.NumberFormat('en-KE').format(v),
  colors = CHART_COLORS,
  showLegend,
  barLayout = 'vertical',
  stacked = false,
  axes,
  testId,
}: PartnerChartProps) {
  const seriesColor = (s: ChartSeries, i: number) => s.color ?? colors[i % colors.length] ?? CHART_COLORS[0]!;
  const format = (value: unknown) => (typeof value === 'number' ? valueFormatter(value) : String(value ?? ''));
  const legend = showLegend ?? (type === 'pie' || series.length > 1);

  return (
    <figure data-testid={testId} data-chart-type={type} className="m-0">
      <ChartAxisTitles
        // A horizontal bar chart lays its categories down the left axis and its values along the bottom.
        left={type === 'pie' ? undefined : barLayout === 'horizontal' && type === 'bar' ? axes?.category : axes?.value}
        right={type === 'pie' || !series.some((s) => s.axis === 'right') ? undefined : axes?.right}
        bottom={type === 'pie' ? undefined : barLayout === 'horizontal' && type === 'bar' ? axes?.value : axes?.category}
      >
        <div role="img" aria-label={ariaLabel}>
          <CanvasChart
            height={height}
            // Redrawn when what it shows changes, not each time a parent passes equal arrays anew.
            deps={[JSON.stringify([type, data, xKey, series, colors, legend, barLayout, stacked])]}
            config={() => chartConfig({ type, data, xKey, series, colors, legend, barLayout, stacked, format, seriesColor })}
          />
        </div>
      </ChartAxisTitles>
      {/* The table is hidden inside a clipped box: a table ignores the 1 px width sr-only gives it, so on its own it
          would widen a phone's page by its full width. */}
      <div className="sr-only">
        <table>
          <caption>{ariaLabel}</caption>
          <thead>
            <tr>
              <th scope="col">{axes?.category ?? xKey}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row, i) => (
              <tr key={i}>
                <th scope="row">{String(row[xKey] ?? '')}</th>
                {series.map((s) => (
                  <td key={s.key}>{format(row[s.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

interface ConfigInput {
  type: ChartType;
  data: ChartDatum[];
  xKey: string;
  series: ChartSeries[];
  colors: string[];
  legend: boolean;
  barLayout: 'vertical' | 'horizontal';
  stacked: boolean;
  format: (value: unknown) => string;
  seriesColor: (s: ChartSeries, i: number) => string;
}

const numbers = (data: ChartDatum[], key: string) => data.map((row) => (typeof row[key] === 'number' ? (row[key] as number) : null));

/** The Chart.js configuration of one PartnerChart. */
function chartConfig({ type, data, xKey, series, colors, legend, barLayout, stacked, format, seriesColor }: ConfigInput): ChartConfiguration {
  const labels = data.map((row) => String(row[xKey] ?? ''));
  const tooltipLabel = (item: TooltipItem<'bar' | 'line' | 'doughnut'>) => `${item.dataset.label ?? item.label}: ${format(item.raw)}`;
  const legendOptions = { display: legend, position: 'bottom' as const, labels: { usePointStyle: type === 'pie', pointStyle: 'circle' as const } };

  if (type === 'pie') {
    const s = series[0];
    const pie: ChartConfiguration<'doughnut'> = {
      type: 'doughnut',
      data: {
        labels,
        datasets: [{ label: s?.label, data: numbers(data, s?.key ?? 'value') as number[], backgroundColor: data.map((_, i) => colors[i % colors.length]!), borderColor: '#15151c', borderWidth: 2, spacing: 2 }],
      },
      options: {
        cutout: '55%',
        radius: '85%',
        plugins: { legend: legendOptions, tooltip: { callbacks: { label: (item) => `${item.label}: ${format(item.raw)}` } } },
      },
    };
    return pie as unknown as ChartConfiguration;
  }

  const horizontal = type === 'bar' && barLayout === 'horizontal';
  const valueAxis = { ...AXIS_STYLE, beginAtZero: true, stacked: type === 'area' && stacked, ticks: { ...AXIS_STYLE.ticks, callback: (v: string | number) => format(Number(v)), ...(type === 'bar' ? { precision: 0 } : {}) } };
  // Labels that would touch are skipped (a phone has room for about four of seven days), never overlapped.
  const categoryAxis = { ...AXIS_STYLE, grid: { display: false }, ticks: { ...AXIS_STYLE.ticks, autoSkip: !horizontal, autoSkipPadding: 8, maxRotation: 0 } };
  // A vertical chart only: a horizontal bar chart's values run along the bottom, where a second scale has no room.
  const twoAxes = !horizontal && series.some((s) => s.axis === 'right');
  const datasets: ChartDataset<'bar' | 'line'>[] = series.map((s, i) => {
    const color = seriesColor(s, i);
    const values = numbers(data, s.key);
    const yAxisID = twoAxes && s.axis === 'right' ? 'right' : 'y';
    if (type === 'bar')
      return { type: 'bar', label: s.label, data: values, backgroundColor: color, borderRadius: 4, maxBarThickness: horizontal ? 22 : 40, ...(horizontal ? {} : { yAxisID }) };
    return {
      type: 'line',
      label: s.label,
      data: values,
      yAxisID,
      borderColor: color,
      backgroundColor: `${color}${type === 'area' ? (stacked ? '59' : '26') : '00'}`,
      borderWidth: 2,
      pointRadius: 0,
      pointHitRadius: 8,
      fill: type === 'area' ? (stacked && i > 0 ? '-1' : 'origin') : false,
      cubicInterpolationMode: stacked ? 'default' : 'monotone',
    };
  });
  return {
    type: type === 'bar' ? 'bar' : 'line',
    data: { labels, datasets } as ChartConfiguration['data'],
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      interaction: { mode: 'index', intersect: false },
      scales: horizontal
        ? { x: valueAxis, y: categoryAxis }
        : { x: categoryAxis, y: valueAxis, ...(twoAxes ? { right: { ...valueAxis, position: 'right', grid: { display: false } } } : {}) },
      plugins: { legend: legendOptions, tooltip: { callbacks: { label: tooltipLabel } } },
    },
  } as ChartConfiguration;
}
