import type { DealId, SalesProcessId, StageId } from '@shared/domain/ids';
import type { SalesProcess, Stage } from '@shared/domain/sales-process';
import type { CurrencyTotal, PortfolioRow } from '@shared/portfolio/rows';
import { totalRows } from '@shared/portfolio/rows';

/**
 * The pipeline board's layout: which stages are columns, which are drop targets for closing a
 * deal, which deal card sits in which column (including moves the user has just made and that are
 * still being written), and each column's totals.
 */

export interface BoardStages {
  /** The process the board shows; null while there is no live stage at all. */
  readonly processId: SalesProcessId | null;
  /** Open stages in process order: the board's columns. */
  readonly open: readonly Stage[];
  /** Won, lost and no-bid stages in process order: dropping a card there closes the deal. */
  readonly closing: readonly Stage[];
}

/**
 * The stages of the process the board shows: the default process, or, when none is marked
 * default, the process of the first live stage. One board never mixes two processes' stages,
 * whose orders mean nothing to each other.
 */
export function boardStages(
  processes: readonly Pick<SalesProcess, 'id' | 'isDefault' | 'deletedAt'>[],
  stages: readonly Stage[],
): BoardStages {
  const live = stages
    .filter((stage) => stage.deletedAt === null)
    .toSorted((a, b) => a.order - b.order);
  const processId =
    processes.find((process) => process.isDefault && process.deletedAt === null)?.id ??
    live[0]?.processId ??
    null;
  const own = live.filter((stage) => stage.processId === processId);
  return {
    processId,
    open: own.filter((stage) => stage.kind === 'open'),
    closing: own.filter((stage) => stage.kind !== 'open'),
  };
}

/**
 * A move the user made that has not shown up in the stored data yet: the card shows in `stageId`
 * for as long as the deal is still at `baseRev`, the revision it was moved from. Once the write
 * lands the deal has a new revision and the stored stage takes over; when the write fails or is
 * cancelled the caller forgets the move and the card goes back.
 */
export interface PendingMove {
  readonly stageId: StageId;
  readonly baseRev: number;
}

export type PendingMoves = ReadonlyMap<DealId, PendingMove>;

export interface BoardCards {
  readonly rows: readonly PortfolioRow[];
  /** Deals shown where a pending move put them rather than where the stored data has them. */
  readonly pending: ReadonlySet<DealId>;
}

/** The rows with pending moves applied; rows without one keep their identity. */
export function applyPendingMoves(
  rows: readonly PortfolioRow[],
  pending: PendingMoves,
): BoardCards {
  if (pending.size === 0) return { rows, pending: new Set() };
  const shown = new Set<DealId>();
  const moved = rows.map((row) => {
    const move = pending.get(row.id);
    if (!move || move.baseRev !== row.rev) return row;
    shown.add(row.id);
    return move.stageId === row.stageId ? row : { ...row, stageId: move.stageId };
  });
  return { rows: moved, pending: shown };
}

/** Pending moves the stored data has caught up with (or whose deal is gone): safe to forget. */
export function settledMoves(rows: readonly PortfolioRow[], pending: PendingMoves): DealId[] {
  const revs = new Map(rows.map((row) => [row.id, row.rev]));
  return [...pending].filter(([id, move]) => revs.get(id) !== move.baseRev).map(([id]) => id);
}

export interface BoardColumn {
  readonly stage: Stage;
  /** The column's cards, in the order of the rows given. */
  readonly cards: readonly PortfolioRow[];
  /** Value and weighted value per currency, largest first (amounts are never converted). */
  readonly totals: readonly CurrencyTotal[];
}

export interface BoardLayout {
  readonly columns: readonly BoardColumn[];
  /**
   * Open deals whose stage is neither a column nor a closing stage of the board's process (a
   * stage deleted or belonging to another process): counted so the board can say they exist.
   */
  readonly unplaced: number;
}

/**
 * Puts each open deal in its stage's column, keeping the order of `rows`, and totals every column.
 * Deals that are not open are left out, as are deals a pending move sends to a closing stage:
 * they leave the board the moment they are dropped there.
 */
export function layoutBoard(rows: readonly PortfolioRow[], stages: BoardStages): BoardLayout {
  const cards = new Map<StageId, PortfolioRow[]>(stages.open.map((stage) => [stage.id, []]));
  const closing = new Set<StageId>(stages.closing.map((stage) => stage.id));
  let unplaced = 0;
  for (const row of rows) {
    if (row.status !== 'open' || closing.has(row.stageId)) continue;
    const column = cards.get(row.stageId);
    if (column) column.push(row);
    else unplaced += 1;
  }
  return {
    columns: stages.open.map((stage) => {
      const own = cards.get(stage.id) ?? [];
      return { stage, cards: own, totals: totalRows(own) };
    }),
    unplaced,
  };
}

/** Equal at the top level, or plain objects (arrays too) whose own values are all identical. */
function sameShallow(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(y, key) && x[key] === y[key]);
}

/** Two rows that show the same thing: every field identical, or one level of plain values down. */
export function sameRow(a: PortfolioRow, b: PortfolioRow): boolean {
  const keys = Object.keys(a) as (keyof PortfolioRow)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameShallow(a[key], b[key]));
}

/**
 * `next` with each row that is the same as the previous list's row of that deal (`sameRow`)
 * replaced by that previous object, and the previous list itself when nothing changed. A live query
 * re-reads every open deal after any write; reusing the unchanged rows keeps the board's memoised
 * columns and cards from re-rendering for deals that did not change.
 */
export function reuseRows(
  previous: readonly PortfolioRow[] | null,
  next: readonly PortfolioRow[],
): readonly PortfolioRow[] {
  if (previous === null) return next;
  const before = new Map(previous.map((row) => [row.id, row]));
  let changed = previous.length !== next.length;
  const rows = next.map((row, index) => {
    const old = before.get(row.id);
    const kept = old !== undefined && sameRow(old, row) ? old : row;
    if (kept !== previous[index]) changed = true;
    return kept;
  });
  return changed ? rows : previous;
}

/**
 * `next` with each column that holds the same cards (the same row objects in the same order) as
 * the previous layout's column of that stage, at the same revision, replaced by that previous
 * column: a drop then changes two columns, and only they re-render.
 */
export function reuseLayout(previous: BoardLayout | null, next: BoardLayout): BoardLayout {
  if (previous === null) return next;
  const before = new Map(previous.columns.map((column) => [column.stage.id, column]));
  const columns = next.columns.map((column) => {
    const old = before.get(column.stage.id);
    const same =
      old !== undefined &&
      (old.stage === column.stage || old.stage.rev === column.stage.rev) &&
      old.cards.length === column.cards.length &&
      old.cards.every((card, index) => card === column.cards[index]);
    return same ? old : column;
  });
  return { columns, unplaced: next.unplaced };
}
