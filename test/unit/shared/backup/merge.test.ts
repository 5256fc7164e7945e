import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { TABLE_NAMES, emptyPortfolio } from '@shared/domain/tables';
import type { EntityOf, Portfolio, TableName } from '@shared/domain/tables';
import { chooseAll, conflictKey, planMerge, resolveMerge, sameContent } from '@shared/backup/merge';

type AnyRecord = EntityOf<TableName>;

const NOW = Date.UTC(2026, 10, 26, 9);
const SIZE = {
  deals: 4,
  people: 12,
  accounts: 8,
  tasksPerDeal: 4,
  risksPerDeal: 2,
  costEntriesPerDeal: 2,
  activitiesPerDeal: 3,
  timeEntriesPerDeal: 2,
};
const base = generatePortfolio({ seed: 3, locale: 'en', now: NOW, ...SIZE });
/** Another person's portfolio: different ids everywhere but the settings record. */
const other = generatePortfolio({ seed: 11, locale: 'zh-CN', now: NOW, ...SIZE });

function rows(portfolio: Portfolio, table: TableName): readonly AnyRecord[] {
  return portfolio[table] as readonly AnyRecord[];
}

function build(edit: (table: TableName, records: readonly AnyRecord[]) => AnyRecord[]): Portfolio {
  const portfolio = emptyPortfolio();
  for (const table of TABLE_NAMES) {
    Object.assign(portfolio, { [table]: edit(table, rows(base, table)) });
  }
  return portfolio;
}

/** One side's edits of the common base: some records dropped, some changed (newer or older). */
interface SideEdits {
  readonly drop: readonly number[];
  readonly change: readonly { readonly index: number; readonly later: number }[];
}

const sideEdits = fc.record({
  drop: fc.array(fc.nat({ max: 400 }), { maxLength: 20 }),
  change: fc.array(
    fc.record({ index: fc.nat({ max: 400 }), later: fc.integer({ min: -5, max: 5 }) }),
    {
      maxLength: 30,
    },
  ),
});

function applyEdits(edits: SideEdits, marker: number, withOther: boolean): Portfolio {
  let position = 0;
  const dropped = new Set(edits.drop);
  const changed = new Map(edits.change.map((c) => [c.index, c.later]));
  const portfolio = build((_table, records) =>
    records.flatMap((record) => {
      const at = position++;
      if (dropped.has(at)) return [];
      const later = changed.get(at);
      if (later === undefined) return [record];
      return [{ ...record, deletedAt: marker, updatedAt: record.updatedAt + later } as AnyRecord];
    }),
  );
  if (!withOther) return portfolio;
  for (const table of TABLE_NAMES) {
    // Records the two generators share (the settings, the default roles) stay matched by id.
    const known = ids(base, table);
    const fresh = rows(other, table).filter((record) => !known.has(record.id));
    Object.assign(portfolio, { [table]: [...rows(portfolio, table), ...fresh] });
  }
  return portfolio;
}

function ids(portfolio: Portfolio, table: TableName): Set<string> {
  return new Set(rows(portfolio, table).map((record) => record.id));
}

const sides = fc.record({ mine: sideEdits, theirs: sideEdits, adds: fc.boolean() });

describe('planMerge and resolveMerge', () => {
  it('merging a backup into the same data adds nothing and changes nothing', () => {
    const plan = planMerge(base, base);
    expect(plan.totals).toMatchObject({ added: 0, conflicts: 0, onlyMine: 0 });
    const result = resolveMerge(base, plan, new Map());
    expect(result.merged).toEqual(base);
    expect(result.replacements).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('counts every record of both sides exactly once', () => {
    fc.assert(
      fc.property(sides, ({ mine: m, theirs: t, adds }) => {
        const mine = applyEdits(m, 1, false);
        const theirs = applyEdits(t, 2, adds);
        const plan = planMerge(mine, theirs);
        for (const table of TABLE_NAMES) {
          const c = plan.counts[table];
          expect(c.added + c.identical + c.conflicts).toBe(theirs[table].length);
          expect(c.onlyMine + c.identical + c.conflicts).toBe(mine[table].length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('"all mine" leaves my data unchanged and adds theirs', () => {
    fc.assert(
      fc.property(sides, ({ mine: m, theirs: t, adds }) => {
        const mine = applyEdits(m, 1, false);
        const theirs = applyEdits(t, 2, adds);
        const plan = planMerge(mine, theirs);
        const { merged, replacements } = resolveMerge(mine, plan, chooseAll(plan, 'mine'));
        expect(replacements).toEqual([]);
        for (const table of TABLE_NAMES) {
          const kept = rows(merged, table).slice(0, mine[table].length);
          expect(kept).toEqual(mine[table]);
          const mineIds = ids(mine, table);
          const expected = rows(theirs, table).filter((record) => !mineIds.has(record.id));
          expect(rows(merged, table).length).toBe(mine[table].length + expected.length);
          expect(
            rows(merged, table)
              .slice(mine[table].length)
              .map((r) => r.id),
          ).toEqual(expected.map((r) => r.id));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('"all theirs" takes their version of every conflict, above both revisions', () => {
    fc.assert(
      fc.property(sides, ({ mine: m, theirs: t, adds }) => {
        const mine = applyEdits(m, 1, false);
        const theirs = applyEdits(t, 2, adds);
        const plan = planMerge(mine, theirs);
        const { merged, renamedDeals } = resolveMerge(mine, plan, chooseAll(plan, 'theirs'));
        const renamed = new Map(renamedDeals.map((r) => [r.id, r.to]));
        for (const table of TABLE_NAMES) {
          const mergedById = new Map(rows(merged, table).map((r) => [r.id, r]));
          const mineById = new Map(rows(mine, table).map((r) => [r.id, r]));
          for (const record of rows(theirs, table)) {
            const result = mergedById.get(record.id);
            expect(result).toBeDefined();
            if (result === undefined) continue;
            // Every record of theirs is there with their content (identical ones are mine's, equal in content).
            // A new deal whose code was taken arrives under the next free one, and only that differs.
            const code = renamed.get(record.id);
            expect(sameContent(result, code === undefined ? record : { ...record, code })).toBe(
              true,
            );
            const own = mineById.get(record.id);
            if (own !== undefined && !sameContent(own, record)) {
              expect(result).toEqual({ ...record, rev: Math.max(own.rev, record.rev) + 1 });
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('no record of either side vanishes, whatever the choices', () => {
    fc.assert(
      fc.property(sides, fc.array(fc.boolean(), { maxLength: 60 }), (edits, picks) => {
        const mine = applyEdits(edits.mine, 1, false);
        const theirs = applyEdits(edits.theirs, 2, edits.adds);
        const plan = planMerge(mine, theirs);
        const choices = new Map(
          plan.conflicts.map((c, i) => [
            conflictKey(c.table, c.id),
            picks[i % Math.max(picks.length, 1)] === true ? ('theirs' as const) : ('mine' as const),
          ]),
        );
        const { merged } = resolveMerge(mine, plan, choices);
        for (const table of TABLE_NAMES) {
          const all = new Set([...ids(mine, table), ...ids(theirs, table)]);
          expect(ids(merged, table)).toEqual(all);
          expect(merged[table].length).toBe(all.size);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('preselects the newer version, mine on a tie', () => {
    const deal = base.deals[0];
    const account = base.accounts[0];
    if (deal === undefined || account === undefined) throw new Error('no deal');
    const theirs = {
      ...base,
      deals: base.deals.map((d) =>
        d.id === deal.id ? { ...d, name: 'Their name', updatedAt: d.updatedAt + 1 } : d,
      ),
      accounts: base.accounts.map((a) => (a.id === account.id ? { ...a, name: 'Same time' } : a)),
    };
    const plan = planMerge(base, theirs);
    expect(plan.conflicts.map((c) => [c.table, c.preselected])).toEqual([
      ['accounts', 'mine'],
      ['deals', 'theirs'],
    ]);
    const dealConflict = plan.conflicts.find((c) => c.table === 'deals');
    expect(dealConflict?.fields).toEqual([{ field: 'name', old: deal.name, new: 'Their name' }]);
  });

  it('gives a new deal of theirs the next free code when its code is taken', () => {
    const mine = base;
    const first = other.deals[0];
    const taken = base.deals[0];
    if (first === undefined || taken === undefined) throw new Error('no deal');
    const theirs = {
      ...other,
      deals: [{ ...first, code: taken.code.toUpperCase() }, ...other.deals.slice(1)],
    };
    // Not a valid merge source on its own (settings aside), but codes are what is checked here.
    const plan = planMerge(mine, theirs);
    const result = resolveMerge(mine, plan, new Map());
    // The generator numbers every portfolio's deals the same way: all of theirs collide.
    expect(result.renamedDeals).toContainEqual({
      id: first.id,
      from: taken.code.toUpperCase(),
      to: `${taken.code.toUpperCase()}-2`,
    });
    expect(result.renamedDeals).toHaveLength(other.deals.length);
    expect(result.inserts.deals[0]?.code).toBe(`${taken.code.toUpperCase()}-2`);
    expect(result.problems.filter((p) => p.path[0] === 'deals')).toEqual([]);
  });

  it('lists what a mix of versions would break before anything is written', () => {
    const [a, b] = base.deals;
    const task = base.tasks.find(
      (t) =>
        t.dealId === a?.id &&
        base.dependencies.some((d) => d.predecessorId === t.id || d.successorId === t.id),
    );
    if (a === undefined || b === undefined || task === undefined) throw new Error('no task');
    // Theirs moved a linked task to another deal (not something the app does, but a file can).
    const theirs = {
      ...base,
      tasks: base.tasks.map((t) => (t.id === task.id ? { ...t, dealId: b.id } : t)),
    };
    const plan = planMerge(base, theirs);
    expect(resolveMerge(base, plan, chooseAll(plan, 'mine')).problems).toEqual([]);
    const problems = resolveMerge(base, plan, chooseAll(plan, 'theirs')).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(/another deal/);
  });
});
