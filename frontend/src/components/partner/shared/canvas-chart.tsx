import { useLayoutEffect, useRef } from 'react';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';

// Chart.js, with only the charts, scales and plugins the pages draw registered: the rest of the library is left out
// of the chart chunk (issue 15: a chart page is at most 250 kB of JavaScript, charts included). It draws on a canvas,
// so every chart keeps its words for screen readers outside it: an accessible name and the figures as a table.
Chart.register(
  BarController,
  LineController,
  DoughnutController,
  RadarController,
  BarElement,
  LineElement,
  PointElement,
  ArcElement,
  CategoryScale,
  LinearScale,
  RadialLinearScale,
  Tooltip,
  Legend,
  Filler,
);

Chart.defaults.font.family = '"Inter Variable", "Inter", ui-sans-serif, system-ui, sans-serif';
Chart.defaults.font.size = 12;
Chart.defaults.color = '#a4a4b3';
Chart.defaults.borderColor = '#2a2a35';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Object.assign(Chart.defaults.plugins.tooltip, {
  backgroundColor: '#1d1d26',
  borderColor: '#3a3a48',
  borderWidth: 1,
  titleColor: '#a4a4b3',
  bodyColor: '#ededf2',
  cornerRadius: 8,
  padding: 8,
  boxPadding: 4,
});
Object.assign(Chart.defaults.plugins.legend.labels, { boxWidth: 10, boxHeight: 10, color: '#a4a4b3' });

/** The axis look of every cartesian chart: muted ticks, no tick marks, a grid line across the values only. */
export const AXIS_STYLE = { border: { color: '#3a3a48' }, ticks: { color: '#a4a4b3' }, grid: { color: '#2a2a35', drawTicks: false } } as const;

/**
 * A canvas with a Chart.js chart on it, redrawn when `deps` change. The canvas fills a box of the given height (the
 * chart follows the box's width). `data-drawn` marks a chart that is on screen (the render benchmark waits for it).
 */
export function CanvasChart<T extends ChartType>({ config, deps, height }: { config: () => ChartConfiguration<T>; deps: unknown[]; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = canvas.current;
    // No 2D context: jsdom in the unit tests, where the table below the chart carries the figures.
    if (!element || !element.getContext('2d')) return;
    const chart = new Chart(element, config());
    box.current?.setAttribute('data-drawn', 'true');
    return () => chart.destroy();
    // The caller lists what the chart depends on; `config` is a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return (
    <div ref={box} style={{ position: 'relative', width: '100%', height }}>
      <canvas ref={canvas} />
    </div>
  );
}
