/**
 * The parts of frappe-gantt 1.2 the plan's Gantt adapter (`GanttChart.tsx`, the only file that
 * imports the library) uses. The library ships no types; these follow its source (`src/index.js`,
 * `src/bar.js`, `src/popup.js`).
 */
declare module 'frappe-gantt' {
  export interface GanttTask {
    id: string;
    /** Written into the bar label with `innerHTML`: must be escaped text. */
    name: string;
    start: string;
    end: string;
    progress: number;
    dependencies?: string[];
    /** One class token (the library calls `classList.add` with it). */
    custom_class?: string;
    /** The library's own parsed dates: local midnight of the start, and of the day after the end. */
    _start?: Date;
    _end?: Date;
  }

  type LabelFunction = (date: Date, previous: Date | null, language: string) => string;

  export interface ViewMode {
    name: string;
    padding?: string | [string, string];
    step: string;
    column_width?: number;
    date_format?: string;
    lower_text?: string | LabelFunction;
    upper_text?: string | LabelFunction;
    thick_line?: (date: Date) => boolean;
    snap_at?: string;
  }

  export interface PopupContext {
    task: GanttTask;
    get_title(): HTMLElement;
    get_subtitle(): HTMLElement;
    get_details(): HTMLElement;
  }

  export interface GanttOptions {
    view_modes?: ViewMode[];
    view_mode?: string | ViewMode;
    language?: string;
    bar_height?: number;
    padding?: number;
    upper_header_height?: number;
    lower_header_height?: number;
    bar_corner_radius?: number;
    arrow_curve?: number;
    container_height?: number | 'auto';
    infinite_padding?: boolean;
    move_dependencies?: boolean;
    today_button?: boolean;
    view_mode_select?: boolean;
    scroll_to?: string | null;
    snap_at?: string;
    lines?: 'both' | 'horizontal' | 'vertical' | 'none';
    popup_on?: 'click' | 'hover';
    /** Fills non-working days: colour → a test per day. */
    holidays?: Record<string, (date: Date) => boolean>;
    popup?: false | ((context: PopupContext) => false | string | undefined);
    on_date_change?: (task: GanttTask, start: Date, end: Date) => void;
    on_progress_change?: (task: GanttTask, progress: number) => void;
  }

  export interface GanttBar {
    task: GanttTask;
    group: SVGGElement;
    handle_group: SVGGElement;
    $bar: SVGRectElement;
    $bar_progress?: SVGRectElement;
    /** The bar's dates highlighted in the header while it is hovered (an HTML element). */
    $date_highlight?: HTMLElement;
    /** Left edge and width, px, as last computed by `prepare_values`. */
    x: number;
    width: number;
    /** Recomputes `x`, `y`, `duration` and `width` from the task's dates (no DOM). */
    prepare_values(): void;
    /** The progress bar's width for the current `x`, `$bar` width and task progress. */
    calculate_progress_width(): number;
    update_arrow_position(): void;
    update_label_position(): void;
  }

  export default class Gantt {
    constructor(wrapper: HTMLElement, tasks: GanttTask[], options: GanttOptions);
    /** Local midnight of the first day on the axis. */
    gantt_start: Date;
    /** Local midnight of the last day on the axis. */
    gantt_end: Date;
    options: GanttOptions & { view_mode: string; holidays: GanttOptions['holidays'] };
    $svg: SVGSVGElement;
    $container: HTMLElement;
    refresh(tasks: GanttTask[]): void;
    update_task(id: string, details: Partial<GanttTask>): void;
    get_bar(id: string): GanttBar | undefined;
    bars: GanttBar[];
    hide_popup(): void;
  }
}
