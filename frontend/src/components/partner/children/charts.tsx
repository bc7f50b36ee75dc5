import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartAxisTitles } from '@/components/partner/shared/ChartAxisTitles';
import { useMediaQuery } from '@/lib/use-media-query';
import type { CompetencyProgress, RubricCount, WeeklyProgress } from '@/types/partner';
import { formatShortDate, RUBRIC_COLORS } from './child-format';

// Charts of the child views that PartnerChart does not draw (two axes, radar, coloured bars), themed alike.

const AXIS = { stroke: '#3a3a48', tick: { fill: '#a4a4b3', fontSize: 12 }, tickLine: false } as const;
const TOOLTIP = {
  contentStyle: { background: '#1d1d26', border: '1px solid #3a3a48', borderRadius: 8, color: '#ededf2', fontSize: 12 },
  itemStyle: { color: '#ededf2' },
  labelStyle: { color: '#a4a4b3' },
  cursor: { fill: 'rgba(255,255,255,0.04)' },
} as const;

/** A chart with its accessible name and, for screen readers, the figures as a table. */
interface ChartFigureProps {
  label: string;
  height: number;
  table: ReactNode;
  testId: string;
  /** Axis titles with units: left (and right, on a two-axis chart) above the chart, bottom below it. */
  axes: { left?: string; right?: string; bottom?: string };
  children: ReactNode;
}

function ChartFigure({ label, height, table, testId, axes, children }: ChartFigureProps) {
  return (
    <figure className="m-0" data-testid={testId}>
      <ChartAxisTitles {...axes}>
        <div role="img" aria-label={label} style={{ width: '100%', height }}>
          {children}
        </div>
      </ChartAxisTitles>
      {/* Clipped in a box: a table ignores sr-only's 1 px width and would widen a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>{label}</caption>
          {table}
        </table>
      </div>
    </figure>
  );
}

/** Twelve weeks: minutes learned (bars) and the average assessment score (line, 0–100). */
export function WeeklyProgressChart({ weeks }: { weeks: WeeklyProgress[] }) {
  const data = weeks.map((w) => ({ week: formatShortDate(w.weekStart), minutes: w.minutes, score: w.averageScore, lessons: w.lessonsCompleted }));
  const label = `Minutes learned and average score per week, ${weeks.length} weeks`;
  return (
    <ChartFigure
      label={label}
      height={260}
      testId="chart-weekly-progress"
      axes={{ left: '← Minutes learned (bars)', right: 'Average score, % (line) →', bottom: 'Week starting' }}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Minutes</th>
              <th scope="col">Lessons completed</th>
              <th scope="col">Average score</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.week}>
                <th scope="row">{d.week}</th>
                <td>{d.minutes}</td>
                <td>{d.lessons}</td>
                <td>{d.score === null ? 'no assessment' : d.score}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 260 }}>
        <ComposedChart data={data} margin={{ top: 8, right: 0, left: -16, bottom: 0 }}>
          <CartesianGrid stroke="#2a2a35" vertical={false} />
          <XAxis dataKey="week" {...AXIS} minTickGap={12} />
          <YAxis yAxisId="minutes" {...AXIS} allowDecimals={false} />
          <YAxis yAxisId="score" orientation="right" {...AXIS} domain={[0, 100]} width={36} />
          <Tooltip {...TOOLTIP} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="minutes" dataKey="minutes" name="Minutes" fill="#E40000" radius={[4, 4, 0, 0]} maxBarSize={28} isAnimationActive={false} />
          <Line yAxisId="score" dataKey="score" name="Average score" stroke="#38bdf8" strokeWidth={2} dot={{ r: 2 }} connectNulls type="monotone" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

const SHORT_COMPETENCY: Record<string, string> = {
  communication_and_collaboration: 'Communication',
  critical_thinking_and_problem_solving: 'Critical thinking',
  imagination_and_creativity: 'Creativity',
  citizenship: 'Citizenship',
  digital_literacy: 'Digital literacy',
  learning_to_learn: 'Learning to learn',
  self_efficacy: 'Self-efficacy',
};

/** The seven CBC core competencies on a 1 (BE) – 4 (EE) radar; unrated ones sit at 0. */
export function CompetencyRadar({ competencies }: { competencies: CompetencyProgress[] }) {
  // On a phone the labels need the room around a smaller web.
  const wide = useMediaQuery('(min-width: 640px)');
  const data = competencies.map((c) => ({ name: SHORT_COMPETENCY[c.competency] ?? c.label, full: c.label, score: c.latestScore ?? 0, rated: c.latestScore !== null }));
  return (
    <ChartFigure
      label="Core competencies, latest rating from 1 (below expectations) to 4 (exceeding)"
      height={300}
      testId="chart-competencies"
      axes={{ bottom: 'Distance from the centre: latest rating, 1 (below expectations) to 4 (exceeding); 0 = not rated yet' }}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col">Latest rating</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.full}>
                <th scope="row">{d.full}</th>
                <td>{d.rated ? d.score : 'not rated yet'}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 300 }}>
        <RadarChart data={data} outerRadius={wide ? '70%' : '52%'} margin={{ top: 4, right: 40, left: 40, bottom: 4 }}>
          <PolarGrid stroke="#2a2a35" />
          <PolarAngleAxis dataKey="name" tick={{ fill: '#a4a4b3', fontSize: 11 }} />
          <PolarRadiusAxis domain={[0, 4]} tickCount={5} tick={false} axisLine={false} />
          <Tooltip {...TOOLTIP} />
          <Radar dataKey="score" name="Latest rating" stroke="#E40000" fill="#E40000" fillOpacity={0.25} isAnimationActive={false} />
        </RadarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** How many assessments landed on each rubric level (EE, ME, AE, BE). */
export function RubricDistributionChart({ levels }: { levels: RubricCount[] }) {
  const data = levels.map((l) => ({ level: l.level, label: l.label, count: l.count, percent: l.percent }));
  return (
    <ChartFigure
      label="Assessments per CBC rubric level"
      height={200}
      testId="chart-rubric"
      axes={{ left: 'Rubric level', bottom: 'Assessments (count)' }}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Assessments</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.level}>
                <th scope="row">{d.label}</th>
                <td>{d.count}</td>
                <td>{d.percent}%</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 200 }}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, left: 0, bottom: 0 }}>
          <CartesianGrid stroke="#2a2a35" horizontal={false} />
          <XAxis type="number" {...AXIS} allowDecimals={false} />
          <YAxis type="category" dataKey="level" {...AXIS} width={36} />
          <Tooltip {...TOOLTIP} formatter={(v, _n, item) => [`${String(v)} (${(item?.payload as { percent?: number } | undefined)?.percent ?? 0}%)`, 'Assessments']} />
          <Bar dataKey="count" name="Assessments" radius={[0, 4, 4, 0]} maxBarSize={22} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.level} fill={RUBRIC_COLORS[d.level]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
