import { useEffect, useRef } from 'react';
import { init, use as registerChartParts } from 'echarts/core';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useResolvedTheme } from '@renderer/app/theme';

// Only what the dashboard draws: bars, axes, legend and tooltips, drawn as SVG (crisp in print).
registerChartParts([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** The value at `path` inside `value`. */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/**
 * A copy of `option` whose functions call the function at the same place in the latest option
 * (`latest.current`), so a chart left as drawn still formats with the page's current closures.
 */
function liveFunctions<T>(
  option: T,
  latest: { readonly current: unknown },
  path: readonly (string | number)[],
): T {
  if (typeof option === 'function') {
    return ((...args: unknown[]) => {
      const fn = valueAt(latest.current, path);
      return typeof fn === 'function' ? (fn as (...a: unknown[]) => unknown)(...args) : '';
    }) as T;
  }
  if (Array.isArray(option))
    return option.map((item, i) => liveFunctions(item as unknown, latest, [...path, i])) as T;
  if (option !== null && typeof option === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(option)) {
      copy[key] = liveFunctions(value, latest, [...path, key]);
    }
    return copy as T;
  }
  return option;
}

interface Props {
  readonly option: ChartOption;
  readonly height: number;
  /** The chart's accessible name (its figures are in the table view). */
  readonly label: string;
  readonly testId?: string;
}

/**
 * One ECharts instance, drawn as SVG, following the app's light or dark theme; it follows the
 * width of its container and is disposed of on unmount. It draws again only when what `option`
 * draws changed (its data, names and settings; the page builds a new option object on every
 * render, typing in a dialog included); its functions (formatters) always run the latest
 * option's. Every tooltip formatter must escape the text it shows (ECharts renders tooltips as
 * HTML).
 */
export function EChart({ option, height, label, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef<unknown>(option);
  const drawn = useRef<string | null>(null);
  const theme = useResolvedTheme();

  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const instance = init(element, theme === 'dark' ? 'dark' : undefined, { renderer: 'svg' });
    chart.current = instance;
    drawn.current = null;
    // The observer reports the size once when it starts (the size `init` just drew at): redraw
    // only when the size really changes, not a second time on opening.
    let width = element.clientWidth;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width && element.clientHeight === height) return;
      width = element.clientWidth;
      height = element.clientHeight;
      instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    latest.current = option;
    // JSON leaves the functions out: the key is what the chart draws.
    const key = JSON.stringify(option);
    if (chart.current === null || key === drawn.current) return;
    drawn.current = key;
    chart.current.setOption(
      { backgroundColor: 'transparent', animation: false, ...liveFunctions(option, latest, []) },
      { notMerge: true },
    );
  }, [option, theme]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      className="dashboard-chart"
      style={{ width: '100%', height }}
    />
  );
}
