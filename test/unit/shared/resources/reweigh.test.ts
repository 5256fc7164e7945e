import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonId } from '@shared/domain/ids';
import type { LoadAssignment, WeeklyLoadInput } from '@shared/resources/load';
import { reweighPeople, weeklyLoad } from '@shared/resources/load';
import { assign, person, personId, settings, task } from './fixtures';

const PEOPLE = ['ana', 'bo', 'cy', 'di'] as const;
const ana = person('ana', ['writer']);
const bo = person('bo', ['writer', 'pricer']);
const cy = person('cy', ['pricer'], { weeklyCapacityHours: 20, leaveDays: ['2026-11-11'] });
const di = person('di', ['writer'], { deleted: true });
const TASKS = [
  task('rfp', 'd1', '2026-11-02', '2026-11-13'),
  task('design', 'd1', '2026-11-09', '2026-12-04'),
  task('pricing', 'd2', '2026-11-20', '2026-11-27'),
  task('gone', 'd2', '2026-11-03', '2026-11-05', true),
  task('later', 'd3', '2027-03-01', '2027-03-05'),
  task('weekend', 'd3', '2026-11-07', '2026-11-08'),
];

function input(assignments: readonly LoadAssignment[]): WeeklyLoadInput {
  return {
    people: [ana, bo, cy, di],
    assignments,
    tasks: TASKS,
    settings: settings({ holidays: ['2026-11-16'] }),
    weeks: { start: '2026-11-02' as WeeklyLoadInput['weeks']['start'], count: 6 },
    weekStartsOn: 1,
  };
}

const assignmentArb = fc
  .record({
    who: fc.constantFrom(...PEOPLE, 'nobody'),
    on: fc.integer({ min: 0, max: TASKS.length - 1 }),
    quarters: fc.integer({ min: 1, max: 400 }),
    deleted: fc.boolean(),
  })
  .map(({ who, on, quarters, deleted }) =>
    assign(who, TASKS[on] ?? TASKS[0]!, quarters / 4, 'writer', deleted),
  );

/** An edit of one assignment: moved to someone else, new hours, removed, or a new one. */
const editArb = fc.record({
  kind: fc.constantFrom('reassign', 'hours', 'remove', 'add'),
  at: fc.nat(),
  who: fc.constantFrom(...PEOPLE, 'nobody'),
  quarters: fc.integer({ min: 1, max: 400 }),
  added: assignmentArb,
});

describe('reweighPeople', () => {
  it('equals a full computation after any edits, and keeps the untouched rows', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(assignmentArb, { selector: (a) => a.id, maxLength: 12 }),
        fc.array(editArb, { minLength: 1, maxLength: 3 }),
        (before, edits) => {
          const after = [...before];
          const changed = new Set<PersonId>();
          for (const edit of edits) {
            const i = after.length === 0 ? -1 : edit.at % after.length;
            const current = i < 0 ? undefined : after[i];
            if (edit.kind === 'add' || current === undefined) {
              if (after.some((a) => a.id === edit.added.id)) continue;
              after.push(edit.added);
              changed.add(edit.added.personId);
              continue;
            }
            changed.add(current.personId);
            if (edit.kind === 'remove') after.splice(i, 1);
            else if (edit.kind === 'hours') after[i] = { ...current, hours: edit.quarters / 4 };
            else {
              after[i] = { ...current, personId: personId(edit.who) };
              changed.add(personId(edit.who));
            }
          }
          const previous = weeklyLoad(input(before));
          const again = reweighPeople(previous, input(after), changed);
          expect(again).toEqual(weeklyLoad(input(after)));
          again.people.forEach((row, i) => {
            if (!changed.has(row.personId)) expect(row).toBe(previous.people[i]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('computes everything again when the range or the people differ', () => {
    const previous = weeklyLoad(input([assign('ana', TASKS[0]!, 10)]));
    const moved = {
      ...input([assign('ana', TASKS[0]!, 10)]),
      weeks: { start: '2026-11-09', count: 6 },
    } as WeeklyLoadInput;
    expect(reweighPeople(previous, moved, new Set())).toEqual(weeklyLoad(moved));
    const fewer = { ...input([assign('ana', TASKS[0]!, 10)]), people: [ana, cy] };
    expect(reweighPeople(previous, fewer, new Set())).toEqual(weeklyLoad(fewer));
  });

  it('returns the previous load when nobody changed', () => {
    const same = input([assign('bo', TASKS[1]!, 30)]);
    const previous = weeklyLoad(same);
    expect(reweighPeople(previous, same, new Set())).toBe(previous);
  });
});
