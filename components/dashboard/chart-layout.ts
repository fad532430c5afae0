/** Row heights of the bar chart, shared by the chart and the space the page reserves while it loads. */
export const ROW_HEIGHT = { stacked: 30, grouped: 42 } as const;

export type BarMode = keyof typeof ROW_HEIGHT;

/** Pixel height of the chart's SVG for a number of rows (bars plus the axis). */
export function barChartHeight(rows: number, mode: BarMode): number {
  return rows * ROW_HEIGHT[mode] + 4 + 32;
}
