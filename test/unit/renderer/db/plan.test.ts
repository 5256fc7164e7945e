import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal } from '@renderer/db/repositories/deals';
import {
  addPlanItem,
  captureBaseline,
  createPlanFromTemplate,
  deletePlanItem,
  indentPlanItem,
  outdentPlanItem,
  PlanRuleError,
  schedulePlanItem,
  setPlanItemProgress,
  setPredecessors,
} from '@renderer/db/repositories/plan';
import { undoLast } from '@renderer/db/repositories/undo';
import { StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { calendarFromSettings } from '@shared/domain/calendar';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import { settingsId } from '@shared/domain/settings';
import { planVariance } from '@shared/plan/variance';
import { buildPlanRows } from '@shared/plan/rows';
import type { PlanRow } from '@shared/plan/rows';
import { freshDatabase } from './helpers';

beforeEach(() => undoStack.clear());

type Context = Awaited<ReturnType<typeof freshDatabase>>;

const TODAY = parsePlanDate('2026-11-02');

async function dealWithPlan(): Promise<{ ctx: Context; deal: Deal }> {
  const ctx = await freshDatabase();
  const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
  await createPlanFromTemplate(ctx.db, ctx.env, { dealId: deal.id, today: TODAY, locale: 'en' });
  return { ctx, deal };
}

async function rowsOf(ctx: Context, deal: Deal): Promise<PlanRow[]> {
  const tasks = await ctx.db.tasks.where('dealId').equals(deal.id).toArray();
  const milestones = await ctx.db.milestones.where('dealId').equals(deal.id).toArray();
  return buildPlanRows(tasks, milestones);
}

async function linksOf(ctx: Context, deal: Deal) {
  return (await ctx.db.dependencies.where('dealId').equals(deal.id).toArray()).filter(
    (d) => d.deletedAt === null,
  );
}

function row(rows: readonly PlanRow[], name: string): PlanRow {
  const found = rows.find((r) => r.name === name);
  if (found === undefined) expect.fail(`no row ${name}`);
  return found;
}

async function snapshot(ctx: Context, deal: Deal) {
  return (await rowsOf(ctx, deal)).map((r) => `${r.name} ${r.start}..${r.finish} ${r.progress}`);
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

describe('createPlanFromTemplate', () => {
  it('lays the standard bid plan backward from the submission date in one undoable step', async () => {
    const { ctx, deal } = await dealWithPlan();
    const rows = await rowsOf(ctx, deal);
    expect(rows.map((r) => r.name)).toEqual([
      // The Qualify stage's bid/no-bid milestone is reused, with its own name.
      'RFP analysis',
      'Bid/no-bid decision',
      'Solution design',
      'Pricing',
      'Proposal writing',
      'Pink team review',
      'Red team review',
      'Gold team review',
      'Production',
      'Proposal submission',
      'Orals',
      'BAFO and negotiation',
    ]);
    const milestones = await ctx.db.milestones.where('dealId').equals(deal.id).toArray();
    expect(milestones.map((m) => m.kind).sort()).toEqual(['bid_no_bid', 'submission']);
    // Submission on the due date (Friday 2027-01-15), production the three days before.
    expect(row(rows, 'Proposal submission')).toMatchObject({
      start: '2027-01-15',
      kind: 'milestone',
    });
    expect(row(rows, 'Production')).toMatchObject({ start: '2027-01-12', finish: '2027-01-14' });
    expect(await linksOf(ctx, deal)).toHaveLength(12);

    // Every record created has its activity entry, in the same transaction.
    const trail = await ctx.db.activities.where('dealId').equals(deal.id).toArray();
    const planEntries = trail.filter((a) =>
      ['tasks', 'milestones', 'dependencies'].includes(a.system?.table ?? ''),
    );
    expect(planEntries.length).toBeGreaterThanOrEqual(10 + 1 + 12);

    // One undo takes the whole plan away again.
    await undoLast(ctx.db, ctx.env);
    expect((await rowsOf(ctx, deal)).map((r) => r.name)).toEqual(['Bid/no-bid decision']);
    expect(await linksOf(ctx, deal)).toHaveLength(0);
  });

  it('is refused on a plan that already has tasks, and without a submission date', async () => {
    const { ctx, deal } = await dealWithPlan();
    const again = await refusal(
      createPlanFromTemplate(ctx.db, ctx.env, { dealId: deal.id, today: TODAY, locale: 'en' }),
      PlanRuleError,
    );
    expect(again.problem).toEqual({ kind: 'planExists' });

    const other = await createDeal(
      ctx.db,
      ctx.env,
      ctx.dealInput({
        code: 'BID-2026-002',
        keyDates: { ...ctx.dealInput().keyDates, submissionDue: null, expectedAward: null },
      }),
      TODAY,
    );
    const undated = await refusal(
      createPlanFromTemplate(ctx.db, ctx.env, { dealId: other.id, today: TODAY, locale: 'en' }),
      PlanRuleError,
    );
    expect(undated.problem).toEqual({ kind: 'template', error: { kind: 'noSubmissionDate' } });
  });
});

describe('schedulePlanItem', () => {
  it('moves a task, pushes its successors, and undoes all of it as one step', async () => {
    const { ctx, deal } = await dealWithPlan();
    const before = await snapshot(ctx, deal);
    const rfp = row(await rowsOf(ctx, deal), 'RFP analysis');
    const activitiesBefore = await ctx.db.activities.count();

    // Two working days later: 12-08 (Tue) → 12-10 (Thu).
    const result = await schedulePlanItem(ctx.db, ctx.env, {
      dealId: deal.id,
      id: rfp.id,
      expectedRev: rfp.rev,
      start: parsePlanDate('2026-12-10'),
    });
    const rows = await rowsOf(ctx, deal);
    expect(row(rows, 'RFP analysis')).toMatchObject({ start: '2026-12-10', finish: '2026-12-14' });
    expect(row(rows, 'Bid/no-bid decision').start).toBe('2026-12-15');
    expect(row(rows, 'Solution design')).toMatchObject({
      start: '2026-12-15',
      finish: '2026-12-24',
    });
    // Pricing had slack (it sat as late as red team allowed): not pushed.
    expect(row(rows, 'Pricing').start).toBe('2026-12-28');
    expect(result.changed[0]).toBe(rfp.id);
    expect(result.changed).toContain(row(rows, 'Solution design').id);
    expect(result.clamped).toBeNull();
    // One activity entry per changed row, written with the move.
    expect((await ctx.db.activities.count()) - activitiesBefore).toBe(result.changed.length);

    await undoLast(ctx.db, ctx.env);
    expect(await snapshot(ctx, deal)).toEqual(before);
  });

  it('never pulls a task before its predecessors allow, and says which one holds it', async () => {
    const { ctx, deal } = await dealWithPlan();
    const rows = await rowsOf(ctx, deal);
    const design = row(rows, 'Solution design');
    const result = await schedulePlanItem(ctx.db, ctx.env, {
      dealId: deal.id,
      id: design.id,
      expectedRev: design.rev,
      start: parsePlanDate('2026-12-01'),
    });
    expect(result.clamped).toMatchObject({
      limit: { kind: 'predecessor', predecessorId: row(rows, 'Bid/no-bid decision').id },
    });
    expect(row(await rowsOf(ctx, deal), 'Solution design').start).toBe('2026-12-11');
  });

  it('resizes by finish or duration, refuses a stale copy and a negative duration', async () => {
    const { ctx, deal } = await dealWithPlan();
    const production = row(await rowsOf(ctx, deal), 'Production');
    await schedulePlanItem(ctx.db, ctx.env, {
      dealId: deal.id,
      id: production.id,
      expectedRev: production.rev,
      finish: parsePlanDate('2027-01-15'),
    });
    const rows = await rowsOf(ctx, deal);
    expect(row(rows, 'Production')).toMatchObject({ durationDays: 4, finish: '2027-01-15' });
    expect(row(rows, 'Proposal submission').start).toBe('2027-01-18');

    await refusal(
      schedulePlanItem(ctx.db, ctx.env, {
        dealId: deal.id,
        id: production.id,
        expectedRev: production.rev,
        durationDays: 2,
      }),
      StaleRevisionError,
    );
    const fresh = row(rows, 'Production');
    const negative = await refusal(
      schedulePlanItem(ctx.db, ctx.env, {
        dealId: deal.id,
        id: fresh.id,
        expectedRev: fresh.rev,
        durationDays: -1,
      }),
      PlanRuleError,
    );
    expect(negative.problem).toMatchObject({
      kind: 'schedule',
      error: { kind: 'negativeDuration' },
    });
  });

  it('follows the company calendar: a start on a holiday rolls to the next working day', async () => {
    const { ctx, deal } = await dealWithPlan();
    await ctx.db.settings.update(settingsId, { holidays: [parsePlanDate('2026-12-09')] });
    const rfp = row(await rowsOf(ctx, deal), 'RFP analysis');
    await schedulePlanItem(ctx.db, ctx.env, {
      dealId: deal.id,
      id: rfp.id,
      expectedRev: rfp.rev,
      start: parsePlanDate('2026-12-09'),
    });
    const settings = await ctx.db.settings.get(settingsId);
    if (!settings) expect.fail('settings');
    const calendar = calendarFromSettings(settings);
    const moved = row(await rowsOf(ctx, deal), 'RFP analysis');
    expect(moved.start).toBe('2026-12-10');
    expect(calendar.countWorkingDaysInclusive(moved.start, moved.finish)).toBe(3);
  });
});

describe('setPredecessors', () => {
  it('refuses a link that closes a loop, naming it, and writes nothing', async () => {
    const { ctx, deal } = await dealWithPlan();
    const rows = await rowsOf(ctx, deal);
    const before = await ctx.db.dependencies.count();
    const undoable = undoStack.size;
    const error = await refusal(
      setPredecessors(ctx.db, ctx.env, {
        dealId: deal.id,
        id: row(rows, 'RFP analysis').id,
        links: [{ predecessorId: row(rows, 'Solution design').id, type: 'FS', lagDays: 0 }],
      }),
      PlanRuleError,
    );
    expect(error.problem).toEqual({
      kind: 'links',
      error: {
        kind: 'cycle',
        cycle: [
          row(rows, 'RFP analysis').id,
          row(rows, 'Bid/no-bid decision').id,
          row(rows, 'Solution design').id,
        ],
      },
    });
    expect(await ctx.db.dependencies.count()).toBe(before);
    expect(undoStack.size).toBe(undoable);
  });

  it('replaces predecessors and moves the row when a new link requires it', async () => {
    const { ctx, deal } = await dealWithPlan();
    const rows = await rowsOf(ctx, deal);
    const pricing = row(rows, 'Pricing');
    // Pricing after pink team (which ends Wednesday 12-30) with one day of lag: from Friday 01-01
    // (the test calendar has no holidays), six working days to 01-08.
    const result = await setPredecessors(ctx.db, ctx.env, {
      dealId: deal.id,
      id: pricing.id,
      links: [{ predecessorId: row(rows, 'Pink team review').id, type: 'FS', lagDays: 1 }],
    });
    const after = await rowsOf(ctx, deal);
    expect(row(after, 'Pricing')).toMatchObject({ start: '2027-01-01', finish: '2027-01-08' });
    // Red team must follow pricing: pushed from 01-05 to 01-11, and the rest after it.
    expect(row(after, 'Red team review').start).toBe('2027-01-11');
    expect(row(after, 'Proposal submission').start > '2027-01-15').toBe(true);
    expect(result.changed).toContain(row(after, 'Red team review').id);
    const incoming = (await linksOf(ctx, deal)).filter((d) => d.successorId === pricing.id);
    expect(incoming).toMatchObject([{ type: 'FS', lagDays: 1 }]);

    await undoLast(ctx.db, ctx.env);
    const restored = (await linksOf(ctx, deal)).filter((d) => d.successorId === pricing.id);
    expect(restored).toMatchObject([{ type: 'SS', lagDays: 3 }]);
    expect(row(await rowsOf(ctx, deal), 'Pricing').start).toBe('2026-12-28');
  });
});

describe('outline, progress, delete', () => {
  it('adds a task after a row, indents it into a summary whose dates follow it', async () => {
    const { ctx, deal } = await dealWithPlan();
    const rows = await rowsOf(ctx, deal);
    const writing = row(rows, 'Proposal writing');
    // Writing has a link, so it cannot take subtasks: add a fresh row for that.
    const chapterHead = await addPlanItem(ctx.db, ctx.env, {
      dealId: deal.id,
      afterId: writing.id,
      kind: 'task',
      name: 'Volumes',
      today: TODAY,
    });
    const chapter = await addPlanItem(ctx.db, ctx.env, {
      dealId: deal.id,
      afterId: chapterHead,
      kind: 'task',
      name: 'Executive summary',
      today: TODAY,
    });
    let now = await rowsOf(ctx, deal);
    expect(now.map((r) => r.name).slice(4, 7)).toEqual([
      'Proposal writing',
      'Volumes',
      'Executive summary',
    ]);
    // The new task starts the working day after the row it follows.
    expect(row(now, 'Volumes').start).toBe('2026-12-29');

    const refused = await refusal(
      indentPlanItem(ctx.db, ctx.env, { dealId: deal.id, id: row(now, 'Volumes').id }),
      PlanRuleError,
    );
    expect(refused.problem).toMatchObject({ kind: 'outline', error: { kind: 'parentHasLinks' } });

    await indentPlanItem(ctx.db, ctx.env, { dealId: deal.id, id: chapter });
    now = await rowsOf(ctx, deal);
    expect(row(now, 'Executive summary')).toMatchObject({ wbs: '6.1', depth: 1 });
    const volumes = row(now, 'Volumes');
    expect(volumes.summary).toBe(true);
    expect(volumes.start).toBe(row(now, 'Executive summary').start);

    const summary = row(now, 'Executive summary');
    await schedulePlanItem(ctx.db, ctx.env, {
      dealId: deal.id,
      id: summary.id,
      expectedRev: summary.rev,
      durationDays: 3,
    });
    now = await rowsOf(ctx, deal);
    expect(row(now, 'Volumes')).toMatchObject({
      durationDays: 3,
      finish: row(now, 'Executive summary').finish,
    });
    const summaryMove = await refusal(
      schedulePlanItem(ctx.db, ctx.env, {
        dealId: deal.id,
        id: row(now, 'Volumes').id,
        expectedRev: row(now, 'Volumes').rev,
        durationDays: 5,
      }),
      PlanRuleError,
    );
    expect(summaryMove.problem.kind).toBe('summaryDates');

    const exec = row(now, 'Executive summary');
    await setPlanItemProgress(ctx.db, ctx.env, {
      dealId: deal.id,
      id: exec.id,
      expectedRev: exec.rev,
      progress: 60,
    });
    expect(row(await rowsOf(ctx, deal), 'Volumes').progress).toBe(60);

    await outdentPlanItem(ctx.db, ctx.env, { dealId: deal.id, id: exec.id });
    now = await rowsOf(ctx, deal);
    expect(row(now, 'Executive summary')).toMatchObject({ wbs: '7', depth: 0 });
    expect(row(now, 'Volumes').summary).toBe(false);
  });

  it('deletes a row with its links; a reached milestone records its actual date', async () => {
    const { ctx, deal } = await dealWithPlan();
    let rows = await rowsOf(ctx, deal);
    const pink = row(rows, 'Pink team review');
    await deletePlanItem(ctx.db, ctx.env, { dealId: deal.id, id: pink.id, expectedRev: pink.rev });
    rows = await rowsOf(ctx, deal);
    expect(rows.some((r) => r.name === 'Pink team review')).toBe(false);
    const links = await linksOf(ctx, deal);
    expect(links.some((l) => l.predecessorId === pink.id || l.successorId === pink.id)).toBe(false);
    await undoLast(ctx.db, ctx.env);
    expect((await rowsOf(ctx, deal)).some((r) => r.name === 'Pink team review')).toBe(true);

    const decision = row(await rowsOf(ctx, deal), 'Bid/no-bid decision');
    await setPlanItemProgress(ctx.db, ctx.env, {
      dealId: deal.id,
      id: decision.id,
      expectedRev: decision.rev,
      progress: 100,
    });
    const stored = await ctx.db.milestones.get(decision.id);
    expect(stored?.actualDate).toBe(decision.start);
  });
});

describe('captureBaseline', () => {
  it('freezes the plan; a slip afterwards shows as variance in working days', async () => {
    const { ctx, deal } = await dealWithPlan();
    const baseline = await captureBaseline(ctx.db, ctx.env, {
      dealId: deal.id,
      name: 'At bid/no-bid',
    });
    expect(baseline.tasks).toHaveLength(10);
    expect(baseline.milestones).toHaveLength(2);
    const submission = row(await rowsOf(ctx, deal), 'Proposal submission');
    const stored = await ctx.db.milestones.get(submission.id);
    expect(stored?.baselineDate).toBe('2027-01-15');

    const gold = row(await rowsOf(ctx, deal), 'Gold team review');
    await schedulePlanItem(ctx.db, ctx.env, {
      dealId: deal.id,
      id: gold.id,
      expectedRev: gold.rev,
      start: parsePlanDate('2027-01-13'),
    });
    const settings = await ctx.db.settings.get(settingsId);
    if (!settings) expect.fail('settings');
    const rows = await rowsOf(ctx, deal);
    const variance = planVariance(rows, baseline, calendarFromSettings(settings));
    // Gold moved two working days; production and submission were pushed by as much.
    expect(variance.get(gold.id)).toEqual({ days: 2 });
    expect(variance.get(submission.id)).toEqual({ days: 2 });
    expect(variance.get(row(rows, 'RFP analysis').id)).toEqual({ days: 0 });
  });
});
