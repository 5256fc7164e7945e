import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('changedPeople on long lists', () => {
  const names = ['ana', 'bo', 'cy'] as const;
  const base = Array.from({ length: 40 }, (_, i) =>
    withRev({ ...assign(names[i % 3]!, tasks[i % 2]!, 1 + i), id: `a-${i}` }),
  );
  /** Every assignment that is new, gone or at another revision, by the person before and after. */
  function naive(was: typeof base, now: typeof base): Set<string> {
    const old = new Map(was.map((a) => [a.id, a]));
    const changed = new Set<string>();
    for (const a of now) {
      const prior = old.get(a.id);
      old.delete(a.id);
      if (prior?.rev === a.rev) continue;
      changed.add(a.personId);
      if (prior) changed.add(prior.personId);
    }
    for (const gone of old.values()) changed.add(gone.personId);
    return changed;
  }

  it('finds what a full comparison finds, after any edits, insertions and removals', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat(2) }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('add' as const), at: fc.nat(), to: fc.nat(2) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        const now = [...base];
        edits.forEach((e, n) => {
          const at = now.length === 0 ? 0 : e.at % now.length;
          if (e.kind === 'move' && now[at]) {
            const a = now[at]!;
            now[at] = { ...a, personId: personId(names[e.to]!), rev: a.rev + 1 };
          } else if (e.kind === 'remove') {
            now.splice(at, 1);
          } else if (e.kind === 'add') {
            const added = withRev({ ...assign(names[e.to]!, tasks[0]!, 3), id: `new-${n}` });
            now.splice(at, 0, added);
          }
        });
        const found = changedPeople(records({ assignments: base }), records({ assignments: now }));
        expect(found).toEqual(naive(base, now));
      }),
    );
  });
});
