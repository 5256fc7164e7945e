import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { theme } from 'antd';
import Gantt from 'frappe-gantt';
import type { GanttBar, GanttOptions, GanttTask, ViewMode } from 'frappe-gantt';
import 'frappe-gantt/dist/frappe-gantt.css';
import '@renderer/features/plan/components/gantt.css';
import type { PlanDate } from '@shared/domain/dates';
import { addDays, diffDays, maxDate, minDate } from '@shared/domain/dates';
import type { AppLocale } from '@shared/format/locale';
import { escapeHtml } from '@renderer/features/plan/utils/escapeHtml';
import {
  draggedRange,
  localMidnightAfter,
  localMidnightOf,
  planDateFromLocalDate,
} from '@renderer/features/plan/utils/ganttDates';

/**
 * The plan's Gantt chart: the one place that touches frappe-gantt. It draws the rows it is given
 * and reports drags; it decides nothing. What we rely on, and guard against, from the library:
 *
 * - It writes bar labels with `innerHTML`, so names are escaped here, and its popup is filled with
 *   `textContent` only.
 * - It redraws everything on a refresh or a timescale change, so after an edit only the bars that
 *   changed are moved in place (`updateBar`), and the axis is bounded to the plan (no infinite padding).
 * - Its own week and month scales compute dragged dates in fractional units and truncate them (a
 *   drag in Week view can land a day short). Every timescale here is therefore one column per day,
 *   of different widths, with labels per week, month or quarter: a drag is always whole days.
 * - It hands dates back as local midnights: they are read with local calendar parts.
 * - It fires the date change on every mouse move of a drag; the change is committed once, when
 *   the mouse is released.
 */

export type GanttViewMode = 'day' | 'week' | 'month' | 'quarter';

/** What became of a drag: written (the new rows will arrive), nothing to write, or refused. */
export type GanttEditOutcome = 'changed' | 'unchanged' | 'refused';

export interface GanttItem {
  readonly id: string;
  readonly name: string;
  readonly start: PlanDate;
  /** Last day occupied; a milestone's own day. */
  readonly finish: PlanDate;
  readonly progress: number;
  readonly kind: 'task' | 'milestone' | 'summary';
  readonly critical: boolean;
  /** A milestone late against its baseline or overdue. */
  readonly slipping: boolean;
  /** Predecessors drawn as arrows. */
  readonly dependencies: readonly string[];
  /** Dates in the chosen baseline, drawn as a thin bar under the current one. */
  readonly baseline: { readonly start: PlanDate; readonly finish: PlanDate } | null;
  /** The popup's text, a title and lines shown as plain text; built when the popup opens. */
  readonly popup: () => { readonly title: string; readonly lines: readonly string[] };
}

export interface GanttChartProps {
  readonly items: readonly GanttItem[];
  readonly viewMode: GanttViewMode;
  readonly today: PlanDate;
  readonly locale: AppLocale;
  readonly isWorkingDay: (date: PlanDate) => boolean;
  /** The label of quarter `q` (1–4) in the user's language. */
  readonly quarterLabel: (quarter: number) => string;
  readonly label: string;
  readonly onMove: (
    id: string,
    dates: { readonly start: PlanDate; readonly finish: PlanDate },
  ) => Promise<GanttEditOutcome>;
  readonly onProgress: (id: string, progress: number) => Promise<GanttEditOutcome>;
  readonly onSelect: (id: string) => void;
}

/** Row and header sizes, shared with the task grid so its rows line up with the bars. */
export const GANTT_ROW_HEIGHT = 40;
export const GANTT_HEADER_HEIGHT = 64;
const BAR_HEIGHT = 22;
const ROW_PADDING = GANTT_ROW_HEIGHT - BAR_HEIGHT;
const UPPER_HEADER = 34;
/** The library adds 10 px to the two header rows. */
const LOWER_HEADER = GANTT_HEADER_HEIGHT - UPPER_HEADER - 10;

/** Pixels per day, and days of margin around the plan, per timescale. */
const SCALE: Readonly<Record<GanttViewMode, { readonly px: number; readonly margin: number }>> = {
  day: { px: 36, margin: 3 },
  week: { px: 16, margin: 7 },
  month: { px: 5, margin: 14 },
  quarter: { px: 2, margin: 30 },
};

const MODE_NAMES: Readonly<Record<GanttViewMode, string>> = {
  day: 'pursuit-day',
  week: 'pursuit-week',
  month: 'pursuit-month',
  quarter: 'pursuit-quarter',
};

type Formatters = Map<string, Intl.DateTimeFormat>;

function formatter(cache: Formatters, locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/**
 * The four timescales, all one column per day. Labels are built with cached `Intl` formatters in
 * the user's language: the lower row labels the first day of each week, month or quarter; the
 * upper row names the period. With no previous column (`previous` null) an upper label is always
 * given: the library looks the current period up that way while scrolling.
 */
function buildViewModes(
  locale: () => string,
  quarterLabel: (quarter: number) => string,
): Record<GanttViewMode, ViewMode> {
  const cache: Formatters = new Map();
  const monthYear = (d: Date) =>
    formatter(cache, locale(), { year: 'numeric', month: 'long' }).format(d);
  const year = (d: Date) => formatter(cache, locale(), { year: 'numeric' }).format(d);
  const newMonth = (d: Date, p: Date | null) =>
    p === null || p.getMonth() !== d.getMonth() || p.getFullYear() !== d.getFullYear();
  const newYear = (d: Date, p: Date | null) => p === null || p.getFullYear() !== d.getFullYear();
  const isQuarterStart = (d: Date) => d.getDate() === 1 && d.getMonth() % 3 === 0;
  const common = { step: '1d', date_format: 'YYYY-MM-DD', snap_at: '1d' };
  return {
    day: {
      ...common,
      name: MODE_NAMES.day,
      column_width: SCALE.day.px,
      lower_text: (d) => String(d.getDate()),
      upper_text: (d, p) => (newMonth(d, p) ? monthYear(d) : ''),
      thick_line: (d) => d.getDay() === 1,
    },
    week: {
      ...common,
      name: MODE_NAMES.week,
      column_width: SCALE.week.px,
      lower_text: (d) =>
        d.getDay() === 1
          ? formatter(cache, locale(), { month: 'short', day: 'numeric' }).format(d)
          : '',
      upper_text: (d, p) => (newMonth(d, p) ? monthYear(d) : ''),
      thick_line: (d) => d.getDay() === 1,
    },
    month: {
      ...common,
      name: MODE_NAMES.month,
      column_width: SCALE.month.px,
      lower_text: (d) =>
        d.getDate() === 1 ? formatter(cache, locale(), { month: 'short' }).format(d) : '',
      upper_text: (d, p) => (newYear(d, p) ? year(d) : ''),
      thick_line: (d) => d.getDate() === 1,
    },
    quarter: {
      ...common,
      name: MODE_NAMES.quarter,
      column_width: SCALE.quarter.px,
      lower_text: (d) => (isQuarterStart(d) ? quarterLabel(Math.floor(d.getMonth() / 3) + 1) : ''),
      upper_text: (d, p) => (newYear(d, p) ? year(d) : ''),
      thick_line: isQuarterStart,
    },
  };
}

/** One class token per bar (the library adds it with `classList.add`, which refuses spaces). */
function barClass(item: GanttItem): string {
  if (item.kind === 'summary') return 'pg-summary';
  const kind = item.kind === 'milestone' ? 'pg-milestone' : 'pg-task';
  return `${kind}${item.critical ? '-critical' : ''}${item.slipping ? '-slipping' : ''}`;
}

function toGanttTask(item: GanttItem, known: ReadonlySet<string>): GanttTask {
  return {
    id: item.id,
    name: escapeHtml(item.name),
    start: item.start,
    end: item.finish,
    progress: item.kind === 'milestone' ? 0 : item.progress,
    dependencies: item.dependencies.filter((id) => known.has(id)),
    custom_class: barClass(item),
  };
}

function signature(item: GanttItem): string {
  return `${item.start}|${item.finish}|${item.progress}|${item.name}|${barClass(item)}`;
}

function structureOf(props: GanttChartProps): string {
  return [
    props.viewMode,
    props.locale,
    ...props.items.map((item) => `${item.id}:${item.dependencies.join(',')}`),
  ].join(';');
}

/**
 * Where the chart opens: the first work not done yet (else the first row), with a little room
 * before it so a milestone on that day shows whole.
 */
function focusDate(items: readonly GanttItem[], mode: GanttViewMode): string {
  const open = items.filter((item) => item.kind !== 'summary' && item.progress < 100);
  const from = open.length > 0 ? open : items;
  const first = from.reduce<PlanDate | null>(
    (min, item) => (min === null || item.start < min ? item.start : min),
    null,
  );
  return first === null ? 'start' : addDays(first, -Math.ceil(40 / SCALE[mode].px));
}

/** Earliest and latest day anything is drawn on (bars and baseline bars). */
function spanOf(items: readonly GanttItem[]): { first: PlanDate; last: PlanDate } | null {
  let first: PlanDate | null = null;
  let last: PlanDate | null = null;
  for (const item of items) {
    const from = item.baseline === null ? item.start : minDate(item.start, item.baseline.start);
    const to = item.baseline === null ? item.finish : maxDate(item.finish, item.baseline.finish);
    first = first === null ? from : minDate(first, from);
    last = last === null ? to : maxDate(last, to);
  }
  return first === null || last === null ? null : { first, last };
}

/**
 * The margins around the bars, as the library's view-mode padding: the timescale's margin, room
 * for baseline bars outside the current ones, and enough width to fill the chart area.
 */
function paddingFor(
  items: readonly GanttItem[],
  mode: GanttViewMode,
  width: number,
): [string, string] {
  const { px, margin } = SCALE[mode];
  const bars = spanOf(items.map((item) => ({ ...item, baseline: null })));
  const all = spanOf(items);
  if (bars === null || all === null) return [`${margin}d`, `${margin}d`];
  const before = margin + diffDays(all.first, bars.first);
  let after = margin + diffDays(bars.last, all.last);
  const days = diffDays(bars.first, bars.last) + 1 + before + after;
  const needed = Math.ceil((width + 240) / px);
  if (days < needed) after += needed - days;
  return [`${before}d`, `${after}d`];
}

const SVG = 'http://www.w3.org/2000/svg';

function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** Baseline bars under the current ones, and the today line: a layer of our own in the SVG. */
function drawOverlay(
  gantt: Gantt,
  items: readonly GanttItem[],
  mode: GanttViewMode,
  today: PlanDate,
) {
  gantt.$svg.querySelector('g.pg-overlay')?.remove();
  const layer = svgElement('g', { class: 'pg-overlay', 'aria-hidden': 'true' });
  const axisStart = planDateFromLocalDate(gantt.gantt_start);
  const axisEnd = planDateFromLocalDate(gantt.gantt_end);
  const { px } = SCALE[mode];
  const x = (date: PlanDate) => diffDays(axisStart, date) * px;
  items.forEach((item, index) => {
    if (item.baseline === null) return;
    const y = GANTT_HEADER_HEIGHT + ROW_PADDING / 2 + index * GANTT_ROW_HEIGHT + BAR_HEIGHT + 3;
    if (item.kind === 'milestone') {
      const cx = x(item.baseline.start);
      layer.append(
        svgElement('path', {
          class: 'pg-baseline pg-baseline-milestone',
          d: `M ${cx} ${y - 1} l 4 4 l -4 4 l -4 -4 z`,
        }),
      );
      return;
    }
    layer.append(
      svgElement('rect', {
        class: 'pg-baseline',
        x: x(item.baseline.start),
        y,
        width: (diffDays(item.baseline.start, item.baseline.finish) + 1) * px,
        height: 5,
        rx: 1,
      }),
    );
  });
  if (today >= axisStart && today <= axisEnd) {
    const at = x(today) + px / 2;
    layer.append(
      svgElement('line', {
        class: 'pg-today',
        x1: at,
        x2: at,
        y1: GANTT_HEADER_HEIGHT,
        y2: gantt.$svg.getAttribute('height') ?? 0,
      }),
    );
  }
  gantt.$svg.insertBefore(layer, gantt.$svg.querySelector('g.bar'));
}

/** The bar labels' font (see gantt.css), set before each draw. */
let labelFont = '12px sans-serif';
const labelWidths = new Map<string, number>();
let measuringContext: CanvasRenderingContext2D | null | undefined;

/** The width of a label in `labelFont`, from a canvas (no layout), cached per font and text. */
function labelWidth(text: string): number {
  const key = `${labelFont}|${text}`;
  let width = labelWidths.get(key);
  if (width === undefined) {
    measuringContext ??= document.createElement('canvas').getContext('2d');
    if (measuringContext === null) return text.length * 7;
    measuringContext.font = labelFont;
    width = measuringContext.measureText(text).width;
    if (labelWidths.size > 20_000) labelWidths.clear();
    labelWidths.set(key, width);
  }
  return width;
}

const LABEL_PADDING = 5;

/**
 * The library places each bar's label in a frame callback per bar that reads the label's
 * `getBBox()` right after writing the previous label's position: one forced layout of the whole
 * chart per bar, most of a draw on a plan of a few hundred tasks. Its bars share one class, so the
 * placement is replaced once, on that class, with one that measures the text on a canvas: the
 * same rule (inside the bar, centred, when it fits; after it otherwise), writes only. Its frame
 * callbacks look the method up when they run, so the replacement applies to the first draw too.
 */
function placeLabelsWithoutLayout(bar: GanttBar | undefined) {
  if (bar === undefined) return;
  const shared = Object.getPrototypeOf(bar) as Pick<GanttBar, 'update_label_position'>;
  shared.update_label_position = function placeLabel(this: GanttBar) {
    const label = this.group.querySelector('.bar-label');
    if (label === null) return;
    const x = Number(this.$bar.getAttribute('x'));
    const width = Number(this.$bar.getAttribute('width'));
    const textWidth = labelWidth(label.textContent ?? '');
    if (textWidth > width) {
      label.classList.add('big');
      label.setAttribute('x', String(x + width + LABEL_PADDING));
    } else {
      label.classList.remove('big');
      label.setAttribute('x', String(x + width / 2 - textWidth / 2));
    }
  };
}

/**
 * The library opens the popup to the right of the click, where it can run past the visible part
 * of the chart; it is moved left (and up) until it fits.
 */
function keepPopupInView(gantt: Gantt) {
  const container = gantt.$container;
  const popup = container.querySelector<HTMLElement>('.popup-wrapper');
  if (popup === null || popup.classList.contains('hide')) return;
  const right = container.scrollLeft + container.clientWidth - 8;
  const left = popup.offsetLeft;
  if (left + popup.offsetWidth > right) {
    popup.style.left = `${Math.max(container.scrollLeft + 8, right - popup.offsetWidth)}px`;
  }
  const bottom = container.scrollTop + container.clientHeight - 8;
  if (popup.offsetTop + popup.offsetHeight > bottom) {
    popup.style.top = `${Math.max(GANTT_HEADER_HEIGHT, bottom - popup.offsetHeight)}px`;
  }
}

/** The library fixes the chart's height to its SVG; leave room for the horizontal scrollbar. */
function fitHeight(gantt: Gantt) {
  const container = gantt.$container;
  const height = Number(gantt.$svg.getAttribute('height') ?? 0);
  container.style.height = `${height + (container.offsetHeight - container.clientHeight)}px`;
}

export function GanttChart(props: GanttChartProps) {
  const { token } = theme.useToken();
  const hostRef = useRef<HTMLDivElement>(null);
  const ganttRef = useRef<Gantt | null>(null);
  const modesRef = useRef<Record<GanttViewMode, ViewMode> | null>(null);
  const drawnRef = useRef<{
    structure: string;
    isWorkingDay: GanttChartProps['isWorkingDay'] | null;
    bars: Map<string, string>;
  }>({ structure: '', isWorkingDay: null, bars: new Map() });
  const propsRef = useRef(props);
  const pendingRef = useRef<{ id: string; start: PlanDate; finish: PlanDate } | null>(null);

  useEffect(() => {
    propsRef.current = props;
  });

  /** Puts one bar back where the current items say it is (after a refused or empty edit). */
  const resyncRef = useRef((id: string) => {
    const gantt = ganttRef.current;
    const item = propsRef.current.items.find((candidate) => candidate.id === id);
    if (gantt === null || item === undefined) return;
    updateBar(gantt, item);
    drawnRef.current.bars.set(id, signature(item));
  });

  // A click on a bar selects its row. The library also dispatches a synthetic click on every bar
  // it (re)draws, to start its grow animation; only the user's own clicks count.
  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const click = (event: MouseEvent) => {
      if (!event.isTrusted || !(event.target instanceof Element)) return;
      const id = event.target.closest('.bar-wrapper')?.getAttribute('data-id');
      const gantt = ganttRef.current;
      if (id === null || id === undefined || gantt === null) return;
      keepPopupInView(gantt);
      propsRef.current.onSelect(id);
    };
    host.addEventListener('click', click);
    return () => host.removeEventListener('click', click);
  }, []);

  // Commits a drag once, when the mouse is released (the library reports every step of it).
  useEffect(() => {
    const release = () => {
      const pending = pendingRef.current;
      if (pending === null) return;
      pendingRef.current = null;
      void propsRef.current
        .onMove(pending.id, { start: pending.start, finish: pending.finish })
        .then((outcome) => {
          if (outcome !== 'changed') resyncRef.current(pending.id);
        });
    };
    document.addEventListener('mouseup', release);
    return () => document.removeEventListener('mouseup', release);
  }, []);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const drawn = drawnRef.current;
    const { items, viewMode, today, locale, isWorkingDay } = props;
    const known = new Set(items.map((item) => item.id));
    const structure = structureOf(props);
    const gantt = ganttRef.current;
    const span = spanOf(items);
    const axisHolds =
      gantt !== null &&
      span !== null &&
      span.first >= planDateFromLocalDate(gantt.gantt_start) &&
      span.last <= planDateFromLocalDate(gantt.gantt_end);

    if (
      gantt !== null &&
      structure === drawn.structure &&
      isWorkingDay === drawn.isWorkingDay &&
      axisHolds
    ) {
      // Same rows, same scale: update only the bars that changed.
      for (const item of items) {
        const now = signature(item);
        if (drawn.bars.get(item.id) === now) continue;
        updateBar(gantt, item);
        drawn.bars.set(item.id, now);
      }
      drawOverlay(gantt, items, viewMode, today);
      return;
    }

    const started = performance.now();
    modesRef.current ??= buildViewModes(
      () => propsRef.current.locale,
      (quarter) => propsRef.current.quarterLabel(quarter),
    );
    const modes = modesRef.current;
    const mode = modes[viewMode];
    mode.padding = paddingFor(items, viewMode, host.clientWidth);
    const shading = {
      'var(--pg-nonworking)': (d: Date) => !isWorkingDay(planDateFromLocalDate(d)),
    };
    const holidays = viewMode === 'day' || viewMode === 'week' ? shading : {};
    const tasks = items.map((item) => toGanttTask(item, known));

    if (gantt === null) {
      const options: GanttOptions = {
        view_modes: [mode, ...Object.values(modes).filter((other) => other !== mode)],
        language: locale,
        bar_height: BAR_HEIGHT,
        padding: ROW_PADDING,
        upper_header_height: UPPER_HEADER,
        lower_header_height: LOWER_HEADER,
        bar_corner_radius: 3,
        arrow_curve: 4,
        container_height: 'auto',
        infinite_padding: false,
        move_dependencies: false,
        today_button: false,
        view_mode_select: false,
        scroll_to: focusDate(items, viewMode),
        snap_at: '1d',
        // Row separators come from the row rects (CSS): a line element per row would double the
        // markup the library re-serialises on every draw.
        lines: 'vertical',
        popup_on: 'click',
        holidays,
        popup: (context) => {
          const item = propsRef.current.items.find((i) => i.id === context.task.id);
          if (item === undefined) return false;
          const text = item.popup();
          context.get_title().textContent = text.title;
          context.get_subtitle().textContent = '';
          context.get_details().replaceChildren(
            ...text.lines.map((line) => {
              const div = document.createElement('div');
              div.textContent = line;
              return div;
            }),
          );
          return undefined;
        },
        on_date_change: (task, start, end) => {
          pendingRef.current = { id: task.id, ...draggedRange(start, end) };
        },
        on_progress_change: (task, progress) => {
          void propsRef.current.onProgress(task.id, progress).then((outcome) => {
            if (outcome !== 'changed') resyncRef.current(task.id);
          });
        },
      };
      labelFont = `12px ${token.fontFamily}`;
      ganttRef.current = new Gantt(host, tasks, options);
      placeLabelsWithoutLayout(ganttRef.current.bars[0]);
    } else {
      // A new timescale opens on the work at hand; the same one keeps where the user scrolled.
      const keep = gantt.options.view_mode === mode.name ? gantt.$container.scrollLeft : null;
      gantt.options.view_mode = mode.name;
      gantt.options.language = locale;
      gantt.options.holidays = holidays;
      gantt.options.scroll_to = focusDate(items, viewMode);
      labelFont = `12px ${token.fontFamily}`;
      gantt.refresh(tasks);
      placeLabelsWithoutLayout(gantt.bars[0]);
      if (keep !== null) gantt.$container.scrollLeft = keep;
    }
    const chart = ganttRef.current;
    if (chart === null) return;
    fitHeight(chart);
    drawOverlay(chart, items, viewMode, today);
    drawnRef.current = {
      structure,
      isWorkingDay,
      bars: new Map(items.map((item) => [item.id, signature(item)])),
    };
    // The benchmark reads how long a full draw takes, to the next frame.
    requestAnimationFrame(() =>
      performance.measure('pursuit:gantt-render', { start: started, end: performance.now() }),
    );
  });

  useEffect(
    () => () => {
      hostRef.current?.replaceChildren();
      ganttRef.current = null;
    },
    [],
  );

  const colours = {
    '--g-bar-color': token.colorPrimaryBg,
    '--g-bar-border': token.colorPrimaryBorder,
    '--g-progress-color': token.colorPrimaryBorderHover,
    '--g-row-color': token.colorBgContainer,
    '--g-header-background': token.colorBgContainer,
    '--g-border-color': token.colorBorderSecondary,
    '--g-row-border-color': token.colorBorder,
    '--g-tick-color': token.colorBorderSecondary,
    '--g-tick-color-thick': token.colorBorder,
    '--g-text-dark': token.colorText,
    '--g-text-muted': token.colorTextSecondary,
    '--g-text-light': token.colorTextLightSolid,
    '--g-arrow-color': token.colorTextTertiary,
    '--g-handle-color': token.colorText,
    '--g-today-highlight': token.colorError,
    '--pg-nonworking': token.colorFillQuaternary,
    '--pg-critical': token.colorErrorBg,
    '--pg-critical-border': token.colorErrorBorder,
    '--pg-critical-progress': token.colorErrorBorderHover,
    '--pg-milestone': token.colorText,
    '--pg-milestone-critical': token.colorError,
    '--pg-slipping': token.colorWarning,
    '--pg-summary': token.colorTextSecondary,
    '--pg-baseline': token.colorTextQuaternary,
    '--pg-today': token.colorError,
    '--pg-font': token.fontFamily,
  } as CSSProperties;

  return (
    <div
      ref={hostRef}
      className={`pg-gantt pg-view-${props.viewMode}`}
      role="figure"
      aria-label={props.label}
      style={colours}
    />
  );
}

/** The library's resize handles: 3 px wide, centred on the bar's ends. */
const HANDLE_HALF_WIDTH = 1.5;

/**
 * Moves and restyles one bar in place, and the arrows attached to it. The library's own
 * `update_task` rebuilds the bar (new elements, a grow animation, a label placed in a frame
 * callback, its listeners bound again and a new header highlight added each time); after a drag
 * that pushes dozens of successors that was most of the time to the redrawn chart. The same
 * geometry is computed by the library (`prepare_values`, `calculate_progress_width`) and written to
 * the existing elements.
 */
function updateBar(gantt: Gantt, item: GanttItem) {
  const bar = gantt.get_bar(item.id);
  if (bar === undefined) return;
  const cls = barClass(item);
  const name = escapeHtml(item.name);
  const task = bar.task;
  const renamed = task.name !== name;
  task.name = name;
  task.progress = item.kind === 'milestone' ? 0 : item.progress;
  task.custom_class = cls;
  task._start = localMidnightOf(item.start);
  task._end = localMidnightAfter(item.finish);
  bar.prepare_values();
  const { x, width } = bar;
  bar.$bar.setAttribute('x', String(x));
  bar.$bar.setAttribute('width', String(width));
  const progress = bar.$bar_progress;
  if (progress !== undefined) {
    progress.setAttribute('x', String(x));
    progress.setAttribute('width', String(bar.calculate_progress_width()));
  }
  if (bar.$date_highlight !== undefined) {
    bar.$date_highlight.style.left = `${x}px`;
    bar.$date_highlight.style.width = `${width}px`;
  }
  if (renamed) {
    const label = bar.group.querySelector('.bar-label');
    if (label !== null) label.textContent = item.name;
  }
  bar.update_label_position();
  bar.handle_group.querySelector('.handle.left')?.setAttribute('x', String(x - HANDLE_HALF_WIDTH));
  bar.handle_group
    .querySelector('.handle.right')
    ?.setAttribute('x', String(x + width - HANDLE_HALF_WIDTH));
  if (progress !== undefined) {
    const end = Number(progress.getAttribute('x')) + Number(progress.getAttribute('width'));
    bar.handle_group.querySelector('.handle.progress')?.setAttribute('cx', String(end));
  }
  // A refresh adds the new class without removing the old one.
  bar.group.setAttribute('class', `bar-wrapper ${cls}`);
  bar.update_arrow_position();
}
