import type { PlanDate } from '@shared/domain/dates';
import {
  addDays,
  datePartsOf,
  diffDays,
  maxDate,
  minDate,
  utcMsOfPlanDate,
} from '@shared/domain/dates';
import type { LinkType } from '@shared/schedule/model';

/**
 * The plan's Gantt chart as a standalone SVG document, for export. It is drawn here from the
 * plan's rows rather than copied from the chart on screen: the on-screen chart draws only part of
 * its header as SVG (the rest is HTML), takes its colours from the page's stylesheet and theme,
 * and shows only what is scrolled into view. The export holds the whole plan — a table of rows
 * beside the bars, the timescale header, links, critical path, milestones, baseline and today —
 * with its styles embedded and fonts falling back to the system's Chinese fonts, so it opens the
 * same in any browser or drawing program. Every piece of user text is escaped as XML text.
 *
 * Pure: no DOM, so a unit test reads the string, and a large plan is written in pieces
 * (`ganttSvgPieces`) between which the caller lets the page paint its progress.
 */

export type GanttSvgMode = 'day' | 'week' | 'month' | 'quarter';

export interface GanttSvgRow {
  readonly id: string;
  /** Row number, as the grid shows it. */
  readonly number: number;
  readonly name: string;
  /** Outline depth (0 at the top level). */
  readonly depth: number;
  readonly kind: 'task' | 'milestone' | 'summary';
  readonly start: PlanDate;
  readonly finish: PlanDate;
  readonly progress: number;
  readonly critical: boolean;
  readonly slipping: boolean;
  readonly baseline: { readonly start: PlanDate; readonly finish: PlanDate } | null;
  /** The row's dates as the user reads them (formatted by the caller). */
  readonly startText: string;
  readonly finishText: string;
}

export interface GanttSvgLink {
  readonly from: string;
  readonly to: string;
  readonly type: LinkType;
}

export interface GanttSvgInput {
  readonly rows: readonly GanttSvgRow[];
  readonly links: readonly GanttSvgLink[];
  readonly mode: GanttSvgMode;
  readonly today: PlanDate;
  readonly isWorkingDay: (date: PlanDate) => boolean;
  /** BCP 47 tag for month and day names. */
  readonly locale: string;
  readonly quarterLabel: (quarter: number) => string;
  readonly title: string;
  readonly subtitle: string;
  readonly columns: { readonly task: string; readonly start: string; readonly finish: string };
}

/** Pixels per day, and days of margin around the plan: the same timescales as the chart. */
const SCALE: Readonly<Record<GanttSvgMode, { readonly px: number; readonly margin: number }>> = {
  day: { px: 36, margin: 3 },
  week: { px: 16, margin: 7 },
  month: { px: 5, margin: 14 },
  quarter: { px: 2, margin: 30 },
};

const TITLE_HEIGHT = 58;
const UPPER_HEIGHT = 24;
const LOWER_HEIGHT = 22;
const HEADER_HEIGHT = UPPER_HEIGHT + LOWER_HEIGHT;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 16;
const NUMBER_WIDTH = 40;
const INDENT = 14;
const FONT_SIZE = 12;

/** System fonts first for Chinese (macOS, Windows, Linux), then the usual UI fonts. */
export const EXPORT_FONTS =
  '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';

const STYLE = [
  `text{font-family:${EXPORT_FONTS};font-size:${FONT_SIZE}px;fill:#1f1f1f}`,
  '.title{font-size:16px;font-weight:600}',
  '.muted{fill:#8c8c8c}',
  '.head{font-weight:600}',
  '.label{font-size:11px;fill:#595959}',
  '.bar{fill:#e6f4ff;stroke:#69b1ff;stroke-width:1}',
  '.bar-progress{fill:#91caff}',
  '.critical .bar{fill:#fff1f0;stroke:#ff7875}',
  '.critical .bar-progress{fill:#ffa39e}',
  '.milestone{fill:#1f1f1f}',
  '.critical .milestone{fill:#cf1322}',
  '.slipping .milestone{fill:#fa8c16}',
  '.summary{fill:#595959}',
  '.baseline{fill:#bfbfbf}',
  '.nonworking{fill:#f5f5f5}',
  '.grid{stroke:#f0f0f0;stroke-width:1;fill:none}',
  '.tick{stroke:#d9d9d9;stroke-width:1;fill:none}',
  '.frame{stroke:#bfbfbf;stroke-width:1;fill:none}',
  '.link{stroke:#8c8c8c;stroke-width:1.2;fill:none}',
  '.arrowhead{fill:#8c8c8c}',
  '.today{stroke:#f5222d;stroke-width:1.5;stroke-dasharray:4 3}',
].join('');

// Characters XML 1.0 does not allow at all (a name holding one would make the file unreadable).
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** User text as XML character data (safe in element content and in quoted attributes). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/** Rough width of a text at the export's font size: wide (CJK) characters are square. */
function textWidth(text: string, size = FONT_SIZE): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += code >= 0x2e80 ? size : size * 0.6;
  }
  return width;
}

/** The text cut to `max` pixels, with an ellipsis when it was cut. */
function fit(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  for (const char of text) {
    if (textWidth(`${out}${char}…`) > max) break;
    out += char;
  }
  return `${out}…`;
}

const n = (value: number) => String(Math.round(value * 10) / 10);

export interface GanttSvgLayout {
  readonly width: number;
  readonly height: number;
}

interface Frame {
  readonly first: PlanDate;
  readonly days: number;
  readonly px: number;
  readonly chartX: number;
  readonly nameWidth: number;
  /** Width of each date column, to fit the longest date in the user's format. */
  readonly dateWidth: number;
  readonly width: number;
  readonly height: number;
}

function frameOf(input: GanttSvgInput): Frame {
  const { px, margin } = SCALE[input.mode];
  let first: PlanDate | null = null;
  let last: PlanDate | null = null;
  for (const row of input.rows) {
    const from = row.baseline === null ? row.start : minDate(row.start, row.baseline.start);
    const to = row.baseline === null ? row.finish : maxDate(row.finish, row.baseline.finish);
    first = first === null ? from : minDate(first, from);
    last = last === null ? to : maxDate(last, to);
  }
  const start = addDays(first ?? input.today, -margin);
  const end = addDays(last ?? input.today, margin);
  const days = diffDays(start, end) + 1;
  const widest = input.rows.reduce(
    (max, row) => Math.max(max, row.depth * INDENT + textWidth(row.name)),
    textWidth(input.columns.task),
  );
  const nameWidth = Math.round(Math.min(360, Math.max(180, widest + 20)));
  const longestDate = input.rows.reduce(
    (max, row) => Math.max(max, textWidth(row.startText), textWidth(row.finishText)),
    Math.max(textWidth(input.columns.start), textWidth(input.columns.finish)),
  );
  const dateWidth = Math.round(Math.min(200, Math.max(80, longestDate + 20)));
  const chartX = NUMBER_WIDTH + nameWidth + 2 * dateWidth;
  // Room for the label after the last bar, which may run past the end of the timescale.
  const labelsEnd = input.rows.reduce(
    (max, row) =>
      Math.max(
        max,
        chartX + (diffDays(start, row.finish) + 1) * px + 20 + textWidth(fit(row.name, 320), 11),
      ),
    0,
  );
  const width = Math.max(chartX + days * px, labelsEnd, textWidth(input.title, 16) + 32);
  const height = TITLE_HEIGHT + HEADER_HEIGHT + input.rows.length * ROW_HEIGHT + 1;
  return {
    first: start,
    days,
    px,
    chartX,
    nameWidth,
    dateWidth,
    width: Math.ceil(width),
    height,
  };
}

/** The size of the exported chart in CSS pixels. */
export function ganttSvgSize(input: GanttSvgInput): GanttSvgLayout {
  const frame = frameOf(input);
  return { width: frame.width, height: frame.height };
}

function utcDate(date: PlanDate): Date {
  return new Date(utcMsOfPlanDate(date));
}

/** The timescale header: periods on top (months or years), ticks and their labels below. */
function header(input: GanttSvgInput, frame: Frame): { text: string; ticks: number[] } {
  const { first, days, px, chartX } = frame;
  const zone = { timeZone: 'UTC' } as const;
  const monthYear = new Intl.DateTimeFormat(input.locale, {
    ...zone,
    year: 'numeric',
    month: 'long',
  });
  const yearOnly = new Intl.DateTimeFormat(input.locale, { ...zone, year: 'numeric' });
  const monthDay = new Intl.DateTimeFormat(input.locale, {
    ...zone,
    month: 'short',
    day: 'numeric',
  });
  const monthShort = new Intl.DateTimeFormat(input.locale, { ...zone, month: 'short' });
  const byYear = input.mode === 'month' || input.mode === 'quarter';
  const top = TITLE_HEIGHT;
  const parts: string[] = [];
  const ticks: number[] = [];
  let periodStart = 0;
  const flushPeriod = (endIndex: number) => {
    const date = addDays(first, periodStart);
    const label = byYear ? yearOnly.format(utcDate(date)) : monthYear.format(utcDate(date));
    const x = chartX + periodStart * px;
    const width = (endIndex - periodStart) * px;
    if (width >= textWidth(label) + 8) {
      parts.push(`<text class="head" x="${n(x + 6)}" y="${top + 16}">${escapeXml(label)}</text>`);
    }
    parts.push(`<path class="tick" d="M${n(x)} ${top}V${top + UPPER_HEIGHT}"/>`);
  };
  for (let i = 0; i < days; i++) {
    const date = addDays(first, i);
    const { year, month, day } = datePartsOf(date);
    if (i > 0) {
      const previous = datePartsOf(addDays(date, -1));
      const newPeriod = byYear ? previous.year !== year : previous.month !== month;
      if (newPeriod) {
        flushPeriod(i);
        periodStart = i;
      }
    }
    const x = chartX + i * px;
    const lowerY = top + UPPER_HEIGHT + 15;
    const weekday = utcDate(date).getUTCDay();
    switch (input.mode) {
      case 'day':
        parts.push(
          `<text class="muted" x="${n(x + px / 2)}" y="${lowerY}" text-anchor="middle">${day}</text>`,
        );
        if (weekday === 1) ticks.push(x);
        break;
      case 'week':
        if (weekday === 1) {
          parts.push(
            `<text class="muted" x="${n(x + 3)}" y="${lowerY}">${escapeXml(monthDay.format(utcDate(date)))}</text>`,
          );
          ticks.push(x);
        }
        break;
      case 'month':
        if (day === 1) {
          parts.push(
            `<text class="muted" x="${n(x + 3)}" y="${lowerY}">${escapeXml(monthShort.format(utcDate(date)))}</text>`,
          );
          ticks.push(x);
        }
        break;
      case 'quarter':
        if (day === 1 && (month - 1) % 3 === 0) {
          const label = input.quarterLabel(Math.floor((month - 1) / 3) + 1);
          parts.push(
            `<text class="muted" x="${n(x + 3)}" y="${lowerY}">${escapeXml(label)}</text>`,
          );
          ticks.push(x);
        }
        break;
    }
  }
  flushPeriod(days);
  return { text: parts.join(''), ticks };
}

/** Runs of non-working days, shaded on the day and week timescales. */
function nonWorking(input: GanttSvgInput, frame: Frame): string {
  if (input.mode !== 'day' && input.mode !== 'week') return '';
  const { first, days, px, chartX } = frame;
  const top = TITLE_HEIGHT + HEADER_HEIGHT;
  const height = input.rows.length * ROW_HEIGHT;
  const parts: string[] = [];
  let runStart = -1;
  for (let i = 0; i <= days; i++) {
    const off = i < days && !input.isWorkingDay(addDays(first, i));
    if (off && runStart < 0) runStart = i;
    if (!off && runStart >= 0) {
      parts.push(
        `<rect class="nonworking" x="${n(chartX + runStart * px)}" y="${top}" width="${n((i - runStart) * px)}" height="${height}"/>`,
      );
      runStart = -1;
    }
  }
  return parts.join('');
}

interface Placed {
  readonly row: GanttSvgRow;
  readonly index: number;
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
}

function place(row: GanttSvgRow, index: number, frame: Frame): Placed {
  const { px, chartX, first } = frame;
  const x = chartX + diffDays(first, row.start) * px;
  const y = TITLE_HEIGHT + HEADER_HEIGHT + index * ROW_HEIGHT + ROW_HEIGHT / 2;
  if (row.kind === 'milestone') return { row, index, x1: x + px / 2 - 7, x2: x + px / 2 + 7, y };
  return { row, index, x1: x, x2: chartX + (diffDays(first, row.finish) + 1) * px, y };
}

/** One row: its cells in the table and its bar (or diamond) on the timescale. */
function rowMarkup(placed: Placed, frame: Frame): string {
  const { row, index, x1, x2, y } = placed;
  const top = TITLE_HEIGHT + HEADER_HEIGHT + index * ROW_HEIGHT;
  const textY = top + ROW_HEIGHT / 2 + 4;
  const nameX = NUMBER_WIDTH + 8 + row.depth * INDENT;
  const nameRoom = frame.nameWidth - 12 - row.depth * INDENT;
  const weight = row.kind === 'summary' ? ' class="head"' : '';
  const classes = ['row', row.critical ? 'critical' : '', row.slipping ? 'slipping' : '']
    .filter((c) => c !== '')
    .join(' ');
  const parts = [
    `<g class="${classes}">`,
    `<text class="muted" x="${NUMBER_WIDTH - 8}" y="${textY}" text-anchor="end">${row.number}</text>`,
    `<text${weight} x="${nameX}" y="${textY}">${escapeXml(fit(row.name, nameRoom))}</text>`,
    `<text x="${NUMBER_WIDTH + frame.nameWidth + 8}" y="${textY}">${escapeXml(row.startText)}</text>`,
    `<text x="${NUMBER_WIDTH + frame.nameWidth + frame.dateWidth + 8}" y="${textY}">${escapeXml(row.finishText)}</text>`,
  ];
  if (row.baseline !== null) {
    const bx = frame.chartX + diffDays(frame.first, row.baseline.start) * frame.px;
    const bw = (diffDays(row.baseline.start, row.baseline.finish) + 1) * frame.px;
    parts.push(
      `<rect class="baseline" x="${n(bx)}" y="${n(y + BAR_HEIGHT / 2 + 1)}" width="${n(bw)}" height="4" rx="1"/>`,
    );
  }
  if (row.kind === 'milestone') {
    const cx = (x1 + x2) / 2;
    parts.push(`<path class="milestone" d="M${n(cx)} ${n(y - 7)}l7 7l-7 7l-7 -7z"/>`);
  } else if (row.kind === 'summary') {
    const w = Math.max(2, x2 - x1);
    parts.push(
      `<path class="summary" d="M${n(x1)} ${n(y - 5)}h${n(w)}v10l-5 -4h${n(-(w - 10))}l-5 4z"/>`,
    );
  } else {
    const w = Math.max(2, x2 - x1);
    const barY = y - BAR_HEIGHT / 2;
    parts.push(
      `<rect class="bar" x="${n(x1)}" y="${n(barY)}" width="${n(w)}" height="${BAR_HEIGHT}" rx="3"/>`,
    );
    const progress = Math.max(0, Math.min(100, row.progress));
    if (progress > 0) {
      parts.push(
        `<rect class="bar-progress" x="${n(x1 + 0.5)}" y="${n(barY + 0.5)}" width="${n(((w - 1) * progress) / 100)}" height="${BAR_HEIGHT - 1}" rx="3"/>`,
      );
    }
  }
  parts.push(
    `<text class="label" x="${n(x2 + 6)}" y="${textY}">${escapeXml(fit(row.name, 320))}</text>`,
    '</g>',
  );
  return parts.join('');
}

/** A link as an elbow line with its arrowhead, routed around the bars it joins. */
function linkMarkup(link: GanttSvgLink, from: Placed, to: Placed): string {
  const startX = link.type === 'SS' ? from.x1 : from.x2;
  const endX = link.type === 'FF' ? to.x2 : to.x1;
  const y1 = from.y;
  const y2 = to.y;
  let d: string;
  if (link.type === 'SS') {
    const a = Math.min(startX, endX) - 8;
    d = `M${n(startX)} ${n(y1)}H${n(a)}V${n(y2)}H${n(endX)}`;
  } else if (link.type === 'FF') {
    const a = Math.max(startX, endX) + 8;
    d = `M${n(startX)} ${n(y1)}H${n(a)}V${n(y2)}H${n(endX)}`;
  } else if (startX + 8 <= endX - 4) {
    d = `M${n(startX)} ${n(y1)}H${n(startX + 8)}V${n(y2)}H${n(endX)}`;
  } else {
    const between = y2 > y1 ? y2 - ROW_HEIGHT / 2 : y2 + ROW_HEIGHT / 2;
    d = `M${n(startX)} ${n(y1)}h8V${n(between)}H${n(endX - 10)}V${n(y2)}H${n(endX)}`;
  }
  return `<path class="link" d="${d}" marker-end="url(#pg-arrow)"/>`;
}

/**
 * The SVG in pieces: the frame and header, then the rows `rowsPerPiece` at a time, then the
 * links. `done` counts the rows written so far, for a progress bar. Joined, the pieces are the
 * whole document (`buildGanttSvg`).
 */
export function* ganttSvgPieces(
  input: GanttSvgInput,
  rowsPerPiece = 250,
): Generator<{ readonly text: string; readonly done: number; readonly total: number }> {
  const frame = frameOf(input);
  const { width, height, chartX, px, first, days } = frame;
  const total = input.rows.length;
  const top = TITLE_HEIGHT + HEADER_HEIGHT;
  const head = header(input, frame);
  const rowLines: string[] = [];
  for (let i = 0; i <= total; i++) rowLines.push(`M0 ${top + i * ROW_HEIGHT}H${width}`);
  const tickLines = head.ticks.map((x) => `M${n(x)} ${TITLE_HEIGHT + UPPER_HEIGHT}V${height}`);
  const columnX = [NUMBER_WIDTH, NUMBER_WIDTH + frame.nameWidth, chartX - frame.dateWidth, chartX];
  const columnLines = columnX.map((x) => `M${x} ${TITLE_HEIGHT}V${height}`);
  const todayIndex = diffDays(first, input.today);
  const today =
    todayIndex >= 0 && todayIndex < days
      ? `<path class="today" d="M${n(chartX + todayIndex * px + px / 2)} ${top}V${height}"/>`
      : '';
  const tableY = TITLE_HEIGHT + HEADER_HEIGHT - 8;
  yield {
    text: [
      '<?xml version="1.0" encoding="UTF-8"?>\n',
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${EXPORT_FONTS}'>`,
      `<title>${escapeXml(input.title)}</title>`,
      `<defs><style>${STYLE}</style>`,
      '<marker id="pg-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path class="arrowhead" d="M0 0L8 4L0 8z"/></marker>',
      '</defs>',
      `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
      `<text class="title" x="16" y="26">${escapeXml(input.title)}</text>`,
      `<text class="muted" x="16" y="46">${escapeXml(input.subtitle)}</text>`,
      nonWorking(input, frame),
      `<path class="grid" d="${rowLines.join('')}"/>`,
      `<path class="tick" d="${tickLines.join('')}"/>`,
      `<path class="frame" d="${columnLines.join('')}M0 ${TITLE_HEIGHT}H${width}M0 ${top}H${width}"/>`,
      `<text class="head" x="${NUMBER_WIDTH + 8}" y="${tableY}">${escapeXml(input.columns.task)}</text>`,
      `<text class="head" x="${NUMBER_WIDTH + frame.nameWidth + 8}" y="${tableY}">${escapeXml(input.columns.start)}</text>`,
      `<text class="head" x="${chartX - frame.dateWidth + 8}" y="${tableY}">${escapeXml(input.columns.finish)}</text>`,
      head.text,
      today,
    ].join(''),
    done: 0,
    total,
  };
  const placed = new Map<string, Placed>();
  for (let start = 0; start < total; start += rowsPerPiece) {
    const parts: string[] = [];
    const end = Math.min(total, start + rowsPerPiece);
    for (let i = start; i < end; i++) {
      const row = input.rows[i];
      if (row === undefined) continue;
      const at = place(row, i, frame);
      placed.set(row.id, at);
      parts.push(rowMarkup(at, frame));
    }
    yield { text: parts.join(''), done: end, total };
  }
  const links = input.links.flatMap((link) => {
    const from = placed.get(link.from);
    const to = placed.get(link.to);
    return from === undefined || to === undefined ? [] : [linkMarkup(link, from, to)];
  });
  yield { text: `<g class="links">${links.join('')}</g></svg>\n`, done: total, total };
}

/** The whole SVG document. */
export function buildGanttSvg(input: GanttSvgInput): string {
  let text = '';
  for (const piece of ganttSvgPieces(input)) text += piece.text;
  return text;
}
