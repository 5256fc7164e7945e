/**
 * Large plans for the benchmark: the shape of a big bid's WBS at any size, as scheduling input
 * (for `schedule.cpm5000`) or as stored records of one extra deal (for the Gantt operations).
 */
import type { WorkingCalendar } from '@shared/domain/calendar';
import { calendarFromSettings } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { Dependency } from '@shared/domain/dependency';
import type { DealId } from '@shared/domain/ids';
import { dealIdSchema, dependencyIdSchema, taskIdSchema, uuidFromBytes } from '@shared/domain/ids';
import type { Portfolio } from '@shared/domain/tables';
import type { Task } from '@shared/domain/task';
import { computeSchedule } from '@shared/schedule/cpm';
import type { LinkType, ScheduleLink, ScheduleTask } from '@shared/schedule/model';
import { finishOf } from '@shared/schedule/model';

/** Tasks per summary (work package) and per parallel workstream. */
const PACKAGE = 20;
const STREAM = 25;

interface PlanShape {
  readonly tasks: ScheduleTask[];
  readonly links: ScheduleLink[];
  /** The summary each task belongs to (its work package). */
  readonly packageOf: number[];
}

/**
 * `n` tasks in parallel workstreams of about 25 (volumes, pricing, reviews…), each a chain of
 * finish-to-start links, with a start-to-start or finish-to-finish link from the stream before
 * now and then: the kind of network a big bid plan has. Durations cycle through 1–5 working days.
 */
export function planShape(n: number): PlanShape {
  const streams = Math.max(1, Math.round(n / STREAM));
  const tasks: ScheduleTask[] = [];
  const links: ScheduleLink[] = [];
  const packageOf: number[] = [];
  const last = new Map<number, string>();
  for (let i = 0; i < n; i += 1) {
    const id = `t${i}`;
    const stream = i % streams;
    tasks.push({ id, durationDays: 1 + ((i * 7) % 5) });
    packageOf.push(Math.floor(i / PACKAGE));
    const previous = last.get(stream);
    if (previous !== undefined) {
      links.push({ predecessorId: previous, successorId: id, type: 'FS', lagDays: 0 });
    }
    const other = last.get(stream - 1);
    if (other !== undefined && i % 7 === 0 && other !== previous) {
      const type: LinkType = i % 2 === 0 ? 'SS' : 'FF';
      links.push({ predecessorId: other, successorId: id, type, lagDays: 0 });
    }
    last.set(stream, id);
  }
  return { tasks, links, packageOf };
}

/**
 * Times the scheduling engine on an `n`-task plan planned backward from a deadline, the way the
 * plan tab analyses a bid: the median of `repeats` runs after one warm-up run, in ms.
 */
export function timeSchedule(n: number, repeats: number): number {
  const { tasks, links } = planShape(n);
  const input = {
    direction: 'backward' as const,
    tasks,
    links,
    deadline: 10_000,
    today: 9_000,
  };
  computeSchedule(input);
  const times: number[] = [];
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    const result = computeSchedule(input);
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(`the bench plan did not schedule: ${result.error.kind}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

let counter = 0;
/** Ids that cannot collide with the generated portfolio's: a fixed first byte and a counter. */
function benchUuid(): string {
  counter += 1;
  const bytes = new Uint8Array(16);
  new DataView(bytes.buffer).setUint32(12, counter);
  bytes[0] = 0xbe;
  return uuidFromBytes(bytes);
}

/**
 * Adds one open deal with an `n`-task plan to a generated portfolio (a copy of its first open
 * deal, under a code of its own), laid out forward from `start` on the company calendar, with a
 * summary task over every 20 tasks. Returns the new deal's id.
 */
export function addPlanDeal(portfolio: Portfolio, n: number, start: PlanDate): DealId {
  const template = portfolio.deals.find((deal) => deal.status === 'open');
  const settings = portfolio.settings[0];
  if (template === undefined || settings === undefined) throw new Error('generate() first');
  const calendar: WorkingCalendar = calendarFromSettings(settings);
  const shape = planShape(n);
  const scheduled = computeSchedule({
    direction: 'forward',
    tasks: shape.tasks,
    links: shape.links,
    projectStart: calendar.workingIndex(start),
  });
  if (!scheduled.ok) throw new Error(`the bench plan did not schedule: ${scheduled.error.kind}`);
  const at = template.createdAt;
  const base = { createdAt: at, updatedAt: at, rev: 1, deletedAt: null };
  const finish = calendar.dateOfWorkingIndex(scheduled.value.finish);
  const deal: Deal = {
    ...template,
    id: dealIdSchema.parse(benchUuid()),
    code: `BENCH-PLAN-${n}`,
    name: `Bench plan (${n} tasks)`,
    keyDates: {
      ...template.keyDates,
      kickoff: start,
      rfpRelease: null,
      questionsDue: null,
      submissionDue: calendar.addWorkingDays(finish, 5),
      expectedAward: null,
      contractStart: null,
    },
  };
  const ids = shape.tasks.map(() => taskIdSchema.parse(benchUuid()));
  const summaries = Array.from({ length: Math.ceil(n / PACKAGE) }, () =>
    taskIdSchema.parse(benchUuid()),
  );
  const tasks: Task[] = [];
  scheduled.value.tasks.forEach((task, i) => {
    const id = ids[i];
    const parentId = summaries[shape.packageOf[i] ?? 0];
    if (id === undefined || parentId === undefined) return;
    tasks.push({
      ...base,
      id,
      dealId: deal.id,
      parentId,
      name: `Work item ${i + 1}`,
      start: calendar.dateOfWorkingIndex(task.start),
      finish: calendar.dateOfWorkingIndex(finishOf(task.start, task.durationDays)),
      durationDays: task.durationDays,
      progress: 0,
      sortIndex: (i % PACKAGE) * 1024,
      requiredRoleId: null,
      notes: '',
    });
  });
  summaries.forEach((id, p) => {
    const children = tasks.filter((task) => task.parentId === id);
    const first = children.reduce((min, t) => (t.start < min ? t.start : min), finish);
    const last = children.reduce((max, t) => (t.finish > max ? t.finish : max), start);
    tasks.push({
      ...base,
      id,
      dealId: deal.id,
      parentId: null,
      name: `Work package ${p + 1}`,
      start: first,
      finish: last,
      durationDays: calendar.countWorkingDaysInclusive(first, last),
      progress: 0,
      sortIndex: p * 1024,
      requiredRoleId: null,
      notes: '',
    });
  });
  const indexOf = new Map(shape.tasks.map((task, i) => [task.id, i]));
  const dependencies: Dependency[] = shape.links.flatMap((link) => {
    const from = ids[indexOf.get(link.predecessorId) ?? -1];
    const to = ids[indexOf.get(link.successorId) ?? -1];
    if (from === undefined || to === undefined) return [];
    return [
      {
        ...base,
        id: dependencyIdSchema.parse(benchUuid()),
        dealId: deal.id,
        predecessorId: from,
        successorId: to,
        type: link.type,
        lagDays: link.lagDays,
      },
    ];
  });
  portfolio.deals.push(deal);
  portfolio.tasks.push(...tasks);
  portfolio.dependencies.push(...dependencies);
  return deal.id;
}
