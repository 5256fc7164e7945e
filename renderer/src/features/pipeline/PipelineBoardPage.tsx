import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { Alert, Button, Empty, Flex, Spin, Typography } from 'antd';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { Announcements, DragEndEvent, DragStartEvent, UniqueIdentifier } from '@dnd-kit/core';
import { parsePlanDate } from '@shared/domain/dates';
import type { DealId, StageId } from '@shared/domain/ids';
import type { Stage } from '@shared/domain/sales-process';
import { applyPendingMoves, layoutBoard, settledMoves } from '@shared/pipeline/board';
import type { PendingMove, PendingMoves } from '@shared/pipeline/board';
import { inLocale } from '@shared/pipeline/labels';
import { filterRows, sortRows } from '@shared/portfolio/rows';
import type { PortfolioFilter, PortfolioRow, PortfolioSort } from '@shared/portfolio/rows';
import { usePortfolioHealth } from '@renderer/db/hooks/health';
import { useBoardData } from '@renderer/db/hooks/board';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { BoardToolbar } from '@renderer/features/pipeline/components/BoardToolbar';
import { ClosingTargets } from '@renderer/features/pipeline/components/ClosingTargets';
import { DealCardBody } from '@renderer/features/pipeline/components/DealCard';
import { StageColumn } from '@renderer/features/pipeline/components/StageColumn';
import { useStageMove } from '@renderer/features/pipeline/hooks/useStageMove';
import { pointerOrItem, targetCoordinates } from '@renderer/app/utils/keyboardDrag';

/** Within a column: the most pressing submission first; deals without one last. */
const CARD_ORDER: PortfolioSort = { key: 'submissionDue', direction: 'asc' };
/** Read by the benchmark (`board.render`): the first time cards are on screen. */
const FIRST_CARD_MARK = 'pursuit:board-first-card';
/** A press that moves less than this is a click (open the deal), not the start of a drag. */
const DRAG_DISTANCE_PX = 6;

function withoutMove(moves: PendingMoves, id: DealId, move: PendingMove): PendingMoves {
  if (moves.get(id) !== move) return moves;
  const next = new Map(moves);
  next.delete(id);
  return next;
}

/**
 * The pipeline board: open deals as cards in their stage's column, dragged with the pointer or the
 * keyboard to another stage, or onto a closing stage to close them. A drop shows the card in its
 * new place at once and writes the move through `useStageMove`; if the move is refused, cancelled
 * or fails, the card goes back.
 */
export default function PipelineBoardPage() {
  const { t } = useTranslation('pipeline');
  const [language] = useLanguage();
  const navigate = useNavigate();
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const board = useBoardData(today);
  // Health comes from its own live query, started once the board's cards are in, and is joined
  // onto the board's rows here.
  const health = usePortfolioHealth(today, board !== undefined);
  const data = useMemo(
    () =>
      board && {
        ...board,
        rows: board.rows.map((row) => {
          const rated = health?.get(row.id) ?? null;
          return rated === null ? row : { ...row, health: rated };
        }),
      },
    [board, health],
  );
  const { moveDeal, dialogs } = useStageMove();
  const [filter, setFilter] = useState<PortfolioFilter>({});
  const deferredFilter = useDeferredValue(filter);
  const [pendingMoves, setPendingMoves] = useState<PendingMoves>(() => new Map());
  const [activeId, setActiveId] = useState<DealId | null>(null);

  const sorted = useMemo(
    () => (data ? sortRows(data.rows, CARD_ORDER, language) : []),
    [data, language],
  );
  const filtered = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter]);
  const shown = useMemo(() => applyPendingMoves(filtered, pendingMoves), [filtered, pendingMoves]);
  const layout = useMemo(() => (data ? layoutBoard(shown.rows, data.stages) : null), [data, shown]);

  const rowsById = useMemo(
    () => new Map<string, PortfolioRow>(shown.rows.map((row) => [row.id, row])),
    [shown],
  );
  const stagesById = useMemo(
    () =>
      new Map<UniqueIdentifier, Stage>(
        data ? [...data.stages.open, ...data.stages.closing].map((s) => [s.id, s]) : [],
      ),
    [data],
  );

  // Arrow keys step through the stages in board order, starting from the card's own column. The
  // order is keyed as one string, so the sensors stay the same while the stages do.
  const targetOrder = data
    ? [...data.stages.open, ...data.stages.closing].map((s) => s.id).join(' ')
    : '';
  const keyboardOptions = useMemo(
    () => ({
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
      coordinateGetter: targetCoordinates(targetOrder.split(' ')),
    }),
    [targetOrder],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: DRAG_DISTANCE_PX } }),
    useSensor(KeyboardSensor, keyboardOptions),
  );

  const hasCards = layout?.columns.some((column) => column.cards.length > 0) ?? false;
  useEffect(() => {
    if (hasCards && performance.getEntriesByName(FIRST_CARD_MARK).length === 0) {
      requestAnimationFrame(() => performance.mark(FIRST_CARD_MARK));
    }
  }, [hasCards]);

  const openDeal = useCallback((id: DealId) => void navigate(`/deals/${id}`), [navigate]);

  const stageName = useCallback(
    (id: UniqueIdentifier | undefined | null) => {
      const stage = id === undefined || id === null ? undefined : stagesById.get(id);
      return stage ? inLocale(stage.name, language) : '';
    },
    [stagesById, language],
  );

  const announcements = useMemo<Announcements>(() => {
    const card = (id: UniqueIdentifier) => rowsById.get(String(id));
    const code = (id: UniqueIdentifier) => card(id)?.code ?? '';
    const home = (id: UniqueIdentifier) => stageName(card(id)?.stageId);
    return {
      onDragStart: ({ active }) =>
        t('dnd.pickedUp', {
          code: code(active.id),
          name: card(active.id)?.name ?? '',
          stage: home(active.id),
        }),
      onDragOver: ({ active, over }) =>
        over
          ? t('dnd.over', { code: code(active.id), stage: stageName(over.id) })
          : t('dnd.overNone', { code: code(active.id) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('dnd.dropped', { code: code(active.id), stage: stageName(over.id) })
          : t('dnd.droppedNone', { code: code(active.id), stage: home(active.id) }),
      onDragCancel: ({ active }) =>
        t('dnd.cancelled', { code: code(active.id), stage: home(active.id) }),
    };
  }, [rowsById, stageName, t]);

  const onDragStart = ({ active }: DragStartEvent) => setActiveId(String(active.id) as DealId);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    const row = rowsById.get(String(active.id));
    const target = over ? stagesById.get(over.id) : undefined;
    if (!data || !row || !target || target.id === row.stageId) return;
    const move: PendingMove = { stageId: target.id as StageId, baseRev: row.rev };
    const stored = data.rows;
    void moveDeal({
      deal: { id: row.id, rev: row.rev, code: row.code, name: row.name },
      target,
      onCommit: () =>
        setPendingMoves((moves) => {
          const next = new Map(moves);
          for (const id of settledMoves(stored, moves)) next.delete(id);
          return next.set(row.id, move);
        }),
    }).then((settlement) => {
      if (settlement !== 'moved') setPendingMoves((moves) => withoutMove(moves, row.id, move));
    });
  };

  if (!data || !layout) {
    return (
      <Flex flex={1} align="center" justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }

  if (data.rows.length === 0) {
    return (
      <Flex flex={1} align="center" justify="center" style={{ padding: 48 }}>
        <Empty
          description={
            <Flex vertical gap={4} align="center">
              <Typography.Text strong>{t('empty.title')}</Typography.Text>
              <Typography.Text type="secondary">{t('empty.body')}</Typography.Text>
            </Flex>
          }
        >
          <Button type="primary" onClick={() => void navigate('/deals')}>
            {t('empty.action')}
          </Button>
        </Empty>
      </Flex>
    );
  }

  const totalsLines = Math.max(1, ...layout.columns.map((column) => column.totals.length));
  const activeRow = activeId ? rowsById.get(activeId) : undefined;

  return (
    <Flex
      vertical
      gap={12}
      style={{ height: '100%', minHeight: 0, padding: 16, boxSizing: 'border-box' }}
    >
      <BoardToolbar
        filter={filter}
        onFilter={setFilter}
        people={data.people}
        accounts={data.accounts}
        shown={filtered.length}
        total={data.rows.length}
      />
      {layout.unplaced > 0 && (
        <Alert type="warning" showIcon title={t('unplaced', { count: layout.unplaced })} />
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={pointerOrItem}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('dnd.instructions') },
        }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
      >
        <div style={{ flex: 1, minHeight: 0, display: 'flex', gap: 8, overflowX: 'auto' }}>
          {layout.columns.map((column) => (
            <StageColumn
              key={column.stage.id}
              column={column}
              pending={shown.pending}
              activeId={activeRow?.stageId === column.stage.id ? activeId : null}
              totalsLines={totalsLines}
              onOpen={openDeal}
            />
          ))}
          <ClosingTargets stages={data.stages.closing} dragging={activeId !== null} />
        </div>
        <DragOverlay dropAnimation={null}>
          {activeRow ? <DealCardBody card={activeRow} lifted /> : null}
        </DragOverlay>
      </DndContext>
      {dialogs}
    </Flex>
  );
}
