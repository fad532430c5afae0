import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useId } from 'react';
import { ROW_HEIGHT, type BarMode } from './chart-layout';

/** The default drawing width; the SVG scales to its container through its viewBox. */
const WIDTH = 720;

export interface BarSeries {
  key: string;
  label: string;
  /** A colour with at least 3:1 contrast against white (WCAG 1.4.11). */
  color: string;
}

export interface BarRow {
  label: string;
  /** A number is drawn as a bar; text (a suppressed count, "< 5") only as its label, without a bar. */
  values: Record<string, number | string>;
}

export interface BarChartProps {
  title: string;
  /** Where the same figures are as a table (the chart's text alternative). */
  description: string;
  rows: BarRow[];
  series: BarSeries[];
  /** Stacked: the series add up to one bar; grouped: one bar per series. */
  mode: BarMode;
  locale: string;
  /** Drawing width in pixels: about the width the chart gets on a desktop, so its 12 px text stays 12 px. */
  width?: number;
}

const INK = '#1b2430';
const MUTED = '#4a5665';
const GRID = '#e3e8ef';

/**
 * A horizontal bar chart (visx on SVG): labels on the left, the value at the end of each bar, no
 * hover needed to read it. The SVG is one image for assistive technology, named by the caption; the
 * figures themselves are in the table next to it. Rendered on the server: the chart arrives with the
 * figures and costs the browser no JavaScript (visx was 25 kB gzip as a client chunk).
 */
export function BarChart({ title, description, rows, series, mode, locale, width = WIDTH }: BarChartProps) {
  const id = useId();
  const number = new Intl.NumberFormat(locale);
  const longest = Math.max(...rows.map((r) => r.label.length), 4);
  const margin = { top: 4, right: 56, bottom: 32, left: Math.min(190, longest * 7 + 16) };
  const innerWidth = Math.max(0, width - margin.left - margin.right);
  const innerHeight = rows.length * ROW_HEIGHT[mode];
  const numeric = (value: number | string | undefined) => (typeof value === 'number' ? value : 0);
  const totals = rows.map((r) => series.map((s) => numeric(r.values[s.key])));
  const max = Math.max(1, ...totals.map((v) => (mode === 'stacked' ? v.reduce((a, b) => a + b, 0) : Math.max(...v))));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, innerWidth], nice: true });
  const y = scaleBand<string>({ domain: rows.map((r) => r.label), range: [0, innerHeight], padding: mode === 'stacked' ? 0.3 : 0.2 });
  const inner = scaleBand<string>({ domain: series.map((s) => s.key), range: [0, y.bandwidth()], padding: 0.08 });
  const ticks = x.ticks(Math.min(5, max)).filter((t) => Number.isInteger(t));

  return (
    <figure className="m-0">
      <figcaption id={`${id}-title`} className="text-sm font-semibold text-ink">
        {title}
      </figcaption>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <p id={`${id}-desc`} className="sr-only">
        {description}
      </p>
      <div className="mt-3 w-full">
        <svg
          viewBox={`0 0 ${width} ${innerHeight + margin.top + margin.bottom}`}
          className="h-auto w-full"
          style={{ maxWidth: width }}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
        >
          <Group left={margin.left} top={margin.top}>
            {ticks.map((t) => (
              <line key={t} x1={x(t)} x2={x(t)} y1={0} y2={innerHeight} stroke={GRID} />
            ))}
            {rows.map((row, r) => {
              const top = y(row.label) ?? 0;
              let offset = 0;
              return (
                <g key={row.label}>
                  {series.map((s) => {
                    const shown = row.values[s.key];
                    const value = numeric(shown);
                    if (mode === 'stacked') {
                      const bar = (
                        <Bar key={s.key} x={x(offset)} y={top} width={Math.max(0, x(offset + value) - x(offset))} height={y.bandwidth()} fill={s.color} stroke="#fff" strokeWidth={value ? 1 : 0} />
                      );
                      offset += value;
                      return bar;
                    }
                    const barTop = top + (inner(s.key) ?? 0);
                    return (
                      <g key={s.key}>
                        <Bar x={0} y={barTop} width={Math.max(0, x(value))} height={inner.bandwidth()} fill={s.color} />
                        <text x={x(value) + 6} y={barTop + inner.bandwidth() / 2} dy="0.35em" fontSize={12} fill={INK}>
                          {typeof shown === 'string' ? shown : number.format(value)}
                        </text>
                      </g>
                    );
                  })}
                  {mode === 'stacked' ? (
                    <text x={x(offset) + 6} y={top + y.bandwidth() / 2} dy="0.35em" fontSize={12} fontWeight={600} fill={INK}>
                      {number.format(totals[r]!.reduce((a, b) => a + b, 0))}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </Group>
          <AxisLeft
            left={margin.left}
            top={margin.top}
            scale={y}
            hideAxisLine
            hideTicks
            tickLabelProps={{ fill: INK, fontSize: 12, fontFamily: 'inherit', textAnchor: 'end', dx: -6, dy: '0.33em' }}
          />
          <AxisBottom
            left={margin.left}
            top={margin.top + innerHeight}
            scale={x}
            tickValues={ticks}
            tickFormat={(v) => number.format(Number(v))}
            stroke={GRID}
            tickStroke={GRID}
            tickLabelProps={{ fill: MUTED, fontSize: 12, fontFamily: 'inherit', textAnchor: 'middle' }}
          />
        </svg>
      </div>
    </figure>
  );
}
