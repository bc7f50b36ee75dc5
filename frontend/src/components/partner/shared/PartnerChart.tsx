import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartAxisTitles } from './ChartAxisTitles';
import { CHART_COLORS } from './chart-colors';

export type ChartType = 'line' | 'bar' | 'area' | 'pie';

export interface ChartSeries {
  key: string;
  label: string;
  color?: string;
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
   * has both; a pie has none.
   */
  axes?: { category: string; value: string };
  /** Bar charts only: 'horizontal' lays the categories down the y axis (readable on phones). */
  barLayout?: 'vertical' | 'horizontal';
  /** Area charts only: stack the series (parts of one total, e.g. children by status). */
  stacked?: boolean;
  testId?: string;
}

export { CHART_COLORS };

const AXIS = { stroke: '#3a3a48', tick: { fill: '#a4a4b3', fontSize: 12 }, tickLine: false } as const;
const TOOLTIP = {
  contentStyle: { background: '#1d1d26', border: '1px solid #3a3a48', borderRadius: 8, color: '#ededf2', fontSize: 12 },
  itemStyle: { color: '#ededf2' },
  labelStyle: { color: '#a4a4b3' },
  cursor: { fill: 'rgba(255,255,255,0.04)' },
} as const;

/** Recharts, themed: line, bar, area or pie, with an accessible data table. */
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
  const seriesColor = (s: ChartSeries, i: number) => s.color ?? colors[i % colors.length] ?? CHART_COLORS[0];
  const format = (value: unknown) => (typeof value === 'number' ? valueFormatter(value) : String(value ?? ''));
  const legend = showLegend ?? (type === 'pie' || series.length > 1);

  return (
    <figure data-testid={testId} data-chart-type={type} className="m-0">
      <ChartAxisTitles
        // A horizontal bar chart lays its categories down the left axis and its values along the bottom.
        left={type === 'pie' ? undefined : barLayout === 'horizontal' && type === 'bar' ? axes?.category : axes?.value}
        bottom={type === 'pie' ? undefined : barLayout === 'horizontal' && type === 'bar' ? axes?.value : axes?.category}
      >
        <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
            {type === 'pie' ? (
              <PieChart>
                <Tooltip {...TOOLTIP} formatter={format} />
                {legend && <Legend wrapperStyle={{ fontSize: 12, color: '#a4a4b3' }} iconType="circle" iconSize={8} />}
                <Pie
                  data={data}
                  dataKey={series[0]?.key ?? 'value'}
                  nameKey={xKey}
                  innerRadius="55%"
                  outerRadius="85%"
                  paddingAngle={2}
                  stroke="#15151c"
                  isAnimationActive={false}
                >
                  {data.map((_, i) => (
                    <Cell key={i} fill={colors[i % colors.length]} />
                  ))}
                </Pie>
              </PieChart>
            ) : type === 'bar' && barLayout === 'horizontal' ? (
              <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, left: 0, bottom: 0 }}>
                <CartesianGrid stroke="#2a2a35" horizontal={false} />
                <XAxis type="number" {...AXIS} allowDecimals={false} tickFormatter={format} />
                <YAxis type="category" dataKey={xKey} {...AXIS} width={116} interval={0} />
                <Tooltip {...TOOLTIP} formatter={format} />
                {legend && <Legend wrapperStyle={{ fontSize: 12 }} />}
                {series.map((s, i) => (
                  <Bar key={s.key} dataKey={s.key} name={s.label} fill={seriesColor(s, i)} radius={[0, 4, 4, 0]} maxBarSize={22} isAnimationActive={false} />
                ))}
              </BarChart>
            ) : type === 'bar' ? (
              <BarChart data={data} margin={{ top: 8, right: 8, left: -12, bottom: 0 }}>
                <CartesianGrid stroke="#2a2a35" vertical={false} />
                {/* Labels that would touch are skipped (a phone has room for about four of seven days), never overlapped. */}
                <XAxis dataKey={xKey} {...AXIS} interval="preserveStartEnd" minTickGap={8} />
                <YAxis {...AXIS} allowDecimals={false} tickFormatter={format} />
                <Tooltip {...TOOLTIP} formatter={format} />
                {legend && <Legend wrapperStyle={{ fontSize: 12 }} />}
                {series.map((s, i) => (
                  <Bar key={s.key} dataKey={s.key} name={s.label} fill={seriesColor(s, i)} radius={[4, 4, 0, 0]} maxBarSize={40} isAnimationActive={false} />
                ))}
              </BarChart>
            ) : type === 'area' ? (
              <AreaChart data={data} margin={{ top: 8, right: 8, left: -12, bottom: 0 }}>
                <CartesianGrid stroke="#2a2a35" vertical={false} />
                <XAxis dataKey={xKey} {...AXIS} />
                <YAxis {...AXIS} tickFormatter={format} />
                <Tooltip {...TOOLTIP} formatter={format} />
                {legend && <Legend wrapperStyle={{ fontSize: 12 }} />}
                {series.map((s, i) => (
                  <Area
                    key={s.key}
                    dataKey={s.key}
                    name={s.label}
                    stackId={stacked ? 'stack' : undefined}
                    stroke={seriesColor(s, i)}
                    fill={seriesColor(s, i)}
                    fillOpacity={stacked ? 0.35 : 0.15}
                    type={stacked ? 'linear' : 'monotone'}
                    isAnimationActive={false}
                  />
                ))}
              </AreaChart>
            ) : (
              <LineChart data={data} margin={{ top: 8, right: 8, left: -12, bottom: 0 }}>
                <CartesianGrid stroke="#2a2a35" vertical={false} />
                <XAxis dataKey={xKey} {...AXIS} />
                <YAxis {...AXIS} tickFormatter={format} />
                <Tooltip {...TOOLTIP} formatter={format} />
                {legend && <Legend wrapperStyle={{ fontSize: 12 }} />}
                {series.map((s, i) => (
                  <Line key={s.key} dataKey={s.key} name={s.label} stroke={seriesColor(s, i)} strokeWidth={2} dot={false} type="monotone" isAnimationActive={false} />
                ))}
              </LineChart>
            )}
          </ResponsiveContainer>
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
