import { describe, expect, it } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
import { createDefaultSettings } from '@shared/domain/defaults';
import type { LoadRecords } from '@renderer/db/hooks/resources';
import { changedPeople, computeLoad, LoadSeries } from '@renderer/features/resources/utils/load';
import { assign, person, personId, task } from './fixtures';

const settings = { ...createDefaultSettings(1, 'en'), holidays: [], extraWorkingDays: [] };
const people = [person('ana', ['writer']), person('bo', ['writer']), person('cy', ['pricer'])].map(
  (p) => ({ ...p, rev: 1 }),
);
const tasks = [
  task('rfp', 'd1', '2026-11-02', '2026-11-13'),
  task('pricing', 'd1', '2026-11-16', '2026-11-20'),
];
const withRev = <T extends object>(record: T, rev = 1) => ({ ...record, rev });
const assignments = [
  withRev(assign('ana', tasks[0]!, 40)),
  withRev(assign('bo', tasks[0]!, 10)),
  withRev(assign('cy', tasks[1]!, 20)),
];

function records(over: Partial<Record<keyof LoadRecords, unknown>> = {}): LoadRecords {
  return { people, roles: [], assignments, tasks, deals: [], settings, ...over } as LoadRecords;
}

describe('changedPeople', () => {
  const before = records();

  it('names both people of a reassignment, and only them', () => {
    const moved = { ...assignments[0]!, personId: personId('cy'), rev: 2 };
    const after = records({ assignments: [moved, assignments[1], assignments[2]] });
    expect(changedPeople(before, after)).toEqual(new Set([personId('ana'), personId('cy')]));
  });

  it('names the person of an added or removed assignment', () => {
    const added = withRev(assign('bo', tasks[1]!, 5));
    expect(changedPeople(before, records({ assignments: [...assignments, added] }))).toEqual(
      new Set([personId('bo')]),
    );
    expect(changedPeople(before, records({ assignments: assignments.slice(1) }))).toEqual(
      new Set([personId('ana')]),
    );
  });

  it('gives up when people, settings or the plans were read again', () => {
    expect(changedPeople(before, records({ people: [...people].reverse() }))).toBeNull();
    expect(changedPeople(before, records({ settings: { ...settings, rev: 2 } }))).toBeNull();
    expect(changedPeople(before, records({ tasks: [...tasks] }))).toBeNull();
  });
});

const WEEK = parsePlanDate('2026-11-02');

describe('LoadSeries', () => {
  it('gives the same load as a full computation, keeping the rows of people not touched', () => {
    const series = new LoadSeries();
    const first = series.next(records(), WEEK, 4);
    const moved = { ...assignments[1]!, personId: personId('cy'), rev: 2 };
    const after = records({ assignments: [assignments[0], moved, assignments[2]] });
    const second = series.next(after, WEEK, 4);
    expect(second).toEqual(computeLoad(after, WEEK, 4));
    expect(second.people[0]).toBe(first.people[0]);
    expect(second.people[1]).not.toBe(first.people[1]);
    expect(second.people[2]).not.toBe(first.people[2]);
  });
});
