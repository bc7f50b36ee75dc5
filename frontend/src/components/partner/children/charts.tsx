import type { ReactNode } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { AXIS_STYLE, CanvasChart } from '@/components/partner/shared/canvas-chart';
import { ChartAxisTitles } from '@/components/partner/shared/ChartAxisTitles';
import { useMediaQuery } from '@/lib/use-media-query';
import type { CompetencyProgress, RubricCount, WeeklyProgress } from '@/types/partner';
import { formatShortDate, RUBRIC_COLORS } from './child-format';

// Charts of the child views that PartnerChart does not draw (two axes, radar, coloured bars), themed alike.

const CATEGORY_AXIS = { ...AXIS_STYLE, grid: { display: false }, ticks: { ...AXIS_STYLE.ticks, autoSkipPadding: 12, maxRotation: 0 } };

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
      <CanvasChart
        height={260}
        deps={[JSON.stringify(data)]}
        config={(): ChartConfiguration<'bar' | 'line'> => ({
          type: 'bar',
          data: {
            labels: data.map((d) => d.week),
            datasets: [
              { type: 'bar', yAxisID: 'minutes', label: 'Minutes', data: data.map((d) => d.minutes), backgroundColor: '#E40000', borderRadius: 4, maxBarThickness: 28, order: 2 },
              {
                type: 'line',
                yAxisID: 'score',
                label: 'Average score',
                data: data.map((d) => d.score),
                borderColor: '#38bdf8',
                backgroundColor: '#38bdf8',
                borderWidth: 2,
                pointRadius: 2,
                spanGaps: true,
                cubicInterpolationMode: 'monotone',
                order: 1,
              },
            ],
          },
          options: {
            interaction: { mode: 'index', intersect: false },
            scales: {
              x: CATEGORY_AXIS,
              minutes: { ...AXIS_STYLE, position: 'left', beginAtZero: true, ticks: { ...AXIS_STYLE.ticks, precision: 0 } },
              score: { ...AXIS_STYLE, position: 'right', min: 0, max: 100, grid: { display: false } },
            },
            // Minutes first, as the datasets are listed (the legend would otherwise follow the drawing order).
            plugins: { legend: { position: 'bottom', labels: { sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } } },
          },
        })}
      />
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
      <CanvasChart
        height={300}
        deps={[JSON.stringify(data), wide]}
        config={(): ChartConfiguration<'radar'> => ({
          type: 'radar',
          data: {
            labels: data.map((d) => d.name),
            datasets: [{ label: 'Latest rating', data: data.map((d) => d.score), borderColor: '#E40000', backgroundColor: 'rgba(228, 0, 0, 0.25)', borderWidth: 2, pointRadius: 2 }],
          },
          options: {
            layout: { padding: wide ? 4 : 12 },
            scales: {
              r: {
                min: 0,
                max: 4,
                ticks: { display: false, stepSize: 1 },
                grid: { color: '#2a2a35' },
                angleLines: { color: '#2a2a35' },
                pointLabels: { color: '#a4a4b3', font: { size: 11 } },
              },
            },
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { title: (items) => data[items[0]?.dataIndex ?? 0]?.full ?? '', label: (item) => (data[item.dataIndex]?.rated ? `Latest rating: ${item.formattedValue}` : 'Not rated yet') } },
            },
          },
        })}
      />
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
      <CanvasChart
        height={200}
        deps={[JSON.stringify(data)]}
        config={(): ChartConfiguration<'bar'> => ({
          type: 'bar',
          data: {
            labels: data.map((d) => d.level),
            datasets: [{ label: 'Assessments', data: data.map((d) => d.count), backgroundColor: data.map((d) => RUBRIC_COLORS[d.level]), borderRadius: 4, maxBarThickness: 22 }],
          },
          options: {
            indexAxis: 'y',
            scales: {
              x: { ...AXIS_STYLE, beginAtZero: true, ticks: { ...AXIS_STYLE.ticks, precision: 0 } },
              y: { ...AXIS_STYLE, grid: { display: false } },
            },
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { label: (item) => `Assessments: ${item.formattedValue} (${data[item.dataIndex]?.percent ?? 0}%)` } },
            },
          },
        })}
      />
    </ChartFigure>
  );
}
