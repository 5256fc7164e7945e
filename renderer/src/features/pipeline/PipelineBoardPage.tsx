import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { Alert, Button, Empty, Flex, Spin, Typography } from 'antd';
import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import type {
  Active,
  Announcements,
  DragEndEvent,
  DragStartEvent,
  KeyboardCoordinateGetter,
  UniqueIdentifier,
} from '@dnd-kit/core';
import { parsePlanDate } from '@shared/domain/dates';
import type { DealId, PersonId, StageId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Stage } from '@shared/domain/sales-process';
import {
  applyPendingMoves,
  layoutBoard,
  reuseLayout,
  reuseRows,
  settledMoves,
} from '@shared/pipeline/board';
import type { BoardLayout, PendingMove, PendingMoves } from '@shared/pipeline/board';
import { inLocale } from '@shared/pipeline/labels';
import { filterRows, sortRows } from '@shared/portfolio/rows';
import type { PortfolioFilter, PortfolioRow, PortfolioSort } from '@shared/portfolio/rows';
import { usePortfolioHealth } from '@renderer/db/hooks/health';
import { useBoardData } from '@renderer/db/hooks/board';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { BoardToolbar } from '@renderer/features/pipeline/components/BoardToolbar';
import { ClosingTargets } from '@renderer/features/pipeline/components/ClosingTargets';
import { DealCardBody, dealOfPersonTarget } from '@renderer/features/pipeline/components/DealCard';
import {
  AssignToDeal,
  BoardPeoplePanel,
  DraggedPerson,
} from '@renderer/features/pipeline/components/AssignToDeal';
import type { AssignToDealRequest } from '@renderer/features/pipeline/components/AssignToDeal';
import { StageColumn } from '@renderer/features/pipeline/components/StageColumn';
import { useStageMove } from '@renderer/features/pipeline/hooks/useStageMove';
import {
  gridCoordinates,
  pointerOrItem,
  PromptKeyboardSensor,
  targetCoordinates,
} from '@renderer/app/utils/keyboardDrag';
import type { PersonDragData } from '@renderer/features/resources/components/AssignByDrag';

/** Within a column: the most pressing submission first; deals without one last. */
const CARD_ORDER: PortfolioSort = { key: 'submissionDue', direction: 'asc' };
/** Read by the benchmark (`board.render`): the first time cards are on screen. */
const FIRST_CARD_MARK = 'pursuit:board-first-card';
/** A press that moves less than this is a click (open the deal), not the start of a drag. */
const DRAG_DISTANCE_PX = 6;

/** The person a drag carries, when it is a person from the people panel (not a card). */
function draggedPersonId(active: Pick<Active, 'data'> | null): PersonId | null {
  const data = active?.data.current as Partial<PersonDragData> | undefined;
  return data?.personId ?? null;
}

/** A person is dragged onto the cards themselves (see `PersonDropZone`). */
const personCoordinates = gridCoordinates((id) => dealOfPersonTarget(id) !== null);

/**
 * A function that hands back `reuse(previous, next)`, remembering its last answer: the board keeps
 * the rows and columns that did not change across live-query refreshes (`reuseRows`), so a drop
 * re-renders the two columns it changed, not all of them.
 */
function reusing<T>(reuse: (previous: T | null, next: T) => T): (next: T) => T {
  let last: T | null = null;
  return (next) => (last = reuse(last, next));
}

/** No card of the column is pending: one set for all, so their columns stay memoised. */
const NONE_PENDING: ReadonlySet<DealId> = new Set();

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
  const [sameRows] = useState(() => reusing(reuseRows));
  const [sameColumns] = useState(() => reusing<BoardLayout>(reuseLayout));
  const data = useMemo(
    () =>
      board && {
        ...board,
        rows: sameRows(
          board.rows.map((row) => {
            const rated = health?.get(row.id) ?? null;
            return rated === null ? row : { ...row, health: rated };
          }),
        ),
      },
    [board, health, sameRows],
  );
  const { moveDeal, dialogs } = useStageMove();
  const [filter, setFilter] = useState<PortfolioFilter>({});
  const deferredFilter = useDeferredValue(filter);
  const [pendingMoves, setPendingMoves] = useState<PendingMoves>(() => new Map());
  const [activeId, setActiveId] = useState<DealId | null>(null);
  const [peopleOpen, setPeopleOpen] = useState(false);
  const [draggedPerson, setDraggedPerson] = useState<Person | null>(null);
  const [assigning, setAssigning] = useState<AssignToDealRequest | null>(null);

  const sorted = useMemo(
    () => (data ? sortRows(data.rows, CARD_ORDER, language) : []),
    [data, language],
  );
  const filtered = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter]);
  const shown = useMemo(() => applyPendingMoves(filtered, pendingMoves), [filtered, pendingMoves]);
  const layout = useMemo(
    () => (data ? sameColumns(layoutBoard(shown.rows, data.stages)) : null),
    [data, shown, sameColumns],
  );
  /** Per column, its cards shown where they were dropped while their move is written. */
  const pendingByStage = useMemo(() => {
    const byStage = new Map<string, Set<DealId>>();
    for (const id of shown.pending) {
      const stageId = shown.rows.find((row) => row.id === id)?.stageId;
      if (stageId === undefined) continue;
      const set = byStage.get(stageId) ?? new Set<DealId>();
      byStage.set(stageId, set.add(id));
    }
    return byStage;
  }, [shown]);

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
  const keyboardOptions = useMemo(() => {
    const cardCoordinates = targetCoordinates(targetOrder.split(' '));
    const coordinateGetter: KeyboardCoordinateGetter = (event, args) =>
      draggedPersonId(args.context.active) !== null
        ? personCoordinates(event, args)
        : cardCoordinates(event, args);
    return {
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
      coordinateGetter,
    };
  }, [targetOrder]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: DRAG_DISTANCE_PX } }),
    useSensor(PromptKeyboardSensor, keyboardOptions),
  );

  const hasCards = layout?.columns.some((column) => column.cards.length > 0) ?? false;
  useEffect(() => {
    if (hasCards && performance.getEntriesByName(FIRST_CARD_MARK).length === 0) {
      requestAnimationFrame(() => performance.mark(FIRST_CARD_MARK));
    }
  }, [hasCards]);

  const openDeal = useCallback((id: DealId) => void navigate(`/deals/${id}`), [navigate]);
  const togglePeople = useCallback(() => setPeopleOpen((open) => !open), []);

  const stageName = useCallback(
    (id: UniqueIdentifier | undefined | null) => {
      const stage = id === undefined || id === null ? undefined : stagesById.get(id);
      return stage ? inLocale(stage.name, language) : '';
    },
    [stagesById, language],
  );

  const people = data?.people;
  const announcements = useMemo<Announcements>(() => {
    const card = (id: UniqueIdentifier) => rowsById.get(String(id));
    const code = (id: UniqueIdentifier) => card(id)?.code ?? '';
    const home = (id: UniqueIdentifier) => stageName(card(id)?.stageId);
    const personName = (active: Active) => {
      const id = draggedPersonId(active);
      return people?.find((p) => p.id === id)?.name ?? '';
    };
    /** A person's drag, worded for a person; null for a card's. */
    const forPerson = (
      active: Active,
      over: { id: UniqueIdentifier } | null,
      onDeal: 'assign.over' | 'assign.dropped',
      nowhere: 'assign.overNone' | 'assign.droppedNone',
    ) => {
      if (draggedPersonId(active) === null) return null;
      const deal = over ? card(dealOfPersonTarget(over.id) ?? '') : undefined;
      return deal
        ? t(onDeal, { name: personName(active), code: deal.code, deal: deal.name })
        : t(nowhere, { name: personName(active) });
    };
    return {
      onDragStart: ({ active }) =>
        draggedPersonId(active) !== null
          ? t('assign.pickedUp', { name: personName(active) })
          : t('dnd.pickedUp', {
              code: code(active.id),
              name: card(active.id)?.name ?? '',
              stage: home(active.id),
            }),
      onDragOver: ({ active, over }) =>
        forPerson(active, over, 'assign.over', 'assign.overNone') ??
        (over
          ? t('dnd.over', { code: code(active.id), stage: stageName(over.id) })
          : t('dnd.overNone', { code: code(active.id) })),
      onDragEnd: ({ active, over }) =>
        forPerson(active, over, 'assign.dropped', 'assign.droppedNone') ??
        (over
          ? t('dnd.dropped', { code: code(active.id), stage: stageName(over.id) })
          : t('dnd.droppedNone', { code: code(active.id), stage: home(active.id) })),
      onDragCancel: ({ active }) =>
        draggedPersonId(active) !== null
          ? t('assign.cancelled', { name: personName(active) })
          : t('dnd.cancelled', { code: code(active.id), stage: home(active.id) }),
    };
  }, [rowsById, stageName, people, t]);

  const onDragStart = ({ active }: DragStartEvent) => {
    const personId = draggedPersonId(active);
    if (personId !== null) setDraggedPerson(people?.find((p) => p.id === personId) ?? null);
    else setActiveId(String(active.id) as DealId);
  };

  const onDragCancel = () => {
    setActiveId(null);
    setDraggedPerson(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    setDraggedPerson(null);
    const personId = draggedPersonId(active);
    if (personId !== null) {
      const deal = over ? rowsById.get(dealOfPersonTarget(over.id) ?? '') : undefined;
      if (deal) setAssigning({ dealId: deal.id, code: deal.code, personId });
      return;
    }
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
        peopleOpen={peopleOpen}
        onTogglePeople={togglePeople}
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
          screenReaderInstructions: {
            draggable: peopleOpen
              ? `${t('dnd.instructions')} ${t('assign.instructions')}`
              : t('dnd.instructions'),
          },
        }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        <div style={{ flex: 1, minHeight: 0, display: 'flex', gap: 8 }}>
          {peopleOpen && (
            <BoardPeoplePanel people={data.people} onClose={() => setPeopleOpen(false)} />
          )}
          <div style={{ flex: 1, minWidth: 0, display: 'flex', gap: 8, overflowX: 'auto' }}>
            {layout.columns.map((column) => (
              <StageColumn
                key={column.stage.id}
                column={column}
                pending={pendingByStage.get(column.stage.id) ?? NONE_PENDING}
                activeId={activeRow?.stageId === column.stage.id ? activeId : null}
                totalsLines={totalsLines}
                onOpen={openDeal}
                personDrag={draggedPerson !== null}
              />
            ))}
          </div>
          {/* Outside the scrolling columns: always in reach, and still while a drag scrolls. */}
          <ClosingTargets
            stages={data.stages.closing}
            dragging={activeId !== null}
            disabled={draggedPerson !== null}
          />
        </div>
        <DragOverlay dropAnimation={null}>
          {activeRow ? (
            <DealCardBody card={activeRow} lifted />
          ) : draggedPerson ? (
            <DraggedPerson person={draggedPerson} />
          ) : null}
        </DragOverlay>
      </DndContext>
      {dialogs}
      {assigning && (
        <AssignToDeal
          key={`${assigning.dealId}:${assigning.personId}`}
          request={assigning}
          people={data.people}
          onClose={() => setAssigning(null)}
        />
      )}
    </Flex>
  );
}
