import { describe, expect, it } from 'vitest';
import { createDefaultSalesProcess, DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import type { DefaultStageKey } from '@shared/domain/defaults';
import type { DealId, SalesProcessId, StageId } from '@shared/domain/ids';
import type { CurrencyCode } from '@shared/domain/money';
import type { Stage } from '@shared/domain/sales-process';
import {
  applyPendingMoves,
  boardStages,
  layoutBoard,
  reuseLayout,
  reuseRows,
  settledMoves,
} from '@shared/pipeline/board';
import type { PendingMove } from '@shared/pipeline/board';
import type { PortfolioRow } from '@shared/portfolio/rows';

const CREATED = Date.UTC(2026, 9, 1);
const { process, stages: STAGES } = createDefaultSalesProcess(CREATED);
const sid = (key: DefaultStageKey): StageId => DEFAULT_STAGE_IDS[key];

function money(amountMinor: number, currency: CurrencyCode = 'CNY') {
  return { amountMinor, currency };
}

function row(
  code: string,
  stage: DefaultStageKey,
  partial: Partial<PortfolioRow> = {},
): PortfolioRow {
  return {
    id: `deal-${code}` as DealId,
    rev: 1,
    code,
    name: code,
    accountId: 'acc' as PortfolioRow['accountId'],
    accountName: '',
    ownerId: 'own' as PortfolioRow['ownerId'],
    ownerName: '',
    stageId: sid(stage),
    stageName: null,
    stageOrder: 0,
    status: 'open',
    value: money(0),
    pwin: 0,
    weighted: money(0),
    submissionDue: null,
    expectedAward: null,
    nextMilestone: null,
    tags: [],
    health: null,
    ...partial,
  };
}

const keys = (stages: readonly Stage[]) => stages.map((stage) => stage.key);

describe('boardStages', () => {
  it('makes columns of the open stages in process order and drop targets of the closing ones', () => {
    const shuffled = [...STAGES].reverse();
    const board = boardStages([process], shuffled);
    expect(board.processId).toBe(process.id);
    expect(keys(board.open)).toEqual([
      'identify',
      'qualify',
      'capture',
      'proposal',
      'submitted',
      'negotiation',
    ]);
    expect(keys(board.closing)).toEqual(['won', 'lost', 'no_bid']);
  });

  it('leaves out deleted stages and the stages of other processes', () => {
    const other = 'f0000000-0000-4000-8000-000000000001' as SalesProcessId;
    const foreign: Stage = {
      ...STAGES[0]!,
      id: 'f1000000-0000-4000-8000-000000000001' as StageId,
      processId: other,
      key: 'foreign',
    };
    const deleted = STAGES.map((stage) =>
      stage.key === 'submitted' ? { ...stage, deletedAt: CREATED } : stage,
    );
    const board = boardStages(
      [process, { id: other, isDefault: false, deletedAt: null }],
      [foreign, ...deleted],
    );
    expect(keys(board.open)).toEqual(['identify', 'qualify', 'capture', 'proposal', 'negotiation']);
  });

  it('falls back to the process of the first stage when none is the default', () => {
    const board = boardStages([{ ...process, isDefault: false }], STAGES);
    expect(board.processId).toBe(process.id);
    expect(board.open).toHaveLength(6);
  });

  it('is empty without stages', () => {
    expect(boardStages([], [])).toEqual({ processId: null, open: [], closing: [] });
  });
});

describe('layoutBoard', () => {
  const stages = boardStages([process], STAGES);

  it('puts each open deal in its column, keeps the given order and totals per currency', () => {
    const rows = [
      row('B-3', 'capture', { value: money(300_00), weighted: money(90_00) }),
      row('B-1', 'identify', { value: money(100_00), weighted: money(10_00) }),
      row('B-2', 'capture', { value: money(200_00, 'USD'), weighted: money(60_00, 'USD') }),
      row('B-4', 'capture', { value: money(50_00), weighted: money(15_00) }),
    ];
    const { columns, unplaced } = layoutBoard(rows, stages);
    expect(unplaced).toBe(0);
    expect(columns.map((c) => c.stage.key)).toEqual(keys(stages.open));
    const capture = columns.find((c) => c.stage.key === 'capture');
    expect(capture?.cards.map((c) => c.code)).toEqual(['B-3', 'B-2', 'B-4']);
    expect(capture?.totals).toEqual([
      { currency: 'CNY', value: 350_00, weighted: 105_00 },
      { currency: 'USD', value: 200_00, weighted: 60_00 },
    ]);
    const proposal = columns.find((c) => c.stage.key === 'proposal');
    expect(proposal?.cards).toEqual([]);
    expect(proposal?.totals).toEqual([]);
  });

  it('leaves out closed deals and counts open deals in a stage the board does not show', () => {
    const rows = [
      row('B-1', 'won', { status: 'won' }),
      row('B-2', 'qualify', { status: 'cancelled' }),
      row('B-3', 'qualify', { stageId: 'gone' as StageId }),
      row('B-4', 'qualify'),
    ];
    const { columns, unplaced } = layoutBoard(rows, stages);
    expect(columns.flatMap((c) => c.cards.map((card) => card.code))).toEqual(['B-4']);
    expect(unplaced).toBe(1);
  });
});

describe('pending moves', () => {
  const rows = [row('B-1', 'identify', { rev: 4 }), row('B-2', 'qualify', { rev: 2 })];

  it('shows a moved card in its new column while the deal is still at the revision it was moved from', () => {
    const pending = new Map<DealId, PendingMove>([
      [rows[0]!.id, { stageId: sid('capture'), baseRev: 4 }],
    ]);
    const shown = applyPendingMoves(rows, pending);
    expect(shown.rows.map((r) => r.stageId)).toEqual([sid('capture'), sid('qualify')]);
    expect([...shown.pending]).toEqual([rows[0]!.id]);
    // The untouched row is the same object, so a memoised card does not re-render.
    expect(shown.rows[1]).toBe(rows[1]);
    const { columns } = layoutBoard(shown.rows, boardStages([process], STAGES));
    const count = (key: string) => columns.find((c) => c.stage.key === key)?.cards.length;
    expect([count('identify'), count('capture')]).toEqual([0, 1]);
  });

  it('hands over to the stored data once the deal has a new revision', () => {
    const pending = new Map<DealId, PendingMove>([
      [rows[0]!.id, { stageId: sid('capture'), baseRev: 3 }],
    ]);
    const shown = applyPendingMoves(rows, pending);
    expect(shown.rows[0]).toBe(rows[0]);
    expect(shown.pending.size).toBe(0);
  });

  it('takes a card dropped on a closing stage off the board at once', () => {
    const pending = new Map<DealId, PendingMove>([
      [rows[1]!.id, { stageId: sid('lost'), baseRev: 2 }],
    ]);
    const { columns } = layoutBoard(
      applyPendingMoves(rows, pending).rows,
      boardStages([process], STAGES),
    );
    expect(columns.flatMap((c) => c.cards.map((card) => card.code))).toEqual(['B-1']);
  });

  it('lists the moves the stored data has caught up with, or whose deal left the board', () => {
    const pending = new Map<DealId, PendingMove>([
      [rows[0]!.id, { stageId: sid('capture'), baseRev: 4 }],
      [rows[1]!.id, { stageId: sid('capture'), baseRev: 1 }],
      ['deal-gone' as DealId, { stageId: sid('lost'), baseRev: 7 }],
    ]);
    expect(settledMoves(rows, pending)).toEqual([rows[1]!.id, 'deal-gone']);
  });

  it('changes nothing without pending moves', () => {
    const shown = applyPendingMoves(rows, new Map());
    expect(shown.rows).toBe(rows);
    expect(shown.pending.size).toBe(0);
  });
});

describe('reusing unchanged rows and columns', () => {
  const stages = boardStages([process], STAGES);
  // What a live query gives after a write: every row a new object, one deal changed.
  const fresh = (rows: readonly PortfolioRow[]) =>
    rows.map((r) => ({ ...r, value: { ...r.value }, tags: [...r.tags] }));

  it('keeps the previous object of every unchanged row, and the list when nothing changed', () => {
    const first = [row('A', 'identify'), row('B', 'qualify'), row('C', 'qualify')];
    const again = reuseRows(first, fresh(first));
    expect(again).toBe(first);
    const next = fresh(first).map((r) =>
      r.code === 'B' ? { ...r, rev: 2, stageId: sid('identify') } : r,
    );
    const reused = reuseRows(first, next);
    expect(reused[0]).toBe(first[0]);
    expect(reused[1]).toBe(next[1]);
    expect(reused[2]).toBe(first[2]);
    expect(reuseRows(null, next)).toBe(next);
  });

  it('sees a change one level down (an amount) and a removed row', () => {
    const first = [row('A', 'identify', { value: money(5) }), row('B', 'qualify')];
    const next = [row('A', 'identify', { value: money(6) })];
    const reused = reuseRows(first, next);
    expect(reused).toHaveLength(1);
    expect(reused[0]).toBe(next[0]);
  });

  it('re-renders only the columns a move changed', () => {
    const first = [row('A', 'identify'), row('B', 'qualify'), row('C', 'capture')];
    const before = layoutBoard(first, stages);
    const moved = reuseRows(
      first,
      fresh(first).map((r) => (r.code === 'B' ? { ...r, rev: 2, stageId: sid('identify') } : r)),
    );
    const after = reuseLayout(before, layoutBoard(moved, stages));
    const byStage = (layout: typeof before, key: DefaultStageKey) =>
      layout.columns.find((c) => c.stage.id === sid(key));
    expect(byStage(after, 'capture')).toBe(byStage(before, 'capture'));
    expect(byStage(after, 'proposal')).toBe(byStage(before, 'proposal'));
    expect(byStage(after, 'identify')).not.toBe(byStage(before, 'identify'));
    expect(byStage(after, 'qualify')?.cards).toEqual([]);
    expect(byStage(after, 'identify')?.cards.map((c) => c.code)).toEqual(['A', 'B']);
    expect(reuseLayout(null, after)).toBe(after);
  });
});
