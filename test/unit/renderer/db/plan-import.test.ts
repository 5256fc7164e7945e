// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal } from '@renderer/db/repositories/deals';
import { assignPerson } from '@renderer/db/repositories/assignments';
import { createPlanFromTemplate, importPlan, PlanRuleError } from '@renderer/db/repositories/plan';
import { undoLast } from '@renderer/db/repositories/undo';
import { undoStack } from '@renderer/db/undo';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import { DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import { settingsId } from '@shared/domain/settings';
import { buildPlanRows, isTaskRow } from '@shared/plan/rows';
import { writeMsProjectXml } from '@shared/exchange/msproject-write';
import { readMsProject } from '@shared/exchange/msproject-read';
import { freshDatabase } from './helpers';

beforeEach(() => undoStack.clear());

type Context = Awaited<ReturnType<typeof freshDatabase>>;
const TODAY = parsePlanDate('2026-11-02');

async function planOf(ctx: Context, deal: Deal) {
  const live = <T extends { deletedAt: number | null }>(rows: T[]) =>
    rows.filter((r) => r.deletedAt === null);
  const tasks = live(await ctx.db.tasks.where('dealId').equals(deal.id).toArray());
  const milestones = live(await ctx.db.milestones.where('dealId').equals(deal.id).toArray());
  const dependencies = live(await ctx.db.dependencies.where('dealId').equals(deal.id).toArray());
  const assignments = live(await ctx.db.assignments.where('dealId').equals(deal.id).toArray());
  const rows = buildPlanRows(tasks, milestones);
  return { rows, dependencies, assignments };
}

/** Everything of a plan but its ids, so two deals' plans compare. */
async function shapeOf(ctx: Context, deal: Deal) {
  const { rows, dependencies, assignments } = await planOf(ctx, deal);
  const wbs = new Map<string, string>(rows.map((r) => [r.id, r.wbs]));
  return {
    rows: rows.map((r) => [
      r.wbs,
      r.kind,
      r.name,
      r.start,
      r.finish,
      r.durationDays,
      r.milestoneKind,
    ]),
    links: dependencies
      .map((d) => `${wbs.get(d.predecessorId)}${d.type}${d.lagDays}>${wbs.get(d.successorId)}`)
      .sort(),
    assignments: assignments.map((a) => `${wbs.get(a.taskId)} ${a.personId} ${a.hours}`).sort(),
  };
}

async function exportXml(ctx: Context, deal: Deal) {
  const { rows, dependencies, assignments } = await planOf(ctx, deal);
  const settings = await ctx.db.settings.get(settingsId);
  if (settings === undefined) expect.fail('no settings');
  const people = await ctx.db.people.toArray();
  return writeMsProjectXml({
    title: deal.name,
    calendar: settings,
    rows,
    links: dependencies,
    resources: people.map((p) => ({ key: p.id, name: p.name })),
    assignments: assignments.map((a) => ({
      taskId: a.taskId,
      resourceKey: a.personId,
      hours: a.hours,
    })),
  });
}

async function importXml(ctx: Context, deal: Deal, xml: string) {
  const settings = await ctx.db.settings.get(settingsId);
  if (settings === undefined) expect.fail('no settings');
  const root = new DOMParser().parseFromString(xml, 'application/xml').documentElement;
  const result = readMsProject(root, { calendar: settings, people: await ctx.db.people.toArray() });
  if (!result.ok) expect.fail(JSON.stringify(result.error));
  return importPlan(ctx.db, ctx.env, { dealId: deal.id, plan: result.plan });
}

describe('importPlan', () => {
  it('gives a second deal the same plan as the one exported, in one undoable step', async () => {
    const ctx = await freshDatabase();
    const source = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    await createPlanFromTemplate(ctx.db, ctx.env, {
      dealId: source.id,
      today: TODAY,
      locale: 'en',
    });
    const { rows } = await planOf(ctx, source);
    const leaf = rows.filter(isTaskRow).find((r) => !r.summary);
    const person = (await ctx.db.people.toArray())[0];
    if (leaf === undefined || person === undefined) expect.fail('no task or person');
    await assignPerson(ctx.db, ctx.env, {
      taskId: leaf.id,
      personId: person.id,
      roleId: null,
      hours: 12.5,
    });
    const xml = await exportXml(ctx, source);

    const target = await createDeal(
      ctx.db,
      ctx.env,
      ctx.dealInput({ code: 'BID-2026-002', stageId: DEFAULT_STAGE_IDS.qualify }),
      TODAY,
    );
    const milestonesBefore = (await planOf(ctx, target)).rows.length;
    const counts = await importXml(ctx, target, xml);
    const copied = await shapeOf(ctx, target);
    const original = await shapeOf(ctx, source);
    expect(copied.rows).toEqual(original.rows);
    expect(copied.links).toEqual(original.links);
    expect(copied.assignments).toEqual(original.assignments);
    expect(counts.assignments).toBe(1);
    expect(counts.tasks).toBe(original.rows.filter((r) => r[1] === 'task').length);

    // One undo takes the whole import back; the deal's own milestone is where it was.
    await undoLast(ctx.db, ctx.env);
    expect((await planOf(ctx, target)).rows.length).toBe(milestonesBefore);
    expect((await planOf(ctx, target)).assignments).toEqual([]);
  });

  it('refuses to import over an existing plan and changes nothing', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    await createPlanFromTemplate(ctx.db, ctx.env, { dealId: deal.id, today: TODAY, locale: 'en' });
    const before = await shapeOf(ctx, deal);
    const xml = await exportXml(ctx, deal);
    const error = await importXml(ctx, deal, xml).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PlanRuleError);
    expect((error as PlanRuleError).problem).toEqual({ kind: 'planExists' });
    expect(await shapeOf(ctx, deal)).toEqual(before);
  });
});
