import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RoleId } from '@shared/domain/ids';
import { assignableTasks, proposeAssignment } from '@shared/resources/assignable';
import { task } from '../plan/fixtures';

const DESIGN = '00000000-0000-4000-8000-0000000000a1' as RoleId;
const PRICING = '00000000-0000-4000-8000-0000000000a2' as RoleId;

describe('assignableTasks', () => {
  it('keeps the tasks with working days and no subtasks, in plan order', () => {
    const summary = task('Proposal', '2026-03-02', '2026-03-13', 10, { sortIndex: 1024 });
    const write = task('Write', '2026-03-02', '2026-03-06', 5, {
      parentId: summary.id,
      sortIndex: 2048,
    });
    const review = task('Review', '2026-03-09', '2026-03-13', 5, {
      parentId: summary.id,
      sortIndex: 1024,
    });
    const submit = task('Submit', '2026-03-13', '2026-03-13', 0, { sortIndex: 4096 });
    const price = task('Price', '2026-03-02', '2026-03-04', 3, { sortIndex: 3072 });
    const binned = task('Old', '2026-03-02', '2026-03-04', 3, { deletedAt: 5 });
    expect(
      assignableTasks([submit, price, write, binned, summary, review]).map((t) => t.name),
    ).toEqual(['Review', 'Write', 'Price']);
  });

  it('treats a task whose subtasks are all in the trash as plain work again', () => {
    const parent = task('Parent', '2026-03-02', '2026-03-06', 5);
    const child = task('Child', '2026-03-02', '2026-03-06', 5, {
      parentId: parent.id,
      deletedAt: 9,
    });
    expect(assignableTasks([parent, child]).map((t) => t.name)).toEqual(['Parent']);
  });

  it('never offers a milestone or a summary, whatever the plan (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ duration: fc.nat(5), parent: fc.nat(8), dead: fc.boolean() }), {
          maxLength: 8,
        }),
        (specs) => {
          const tasks = specs.map((spec) =>
            task('T', '2026-03-02', '2026-03-09', spec.duration, {
              deletedAt: spec.dead ? 1 : null,
            }),
          );
          const linked = tasks.map((t, i) => {
            const parent = tasks[specs[i]?.parent ?? 0];
            return parent && parent.id !== t.id && i > (specs[i]?.parent ?? 0)
              ? { ...t, parentId: parent.id }
              : t;
          });
          const result = assignableTasks(linked);
          for (const t of result) {
            expect(t.deletedAt).toBeNull();
            expect(t.durationDays).toBeGreaterThan(0);
            expect(linked.some((c) => c.parentId === t.id && c.deletedAt === null)).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('proposeAssignment', () => {
  const design = task('Design', '2026-03-02', '2026-03-06', 5, { requiredRoleId: DESIGN });
  const pricing = task('Pricing', '2026-03-02', '2026-03-06', 5, { requiredRoleId: PRICING });
  const open = task('Anything', '2026-03-02', '2026-03-06', 5);

  it('offers the only task, in its role when the person has it', () => {
    expect(proposeAssignment({ roleIds: [PRICING, DESIGN] }, [design])).toEqual({
      taskId: design.id,
      roleId: DESIGN,
    });
    expect(proposeAssignment({ roleIds: [PRICING] }, [design])).toEqual({
      taskId: design.id,
      roleId: PRICING,
    });
  });

  it('offers the first task needing one of the person’s roles', () => {
    expect(proposeAssignment({ roleIds: [PRICING] }, [open, design, pricing])).toEqual({
      taskId: pricing.id,
      roleId: PRICING,
    });
  });

  it('leaves the task to choose when none fits, with the person’s first role', () => {
    expect(proposeAssignment({ roleIds: [DESIGN] }, [open, pricing])).toEqual({
      taskId: null,
      roleId: DESIGN,
    });
    expect(proposeAssignment({ roleIds: [DESIGN] }, [])).toEqual({ taskId: null, roleId: DESIGN });
  });
});
