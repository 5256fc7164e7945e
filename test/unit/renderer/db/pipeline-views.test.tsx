// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_IDS, DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import { parsePlanDate } from '@shared/domain/dates';
import { milestoneIdSchema } from '@shared/domain/ids';
import { money } from '@shared/domain/money';
import { DatabaseProvider } from '@renderer/db/context';
import { useBoardData } from '@renderer/db/hooks/board';
import { usePortfolioRows } from '@renderer/db/hooks/portfolio-rows';
import { createDeal, deleteDeal, updateDeal } from '@renderer/db/repositories/deals';
import { createPerson } from '@renderer/db/repositories/people';
import { freshDatabase } from './helpers';

afterEach(cleanup);

const TODAY = parsePlanDate('2026-11-02');

async function boardOf() {
  const setup = await freshDatabase();
  const { db, env, dealInput } = setup;
  const first = await createDeal(db, env, dealInput(), TODAY);
  const second = await createDeal(
    db,
    env,
    dealInput({ code: 'BID-2026-002', name: 'Grid' }),
    TODAY,
  );
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DatabaseProvider db={db} env={env}>
      {children}
    </DatabaseProvider>
  );
  const hook = renderHook(() => useBoardData(TODAY), { wrapper });
  await waitFor(() => expect(hook.result.current?.rows).toHaveLength(2));
  const portfolio = renderHook(() => usePortfolioRows(TODAY), { wrapper });
  await waitFor(() => expect(portfolio.result.current).toHaveLength(2));
  return { ...setup, first, second, hook, portfolio };
}

describe('the board data', () => {
  it('follows a deal moved to another stage, and keeps the other rows', async () => {
    const { db, env, first, hook } = await boardOf();
    const before = hook.result.current;
    await updateDeal(db, env, first.id, first.rev, { stageId: DEFAULT_STAGE_IDS.proposal });
    await waitFor(() =>
      expect(hook.result.current?.rows.find((row) => row.id === first.id)?.stageId).toBe(
        DEFAULT_STAGE_IDS.proposal,
      ),
    );
    expect(hook.result.current?.stages).toEqual(before?.stages);
  });

  it('drops a deal closed or moved to the trash, and shows a new one', async () => {
    const { db, env, first, second, dealInput, hook } = await boardOf();
    await updateDeal(db, env, first.id, first.rev, { status: 'won', outcomeDate: TODAY });
    await deleteDeal(db, env, second.id, second.rev);
    await waitFor(() => expect(hook.result.current?.rows).toHaveLength(0));
    const third = await createDeal(db, env, dealInput({ code: 'BID-2026-003' }), TODAY);
    await waitFor(() => expect(hook.result.current?.rows.map((row) => row.id)).toEqual([third.id]));
  });

  it('lists a new person among the filter choices, by name', async () => {
    const { db, env, hook } = await boardOf();
    await createPerson(db, env, {
      name: 'Aaron Zhou',
      roleIds: [DEFAULT_ROLE_IDS.account_executive],
      costRate: money(40_000, 'USD'),
    });
    await waitFor(() =>
      expect(hook.result.current?.people.map((person) => person.name)).toEqual([
        'Aaron Zhou',
        'Li Na',
      ]),
    );
  });
});

describe('the portfolio rows', () => {
  it('keep a closed deal, follow a rename and drop a deal moved to the trash', async () => {
    const { db, env, first, second, portfolio } = await boardOf();
    const won = await updateDeal(db, env, first.id, first.rev, {
      status: 'won',
      outcomeDate: TODAY,
    });
    await updateDeal(db, env, first.id, won.rev, { name: 'Substation monitoring II' });
    await deleteDeal(db, env, second.id, second.rev);
    await waitFor(() =>
      expect(portfolio.result.current?.map((row) => [row.id, row.name])).toEqual([
        [first.id, 'Substation monitoring II'],
      ]),
    );
  });

  it('show a milestone added for today as the next one', async () => {
    const { db, env, first, portfolio } = await boardOf();
    const next = () => portfolio.result.current?.find((row) => row.id === first.id)?.nextMilestone;
    const [planned] = await db.milestones.where('dealId').equals(first.id).sortBy('date');
    if (planned === undefined) throw new Error('the deal has no milestones');
    expect(next()?.name).toBe(planned.name);
    expect(planned.date > TODAY).toBe(true);
    await db.milestones.put({
      ...planned,
      id: milestoneIdSchema.parse(env.newId()),
      name: 'Clarification',
      date: TODAY,
    });
    await waitFor(() => expect(next()).toEqual({ name: 'Clarification', date: TODAY }));
  });
});
