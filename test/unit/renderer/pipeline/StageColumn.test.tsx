// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { DndContext } from '@dnd-kit/core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDefaultSalesProcess, DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import type { DealId } from '@shared/domain/ids';
import { boardStages, layoutBoard } from '@shared/pipeline/board';
import type { PortfolioRow } from '@shared/portfolio/rows';
import { StageColumn } from '@renderer/features/pipeline/components/StageColumn';
import { setLanguage } from '@renderer/i18n/i18n';
import { stubResizeObserver } from '../jsdom-layout';

afterEach(cleanup);

beforeAll(() => {
  // jsdom lays nothing out: every element is 200 × 600 px inside (a column's list in view), and
  // antd's ellipsis and the virtualizer observe sizes.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(200);
  stubResizeObserver();
});

const { process, stages } = createDefaultSalesProcess(Date.UTC(2026, 9, 1));

function rows(count: number): PortfolioRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `deal-${i}` as DealId,
    rev: 1,
    code: `BID-2026-${String(i).padStart(4, '0')}`,
    name: `Deal ${i}`,
    accountId: 'acc' as PortfolioRow['accountId'],
    accountName: 'State Grid',
    ownerId: 'own' as PortfolioRow['ownerId'],
    ownerName: 'Li Na',
    stageId: DEFAULT_STAGE_IDS.capture,
    stageName: null,
    stageOrder: 2,
    status: 'open',
    value: { amountMinor: 100_000_00, currency: 'CNY' },
    pwin: 30,
    weighted: { amountMinor: 30_000_00, currency: 'CNY' },
    submissionDue: null,
    expectedAward: null,
    nextMilestone: null,
    tags: [],
    health: null,
  }));
}

// antd builds each component's styles on its first render, which is slow in jsdom on a busy machine.
describe('StageColumn', { timeout: 60_000 }, () => {
  it('mounts only the cards in view, and counts and totals all of them', () => {
    act(() => setLanguage('en'));
    const layout = layoutBoard(rows(800), boardStages([process], stages));
    const capture = layout.columns.find((column) => column.stage.key === 'capture');
    if (!capture) throw new Error('no capture column');
    render(
      <DndContext>
        <StageColumn
          column={capture}
          pending={new Set()}
          activeId={null}
          totalsLines={1}
          onOpen={vi.fn()}
        />
      </DndContext>,
    );
    const mounted = screen.getAllByRole('button').length;
    expect(mounted).toBeGreaterThan(0);
    expect(mounted).toBeLessThan(20);
    expect(screen.getByText('800 deals')).toBeTruthy();
    expect(screen.getByText('CN¥80M')).toBeTruthy();
    expect(screen.getByText('CN¥24M')).toBeTruthy();
  });

  it('keeps the dragged card mounted wherever the list is scrolled', () => {
    act(() => setLanguage('en'));
    const layout = layoutBoard(rows(800), boardStages([process], stages));
    const capture = layout.columns.find((column) => column.stage.key === 'capture');
    if (!capture) throw new Error('no capture column');
    render(
      <DndContext>
        <StageColumn
          column={capture}
          pending={new Set()}
          activeId={'deal-640' as DealId}
          totalsLines={1}
          onOpen={vi.fn()}
        />
      </DndContext>,
    );
    expect(screen.getByRole('button', { name: 'BID-2026-0640 Deal 640' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'BID-2026-0300 Deal 300' })).toBeNull();
  });
});
