import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { PursuitDatabase } from '@renderer/db/database';
import { STORES_V1 } from '@renderer/db/schema';
import { createDeal } from '@renderer/db/repositories/deals';
import {
  addPlanItem,
  createPlanFromTemplate,
  indentPlanItem,
  PlanRuleError,
} from '@renderer/db/repositories/plan';
import {
  deletePlanTemplate,
  PlanTemplateError,
  renamePlanTemplate,
  savePlanAsTemplate,
} from '@renderer/db/repositories/plan-templates';
import { undoLast } from '@renderer/db/repositories/undo';
import { StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { PlanTemplateId } from '@shared/domain/plan-template';
import { createDefaultSettings } from '@shared/domain/defaults';
import { SETTINGS_ID, settingsId } from '@shared/domain/settings';
import { buildPlanRows } from '@shared/plan/rows';
import type { PlanRow } from '@shared/plan/rows';
import { freshDatabase } from './helpers';

beforeEach(() => undoStack.clear());

type Context = Awaited<ReturnType<typeof freshDatabase>>;

const TODAY = parsePlanDate('2026-11-02');
const XSS = '<img src=x onerror=alert(1)>';

async function rowsOf(ctx: Context, deal: Deal): Promise<PlanRow[]> {
  const tasks = await ctx.db.tasks.where('dealId').equals(deal.id).toArray();
  const milestones = await ctx.db.milestones.where('dealId').equals(deal.id).toArray();
  return buildPlanRows(
    tasks.filter((t) => t.deletedAt === null),
    milestones.filter((m) => m.deletedAt === null),
  );
}

async function linksOf(ctx: Context, deal: Deal, rows: readonly PlanRow[]) {
  const name = new Map(rows.map((r) => [r.id, r.name]));
  return (await ctx.db.dependencies.where('dealId').equals(deal.id).toArray())
    .filter((d) => d.deletedAt === null)
    .map((d) => `${name.get(d.predecessorId)} → ${name.get(d.successorId)} ${d.type}${d.lagDays}`)
    .sort();
}

/** The rows' shape as a template keeps it: outline, names, durations (summaries aside). */
function shape(rows: readonly PlanRow[]) {
  const name = new Map(rows.map((r) => [r.id, r.name]));
  return rows.map((r) => ({
    name: r.name,
    kind: r.kind,
    parent: r.parentId === null ? null : name.get(r.parentId),
    duration: r.summary ? 'summary' : r.durationDays,
  }));
}

async function refusal<E extends Error>(
  write: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const error = await write.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof type)) expect.fail(`expected ${type.name}, got ${String(error)}`);
  return error;
}

/** A deal with the standard plan, a task renamed to markup and an outline (a subtask). */
async function sourceDeal(ctx: Context): Promise<Deal> {
  const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
  await createPlanFromTemplate(ctx.db, ctx.env, { dealId: deal.id, today: TODAY, locale: 'en' });
  const volumes = await addPlanItem(ctx.db, ctx.env, {
    dealId: deal.id,
    afterId: null,
    kind: 'task',
    name: 'Volumes',
    today: TODAY,
  });
  const added = await addPlanItem(ctx.db, ctx.env, {
    dealId: deal.id,
    afterId: volumes,
    kind: 'task',
    name: XSS,
    today: TODAY,
  });
  await indentPlanItem(ctx.db, ctx.env, { dealId: deal.id, id: added });
  return deal;
}

describe('plan templates', () => {
  it('saves a plan and starts another deal’s plan from it with the same structure', async () => {
    const ctx = await freshDatabase();
    const source = await sourceDeal(ctx);
    const template = await savePlanAsTemplate(ctx.db, ctx.env, {
      dealId: source.id,
      name: '  Framework tender ',
    });
    expect(template.name).toBe('Framework tender');
    const settings = await ctx.db.settings.get(SETTINGS_ID);
    expect(settings?.planTemplates.map((t) => t.name)).toEqual(['Framework tender']);

    const target = await createDeal(
      ctx.db,
      ctx.env,
      ctx.dealInput({
        code: 'BID-2026-002',
        name: 'Grid analytics',
        keyDates: { ...ctx.dealInput().keyDates, submissionDue: parsePlanDate('2027-02-26') },
      }),
      TODAY,
    );
    await createPlanFromTemplate(ctx.db, ctx.env, {
      dealId: target.id,
      today: TODAY,
      locale: 'en',
      templateId: template.id,
    });
    const before = await rowsOf(ctx, source);
    const after = await rowsOf(ctx, target);
    expect(shape(after)).toEqual(shape(before));
    expect(await linksOf(ctx, target, after)).toEqual(await linksOf(ctx, source, before));
    // Laid backward from the new deal's date; the deal's own stage milestones are reused.
    const submission = after.find((r) => r.milestoneKind === 'submission');
    expect(submission?.start).toBe('2027-02-26');
    expect(after.filter((r) => r.milestoneKind === 'bid_no_bid')).toHaveLength(1);
    // The summary spans its subtasks.
    const summary = after.find((r) => r.summary);
    const children = after.filter((r) => r.parentId === summary?.id);
    expect(summary?.start).toBe(children.map((c) => c.start).sort()[0]);
    expect(summary?.finish).toBe(
      children
        .map((c) => c.finish)
        .sort()
        .at(-1),
    );
    // One undo takes the whole plan away.
    await undoLast(ctx.db, ctx.env);
    expect((await rowsOf(ctx, target)).filter((r) => r.kind === 'task')).toEqual([]);
  });

  it('refuses a duplicate or empty name, and an empty plan; nothing is written', async () => {
    const ctx = await freshDatabase();
    const source = await sourceDeal(ctx);
    await savePlanAsTemplate(ctx.db, ctx.env, { dealId: source.id, name: 'Tender' });
    const duplicate = await refusal(
      savePlanAsTemplate(ctx.db, ctx.env, { dealId: source.id, name: 'tender ' }),
      PlanTemplateError,
    );
    expect(duplicate.problem).toEqual({ kind: 'duplicateName', name: 'Tender' });
    const empty = await refusal(
      savePlanAsTemplate(ctx.db, ctx.env, { dealId: source.id, name: ' ' }),
      PlanTemplateError,
    );
    expect(empty.problem).toEqual({ kind: 'emptyName' });
    const blank = await createDeal(
      ctx.db,
      ctx.env,
      ctx.dealInput({ code: 'BID-2026-003', name: 'Blank' }),
      TODAY,
    );
    await ctx.db.milestones.where('dealId').equals(blank.id).delete();
    const nothing = await refusal(
      savePlanAsTemplate(ctx.db, ctx.env, { dealId: blank.id, name: 'Other' }),
      PlanTemplateError,
    );
    expect(nothing.problem).toEqual({ kind: 'emptyPlan' });
    const settings = await ctx.db.settings.get(SETTINGS_ID);
    expect(settings?.planTemplates.map((t) => t.name)).toEqual(['Tender']);
  });

  it('renames and deletes with revision checks, and undoes a deletion', async () => {
    const ctx = await freshDatabase();
    const source = await sourceDeal(ctx);
    const first = await savePlanAsTemplate(ctx.db, ctx.env, { dealId: source.id, name: 'One' });
    const second = await savePlanAsTemplate(ctx.db, ctx.env, { dealId: source.id, name: 'Two' });
    const rev = (await ctx.db.settings.get(SETTINGS_ID))?.rev ?? 0;
    const taken = await refusal(
      renamePlanTemplate(ctx.db, ctx.env, { id: second.id, expectedRev: rev, name: 'ONE' }),
      PlanTemplateError,
    );
    expect(taken.problem).toEqual({ kind: 'duplicateName', name: 'One' });
    const renamed = await renamePlanTemplate(ctx.db, ctx.env, {
      id: second.id,
      expectedRev: rev,
      name: XSS,
    });
    expect(renamed.planTemplates.map((t) => t.name)).toEqual(['One', XSS]);
    await refusal(
      deletePlanTemplate(ctx.db, ctx.env, { id: first.id, expectedRev: rev }),
      StaleRevisionError,
    );
    const deleted = await deletePlanTemplate(ctx.db, ctx.env, {
      id: first.id,
      expectedRev: renamed.rev,
    });
    expect(deleted.planTemplates.map((t) => t.name)).toEqual([XSS]);
    const gone = await refusal(
      deletePlanTemplate(ctx.db, ctx.env, { id: first.id, expectedRev: deleted.rev }),
      PlanTemplateError,
    );
    expect(gone.problem).toEqual({ kind: 'notFound' });
    await undoLast(ctx.db, ctx.env);
    const back = await ctx.db.settings.get(SETTINGS_ID);
    expect(back?.planTemplates.map((t) => t.name)).toEqual(['One', XSS]);
  });

  it('refuses to start a plan from a template deleted meanwhile', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    const refused = await refusal(
      createPlanFromTemplate(ctx.db, ctx.env, {
        dealId: deal.id,
        today: TODAY,
        locale: 'en',
        templateId: '00000000-0000-4000-8000-00000000dead' as PlanTemplateId,
      }),
      PlanRuleError,
    );
    expect(refused.problem).toEqual({ kind: 'templateGone' });
    expect(await ctx.db.tasks.where('dealId').equals(deal.id).count()).toBe(0);
  });
});

describe('database version 2', () => {
  it('opens a database written by version 1 and gives its settings no templates', async () => {
    const name = 'pursuit-upgrade-test';
    const old = new Dexie(name);
    old.version(1).stores(STORES_V1);
    const { planTemplates: _none, ...v1Settings } = createDefaultSettings(1_000, 'en');
    await old.table('settings').put(v1Settings);
    old.close();

    const db = new PursuitDatabase(name);
    const settings = await db.settings.get(settingsId);
    expect(settings?.planTemplates).toEqual([]);
    expect(settings?.companyName).toBe(v1Settings.companyName);
    db.close();
  });
});
