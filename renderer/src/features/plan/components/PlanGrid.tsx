import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useDroppable } from '@dnd-kit/core';
import { Input, Tooltip, theme } from 'antd';
import type { GlobalToken, InputRef } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import type { PlanItemId } from '@shared/domain/ids';
import type { RowAnalysis } from '@shared/plan/analysis';
import type { PlanRow } from '@shared/plan/rows';
import { isMilestoneRow } from '@shared/plan/rows';
import { isAssignableRow } from '@shared/resources/assignable';
import type { MilestoneSlip } from '@shared/plan/variance';
import { useFormat } from '@renderer/i18n/useFormat';
import type { Formatters } from '@renderer/i18n/useFormat';
import {
  GANTT_HEADER_HEIGHT,
  GANTT_ROW_HEIGHT,
} from '@renderer/features/plan/components/GanttChart';

export type GridColumn =
  | 'row'
  | 'wbs'
  | 'name'
  | 'duration'
  | 'start'
  | 'finish'
  | 'predecessors'
  | 'progress'
  | 'slack'
  | 'critical'
  | 'variance';

/** The result of committing a cell: nothing to say, or what is wrong (the editor stays open). */
export type CommitResult = { readonly error: string } | null;

export interface PlanGridProps {
  readonly rows: readonly PlanRow[];
  readonly predecessors: ReadonlyMap<string, string>;
  readonly analysis: ReadonlyMap<string, RowAnalysis>;
  /** Variance against the chosen baseline; null hides the column. */
  readonly variance: ReadonlyMap<string, { readonly days: number } | 'added'> | null;
  readonly slips: ReadonlyMap<string, MilestoneSlip>;
  readonly selectedId: PlanItemId | null;
  readonly onSelect: (id: PlanItemId | null) => void;
  readonly onCommit: (row: PlanRow, column: GridColumn, text: string) => Promise<CommitResult>;
  readonly onAdd: () => void;
  readonly onIndent: () => void;
  readonly onOutdent: () => void;
  readonly onDelete: () => void;
  /** Task rows accept a person dropped on them (see `isDropTarget`). */
  readonly dropTargets?: boolean;
}

/** A row a person can be dropped on to assign them: a task that is neither summary nor milestone. */
export function isDropTarget(row: PlanRow): boolean {
  return isAssignableRow(row);
}

interface ColumnSpec {
  readonly key: GridColumn;
  readonly width: number;
  readonly align?: 'right' | 'center';
  readonly editable?: (row: PlanRow) => boolean;
}

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'row', width: 36, align: 'right' },
  { key: 'wbs', width: 48 },
  { key: 'name', width: 210, editable: () => true },
  {
    key: 'duration',
    width: 76,
    align: 'right',
    editable: (row) => !row.summary && row.kind === 'task',
  },
  { key: 'start', width: 96, editable: (row) => !row.summary },
  { key: 'finish', width: 96, editable: (row) => !row.summary && row.kind === 'task' },
  { key: 'predecessors', width: 104, editable: (row) => !row.summary },
  { key: 'progress', width: 68, align: 'right', editable: (row) => !row.summary },
  { key: 'slack', width: 60, align: 'right' },
  { key: 'critical', width: 60, align: 'center' },
  { key: 'variance', width: 68, align: 'right' },
];

/** What the cell editor starts with. */
function editText(row: PlanRow, column: GridColumn, predecessors: ReadonlyMap<string, string>) {
  switch (column) {
    case 'name':
      return row.name;
    case 'duration':
      return String(row.durationDays);
    case 'start':
      return row.start;
    case 'finish':
      return row.finish;
    case 'predecessors':
      return predecessors.get(row.id) ?? '';
    case 'progress':
      return String(row.progress);
    default:
      return '';
  }
}

interface Editing {
  readonly id: PlanItemId;
  readonly column: GridColumn;
  readonly value: string;
  readonly error: string | null;
}

/** Everything one row shows, so an unchanged row is not drawn again. */
interface RowView {
  readonly row: PlanRow;
  readonly predecessors: string;
  readonly analysis: RowAnalysis | undefined;
  readonly variance: { readonly days: number } | 'added' | undefined;
  readonly slip: MilestoneSlip | undefined;
}

function sameView(a: RowView, b: RowView): boolean {
  const r = a.row;
  const s = b.row;
  return (
    r.id === s.id &&
    r.rowNumber === s.rowNumber &&
    r.wbs === s.wbs &&
    r.depth === s.depth &&
    r.summary === s.summary &&
    r.kind === s.kind &&
    r.name === s.name &&
    r.start === s.start &&
    r.finish === s.finish &&
    r.durationDays === s.durationDays &&
    r.progress === s.progress &&
    r.actualDate === s.actualDate &&
    r.rev === s.rev &&
    a.predecessors === b.predecessors &&
    a.analysis?.slackDays === b.analysis?.slackDays &&
    a.analysis?.critical === b.analysis?.critical &&
    (a.variance === b.variance ||
      (typeof a.variance === 'object' &&
        typeof b.variance === 'object' &&
        a.variance.days === b.variance.days)) &&
    a.slip?.lateDays === b.slip?.lateDays &&
    a.slip?.overdueDays === b.slip?.overdueDays
  );
}

type CellEvent = 'click' | 'edit';

/**
 * The grid's recurring strings, translated once per language rather than once per cell: a plan
 * can have hundreds of rows, each showing a few day counts.
 */
function gridText(t: TFunction<'plan'>) {
  const cache = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let text = cache.get(key);
    if (text === undefined) {
      text = make();
      cache.set(key, text);
    }
    return text;
  };
  return {
    t,
    days: (count: number) => once(`d${count}`, () => t('cells.days', { count })),
    signedDays: (days: number) =>
      once(`s${days}`, () =>
        t('cells.signedDays', {
          count: Math.abs(days),
          sign: days > 0 ? '+' : days < 0 ? '−' : '',
        }),
      ),
    critical: t('cells.critical'),
    added: t('cells.added'),
    reached: t('cells.reached'),
    milestone: t('cells.milestone'),
    summary: t('cells.summary'),
  };
}
type GridText = ReturnType<typeof gridText>;

/**
 * The task grid beside the chart, built for the keyboard: arrows move between cells, Enter or F2
 * (or simply typing) edits, Enter saves, Esc cancels; Insert adds a task after the selected one,
 * Tab and Shift+Tab indent and outdent it, Delete removes it. A refused value stays in its editor
 * with the reason beside it. Rows are as tall as the chart's, so each row faces its bar.
 */
export function PlanGrid(props: PlanGridProps) {
  const { t } = useTranslation('plan');
  const { token } = theme.useToken();
  const format = useFormat();
  const text = useMemo(() => gridText(t), [t]);
  const gridRef = useRef<HTMLDivElement>(null);
  const [column, setColumn] = useState<GridColumn>('name');
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The editor's state as of the last change, for commits started by key presses and blur alike.
  const editingRef = useRef<Editing | null>(null);
  const savingRef = useRef(false);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const withVariance = props.variance !== null;
  const columns = useMemo(
    () => COLUMNS.filter((c) => c.key !== 'variance' || withVariance),
    [withVariance],
  );
  const { rows, selectedId } = props;
  const selectedIndex = rows.findIndex((row) => row.id === selectedId);
  const selected = rows[selectedIndex];

  const focusGrid = () => gridRef.current?.focus();

  const startEdit = (row: PlanRow, key: GridColumn, initial?: string) => {
    const spec = columns.find((c) => c.key === key);
    if (spec?.editable?.(row) !== true) return;
    setEditing({
      id: row.id,
      column: key,
      value: initial ?? editText(row, key, props.predecessors),
      error: null,
    });
  };

  const commit = async (move: 'down' | 'right' | 'stay') => {
    const current = editingRef.current;
    if (current === null || savingRef.current) return;
    const row = rows.find((r) => r.id === current.id);
    if (row === undefined) {
      setEditing(null);
      return;
    }
    if (current.value === editText(row, current.column, props.predecessors)) {
      setEditing(null);
      focusGrid();
      return;
    }
    savingRef.current = true;
    const result = await props.onCommit(row, current.column, current.value).finally(() => {
      savingRef.current = false;
    });
    if (result !== null) {
      setEditing({ ...current, error: result.error === '' ? null : result.error });
      return;
    }
    setEditing(null);
    if (move === 'down') {
      const next = rows[rows.findIndex((r) => r.id === row.id) + 1];
      if (next !== undefined) props.onSelect(next.id);
    } else if (move === 'right') {
      const editable = columns.filter((c) => c.editable?.(row) === true).map((c) => c.key);
      const next = editable[editable.indexOf(current.column) + 1];
      if (next !== undefined) setColumn(next);
    }
    focusGrid();
  };

  // Rows are memoised; they call back through these, which always see the latest state.
  const latest = useRef({
    cell: (_id: PlanItemId, _key: GridColumn, _event: CellEvent) => {},
    change: (_value: string) => {},
    commit: (_move: 'down' | 'right' | 'stay') => {},
    cancel: () => {},
  });
  useEffect(() => {
    latest.current = {
      cell: (id, key, event) => {
        const row = rows.find((r) => r.id === id);
        if (row === undefined) return;
        props.onSelect(row.id);
        setColumn(key);
        if (event === 'edit') startEdit(row, key);
      },
      change: (value) => {
        const current = editingRef.current;
        if (current !== null) setEditing({ ...current, value, error: null });
      },
      commit: (move) => void commit(move),
      cancel: () => {
        setEditing(null);
        focusGrid();
      },
    };
  });
  const onCell = useCallback(
    (id: PlanItemId, key: GridColumn, event: CellEvent) => latest.current.cell(id, key, event),
    [],
  );
  const editor = useMemo(
    () => ({
      change: (value: string) => latest.current.change(value),
      commit: (move: 'down' | 'right' | 'stay') => latest.current.commit(move),
      cancel: () => latest.current.cancel(),
    }),
    [],
  );

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return;
    const keys = columns.map((c) => c.key);
    const at = keys.indexOf(column);
    const go = (index: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (row !== undefined) props.onSelect(row.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        go(selectedIndex + 1);
        break;
      case 'ArrowUp':
        go(selectedIndex <= 0 ? 0 : selectedIndex - 1);
        break;
      case 'ArrowRight':
        setColumn(keys[Math.min(keys.length - 1, at + 1)] ?? column);
        break;
      case 'ArrowLeft':
        setColumn(keys[Math.max(0, at - 1)] ?? column);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'Enter':
      case 'F2':
        if (selected !== undefined) startEdit(selected, column);
        break;
      case 'Insert':
        props.onAdd();
        break;
      case 'Delete':
        if (selected !== undefined) props.onDelete();
        break;
      case 'Escape':
        if (selected === undefined) return;
        props.onSelect(null);
        break;
      case 'Tab':
        // Without a selection, Tab leaves the grid as usual.
        if (selected === undefined) return;
        if (event.shiftKey) props.onOutdent();
        else props.onIndent();
        break;
      default:
        if (
          selected !== undefined &&
          event.key.length === 1 &&
          !event.ctrlKey &&
          !event.metaKey &&
          !event.altKey
        ) {
          startEdit(selected, column, event.key);
          break;
        }
        return;
    }
    event.preventDefault();
  };

  // Keep the selected row in view when it changes from the keyboard or the chart.
  useEffect(() => {
    if (selectedId === null) return;
    gridRef.current
      ?.querySelector(`[data-row-id="${selectedId}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedId]);

  const width = columns.reduce((sum, c) => sum + c.width, 0);
  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={t('grid')}
      aria-rowcount={rows.length + 1}
      tabIndex={0}
      onKeyDown={onGridKey}
      style={{ outline: 'none', width, fontSize: 13 }}
    >
      <div
        role="row"
        style={{
          display: 'flex',
          height: GANTT_HEADER_HEIGHT,
          boxSizing: 'border-box',
          alignItems: 'flex-end',
          borderBottom: `1px solid ${token.colorBorder}`,
          background: token.colorFillAlter,
          color: token.colorTextSecondary,
          fontWeight: 500,
        }}
      >
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            style={{
              width: c.width,
              flex: 'none',
              padding: '0 8px 8px',
              boxSizing: 'border-box',
              textAlign: c.align ?? 'left',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {t(`columns.${c.key}`)}
          </div>
        ))}
      </div>
      {rows.map((row) => {
        const active = row.id === selectedId;
        return (
          <GridRow
            key={row.id}
            text={text}
            token={token}
            format={format}
            view={{
              row,
              predecessors: props.predecessors.get(row.id) ?? '',
              analysis: props.analysis.get(row.id),
              variance: props.variance?.get(row.id),
              slip: props.slips.get(row.id),
            }}
            columns={columns}
            dropTarget={props.dropTargets === true && isDropTarget(row)}
            activeColumn={active ? column : null}
            editing={editing?.id === row.id ? editing : null}
            onCell={onCell}
            editor={editor}
          />
        );
      })}
    </div>
  );
}

interface GridRowProps {
  readonly view: RowView;
  /** Passed down rather than subscribed per row: a plan can have hundreds of rows. */
  readonly text: GridText;
  readonly token: GlobalToken;
  readonly format: Formatters;
  readonly columns: readonly ColumnSpec[];
  /** The row accepts a dragged person. */
  readonly dropTarget: boolean;
  /** The selected cell's column when this row is selected, else null. */
  readonly activeColumn: GridColumn | null;
  readonly editing: Editing | null;
  readonly onCell: (id: PlanItemId, column: GridColumn, event: CellEvent) => void;
  readonly editor: {
    change: (value: string) => void;
    commit: (move: 'down' | 'right' | 'stay') => void;
    cancel: () => void;
  };
}

const GridRow = memo(
  function GridRow({
    view,
    text,
    token,
    format,
    columns,
    dropTarget,
    activeColumn,
    editing,
    onCell,
    editor,
  }: GridRowProps) {
    const { row, analysis } = view;
    const { setNodeRef, isOver } = useDroppable({ id: row.id, disabled: !dropTarget });
    const over = dropTarget && isOver;
    const { t, days } = text;

    const display = (key: GridColumn): ReactNode => {
      switch (key) {
        case 'row':
          return row.rowNumber;
        case 'wbs':
          return row.wbs;
        case 'name':
          return (
            <NameCell
              row={row}
              token={token}
              slip={view.slip}
              labels={{
                milestone: text.milestone,
                summary: text.summary,
                slip: (slip) =>
                  [
                    slip.lateDays === null
                      ? null
                      : t('slips.late', { row: row.name, count: slip.lateDays }),
                    slip.overdueDays === null
                      ? null
                      : t('slips.overdue', { row: row.name, count: slip.overdueDays }),
                  ]
                    .filter((line) => line !== null)
                    .join(' · '),
              }}
            />
          );
        case 'duration':
          return days(row.durationDays);
        case 'start':
          return format.date(row.start, 'short');
        case 'finish':
          return format.date(row.finish, 'short');
        case 'predecessors':
          return view.predecessors;
        case 'progress':
          if (row.kind === 'milestone') return row.actualDate === null ? '' : text.reached;
          return `${row.progress}%`;
        case 'slack':
          if (analysis === undefined) return '';
          return (
            <span style={{ color: analysis.slackDays < 0 ? token.colorError : undefined }}>
              {days(analysis.slackDays)}
            </span>
          );
        case 'critical':
          return analysis?.critical === true ? (
            <span
              style={{
                padding: '0 6px',
                lineHeight: '20px',
                borderRadius: token.borderRadiusSM,
                border: `1px solid ${token.colorErrorBorder}`,
                background: token.colorErrorBg,
                color: token.colorError,
                fontSize: 12,
              }}
            >
              {text.critical}
            </span>
          ) : null;
        case 'variance': {
          const variance = view.variance;
          if (variance === undefined) return '';
          if (variance === 'added') {
            return <span style={{ color: token.colorTextSecondary }}>{text.added}</span>;
          }
          const color =
            variance.days > 0
              ? token.colorError
              : variance.days < 0
                ? token.colorSuccess
                : undefined;
          return <span style={{ color }}>{text.signedDays(variance.days)}</span>;
        }
      }
    };

    return (
      <div
        ref={setNodeRef}
        role="row"
        data-row-id={row.id}
        data-drop-target={dropTarget || undefined}
        data-drop-over={over || undefined}
        aria-selected={activeColumn !== null}
        style={{
          display: 'flex',
          height: GANTT_ROW_HEIGHT,
          boxSizing: 'border-box',
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          background: over
            ? token.colorPrimaryBgHover
            : activeColumn !== null
              ? token.controlItemBgActive
              : undefined,
          outline: over ? `2px dashed ${token.colorPrimary}` : undefined,
          outlineOffset: -2,
          fontWeight: row.summary ? 600 : undefined,
        }}
      >
        {columns.map((c) => {
          const isEditing = editing?.column === c.key;
          const isActive = activeColumn === c.key;
          const editable = c.editable?.(row) === true;
          return (
            <div
              key={c.key}
              role="gridcell"
              aria-readonly={!editable}
              onClick={() => onCell(row.id, c.key, 'click')}
              onDoubleClick={() => onCell(row.id, c.key, 'edit')}
              style={{
                width: c.width,
                flex: 'none',
                display: 'flex',
                alignItems: 'center',
                justifyContent:
                  c.align === 'right' ? 'flex-end' : c.align === 'center' ? 'center' : 'flex-start',
                padding: isEditing ? '0 2px' : '0 8px',
                boxSizing: 'border-box',
                overflow: 'hidden',
                whiteSpace: 'nowrap',
                color: c.key === 'row' || c.key === 'wbs' ? token.colorTextTertiary : undefined,
                outline: isActive && !isEditing ? `2px solid ${token.colorPrimary}` : undefined,
                outlineOffset: -2,
                cursor: editable ? 'text' : 'default',
              }}
            >
              {isEditing && editing !== null ? (
                <CellEditor
                  value={editing.value}
                  error={editing.error}
                  label={t('cells.edit', { column: t(`columns.${c.key}`), row: row.rowNumber })}
                  align={c.align}
                  onChange={editor.change}
                  onCommit={editor.commit}
                  onCancel={editor.cancel}
                />
              ) : (
                display(c.key)
              )}
            </div>
          );
        })}
      </div>
    );
  },
  (a, b) =>
    a.text === b.text &&
    a.token === b.token &&
    a.format === b.format &&
    a.columns === b.columns &&
    a.dropTarget === b.dropTarget &&
    a.activeColumn === b.activeColumn &&
    a.editing === b.editing &&
    a.onCell === b.onCell &&
    a.editor === b.editor &&
    sameView(a.view, b.view),
);

function NameCell({
  row,
  token,
  slip,
  labels,
}: {
  row: PlanRow;
  token: GlobalToken;
  slip: MilestoneSlip | undefined;
  labels: { milestone: string; summary: string; slip: (slip: MilestoneSlip) => string };
}) {
  const milestone = isMilestoneRow(row);
  return (
    <span
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        minWidth: 0,
        paddingInlineStart: row.depth * 16,
      }}
    >
      {milestone ? (
        <span
          role="img"
          aria-label={labels.milestone}
          style={{
            width: 8,
            height: 8,
            flex: 'none',
            transform: 'rotate(45deg)',
            background: token.colorText,
          }}
        />
      ) : null}
      <span
        title={row.summary ? labels.summary : undefined}
        style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}
      >
        {row.name}
      </span>
      {slip !== undefined ? (
        <Tooltip title={labels.slip(slip)}>
          <WarningFilled
            role="img"
            aria-label={labels.slip(slip)}
            style={{ color: token.colorWarning, flex: 'none' }}
          />
        </Tooltip>
      ) : null}
    </span>
  );
}

const CellEditor = memo(function CellEditor({
  value,
  error,
  label,
  align,
  onChange,
  onCommit,
  onCancel,
}: {
  value: string;
  error: string | null;
  label: string;
  align: 'right' | 'center' | undefined;
  onChange: (value: string) => void;
  onCommit: (move: 'down' | 'right' | 'stay') => void;
  onCancel: () => void;
}) {
  const inputRef = useRef<InputRef>(null);
  useEffect(() => {
    inputRef.current?.focus({ cursor: 'end' });
  }, []);
  return (
    <Tooltip
      open={error !== null}
      title={error === null ? null : <span role="alert">{error}</span>}
      color="red"
      placement="bottomLeft"
    >
      <Input
        ref={inputRef}
        size="small"
        aria-label={label}
        aria-invalid={error !== null}
        status={error === null ? undefined : 'error'}
        value={value}
        style={{ textAlign: align === 'right' ? 'right' : 'left' }}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Enter') {
            event.preventDefault();
            onCommit('down');
          } else if (event.key === 'Tab') {
            event.preventDefault();
            onCommit('right');
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
        onBlur={() => {
          if (error === null) onCommit('stay');
        }}
      />
    </Tooltip>
  );
});
