import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_IDS } from '@shared/domain/defaults';
import type { TeamId } from '@shared/domain/ids';
import { money } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import { createPerson } from '@renderer/db/repositories/people';
import {
  AllocationMismatchError,
  assignPlan,
  createPlan,
  saveTeamAllocation,
} from '@renderer/db/repositories/compensation';
import { undoLast } from '@renderer/db/repositories/undo';
import { undoStack } from '@renderer/db/undo';
import { freshDatabase } from './helpers';

beforeEach(() => undoStack.clear());

const Q1: Period = { kind: 'quarter', fiscalYear: 2026, index: 1 };
const TEAM = '00000000-0000-4009-8000-000000000001' as TeamId;

async function setup() {
  const ctx = await freshDatabase();
  const other = await createPerson(ctx.db, ctx.env, {
    name: 'Zhao Lei',
    roleIds: [DEFAULT_ROLE_IDS.account_executive],
    costRate: money(30_000, 'USD'),
  });
  await ctx.db.teams.add({
    id: TEAM,
    createdAt: 1,
    updatedAt: 1,
    rev: 1,
    deletedAt: null,
    name: 'East',
    managerId: null,
  });
  return { ...ctx, other };
}

const live = <T extends { deletedAt: number | null }>(rows: T[]) =>
  rows.filter((row) => row.deletedAt === null);

describe('saveTeamAllocation', () => {
  it('writes the team target and each share in one undoable step, in the trail', async () => {
    const ctx = await setup();
    const input = {
      teamId: TEAM,
      label: 'East FY2026 Q1',
      period: Q1,
      basis: 'revenue' as const,
      total: money(1_000_01, 'USD'),
      method: 'equal' as const,
      shares: [
        { personId: ctx.owner.id, amount: money(500_01, 'USD') },
        { personId: ctx.other.id, amount: money(500_00, 'USD') },
      ],
    };
    const team = await saveTeamAllocation(ctx.db, ctx.env, input);
    let targets = live(await ctx.db.targets.toArray());
    expect(targets).toHaveLength(3);
    const people = targets.filter((t) => t.personId !== null);
    expect(
      people.every((t) => t.parentTargetId === team.id && t.allocationMethod === 'equal'),
    ).toBe(true);
    expect(people.reduce((sum, t) => sum + t.amount.amountMinor, 0)).toBe(1_000_01);
    const trail = (await ctx.db.activities.toArray()).filter((a) => a.system?.table === 'targets');
    expect(trail).toHaveLength(3);
    expect(trail.every((a) => a.summary === 'East FY2026 Q1' && a.dealId === null)).toBe(true);

    // Saving again updates the same records rather than adding new ones.
    await saveTeamAllocation(ctx.db, ctx.env, {
      ...input,
      total: money(900_00, 'USD'),
      method: 'manual',
      shares: [
        { personId: ctx.owner.id, amount: money(600_00, 'USD') },
        { personId: ctx.other.id, amount: money(300_00, 'USD') },
      ],
    });
    targets = live(await ctx.db.targets.toArray());
    expect(targets).toHaveLength(3);
    expect(targets.find((t) => t.personId === ctx.owner.id)?.amount.amountMinor).toBe(600_00);

    // Undo takes the whole second save back.
    await undoLast(ctx.db, ctx.env);
    targets = live(await ctx.db.targets.toArray());
    expect(targets.find((t) => t.teamId === TEAM)?.amount.amountMinor).toBe(1_000_01);
    expect(targets.find((t) => t.personId === ctx.owner.id)?.allocationMethod).toBe('equal');
  });

  it('refuses shares that do not add up to the team target, writing nothing', async () => {
    const ctx = await setup();
    await expect(
      saveTeamAllocation(ctx.db, ctx.env, {
        teamId: TEAM,
        label: 'East',
        period: Q1,
        basis: 'revenue',
        total: money(100, 'USD'),
        method: 'manual',
        shares: [{ personId: ctx.owner.id, amount: money(99, 'USD') }],
      }),
    ).rejects.toBeInstanceOf(AllocationMismatchError);
    expect(await ctx.db.targets.count()).toBe(0);
  });
});

describe('assignPlan', () => {
  it('keeps one live assignment per person and fiscal year, and removes it for no plan', async () => {
    const ctx = await setup();
    const base = {
      kind: 'flat' as const,
      basis: 'revenue' as const,
      currency: 'USD',
      periodKind: 'quarter' as const,
      flatRateBp: 500,
      tiers: [],
      tierMode: 'marginal' as const,
      accelerators: [],
      cap: null,
      draw: null,
      notes: '',
    };
    const a = await createPlan(ctx.db, ctx.env, { ...base, name: 'A' });
    const b = await createPlan(ctx.db, ctx.env, { ...base, name: 'B' });
    const who = { personId: ctx.owner.id, personName: 'Li Na', fiscalYear: 2026 };
    await assignPlan(ctx.db, ctx.env, { ...who, planId: a.id });
    await assignPlan(ctx.db, ctx.env, { ...who, planId: b.id });
    let assignments = live(await ctx.db.commissionAssignments.toArray());
    expect(assignments.map((x) => x.planId)).toEqual([b.id]);
    await assignPlan(ctx.db, ctx.env, { ...who, planId: null });
    assignments = live(await ctx.db.commissionAssignments.toArray());
    expect(assignments).toEqual([]);
  });
});
