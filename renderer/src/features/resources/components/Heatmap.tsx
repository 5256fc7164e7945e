import { memo, useLayoutEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { theme } from 'antd';
import type { PlanDate } from '@shared/domain/dates';
import type { LoadFigures } from '@shared/resources/load';
import { useFormat } from '@renderer/i18n/useFormat';
import { hoursOf, weekHead } from '@renderer/features/resources/utils/labels';
import '@renderer/features/resources/components/Heatmap.css';

/** One row of the heatmap: a person or a role. */
export interface HeatmapRow {
  readonly key: string;
  readonly name: string;
  /** Extra text after the name (a role, an inactive mark). */
  readonly note: string;
  readonly cells: readonly LoadFigures[];
}

interface HeatmapProps {
  weeks: readonly PlanDate[];
  rows: readonly HeatmapRow[];
  header: string;
  height: number;
  onOpen: (row: HeatmapRow, week: number) => void;
  /** Show the what-if layer: bands and hours with the tentative work, which is marked. */
  layered?: boolean;
  /** Called after each commit that drew the grid (for the render measurement). */
  onPainted?: () => void;
}

const ROW_HEIGHT = 30;
const NAME_WIDTH = 220;
const CELL_WIDTH = 56;

interface RowViewProps {
  row: HeatmapRow;
  layered: boolean;
  top: number;
  template: string;
  width: number;
  onOpen: (row: HeatmapRow, week: number) => void;
}

/** A row of cells; memoised, so a change re-renders only the rows whose cells changed. */
const RowView = memo(function RowView({
  row,
  layered,
  top,
  template,
  width,
  onOpen,
}: RowViewProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  return (
    <div
      className="hm-row"
      role="row"
      data-row={row.key}
      style={{
        transform: `translateY(${top}px)`,
        gridTemplateColumns: template,
        width,
        height: ROW_HEIGHT,
      }}
    >
      <div className="hm-name" role="rowheader" title={row.name}>
        <span>{row.name}</span>
        {row.note !== '' && <span style={{ opacity: 0.6 }}>{row.note}</span>}
      </div>
      {row.cells.map((cell, w) => {
        const minutes = cell.assignedMinutes + (layered ? cell.tentativeMinutes : 0);
        const hours = format.number(hoursOf(minutes), { maximumFractionDigits: 1 });
        return (
          <button
            type="button"
            role="gridcell"
            key={cell.weekStart}
            className="hm-cell"
            data-band={layered ? cell.bandWithTentative : cell.band}
            data-tentative={layered && cell.tentativeMinutes > 0 ? 'true' : undefined}
            data-week={cell.weekStart}
            aria-label={t('load.cellLabel', {
              name: row.name,
              date: format.date(cell.weekStart, 'short'),
              hours,
              capacity: format.number(hoursOf(cell.capacityMinutes), { maximumFractionDigits: 1 }),
            })}
            onClick={() => onOpen(row, w)}
          >
            {minutes > 0 ? hours : ''}
          </button>
        );
      })}
    </div>
  );
});

/**
 * People (or roles) × weeks, each cell coloured by its band with its assigned hours. Only the
 * rows on screen are in the DOM (a 150 × 52 grid would otherwise be 7,800 buttons); the header
 * row and the name column stay put while the grid scrolls.
 */
export function Heatmap({
  weeks,
  rows,
  header,
  height,
  onOpen,
  onPainted,
  layered = false,
}: HeatmapProps) {
  const { token } = theme.useToken();
  const format = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const template = `${NAME_WIDTH}px repeat(${weeks.length}, ${CELL_WIDTH}px)`;
  const width = NAME_WIDTH + weeks.length * CELL_WIDTH;

  useLayoutEffect(() => {
    onPainted?.();
  });

  const palette = {
    '--hm-border': token.colorBorderSecondary,
    '--hm-head-bg': token.colorBgContainer,
    '--hm-text': token.colorText,
    '--hm-muted': token.colorTextQuaternary,
    '--hm-none': token.colorFillQuaternary,
    '--hm-under': token.colorInfoBg,
    '--hm-ok': token.colorSuccessBgHover,
    '--hm-over': token.colorError,
    '--hm-over-text': token.colorTextLightSolid,
    '--hm-focus': token.colorPrimary,
    '--hm-tentative': token.colorWarningBgHover,
    '--hm-tentative-edge': token.colorWarning,
  } as CSSProperties;

  return (
    <div
      ref={scroller}
      className="hm-scroller"
      role="grid"
      aria-rowcount={rows.length + 1}
      aria-colcount={weeks.length + 1}
      style={{ ...palette, height }}
      data-testid="heatmap"
    >
      <div className="hm-head" role="row" style={{ gridTemplateColumns: template, width }}>
        <div className="hm-corner" role="columnheader">
          {header}
        </div>
        {weeks.map((week) => (
          <div key={week} className="hm-week" role="columnheader" title={format.date(week)}>
            {weekHead(week, format.locale)}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <RowView
              key={row.key}
              row={row}
              layered={layered}
              top={item.start}
              template={template}
              width={width}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
