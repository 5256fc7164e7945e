import { memo, useMemo, useRef } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';

import { CaretDownFilled, CaretUpFilled, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { DealStatus } from '@shared/domain/deal';
import type { PortfolioRow, PortfolioSort } from '@shared/portfolio/rows';
import { totalRows } from '@shared/portfolio/rows';
import type { Formatters as Format } from '@renderer/i18n/useFormat';
import { useFormat } from '@renderer/i18n/useFormat';
import type { PortfolioColumn } from '@renderer/features/deals/utils/columns';
import '@renderer/features/deals/components/PortfolioGrid.css';
import { useAppToken } from '@renderer/app/token';
import { HealthBadge } from '@renderer/features/health/components/HealthBadge';

const WIDTHS: Record<PortfolioColumn, number> = {
  code: 130,
  name: 260,
  account: 200,
  owner: 110,
  stage: 120,
  status: 100,
  health: 110,
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

/** The text a cell shows; plain strings except the status tag and the code. */
function cellContent(
  column: PortfolioColumn,
  row: PortfolioRow,
  format: Format,
  statusLabel: (status: DealStatus) => string,
): ReactNode {
  switch (column) {
    case 'code':
      return <strong>{row.code}</strong>;
    case 'name':
      return row.name;
    case 'account':
      return row.accountName;
    case 'owner':
      return row.ownerName;
    case 'stage':
      return row.stageName ? (format.locale === 'zh-CN' ? row.stageName.zh : row.stageName.en) : '';
    case 'status':
      return <span className={`pf-status pf-status-${row.status}`}>{statusLabel(row.status)}</span>;
    case 'health':
      return row.health ? <HealthBadge health={row.health} /> : '';
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

/** A cell's title (the full text on hover, since long text is cut with an ellipsis). */
function cellTitle(content: ReactNode): string | undefined {
  return typeof content === 'string' && content !== '' ? content : undefined;
}

interface RowProps {
  row: PortfolioRow;
  columns: readonly PortfolioColumn[];
  template: string;
  top: number;
  index: number;
  format: Format;
  href: string;
  onEdit: (row: PortfolioRow) => void;
  onDelete: (row: PortfolioRow) => void;
}

/**
 * One deal. Memoised: a sort or a filter re-renders only the rows whose deal or position changed,
 * and scrolling mounts only the rows coming into view.
 */
const GridRow = memo(function GridRow({
  row,
  columns,
  template,
  top,
  index,
  format,
  href,
  onEdit,
  onDelete,
}: RowProps) {
  const { t } = useTranslation('deals');
  const statusLabel = (status: DealStatus) => t(`status.${status}`);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="pf-row"
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      onDoubleClick={() => onEdit(row)}
    >
      {columns.map((column) => {
        const content = cellContent(column, row, format, statusLabel);
        return (
          <div
            key={column}
            role="cell"
            className={`pf-cell${RIGHT_ALIGNED.has(column) ? ' pf-right' : ''}${
              column === 'code' ? ' pf-sticky-left' : ''
            }`}
            title={cellTitle(content)}
          >
            {column === 'name' ? (
              <a href={href} className="pf-link" title={row.name}>
                {row.name}
              </a>
            ) : (
              content
            )}
          </div>
        );
      })}
      <div role="cell" className="pf-cell pf-sticky-right pf-actions">
        <button
          type="button"
          className="pf-action"
          aria-label={`${t('actions.edit')} ${row.code}`}
          title={t('actions.edit')}
          onClick={() => onEdit(row)}
        >
          <EditOutlined aria-hidden />
        </button>
        {/* No confirmation: a deal goes to the Trash and the message offers Undo. */}
        <button
          type="button"
          className="pf-action pf-action-danger"
          aria-label={`${t('actions.delete')} ${row.code}`}
          title={t('actions.delete')}
          onClick={() => onDelete(row)}
        >
          <DeleteOutlined aria-hidden />
        </button>
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
export function PortfolioGrid({
  rows,
  columns,
  sort,
  onSort,
  height,
  dealHref,
  onEdit,
  onDelete,
}: PortfolioGridProps) {
  const { t } = useTranslation('deals');
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
  const totals = useMemo(() => totalRows(rows), [rows]);
  const template = `${columns.map((c) => `${WIDTHS[c]}px`).join(' ')} ${ACTIONS_WIDTH}px`;
  const width = columns.reduce((sum, c) => sum + WIDTHS[c], ACTIONS_WIDTH);
  const valueAt = columns.indexOf('value');
  const labelSpan = valueAt > 0 ? valueAt : columns.length;

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
    height,
  } as CSSProperties;

  const toggle = (column: PortfolioColumn) =>
    onSort({
      key: column,
      direction: sort.key === column && sort.direction === 'asc' ? 'desc' : 'asc',
    });

  return (
    <div
      ref={scroller}
      className="pf-grid"
      role="table"
      aria-rowcount={rows.length + 2}
      aria-label={t('title')}
      style={palette}
    >
      <div role="rowgroup" className="pf-head" style={{ width }}>
        <div role="row" className="pf-head-row" style={{ gridTemplateColumns: template }}>
          {columns.map((column) => {
            const active = sort.key === column;
            return (
              <div
                key={column}
                role="columnheader"
                aria-sort={
                  active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                }
                className={`pf-cell pf-head-cell${RIGHT_ALIGNED.has(column) ? ' pf-right' : ''}${
                  column === 'code' ? ' pf-sticky-left' : ''
                }`}
              >
                <button type="button" className="pf-sort" onClick={() => toggle(column)}>
                  <span className="pf-sort-label">{t(`columns.${column}`)}</span>
                  <span className={`pf-sort-icon${active ? ' pf-sort-active' : ''}`} aria-hidden>
                    {active && sort.direction === 'desc' ? <CaretDownFilled /> : <CaretUpFilled />}
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
      <div
        role="rowgroup"
        className="pf-body"
        style={{ height: virtualizer.getTotalSize(), width }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <GridRow
              key={row.id}
              row={row}
              columns={columns}
              template={template}
              top={item.start}
              index={item.index}
              format={format}
              href={dealHref(row)}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          );
        })}
      </div>
      <div role="rowgroup" className="pf-foot" style={{ width }}>
        <div role="row" className="pf-foot-row" style={{ gridTemplateColumns: template }}>
          <div
            role="cell"
            className="pf-cell pf-sticky-left"
            style={{ gridColumn: `span ${labelSpan}` }}
          >
            <strong>
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
                    {format.money(
                      column === 'value' ? total.value : total.weighted,
                      total.currency,
                      { compact: true },
                    )}
                  </strong>
                ))}
            </div>
          ))}
          <div role="cell" className="pf-cell pf-sticky-right" />
        </div>
      </div>
    </div>
  );
}
