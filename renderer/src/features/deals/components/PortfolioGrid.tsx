import { memo, useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';

import {
  CaretDownFilled,
  CaretUpFilled,
  CheckCircleFilled,
  CloseCircleFilled,
  DeleteOutlined,
  EditOutlined,
  ExclamationCircleFilled,
} from '@ant-design/icons';
import { DEAL_STATUSES } from '@shared/domain/deal';
import type { DealStatus } from '@shared/domain/deal';
import { HEALTH_LEVELS } from '@shared/health/health';
import type { DealHealth, HealthLevel } from '@shared/health/health';
import type { PortfolioRow, PortfolioSort } from '@shared/portfolio/rows';
import { sameRowContent, totalRows } from '@shared/portfolio/rows';
import type { Formatters as Format } from '@renderer/i18n/useFormat';
import { useFormat } from '@renderer/i18n/useFormat';
import type { PortfolioColumn } from '@renderer/features/deals/utils/columns';
import '@renderer/features/deals/components/PortfolioGrid.css';
import { useAppToken } from '@renderer/app/token';
import { HealthBadge } from '@renderer/features/health/components/HealthBadge';

/**
 * Column widths. Through Value they add up to what a 1440-pixel window shows beside the sticky
 * Actions column, so a deal's value is in view without scrolling; names longer than their
 * column end in an ellipsis and show whole on hover.
 */
const WIDTHS: Record<PortfolioColumn, number> = {
  code: 130,
  name: 230,
  account: 170,
  owner: 110,
  stage: 110,
  status: 90,
  health: 100,
  value: 150,
  pwin: 80,
  weighted: 150,
  submissionDue: 130,
  expectedAward: 130,
  nextMilestone: 220,
};
const ACTIONS_WIDTH = 88;
const ROW_HEIGHT = 38;

const RIGHT_ALIGNED: ReadonlySet<PortfolioColumn> = new Set(['value', 'pwin', 'weighted']);

interface PortfolioGridProps {
  rows: readonly PortfolioRow[];
  columns: readonly PortfolioColumn[];
  sort: PortfolioSort;
  onSort: (sort: PortfolioSort) => void;
  /** Height available to the whole grid (header, rows and totals). */
  height: number;
  /** Opens the deal's workspace. */
  dealHref: (row: PortfolioRow) => string;
  onEdit: (row: PortfolioRow) => void;
  onDelete: (row: PortfolioRow) => void;
}

/** Everything a row needs in the UI language, made once per language rather than per row. */
export interface RowLabels {
  readonly format: Format;
  readonly status: Readonly<Record<DealStatus, string>>;
  readonly health: Readonly<Record<HealthLevel, string>>;
  /** "Health" (the start of a health badge's accessible name). */
  readonly healthName: string;
  readonly edit: string;
  readonly delete: string;
}

type TextColumn = Exclude<PortfolioColumn, 'health'>;

/** The text of a cell (`code` and `status` are wrapped in markup by the row). */
function cellText(column: TextColumn, row: PortfolioRow, labels: RowLabels): string {
  const { format } = labels;
  switch (column) {
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'account':
      return row.accountName;
    case 'owner':
      return row.ownerName;
    case 'stage':
      return row.stageName ? (format.locale === 'zh-CN' ? row.stageName.zh : row.stageName.en) : '';
    case 'status':
      return labels.status[row.status];
    case 'value':
      return format.money(row.value.amountMinor, row.value.currency);
    case 'pwin':
      return format.percent(row.pwin / 100);
    case 'weighted':
      return format.money(row.weighted.amountMinor, row.weighted.currency);
    case 'submissionDue':
      return row.submissionDue ? format.date(row.submissionDue) : '';
    case 'expectedAward':
      return row.expectedAward ? format.date(row.expectedAward) : '';
    case 'nextMilestone':
      return row.nextMilestone
        ? `${format.date(row.nextMilestone.date, 'short')} · ${row.nextMilestone.name}`
        : '';
  }
}

/**
 * Cell texts already formatted, per deal and language, kept while the deal's row shows the same
 * content (`sameRowContent`: health joined in does not count). A line that comes back into view
 * (a sort, a cleared search, scrolling back) shows its texts without formatting money and dates
 * again.
 */
const texts = new Map<
  string,
  { row: PortfolioRow; labels: RowLabels; cells: Map<TextColumn, string> }
>();

function cachedCellText(column: TextColumn, row: PortfolioRow, labels: RowLabels): string {
  let entry = texts.get(row.id);
  if (
    entry === undefined ||
    entry.labels !== labels ||
    (entry.row !== row && !sameRowContent(entry.row, row))
  ) {
    entry = { row, labels, cells: new Map() };
    texts.set(row.id, entry);
  }
  let text = entry.cells.get(column);
  if (text === undefined) {
    text = cellText(column, row, labels);
    entry.cells.set(column, text);
  }
  return text;
}

/**
 * A deal's health level. The reasons' popover is mounted only once the badge is hovered or
 * focused: a popover per row would be most of the cost of putting a row on screen.
 */
function HealthCell({ health, labels }: { health: DealHealth; labels: RowLabels }) {
  const [armed, setArmed] = useState<'hover' | 'focus' | null>(null);
  if (armed !== null) {
    return (
      <HealthBadge health={health} openNow autoFocus={armed === 'focus'} placement="leftTop" />
    );
  }
  const Icon = HEALTH_ICONS[health.level];
  const label = labels.health[health.level];
  return (
    <span
      className={`health-badge health-${health.level}`}
      data-health={health.level}
      tabIndex={0}
      role="img"
      aria-label={`${labels.healthName}: ${label}`}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 4,
        color: `var(--pf-health-${health.level})`,
      }}
      onMouseEnter={() => setArmed('hover')}
      onFocus={() => setArmed('focus')}
    >
      {Icon}
      <span style={{ color: 'var(--pf-text)' }}>{label}</span>
    </span>
  );
}

const HEALTH_ICONS = {
  green: <CheckCircleFilled aria-hidden />,
  amber: <ExclamationCircleFilled aria-hidden />,
  red: <CloseCircleFilled aria-hidden />,
} as const;
const EDIT_ICON = <EditOutlined aria-hidden />;
const DELETE_ICON = <DeleteOutlined aria-hidden />;
const SORTED_DESC_ICON = <CaretDownFilled />;
const SORTED_ASC_ICON = <CaretUpFilled />;

interface RowProps {
  row: PortfolioRow;
  columns: readonly PortfolioColumn[];
  template: string;
  top: number;
  index: number;
  labels: RowLabels;
  href: string;
  onEdit: (row: PortfolioRow) => void;
  onDelete: (row: PortfolioRow) => void;
}

/**
 * One line of the grid. Memoised: a sort or a filter re-renders only the lines whose deal or
 * position changed. The grid keys lines by their slot on screen, not by deal, so a sort changes
 * the texts of the lines already there instead of replacing them with new ones.
 */
const GridRow = memo(
  GridRowView,
  (before, after) =>
    (before.row === after.row ||
      (before.row.health === after.row.health && sameRowContent(before.row, after.row))) &&
    before.columns === after.columns &&
    before.template === after.template &&
    before.top === after.top &&
    before.index === after.index &&
    before.labels === after.labels &&
    before.href === after.href &&
    before.onEdit === after.onEdit &&
    before.onDelete === after.onDelete,
);

function GridRowView({
  row,
  columns,
  template,
  top,
  index,
  labels,
  href,
  onEdit,
  onDelete,
}: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="pf-row"
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      onDoubleClick={() => onEdit(row)}
    >
      {columns.map((column) => {
        const className = `pf-cell${RIGHT_ALIGNED.has(column) ? ' pf-right' : ''}${
          column === 'code' ? ' pf-sticky-left' : ''
        }`;
        if (column === 'health') {
          return (
            <div key={column} role="cell" className={className}>
              {row.health && <HealthCell key={row.id} health={row.health} labels={labels} />}
            </div>
          );
        }
        const text = cachedCellText(column, row, labels);
        return (
          <div
            key={column}
            role="cell"
            className={className}
            title={text === '' || column === 'code' || column === 'status' ? undefined : text}
          >
            {column === 'name' ? (
              <a href={href} className="pf-link" title={text}>
                {text}
              </a>
            ) : column === 'code' ? (
              <strong>{text}</strong>
            ) : column === 'status' ? (
              <span className={`pf-status pf-status-${row.status}`}>{text}</span>
            ) : (
              text
            )}
          </div>
        );
      })}
      <div role="cell" className="pf-cell pf-sticky-right pf-actions">
        <button
          type="button"
          className="pf-action"
          aria-label={`${labels.edit} ${row.code}`}
          title={labels.edit}
          onClick={() => onEdit(row)}
        >
          {EDIT_ICON}
        </button>
        {/* No confirmation: a deal goes to the Trash and the message offers Undo. */}
        <button
          type="button"
          className="pf-action pf-action-danger"
          aria-label={`${labels.delete} ${row.code}`}
          title={labels.delete}
          onClick={() => onDelete(row)}
        >
          {DELETE_ICON}
        </button>
      </div>
    </div>
  );
}

/**
 * Lines are keyed by slot: the index modulo a pool at least as large as the lines on screen, so
 * the keys on screen are distinct and a line scrolling out is reused by the one scrolling in.
 */
function slotPool(visible: number): number {
  let pool = 64;
  while (pool < visible) pool *= 2;
  return pool;
}

interface HeaderProps {
  columns: readonly PortfolioColumn[];
  template: string;
  width: number;
  sort: PortfolioSort;
  onSort: (sort: PortfolioSort) => void;
}

/** The column headers; each sorts by its column (again: the other direction). */
const GridHeader = memo(function GridHeader({
  columns,
  template,
  width,
  sort,
  onSort,
}: HeaderProps) {
  const { t } = useTranslation('deals');
  const toggle = (column: PortfolioColumn) =>
    onSort({
      key: column,
      direction: sort.key === column && sort.direction === 'asc' ? 'desc' : 'asc',
    });
  return (
    <div role="rowgroup" className="pf-head" style={{ width }}>
      <div role="row" className="pf-head-row" style={{ gridTemplateColumns: template }}>
        {columns.map((column) => {
          const active = sort.key === column;
          return (
            <div
              key={column}
              role="columnheader"
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              className={`pf-cell pf-head-cell${RIGHT_ALIGNED.has(column) ? ' pf-right' : ''}${
                column === 'code' ? ' pf-sticky-left' : ''
              }`}
            >
              <button type="button" className="pf-sort" onClick={() => toggle(column)}>
                <span className="pf-sort-label">{t(`columns.${column}`)}</span>
                <span className={`pf-sort-icon${active ? ' pf-sort-active' : ''}`} aria-hidden>
                  {active && sort.direction === 'desc' ? SORTED_DESC_ICON : SORTED_ASC_ICON}
                </span>
              </button>
            </div>
          );
        })}
        <div role="columnheader" className="pf-cell pf-head-cell pf-sticky-right">
          {t('columns.actions')}
        </div>
      </div>
    </div>
  );
});

interface FooterProps {
  rows: readonly PortfolioRow[];
  columns: readonly PortfolioColumn[];
  template: string;
  width: number;
  format: Format;
}

/** The totals line: the count, and value and weighted value per currency. */
const GridFooter = memo(function GridFooter({
  rows,
  columns,
  template,
  width,
  format,
}: FooterProps) {
  const { t } = useTranslation('deals');
  const totals = useMemo(() => totalRows(rows), [rows]);
  const valueAt = columns.indexOf('value');
  const labelSpan = valueAt > 0 ? valueAt : columns.length;
  return (
    <div role="rowgroup" className="pf-foot" style={{ width }}>
      <div role="row" className="pf-foot-row" style={{ gridTemplateColumns: template }}>
        {/* The label spans the columns before the value; only its text sticks at the left, so
            the cell never slides over the totals when the grid scrolls sideways. */}
        <div
          role="cell"
          className="pf-cell pf-foot-label"
          style={{ gridColumn: `span ${labelSpan}` }}
        >
          <strong className="pf-foot-label-text">
            {t('totals.label')} · {t('totals.count', { count: rows.length })}
          </strong>
        </div>
        {columns.slice(labelSpan).map((column) => (
          <div
            key={column}
            role="cell"
            className={`pf-cell${RIGHT_ALIGNED.has(column) ? ' pf-right' : ''}`}
          >
            {(column === 'value' || column === 'weighted') &&
              totals.map((total) => (
                <strong key={total.currency} className="pf-total">
                  {format.money(column === 'value' ? total.value : total.weighted, total.currency, {
                    compact: true,
                  })}
                </strong>
              ))}
          </div>
        ))}
        <div role="cell" className="pf-cell pf-sticky-right" />
      </div>
    </div>
  );
});

/**
 * The portfolio grid: a header that sorts, only the rows on screen in the DOM (2,000 deals sort,
 * filter and scroll without re-laying out the rest), and a totals line per currency. Built on a
 * virtualiser rather than antd's Table because the table re-synchronised its scroll positions on
 * every change, which forced a full layout per sort and per keystroke of a search.
 */
export const PortfolioGrid = memo(function PortfolioGrid({
  rows,
  columns,
  sort,
  onSort,
  height,
  dealHref,
  onEdit,
  onDelete,
}: PortfolioGridProps) {
  const { t } = useTranslation(['deals', 'health']);
  const format = useFormat();
  const token = useAppToken();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser is read during render by design; nothing memoises this component's output.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const labels = useMemo<RowLabels>(
    () => ({
      format,
      status: Object.fromEntries(
        DEAL_STATUSES.map((status) => [status, t(`deals:status.${status}`)]),
      ) as Record<DealStatus, string>,
      health: Object.fromEntries(
        HEALTH_LEVELS.map((level) => [level, t(`health:level.${level}`)]),
      ) as Record<HealthLevel, string>,
      healthName: t('health:label'),
      edit: t('deals:actions.edit'),
      delete: t('deals:actions.delete'),
    }),
    [format, t],
  );
  const template = `${columns.map((c) => `${WIDTHS[c]}px`).join(' ')} ${ACTIONS_WIDTH}px`;
  const width = columns.reduce((sum, c) => sum + WIDTHS[c], ACTIONS_WIDTH);

  const palette = {
    '--pf-bg': token.colorBgContainer,
    '--pf-head-bg': token.colorFillAlter,
    '--pf-border': token.colorBorderSecondary,
    '--pf-hover': token.controlItemBgHover,
    '--pf-link': token.colorLink,
    '--pf-text': token.colorText,
    '--pf-muted': token.colorTextSecondary,
    '--pf-danger': token.colorError,
    '--pf-radius': `${token.borderRadiusSM}px`,
    '--pf-open': token.colorPrimary,
    '--pf-open-bg': token.colorPrimaryBg,
    '--pf-won': token.colorSuccess,
    '--pf-won-bg': token.colorSuccessBg,
    '--pf-lost': token.colorError,
    '--pf-lost-bg': token.colorErrorBg,
    '--pf-other-bg': token.colorFillSecondary,
    '--pf-health-green': token.colorSuccess,
    '--pf-health-amber': token.colorWarning,
    '--pf-health-red': token.colorError,
    '--pf-edge': token.colorTextQuaternary,
    '--pf-sticky-left': columns.includes('code') ? `${WIDTHS.code}px` : '0px',
    '--pf-sticky-right': `${ACTIONS_WIDTH}px`,
    height,
  } as CSSProperties;

  const items = virtualizer.getVirtualItems();
  const pool = slotPool(items.length);
  return (
    <div
      ref={scroller}
      className="pf-grid"
      role="table"
      aria-rowcount={rows.length + 2}
      aria-label={t('deals:title')}
      style={palette}
    >
      <GridHeader columns={columns} template={template} width={width} sort={sort} onSort={onSort} />
      <div
        role="rowgroup"
        className="pf-body"
        style={{ height: virtualizer.getTotalSize(), width }}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <GridRow
              key={item.index % pool}
              row={row}
              columns={columns}
              template={template}
              top={item.start}
              index={item.index}
              labels={labels}
              href={dealHref(row)}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          );
        })}
      </div>
      <GridFooter rows={rows} columns={columns} template={template} width={width} format={format} />
    </div>
  );
});
