'use client';

import dynamic from 'next/dynamic';
import type { BarChartProps } from './bar-chart';
import { barChartHeight } from './chart-layout';

/**
 * The chart code (visx) loads after the page, in its own chunk: the key figures and the tables, which
 * the server renders, never wait for it. Until then a quiet placeholder keeps the space.
 */
const BarChart = dynamic(() => import('./bar-chart').then((m) => m.BarChart), {
  ssr: false,
  loading: () => <div className="h-full min-h-24 animate-pulse rounded bg-canvas" aria-hidden="true" />,
});

export function LazyBarChart(props: BarChartProps) {
  return (
    <div style={{ minHeight: barChartHeight(props.rows.length, props.mode) + 56 }}>
      <BarChart {...props} />
    </div>
  );
}
