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

interface Props {
  readonly option: ChartOption;
  readonly height: number;
  /** The chart's accessible name (its figures are in the table view). */
  readonly label: string;
  readonly testId?: string;
}

/**
 * One ECharts instance, drawn as SVG, following the app's light or dark theme; it follows the
 * width of its container and is disposed of on unmount. It draws again only when `option` is a
 * new object, so the page memoises its options. Every tooltip formatter must escape the
 * text it shows (ECharts renders tooltips as HTML).
 */
export function EChart({ option, height, label, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const theme = useResolvedTheme();

  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const instance = init(element, theme === 'dark' ? 'dark' : undefined, { renderer: 'svg' });
    chart.current = instance;
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
    chart.current?.setOption(
      { backgroundColor: 'transparent', animation: false, ...option },
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
