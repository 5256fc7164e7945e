import { describe, expect, it } from 'vitest';
import { DEFAULT_BID_SCORECARD, DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import { MEDDPICC_ELEMENTS } from '@shared/domain/gate';
import { stageIdSchema } from '@shared/domain/ids';
import { createDefaultSettings } from '@shared/domain/defaults';
import {
  accepted,
  ACTOR,
  closedDeal,
  d,
  datesByTemplate,
  deal,
  gate,
  move,
  NOW,
  settings,
  STAGES,
  templateMilestone,
} from './fixtures';

describe('planStageMove: forward', () => {
  it('moves one stage on: new stage, entry time, stage Pwin, milestones from the templates', () => {
    const changes = accepted(
      move(deal('qualify', { checkedExitCriteria: ['meddpicc_assessed'] }), 'capture'),
    );
    expect(changes.direction).toBe('forward');
    expect(changes.deal).toEqual({
      stageId: DEFAULT_STAGE_IDS.capture,
      stageEnteredAt: NOW,
      status: 'open',
      pwin: 30,
    });
    // Monday 2026-11-02 + 15 and + 25 working days (Monday to Friday).
    expect(datesByTemplate(changes)).toEqual({
      capture_plan_review: '2026-11-23',
      solution_review: '2026-12-07',
    });
    expect(changes.milestones.map((m) => m.name)).toEqual([
      'Capture plan review',
      'Solution review (blue team)',
    ]);
    expect(changes.gates).toEqual([]);
  });

  it('lists the unchecked exit criteria of the stage it leaves', () => {
    const changes = accepted(
      move(deal('qualify', { checkedExitCriteria: ['meddpicc_assessed'] }), 'capture'),
    );
    expect(changes.skippedCriteria.map((c) => [c.stageKey, c.criterionKey])).toEqual([
      ['qualify', 'bid_decision_go'],
      ['qualify', 'bp_budget_approved'],
    ]);
    expect(changes.skippedCriteria[0]?.label.en).toBe('Bid/no-bid decision is Go');
  });

  it('skips nothing when every criterion of the stage left is checked', () => {
    const changes = accepted(
      move(
        deal('qualify', {
          checkedExitCriteria: ['meddpicc_assessed', 'bid_decision_go', 'bp_budget_approved'],
        }),
        'capture',
      ),
    );
    expect(changes.skippedCriteria).toEqual([]);
    expect(changes.activity.summary).toBe('Stage: Qualify → Capture');
  });

  it('skipping stages lists the unchecked criteria of every stage passed, in process order', () => {
    const changes = accepted(
      move(
        deal('identify', { checkedExitCriteria: ['need_confirmed', 'capture_plan'] }),
        'proposal',
      ),
    );
    expect(changes.skippedCriteria.map((c) => `${c.stageKey}.${c.criterionKey}`)).toEqual([
      'identify.budget_indicated',
      'identify.owner_assigned',
      'qualify.meddpicc_assessed',
      'qualify.bid_decision_go',
      'qualify.bp_budget_approved',
      'capture.win_themes',
      'capture.teaming_agreed',
      'capture.price_to_win',
    ]);
    // Only the target stage's plan is instantiated, not the skipped stages'.
    expect(changes.milestones.every((m) => m.stageId === DEFAULT_STAGE_IDS.proposal)).toBe(true);
    expect(changes.deal.pwin).toBe(40);
  });

  it('leaves the checked criteria as they are: skipping is not checking', () => {
    const changes = accepted(move(deal('qualify'), 'capture'));
    expect('checkedExitCriteria' in changes.deal).toBe(false);
  });

  it('records who moved the deal, when, and what was skipped and added', () => {
    const changes = accepted(move(deal('qualify'), 'capture'));
    expect(changes.activity.actorId).toBe(ACTOR);
    expect(changes.activity.at).toBe(NOW);
    expect(changes.activity.summary).toBe('Stage: Qualify → Capture (3 exit criteria skipped)');
    expect(changes.activity.details).toBe(
      [
        'Exit criteria skipped (confirmed when moving):',
        '- Qualify: MEDDPICC qualification assessed',
        '- Qualify: Bid/no-bid decision is Go',
        '- Qualify: Bid & proposal budget approved',
        'Pwin: 20% → 30%',
        'Milestones planned:',
        '- Capture plan review: 2026-11-23',
        '- Solution review (blue team): 2026-12-07',
      ].join('\n'),
    );
  });

  it('writes names and the trail entry in the language of the install', () => {
    const changes = accepted(
      move(deal('identify'), 'qualify', { settings: createDefaultSettings(NOW, 'zh-CN') }),
    );
    expect(changes.activity.summary).toBe('阶段：识别 → 资格评估（跳过 3 项退出标准）');
    expect(changes.milestones.map((m) => m.name)).toEqual(['投标/不投标决策']);
    expect(changes.gates.map((g) => g.name)).toEqual(['投标/不投标决策']);
  });
});

describe('planStageMove: gates', () => {
  it('opens the bid/no-bid gate on entering Qualify, with the scorecard and MEDDPICC to fill', () => {
    const changes = accepted(move(deal('identify'), 'qualify'));
    expect(changes.gates).toHaveLength(1);
    const bid = changes.gates[0]!;
    expect(bid).toMatchObject({
      kind: 'bid_no_bid',
      name: 'Bid/no-bid decision',
      stageId: DEFAULT_STAGE_IDS.qualify,
      // Dated like the stage's bid/no-bid milestone: Monday + 10 working days.
      scheduledDate: '2026-11-16',
      decision: null,
      decidedBy: null,
      reviewScore: null,
    });
    expect(bid.scorecard.map((item) => [item.key, item.weight, item.score])).toEqual(
      DEFAULT_BID_SCORECARD.map((criterion) => [criterion.key, criterion.weight, null]),
    );
    expect(bid.meddpicc).toEqual(
      MEDDPICC_ELEMENTS.map((element) => ({ element, status: 'unknown', evidence: '' })),
    );
  });

  it('opens pink, red and gold reviews on entering Proposal, dated like their milestones', () => {
    const changes = accepted(move(deal('capture'), 'proposal'));
    expect(changes.gates.map((g) => [g.kind, g.name, g.scheduledDate])).toEqual([
      ['pink', 'Pink team review', '2026-12-30'],
      ['red', 'Red team review', '2027-01-07'],
      ['gold', 'Gold team review', '2027-01-13'],
    ]);
    expect(changes.gates.every((g) => g.scorecard.length === 0 && g.meddpicc.length === 0)).toBe(
      true,
    );
  });

  it('does not open a second gate of a kind still waiting for its decision', () => {
    const changes = accepted(
      move(deal('identify'), 'qualify', { existingGates: [gate('bid_no_bid')] }),
    );
    expect(changes.gates).toEqual([]);
  });

  it('opens a new gate when the earlier one was decided or is in the trash', () => {
    const decided = gate('bid_no_bid', {
      decision: 'go',
      decidedBy: ACTOR,
      decidedAt: NOW - 1,
    });
    const trashed = gate('bid_no_bid', { deletedAt: NOW - 1 });
    for (const existing of [decided, trashed]) {
      const changes = accepted(move(deal('identify'), 'qualify', { existingGates: [existing] }));
      expect(changes.gates.map((g) => g.kind)).toEqual(['bid_no_bid']);
    }
  });
});

describe('planStageMove: milestones on the working-day calendar', () => {
  it('counts stage-entry offsets from the next working day when entering on a weekend', () => {
    // Saturday 2026-11-07: the stage starts Monday the 9th; +5 and +20 count from it.
    const changes = accepted(move(deal('submitted'), 'negotiation', { today: d('2026-11-07') }));
    expect(datesByTemplate(changes)).toEqual({
      bafo: '2026-11-16',
      contract_signature: '2026-12-07',
    });
  });

  it('steps over holidays and counts extra working days', () => {
    const holidays = [d('2026-11-26'), d('2026-11-27')];
    const withHolidays = accepted(
      move(deal('qualify'), 'capture', { settings: settings({ holidays }) }),
    );
    expect(datesByTemplate(withHolidays)).toEqual({
      capture_plan_review: '2026-11-23',
      solution_review: '2026-12-09',
    });
    const withMakeUpDay = accepted(
      move(deal('qualify'), 'capture', {
        settings: settings({ holidays, extraWorkingDays: [d('2026-11-28')] }),
      }),
    );
    expect(datesByTemplate(withMakeUpDay).solution_review).toBe('2026-12-08');
  });

  it('follows the Chinese calendar of a Chinese install (National Day, make-up Saturday)', () => {
    // Wed 2026-09-30, then Oct 1–7 off, Oct 8–9 worked, Sat Oct 10 worked (调休): +10 is Oct 20.
    const changes = accepted(
      move(deal('identify'), 'qualify', {
        settings: createDefaultSettings(NOW, 'zh-CN'),
        today: d('2026-09-30'),
      }),
    );
    expect(datesByTemplate(changes)).toEqual({ bid_no_bid: '2026-10-20' });
  });

  it('dates submission-anchored milestones backward from the submission date', () => {
    // Submission Friday 2027-01-15; −15, −12, −6, −2 and 0 working days.
    const changes = accepted(move(deal('capture'), 'proposal'));
    expect(datesByTemplate(changes)).toEqual({
      questions_due: '2026-12-25',
      pink_team: '2026-12-30',
      red_team: '2027-01-07',
      gold_team: '2027-01-13',
      submission: '2027-01-15',
    });
  });

  it('steps over a holiday between a review and the submission', () => {
    const changes = accepted(
      move(deal('capture'), 'proposal', { settings: settings({ holidays: [d('2027-01-14')] }) }),
    );
    expect(datesByTemplate(changes)).toEqual({
      questions_due: '2026-12-24',
      pink_team: '2026-12-29',
      red_team: '2027-01-06',
      gold_team: '2027-01-12',
      submission: '2027-01-15',
    });
  });

  it('treats a submission due on a Sunday as due the Friday before', () => {
    const subject = deal('capture', {
      keyDates: { ...deal('capture').keyDates, submissionDue: d('2027-01-17') },
    });
    const changes = accepted(move(subject, 'proposal'));
    expect(datesByTemplate(changes)).toMatchObject({
      gold_team: '2027-01-13',
      submission: '2027-01-15',
    });
  });

  it('skips submission-anchored templates while the deal has no submission date, and says so', () => {
    const subject = deal('capture', {
      keyDates: { ...deal('capture').keyDates, submissionDue: null, expectedAward: null },
    });
    const changes = accepted(move(subject, 'proposal'));
    expect(changes.milestones).toEqual([]);
    expect(changes.skippedMilestones.map((m) => [m.templateKey, m.reason])).toEqual([
      ['questions_due', 'no_submission_date'],
      ['pink_team', 'no_submission_date'],
      ['red_team', 'no_submission_date'],
      ['gold_team', 'no_submission_date'],
      ['submission', 'no_submission_date'],
    ]);
    // The reviews still open, undated.
    expect(changes.gates.map((g) => [g.kind, g.scheduledDate])).toEqual([
      ['pink', null],
      ['red', null],
      ['gold', null],
    ]);
    expect(changes.activity.details).toContain(
      'Milestones not planned:\n- Questions due: the deal has no submission date yet',
    );
  });
});

describe('planStageMove: re-entering a stage', () => {
  it('does not plan a template twice, and numbers new milestones after the existing ones', () => {
    const existing = [
      templateMilestone('capture', 'capture_plan_review', { sortIndex: 4 }),
      templateMilestone('identify', 'opportunity_review', { sortIndex: 1 }),
    ];
    const changes = accepted(
      move(deal('proposal', { pwin: 40 }), 'capture', { existingMilestones: existing }),
    );
    expect(changes.milestones.map((m) => [m.templateKey, m.sortIndex])).toEqual([
      ['solution_review', 5],
    ]);
    expect(changes.skippedMilestones).toEqual([
      {
        templateKey: 'capture_plan_review',
        name: { zh: '捕获计划评审', en: 'Capture plan review' },
        reason: 'already_planned',
      },
    ]);
  });

  it('does not bring back a template milestone the user put in the trash', () => {
    const existing = [
      templateMilestone('capture', 'capture_plan_review', { deletedAt: NOW - 1 }),
      templateMilestone('capture', 'solution_review'),
    ];
    const changes = accepted(move(deal('qualify'), 'capture', { existingMilestones: existing }));
    expect(changes.milestones).toEqual([]);
  });

  it('is idempotent: planning the same entry again with its own milestones adds nothing', () => {
    const first = accepted(move(deal('capture'), 'proposal'));
    const planned = first.milestones.map((m, i) =>
      templateMilestone('proposal', m.templateKey ?? '', { date: m.date, sortIndex: i }),
    );
    const again = accepted(
      move(deal('capture'), 'proposal', {
        existingMilestones: planned,
        existingGates: first.gates.map((g) => gate(g.kind, { stageId: g.stageId })),
      }),
    );
    expect(again.milestones).toEqual([]);
    expect(again.gates).toEqual([]);
    expect(again.skippedMilestones.map((m) => m.reason)).toEqual(
      Array<string>(5).fill('already_planned'),
    );
  });
});

describe('planStageMove: backward', () => {
  it('lowers Pwin to the earlier stage’s default, and skips no criteria', () => {
    const changes = accepted(move(deal('proposal', { pwin: 45 }), 'capture'));
    expect(changes.direction).toBe('backward');
    expect(changes.deal.pwin).toBe(30);
    expect(changes.skippedCriteria).toEqual([]);
  });

  it('keeps a Pwin the owner had already set lower than that default', () => {
    const changes = accepted(move(deal('proposal', { pwin: 25 }), 'capture'));
    expect(changes.deal.pwin).toBe(25);
    expect(changes.activity.details).not.toContain('Pwin');
  });
});

describe('planStageMove: closing', () => {
  const outcome = { reason: 'price' as const, note: 'Undercut by 12 %', date: d('2026-10-30') };

  it('refuses to close a deal without an outcome', () => {
    for (const target of ['won', 'lost', 'no_bid'] as const) {
      expect(move(deal('proposal'), target)).toEqual({ ok: false, reason: 'outcome_required' });
    }
  });

  it('refuses an outcome dated after today', () => {
    expect(
      move(deal('proposal'), 'lost', { outcome: { ...outcome, date: d('2026-11-03') } }),
    ).toEqual({ ok: false, reason: 'outcome_date_in_future' });
  });

  it('closes as lost: status, Pwin 0, the outcome, and no criteria skipped', () => {
    const changes = accepted(move(deal('proposal'), 'lost', { outcome }));
    expect(changes.direction).toBe('close');
    expect(changes.deal).toEqual({
      stageId: DEFAULT_STAGE_IDS.lost,
      stageEnteredAt: NOW,
      status: 'lost',
      pwin: 0,
      outcomeReason: 'price',
      outcomeNote: 'Undercut by 12 %',
      outcomeDate: '2026-10-30',
    });
    expect(changes.skippedCriteria).toEqual([]);
    expect(changes.activity.summary).toBe('Stage: Proposal → Lost');
    expect(changes.activity.details).toBe(
      ['Outcome: Price on 2026-10-30', 'Note: Undercut by 12 %', 'Pwin: 40% → 0%'].join('\n'),
    );
  });

  it('closes as no-bid from Qualify', () => {
    const changes = accepted(
      move(deal('qualify'), 'no_bid', {
        outcome: { reason: 'resources', note: '', date: d('2026-11-02') },
      }),
    );
    expect(changes.deal).toMatchObject({ status: 'no_bid', pwin: 0, outcomeReason: 'resources' });
    expect(changes.skippedCriteria).toEqual([]);
  });

  it('closes as won with Pwin 100, listing the criteria of the stages it passes', () => {
    const changes = accepted(
      move(deal('negotiation', { checkedExitCriteria: ['final_offer', 'terms_agreed'] }), 'won', {
        outcome: { ...outcome, reason: 'technical_solution' },
      }),
    );
    expect(changes.deal).toMatchObject({ status: 'won', pwin: 100 });
    expect(changes.skippedCriteria.map((c) => c.criterionKey)).toEqual(['contract_signed']);
  });

  it('a win straight from Capture passes every open stage still ahead', () => {
    const changes = accepted(move(deal('capture'), 'won', { outcome }));
    expect(changes.skippedCriteria.map((c) => c.stageKey)).toEqual([
      ...Array<string>(4).fill('capture'),
      ...Array<string>(5).fill('proposal'),
      ...Array<string>(2).fill('submitted'),
      ...Array<string>(3).fill('negotiation'),
    ]);
  });

  it('corrects a won deal to lost (an outcome is needed again)', () => {
    expect(move(closedDeal('won'), 'lost')).toEqual({ ok: false, reason: 'outcome_required' });
    const changes = accepted(move(closedDeal('won'), 'lost', { outcome }));
    expect(changes.direction).toBe('close');
    expect(changes.deal).toMatchObject({ status: 'lost', pwin: 0, outcomeDate: '2026-10-30' });
  });

  it('ignores an outcome given for a move between open stages', () => {
    const changes = accepted(move(deal('qualify'), 'capture', { outcome }));
    expect(changes.deal).not.toHaveProperty('outcomeReason');
  });
});

describe('planStageMove: reopening', () => {
  it('reopens a lost deal: status open, outcome cleared, the stage default Pwin', () => {
    const changes = accepted(move(closedDeal('lost'), 'capture'));
    expect(changes.direction).toBe('reopen');
    expect(changes.deal).toEqual({
      stageId: DEFAULT_STAGE_IDS.capture,
      stageEnteredAt: NOW,
      status: 'open',
      pwin: 30,
      outcomeReason: null,
      outcomeNote: '',
      outcomeDate: null,
    });
    expect(changes.skippedCriteria).toEqual([]);
    expect(changes.activity.summary).toBe('Reopened: Lost → Capture');
    expect(changes.activity.details.split('\n').slice(0, 3)).toEqual([
      'Previous outcome cleared: Price on 2026-10-20',
      'Note: Undercut by 12 %',
      'Pwin: 0% → 30%',
    ]);
  });

  it('reopens a cancelled deal in the stage it was left in', () => {
    const cancelled = deal('capture', {
      status: 'cancelled',
      outcomeReason: 'budget_cut',
      outcomeDate: d('2026-10-20'),
    });
    const changes = accepted(move(cancelled, 'capture'));
    expect(changes.direction).toBe('reopen');
    expect(changes.deal).toMatchObject({ status: 'open', outcomeReason: null, outcomeDate: null });
  });
});

describe('planStageMove: refusals', () => {
  it('refuses a move to the stage the deal is in', () => {
    expect(move(deal('qualify'), 'qualify')).toEqual({ ok: false, reason: 'same_stage' });
    expect(move(closedDeal('lost'), 'lost')).toEqual({ ok: false, reason: 'same_stage' });
  });

  it('refuses a stage outside the process or deleted', () => {
    const elsewhere = stageIdSchema.parse('5a1e5000-0000-4000-8000-000000000999');
    expect(move(deal('qualify'), 'capture', { targetStageId: elsewhere })).toEqual({
      ok: false,
      reason: 'unknown_stage',
    });
    const stages = STAGES.map((s) =>
      s.id === DEFAULT_STAGE_IDS.capture ? { ...s, deletedAt: NOW - 1 } : s,
    );
    expect(move(deal('qualify'), 'capture', { stages })).toEqual({
      ok: false,
      reason: 'unknown_stage',
    });
  });

  it('refuses to move a deal in the trash', () => {
    expect(move(deal('qualify', { deletedAt: NOW - 1 }), 'capture')).toEqual({
      ok: false,
      reason: 'deal_in_trash',
    });
  });

  it('still moves a deal whose stage is no longer in the process, skipping nothing', () => {
    const stages = STAGES.filter((s) => s.id !== DEFAULT_STAGE_IDS.qualify);
    const changes = accepted(move(deal('qualify'), 'capture', { stages }));
    expect(changes.direction).toBe('forward');
    expect(changes.skippedCriteria).toEqual([]);
    expect(changes.activity.summary).toBe('Stage: — → Capture');
  });

  it('orders stages by their position, not by the order they are given in', () => {
    const changes = accepted(move(deal('capture'), 'qualify', { stages: [...STAGES].reverse() }));
    expect(changes.direction).toBe('backward');
  });
});
