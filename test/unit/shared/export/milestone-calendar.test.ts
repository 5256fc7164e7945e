import { describe, expect, it } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
import type { DealId, MilestoneId } from '@shared/domain/ids';
import type { Milestone } from '@shared/domain/milestone';
import { fileNameProblem } from '@shared/ipc/file-name';
import { icsFileName, milestoneEvents } from '@shared/export/milestone-calendar';

const DEAL_A = '00000000-0000-4000-8000-00000000000a' as DealId;
const DEAL_B = '00000000-0000-4000-8000-00000000000b' as DealId;

function milestone(id: number, dealId: DealId, overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}` as MilestoneId,
    createdAt: 1,
    updatedAt: 1,
    rev: 1,
    deletedAt: null,
    dealId,
    name: `M${id}`,
    kind: 'submission',
    date: parsePlanDate('2026-12-01'),
    baselineDate: null,
    actualDate: null,
    stageId: null,
    templateKey: null,
    sortIndex: id,
    notes: '',
    ...overrides,
  };
}

const deals = [
  { id: DEAL_A, code: 'BID-2026-002', name: 'Grid upgrade' },
  { id: DEAL_B, code: 'BID-2026-001', name: 'Metro signalling' },
];

describe('milestoneEvents', () => {
  const events = milestoneEvents({
    deals,
    kindLabel: (kind) => `kind:${kind}`,
    milestones: [
      milestone(1, DEAL_A, { date: parsePlanDate('2026-12-05'), notes: 'Bring 5 copies' }),
      milestone(2, DEAL_B, { date: parsePlanDate('2026-12-05'), kind: 'award' }),
      milestone(3, DEAL_A, {
        date: parsePlanDate('2026-11-20'),
        actualDate: parsePlanDate('2026-11-18'),
        rev: 4,
      }),
      milestone(4, DEAL_A, { deletedAt: 5 }),
      milestone(5, '00000000-0000-4000-8000-00000000000c' as DealId),
    ],
  });

  it('leaves out deleted milestones and those of deals not exported', () => {
    expect(events.map((e) => e.summary)).toEqual([
      'BID-2026-002 · M3',
      'BID-2026-001 · M2',
      'BID-2026-002 · M1',
    ]);
  });

  it('dates a reached milestone on its actual day, orders by date then deal code', () => {
    expect(events.map((e) => e.date)).toEqual(['2026-11-18', '2026-12-05', '2026-12-05']);
  });

  it('keys each event on its milestone and counts revisions as the sequence', () => {
    expect(events[0]?.uid).toBe('milestone-00000000-0000-4000-8000-000000000003@pursuit');
    expect(events[0]?.sequence).toBe(3);
  });

  it('describes the deal, the kind and the notes', () => {
    expect(events[2]?.description).toBe('Grid upgrade\nkind:submission\nBring 5 copies');
  });
});

describe('icsFileName', () => {
  const day = parsePlanDate('2026-11-26');

  it('names the file after the deal code and the day', () => {
    expect(icsFileName('BID-2026-014', 'milestones', day)).toBe(
      'BID-2026-014-milestones-2026-11-26.ics',
    );
  });

  it('turns a free-text code into a name every file system accepts', () => {
    for (const stem of [
      'a/b\\c:d*e?f"g<h>i|j',
      '..',
      ' . ',
      'CON',
      '招标\u202e gpj.exe',
      '😀'.repeat(80),
    ]) {
      const name = icsFileName(stem, 'milestones', day);
      expect(fileNameProblem(name)).toBeNull();
      expect(name.endsWith('-milestones-2026-11-26.ics')).toBe(true);
    }
    expect(icsFileName('..', 'milestones', day)).toBe('pursuit-milestones-2026-11-26.ics');
  });
});
