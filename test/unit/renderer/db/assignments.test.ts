import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_IDS } from '@shared/domain/defaults';
import { parsePlanDate } from '@shared/domain/dates';
import type { TaskId } from '@shared/domain/ids';
import { money } from '@shared/domain/money';
import { StaleRevisionError } from '@renderer/db/errors';
import {
  assignPerson,
  InactivePersonError,
  removeAssignment,
  updateAssignment,
} from '@renderer/db/repositories/assignments';
import { createDeal } from '@renderer/db/repositories/deals';
import { createPerson, updatePerson } from '@renderer/db/repositories/people';
import { createPlanFromTemplate } from '@renderer/db/repositories/plan';
import { createRole, updateRole } from '@renderer/db/repositories/roles';
import { undoLast } from '@renderer/db/repositories/undo';
import { undoStack } from '@renderer/db/undo';
import { freshDatabase } from './helpers';

beforeEach(() => undoStack.clear());

const TODAY = parsePlanDate('2026-11-02');

async function setup() {
  const ctx = await freshDatabase();
  const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
  await createPlanFromTemplate(ctx.db, ctx.env, { dealId: deal.id, today: TODAY, locale: 'en' });
  const tasks = await ctx.db.tasks.where('dealId').equals(deal.id).toArray();
  const task = tasks.find((t) => t.durationDays > 0);
  if (task === undefined) expect.fail('the template has no work task');
  const writer = await createPerson(ctx.db, ctx.env, {
    name: 'Wang Fang',
    roleIds: [DEFAULT_ROLE_IDS.proposal_writer],
    costRate: money(30_000, 'USD'),
  });
  const other = await createPerson(ctx.db, ctx.env, {
    name: 'Zhao Lei',
    roleIds: [DEFAULT_ROLE_IDS.proposal_writer],
    costRate: money(32_000, 'USD'),
  });
  return { ...ctx, deal, task, writer, other };
}

async function trail(ctx: Awaited<ReturnType<typeof setup>>) {
  const activities = await ctx.db.activities.where('dealId').equals(ctx.deal.id).toArray();
  return activities
    .filter((a) => a.system?.table === 'assignments')
    .map((a) => `${a.system?.action ?? ''} ${a.summary}`);
}

describe('assignments repository', () => {
  it('assigns, changes hours, reassigns and removes, each in the deal trail', async () => {
    const ctx = await setup();
    const role = DEFAULT_ROLE_IDS.proposal_writer;
    const a = await assignPerson(ctx.db, ctx.env, {
      taskId: ctx.task.id,
      personId: ctx.writer.id,
      roleId: role,
      hours: 12,
    });
    expect(a.dealId).toBe(ctx.deal.id);
    const b = await updateAssignment(ctx.db, ctx.env, a.id, a.rev, { hours: 20 });
    const c = await updateAssignment(ctx.db, ctx.env, b.id, b.rev, { personId: ctx.other.id });
    await removeAssignment(ctx.db, ctx.env, c.id, c.rev);
    expect(await trail(ctx)).toEqual([
      `create ${ctx.task.name} · Wang Fang · 12 h`,
      `update ${ctx.task.name} · Wang Fang · 20 h`,
      `update ${ctx.task.name} · Zhao Lei · 20 h`,
      `delete ${ctx.task.name} · Zhao Lei · 20 h`,
    ]);
    const reassigned = (await ctx.db.activities.toArray()).find(
      (x) => x.system?.action === 'update' && x.summary.includes('Zhao Lei'),
    );
    expect(reassigned?.system?.changes).toContainEqual({
      field: 'personId',
      old: ctx.writer.id,
      new: ctx.other.id,
    });

    await undoLast(ctx.db, ctx.env);
    expect((await ctx.db.assignments.get(a.id))?.deletedAt).toBeNull();
    await undoLast(ctx.db, ctx.env);
    expect((await ctx.db.assignments.get(a.id))?.personId).toBe(ctx.writer.id);
  });

  it('refuses a stale revision and an inactive person, changing nothing', async () => {
    const ctx = await setup();
    const a = await assignPerson(ctx.db, ctx.env, {
      taskId: ctx.task.id,
      personId: ctx.writer.id,
      roleId: null,
      hours: 4,
    });
    await updateAssignment(ctx.db, ctx.env, a.id, a.rev, { hours: 5 });
    await expect(updateAssignment(ctx.db, ctx.env, a.id, a.rev, { hours: 6 })).rejects.toThrow(
      StaleRevisionError,
    );
    await updatePerson(ctx.db, ctx.env, ctx.other.id, ctx.other.rev, { active: false });
    await expect(
      assignPerson(ctx.db, ctx.env, {
        taskId: ctx.task.id,
        personId: ctx.other.id,
        roleId: null,
        hours: 4,
      }),
    ).rejects.toThrow(InactivePersonError);
    expect((await ctx.db.assignments.get(a.id))?.hours).toBe(5);
    expect(await ctx.db.assignments.count()).toBe(1);
  });

  it('refuses a task that does not exist', async () => {
    const ctx = await setup();
    await expect(
      assignPerson(ctx.db, ctx.env, {
        taskId: '00000000-0000-4000-8000-0000000fffff' as TaskId,
        personId: ctx.writer.id,
        roleId: null,
        hours: 4,
      }),
    ).rejects.toThrow(/not found|tasks/i);
  });

  it('creates and edits roles with a generated key', async () => {
    const ctx = await setup();
    const role = await createRole(ctx.db, ctx.env, {
      name: { en: 'Graphic designer', zh: '平面设计' },
      defaultRate: money(20_000, 'USD'),
    });
    expect(role.key).toMatch(/^role_[a-z0-9]+$/);
    const saved = await updateRole(ctx.db, ctx.env, role.id, role.rev, {
      name: { en: 'Designer', zh: '设计师' },
      defaultRate: money(25_000, 'USD'),
    });
    expect(saved.defaultRate.amountMinor).toBe(25_000);
  });
});
