import { describe, expect, it } from 'vitest';
import type { Money } from '@shared/domain/money';
import { dealTeam, type TeamPerson, type TeamTask } from '@shared/resources/team';
import { assign, d, dealId, personId, roleId, task } from './fixtures';

const rate = (amountMinor: number, currency = 'CNY'): Money => ({ amountMinor, currency });

function teamPerson(label: string, roles: string[], costRate: Money): TeamPerson {
  return { id: personId(label), roleIds: roles.map(roleId), costRate, deletedAt: null };
}

function planTask(label: string, start: string, finish: string, role: string | null): TeamTask {
  return {
    ...task(label, 'deal', start, finish),
    name: label,
    requiredRoleId: role === null ? null : roleId(role),
  };
}

describe('dealTeam', () => {
  const writing = planTask('writing', '2026-03-02', '2026-03-06', 'writer');
  const pricing = planTask('pricing', '2026-03-02', '2026-03-13', 'pricer');
  const review = planTask('review', '2026-02-23', '2026-02-27', 'writer');
  const people = [
    teamPerson('ann', ['writer'], rate(30_000)),
    teamPerson('bob', ['pricer'], rate(45_050)),
  ];

  it('sums hours and planned cost per person and role, most hours first', () => {
    const team = dealTeam({
      assignments: [
        assign('ann', writing, 10, 'writer'),
        assign('bob', pricing, 24.5, 'pricer'),
        assign('ann', review, 6, 'writer'),
      ],
      tasks: [writing, pricing, review],
      people,
      roundingMode: 'half_up',
    });
    expect(team.members.map((m) => [m.personId, m.minutes])).toEqual([
      [personId('bob'), 24.5 * 60],
      [personId('ann'), 16 * 60],
    ]);
    // 24.5 h × 450.50 = 11,037.25; 16 h × 300 = 4,800.
    expect(team.members[0]?.cost).toEqual(rate(1_103_725));
    expect(team.members[1]?.cost).toEqual(rate(480_000));
    expect(team.members[1]?.taskIds).toHaveLength(2);
    expect(team.totalMinutes).toBe(40.5 * 60);
    expect(team.costByCurrency).toEqual([rate(1_583_725)]);
    expect(team.unassigned).toEqual([]);
  });

  it('lists tasks needing a role with nobody on them, earliest first', () => {
    const team = dealTeam({
      assignments: [assign('ann', writing, 10, 'writer')],
      tasks: [pricing, writing, review, planTask('notes', '2026-01-05', '2026-01-06', null)],
      people,
      roundingMode: 'half_up',
    });
    expect(team.unassigned).toEqual([
      { taskId: review.id, roleId: roleId('writer') },
      { taskId: pricing.id, roleId: roleId('pricer') },
    ]);
  });

  it('leaves out deleted assignments and work on deleted tasks', () => {
    const gone = { ...planTask('gone', '2026-03-02', '2026-03-03', 'writer'), deletedAt: 5 };
    const team = dealTeam({
      assignments: [assign('ann', writing, 8, 'writer', true), assign('ann', gone, 8, 'writer')],
      tasks: [writing, gone],
      people,
      roundingMode: 'half_up',
    });
    expect(team.members).toEqual([]);
    expect(team.totalMinutes).toBe(0);
    expect(team.unassigned).toEqual([{ taskId: writing.id, roleId: roleId('writer') }]);
  });

  it('keeps currencies apart and shows no cost for an unknown person', () => {
    const team = dealTeam({
      assignments: [
        assign('ann', writing, 2, 'writer'),
        assign('eve', writing, 2, 'writer'),
        assign('bob', pricing, 1, 'pricer'),
      ],
      tasks: [writing, pricing],
      people: [
        teamPerson('ann', ['writer'], rate(100, 'USD')),
        teamPerson('bob', ['pricer'], rate(45_050)),
      ],
      roundingMode: 'half_even',
    });
    expect(team.members.find((m) => m.personId === personId('eve'))?.cost).toBeNull();
    expect(team.costByCurrency).toEqual([rate(200, 'USD'), rate(45_050)]);
    expect(dealId('deal')).toBe(writing.dealId);
    expect(d('2026-03-02')).toBe(writing.start);
  });
});
