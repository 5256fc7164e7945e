// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import type { DefaultStageKey } from '@shared/domain/defaults';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import { DatabaseProvider } from '@renderer/db/context';
import type { PursuitDatabase } from '@renderer/db/database';
import { createDeal } from '@renderer/db/repositories/deals';
import { undoStack } from '@renderer/db/undo';
import type { WriteEnv } from '@renderer/db/write';
import { useStageMove } from '@renderer/features/pipeline/hooks/useStageMove';
import type { StageMoveSettlement } from '@renderer/features/pipeline/hooks/useStageMove';
import { setLanguage } from '@renderer/i18n/i18n';
import { freshDatabase } from '../db/helpers';
import { stubMatchMedia, stubResizeObserver } from '../jsdom-layout';

afterEach(cleanup);
afterEach(() => undoStack.clear());

beforeAll(() => {
  stubResizeObserver();
  stubMatchMedia();
});

/** A button that asks for one move, and the hook's dialogs. */
function Mover(props: {
  deal: Pick<Deal, 'id' | 'rev' | 'code' | 'name'>;
  target: DefaultStageKey;
  db: PursuitDatabase;
  onSettled: (settlement: StageMoveSettlement) => void;
  onCommit: () => void;
}) {
  const { moveDeal, dialogs } = useStageMove();
  const run = async () => {
    const target = await props.db.stages.get(DEFAULT_STAGE_IDS[props.target]);
    if (!target) throw new Error('no stage');
    props.onSettled(await moveDeal({ deal: props.deal, target, onCommit: props.onCommit }));
  };
  return (
    <>
      <button type="button" onClick={() => void run()}>
        move
      </button>
      {dialogs}
    </>
  );
}

async function setup(target: DefaultStageKey, dealOverrides: { rev?: number } = {}) {
  act(() => setLanguage('en'));
  const { db, env, dealInput } = await freshDatabase();
  const deal = await createDeal(db, env, dealInput(), parsePlanDate('2026-11-02'));
  const onSettled = vi.fn<(settlement: StageMoveSettlement) => void>();
  const onCommit = vi.fn();
  render(
    <AntApp>
      <DatabaseProvider db={db} env={env satisfies WriteEnv}>
        <Mover
          deal={{ ...deal, ...dealOverrides }}
          target={target}
          db={db}
          onSettled={onSettled}
          onCommit={onCommit}
        />
      </DatabaseProvider>
    </AntApp>,
  );
  fireEvent.click(screen.getByText('move'));
  return { db, deal, onSettled, onCommit };
}

// antd builds each component's styles on its first render, which is slow in jsdom on a busy machine.
describe('useStageMove', { timeout: 60_000 }, () => {
  it('lists the unchecked exit criteria by name, moves once confirmed, and offers Undo', async () => {
    const { db, deal, onSettled, onCommit } = await setup('capture');
    expect(await screen.findAllByText('Skip exit criteria?')).not.toHaveLength(0);
    expect(screen.getByText('Qualify: MEDDPICC qualification assessed')).toBeTruthy();
    expect(screen.getByText('Qualify: Bid/no-bid decision is Go')).toBeTruthy();
    expect(screen.getByText('Qualify: Bid & proposal budget approved')).toBeTruthy();
    // The card is shown in its new place while the user decides.
    expect(onCommit).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByText('Move anyway'));
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith('moved'));
    expect((await db.deals.get(deal.id))?.stageId).toBe(DEFAULT_STAGE_IDS.capture);
    const milestones = await db.milestones
      .where('dealId')
      .equals(deal.id)
      .filter((m) => m.stageId === DEFAULT_STAGE_IDS.capture)
      .count();
    expect(milestones).toBeGreaterThan(0);
    expect(
      await screen.findByText(
        `BID-2026-001 moved to Capture; ${milestones} milestone${milestones === 1 ? '' : 's'} added.`,
      ),
    ).toBeTruthy();

    fireEvent.click(screen.getByText('Undo'));
    await waitFor(async () =>
      expect((await db.deals.get(deal.id))?.stageId).toBe(DEFAULT_STAGE_IDS.qualify),
    );
  });

  it('writes nothing when the skip is not confirmed', async () => {
    const { db, deal, onSettled } = await setup('proposal');
    expect(await screen.findAllByText('Skip exit criteria?')).not.toHaveLength(0);
    fireEvent.click(screen.getByText('Cancel'));
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith('cancelled'));
    expect(await db.deals.get(deal.id)).toEqual(deal);
  });

  it('asks how the deal closed before moving it to a closing stage', async () => {
    const { db, deal, onSettled, onCommit } = await setup('lost');
    expect(await screen.findAllByText('Close BID-2026-001 as Lost')).not.toHaveLength(0);
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('Close deal'));
    expect(await screen.findByText('Choose the main reason for this outcome.')).toBeTruthy();
    fireEvent.click(screen.getByText('Cancel'));
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith('cancelled'));
    expect(onCommit).not.toHaveBeenCalled();
    expect(await db.deals.get(deal.id)).toEqual(deal);
  });

  it('says why a move the process refuses did not happen', async () => {
    const { onSettled } = await setup('qualify');
    expect(await screen.findByText('BID-2026-001 is already in Qualify.')).toBeTruthy();
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith('failed'));
  });

  it('offers to reload when the deal changed elsewhere', async () => {
    const { db, deal, onSettled } = await setup('identify', { rev: 0 });
    expect(await screen.findByRole('dialog', { name: /changed in another window/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith('failed'));
    expect(await db.deals.get(deal.id)).toEqual(deal);
  });
});
