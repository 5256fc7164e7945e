import { describe, expect, it } from 'vitest';
import { calendarForPerson, calendarFromSettings } from '@shared/domain/calendar';
import { addDays, planDateFromUtcMs, startOfWeek } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { DealId, TaskId } from '@shared/domain/ids';
import type { Portfolio } from '@shared/domain/tables';
import { computeSchedule } from '@shared/schedule/cpm';
import { weeklyLoad, type WeeklyLoad } from '@shared/resources/load';
import { overAllocations, suggestions } from '@shared/resources/over-allocation';
import { spreadAssignment } from '@shared/resources/spread';
import { layerTentative } from '@shared/resources/what-if';

const NOW = Date.UTC(2026, 10, 26, 9, 30);
const WEEKS = 12;
const portfolio = generatePortfolio({ seed: 11, locale: 'zh-CN', now: NOW, preset: 'sample' });
const settings = portfolio.settings[0]!;
const start = startOfWeek(planDateFromUtcMs(NOW), 1);
const end = addDays(start, 7 * WEEKS);

function load(): WeeklyLoad {
  return weeklyLoad({
    people: portfolio.people,
    assignments: portfolio.assignments,
    tasks: portfolio.tasks,
    settings,
    weeks: { start, count: WEEKS },
    weekStartsOn: 1,
  });
}

const sumCells = (l: WeeklyLoad, field: 'assignedMinutes' | 'tentativeMinutes') =>
  l.people.reduce((sum, row) => sum + row.cells.reduce((s, cell) => s + cell[field], 0), 0);

/**
 * Total slack per task, the way the plan view gets it: each deal's plan (leaf tasks and
 * milestones, at their current dates) scheduled against its submission date.
 */
function slackByTask(p: Portfolio): Map<TaskId, number> {
  const calendar = calendarFromSettings(settings);
  const parents = new Set(p.tasks.map((t) => t.parentId));
  const out = new Map<TaskId, number>();
  for (const deal of p.deals) {
    const leaves = p.tasks.filter((t) => t.dealId === deal.id && !parents.has(t.id));
    const leafIds = new Map<string, TaskId>(leaves.map((t) => [t.id, t.id]));
    const items = [
      ...leaves.map((t) => ({
        id: t.id,
        start: t.start,
        durationDays: Math.max(1, t.durationDays),
      })),
      ...p.milestones
        .filter((m) => m.dealId === deal.id)
        .map((m) => ({ id: m.id, start: m.date, durationDays: 0 })),
    ];
    const ids = new Set<string>(items.map((item) => item.id));
    const schedule = computeSchedule({
      direction: 'forward',
      tasks: items.map((item) => ({
        id: item.id,
        durationDays: item.durationDays,
        fixedStart: calendar.workingIndex(item.start),
      })),
      links: p.dependencies.filter(
        (l) => l.dealId === deal.id && ids.has(l.predecessorId) && ids.has(l.successorId),
      ),
      ...(deal.keyDates.submissionDue === null
        ? {}
        : { deadline: calendar.workingIndex(deal.keyDates.submissionDue) }),
    });
    if (!schedule.ok) continue;
    for (const task of schedule.value.tasks) {
      const id = leafIds.get(task.id);
      if (id !== undefined) out.set(id, task.totalSlack);
    }
  }
  return out;
}

describe('resource load on the generated sample portfolio', () => {
  const base = load();

  it('places every assignment exactly as the per-day spread does', () => {
    const people = new Map(portfolio.people.map((p) => [p.id, p]));
    const tasks = new Map(portfolio.tasks.map((t) => [t.id, t]));
    let expected = 0;
    let noWorkingDay = 0;
    for (const assignment of portfolio.assignments) {
      const task = tasks.get(assignment.taskId)!;
      const person = people.get(assignment.personId)!;
      const spread = spreadAssignment({
        hours: assignment.hours,
        task,
        calendar: calendarForPerson(settings, person),
      });
      if (!spread.ok) {
        if (task.finish >= start && task.start < end) noWorkingDay += 1;
        continue;
      }
      for (const day of spread.value.days) {
        if (day.date >= start && day.date < end) expected += day.minutes;
      }
    }
    expect(expected).toBeGreaterThan(0);
    expect(sumCells(base, 'assignedMinutes')).toBe(expected);
    expect(base.unplaced.filter((u) => u.reason === 'noWorkingDay')).toHaveLength(noWorkingDay);
  });

  it('keeps every cell equal to its drill-down and every role row equal to its people', () => {
    for (const row of base.people) {
      for (const cell of row.cells) {
        expect(cell.contributions.reduce((s, c) => s + c.minutes, 0)).toBe(cell.assignedMinutes);
      }
    }
    for (const role of base.roles) {
      role.cells.forEach((cell, w) => {
        const members = base.people.filter((p) => role.personIds.includes(p.personId));
        expect(cell.assignedMinutes).toBe(
          members.reduce((s, p) => s + (p.cells[w]?.assignedMinutes ?? 0), 0),
        );
        expect(cell.capacityMinutes).toBe(
          members.reduce((s, p) => s + (p.cells[w]?.capacityMinutes ?? 0), 0),
        );
      });
    }
    expect(base.roles.flatMap((r) => r.personIds)).toHaveLength(base.people.length);
  });

  it('suggests only same-role people with free time and moves within the task’s slack', () => {
    const overs = overAllocations(base);
    // The seeded sample has at least one person over capacity in these weeks.
    expect(overs.length).toBeGreaterThan(0);
    const slack = slackByTask(portfolio);
    for (const over of overs) {
      const result = suggestions({
        overAllocation: over,
        load: base,
        people: portfolio.people,
        roles: portfolio.roles,
        slackByTask: slack,
        tasks: portfolio.tasks,
        settings,
      });
      for (const role of result.reassign) {
        const free = role.candidates.map((c) => c.freeMinutes);
        expect(free).toEqual([...free].sort((a, b) => b - a));
        for (const candidate of role.candidates) {
          const candidatePerson = portfolio.people.find((p) => p.id === candidate.personId)!;
          expect(candidatePerson.roleIds).toContain(role.roleId);
          expect(candidatePerson.active).toBe(true);
          expect(candidate.personId).not.toBe(over.personId);
          expect(candidate.freeMinutes).toBeGreaterThan(0);
        }
      }
      for (const move of result.moveLater) {
        expect(move.moveDays).toBeGreaterThanOrEqual(1);
        expect(move.moveDays).toBeLessThanOrEqual(slack.get(move.taskId) ?? 0);
        expect(move.excessReducedMinutes + move.remainingExcessMinutes).toBe(over.excessMinutes);
      }
    }
  });

  it('layers an open deal as tentative without counting it twice', () => {
    // The open deal with the most work in range, marked tentative.
    const inRange = new Map<DealId, number>();
    for (const row of base.people) {
      for (const cell of row.cells) {
        for (const c of cell.contributions) {
          inRange.set(c.dealId, (inRange.get(c.dealId) ?? 0) + c.minutes);
        }
      }
    }
    const open = portfolio.deals.filter((deal) => deal.status === 'open');
    const deal = open.reduce((best, d) =>
      (inRange.get(d.id) ?? 0) > (inRange.get(best.id) ?? 0) ? d : best,
    );
    expect(inRange.get(deal.id) ?? 0).toBeGreaterThan(0);
    const result = layerTentative(base, {
      assignments: portfolio.assignments.filter((a) => a.dealId === deal.id),
      tasks: portfolio.tasks,
      people: portfolio.people,
      settings,
      milestones: portfolio.milestones,
    });
    expect(sumCells(result.load, 'tentativeMinutes')).toBe(inRange.get(deal.id));
    expect(
      sumCells(result.load, 'assignedMinutes') + sumCells(result.load, 'tentativeMinutes'),
    ).toBe(sumCells(base, 'assignedMinutes'));
    for (const overload of result.overloads) expect(overload.tentativeMinutes).toBeGreaterThan(0);
    for (const milestone of result.milestonesAtRisk) {
      expect(milestone.dealId).not.toBe(deal.id);
      expect(milestone.causes.length).toBeGreaterThan(0);
    }
  });
});
