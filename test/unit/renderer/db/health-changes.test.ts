import { describe, expect, it } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import type { DealHealth } from '@shared/health/health';
import { applyHealthChanges, createHealthDiff } from '@renderer/db/health/changes';

const a = 'deal-a' as DealId;
const b = 'deal-b' as DealId;
const c = 'deal-c' as DealId;
const green: DealHealth = { level: 'green', reasons: [] };
const amber = (): DealHealth => ({
  level: 'amber',
  reasons: [{ code: 'stale', severity: 'amber', days: 30, since: parsePlanDate('2026-10-27') }],
});

describe('health reports carry only what changed', () => {
  it('reports every rating the first time, then only the changed and removed ones', () => {
    const diff = createHealthDiff();
    const first = diff(
      new Map([
        [a, green],
        [b, amber()],
      ]),
    );
    expect(first.changed.map(([id]) => id)).toEqual([a, b]);
    expect(first.removed).toEqual([]);

    // The same ratings built afresh (as the rater does after every write): nothing to report.
    expect(
      diff(
        new Map([
          [a, { ...green }],
          [b, amber()],
        ]),
      ),
    ).toEqual({ changed: [], removed: [] });

    // b turns green, a leaves the open deals, c opens.
    const next = diff(
      new Map([
        [b, green],
        [c, green],
      ]),
    );
    expect(next.changed).toEqual([
      [b, green],
      [c, green],
    ]);
    expect(next.removed).toEqual([a]);
  });

  it('keeps the objects of the deals whose rating did not change', () => {
    const before = new Map([
      [a, green],
      [b, amber()],
    ]);
    const newB = { level: 'red', reasons: [] } as DealHealth;
    const after = applyHealthChanges(before, { changed: [[b, newB]], removed: [] });
    expect(after).not.toBe(before);
    expect(after.get(a)).toBe(green);
    expect(after.get(b)).toBe(newB);
    expect(applyHealthChanges(after, { changed: [], removed: [] })).toBe(after);
    expect([...applyHealthChanges(after, { changed: [], removed: [a] }).keys()]).toEqual([b]);
  });
});
