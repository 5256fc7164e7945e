import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import { stageIdSchema } from '@shared/domain/ids';
import type { StageId } from '@shared/domain/ids';
import { stageSchema } from '@shared/domain/sales-process';
import type { Stage, StageKind } from '@shared/domain/sales-process';
import {
  checkStage,
  keyFromText,
  moveInSequence,
  planNewStage,
  planReorder,
  planStageDeletion,
  planStageUpdate,
  uniqueKey,
  validateStageList,
} from '@shared/pipeline/process-edit';
import type { StageInput } from '@shared/pipeline/process-edit';
import { closedDeal, deal, stage, STAGES } from './fixtures';

const NEW_ID = stageIdSchema.parse('5a1e5000-0000-4000-8000-0000000001ff');

/** A fresh-suffix source that counts, as an id source would give distinct values. */
function suffixes() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, 'a')}`;
}

/** The editor's view of a stored stage, unchanged. */
function inputOf(s: Stage): StageInput {
  return {
    name: s.name,
    defaultPwin: s.defaultPwin,
    forecastCategory: s.forecastCategory,
    exitCriteria: s.exitCriteria,
    milestoneTemplates: s.milestoneTemplates,
    gateKinds: s.gateKinds,
  };
}

const BLANK: StageInput = {
  name: { zh: '技术交流', en: 'Technical exchange' },
  defaultPwin: 25,
  forecastCategory: 'pipeline',
  exitCriteria: [],
  milestoneTemplates: [],
  gateKinds: [],
};

const liveOrder = (stages: readonly Stage[]) =>
  stages
    .filter((s) => s.deletedAt === null)
    .toSorted((a, b) => a.order - b.order)
    .map((s) => s.key);

describe('validateStageList', () => {
  it('accepts the default process', () => {
    expect(validateStageList(STAGES)).toEqual([]);
  });

  it('needs an open stage and exactly one won, lost and no-bid stage', () => {
    const closingOnly = STAGES.filter((s) => s.kind !== 'open');
    expect(validateStageList(closingOnly)).toEqual([{ code: 'no_open_stage' }]);

    const noLost = STAGES.filter((s) => s.kind !== 'lost');
    expect(validateStageList(noLost)).toEqual([
      { code: 'closing_stage_count', kind: 'lost', count: 0 },
    ]);

    const secondWin = { ...stage('won'), id: NEW_ID, key: 'won_again', order: 20 };
    expect(validateStageList([...STAGES, secondWin])).toEqual([
      { code: 'closing_stage_count', kind: 'won', count: 2 },
    ]);
  });

  it('ignores deleted stages', () => {
    const deletedLost = STAGES.map((s) => (s.kind === 'lost' ? { ...s, deletedAt: 1 } : s));
    expect(validateStageList(deletedLost)).toEqual([
      { code: 'closing_stage_count', kind: 'lost', count: 0 },
    ]);
  });

  it('refuses repeated positions and keys, and a closing stage before an open one', () => {
    const capture = stage('capture');
    const clash = STAGES.map((s) =>
      s.id === capture.id ? { ...s, order: stage('qualify').order, key: 'qualify' } : s,
    );
    expect(validateStageList(clash)).toEqual(
      expect.arrayContaining([
        { code: 'duplicate_order', stageId: expect.any(String), order: stage('qualify').order },
        { code: 'duplicate_stage_key', stageId: expect.any(String), key: 'qualify' },
      ]),
    );

    const wonFirst = STAGES.map((s) => (s.kind === 'won' ? { ...s, order: -1 } : s));
    expect(validateStageList(wonFirst)).toContainEqual({
      code: 'order_range',
      stageId: stage('won').id,
      order: -1,
    });
    const wonEarly = STAGES.map((s) => (s.kind === 'won' ? { ...s, order: 1.5 } : s));
    expect(validateStageList(wonEarly).map((i) => i.code)).toContain('order_range');
    const wonBeforeQualify = STAGES.map((s) =>
      s.kind === 'won'
        ? { ...s, order: 100 }
        : s.kind === 'open'
          ? { ...s, order: s.order + 200 }
          : s,
    );
    expect(validateStageList(wonBeforeQualify)).toContainEqual({
      code: 'closing_before_open',
      stageId: stage('won').id,
    });
  });

  it('refuses an exit-criterion key used by two stages (a deal ticks keys, not stages)', () => {
    const shared = STAGES.map((s) =>
      s.id === stage('capture').id
        ? { ...s, exitCriteria: [...s.exitCriteria, stage('qualify').exitCriteria[0]!] }
        : s,
    );
    expect(validateStageList(shared)).toEqual([
      { code: 'shared_criterion_key', stageId: stage('capture').id, key: 'meddpicc_assessed' },
    ]);
  });

  it('reports a stage that breaks the schema with the stage and the field', () => {
    const broken = STAGES.map((s) =>
      s.kind === 'won' ? { ...s, defaultPwin: 90, forecastCategory: 'commit' as const } : s,
    );
    expect(validateStageList(broken)).toEqual([
      {
        code: 'stage',
        stageId: stage('won').id,
        issue: { code: 'pwin_fixed', path: ['defaultPwin'], required: 100 },
      },
      {
        code: 'stage',
        stageId: stage('won').id,
        issue: { code: 'forecast_open_for_closing', path: ['forecastCategory'] },
      },
    ]);
  });
});

describe('checkStage', () => {
  it('names the field of each problem', () => {
    const issues = checkStage(
      {
        name: { zh: ' ', en: 'x'.repeat(201) },
        defaultPwin: 101,
        forecastCategory: 'closed',
        exitCriteria: [
          { key: null, label: { zh: '方案评审', en: 'Solution review' } },
          { key: null, label: { zh: '方案评审 ', en: 'Another' } },
          { key: 'Bad Key', label: { zh: '甲', en: '' } },
        ],
        milestoneTemplates: [
          {
            key: null,
            name: { zh: '澄清', en: 'Questions' },
            kind: 'questions_due',
            anchor: 'submission',
            offsetWorkingDays: -1001,
          },
        ],
        gateKinds: ['pink', 'red', 'pink'],
      },
      'open',
    );
    expect(issues).toEqual([
      { code: 'required', path: ['name', 'zh'] },
      { code: 'too_long', path: ['name', 'en'], max: 200 },
      { code: 'pwin_range', path: ['defaultPwin'] },
      { code: 'forecast_closed_for_open', path: ['forecastCategory'] },
      { code: 'duplicate_label', path: ['exitCriteria', 1, 'label', 'zh'], label: '方案评审' },
      { code: 'required', path: ['exitCriteria', 2, 'label', 'en'] },
      { code: 'invalid_key', path: ['exitCriteria', 2, 'key'], key: 'Bad Key' },
      {
        code: 'offset_range',
        path: ['milestoneTemplates', 0, 'offsetWorkingDays'],
        min: -1000,
        max: 1000,
      },
      { code: 'duplicate_gate', path: ['gateKinds', 2], gate: 'pink' },
    ]);
  });

  it('fixes Pwin and forecast category for the closing stages', () => {
    const lost = {
      ...inputOf(stage('lost')),
      defaultPwin: 10,
      forecastCategory: 'pipeline' as const,
    };
    expect(checkStage(lost, 'lost')).toEqual([
      { code: 'pwin_fixed', path: ['defaultPwin'], required: 0 },
      { code: 'forecast_open_for_closing', path: ['forecastCategory'] },
    ]);
    expect(checkStage({ ...lost, defaultPwin: 0, forecastCategory: 'omitted' }, 'lost')).toEqual(
      [],
    );
  });

  it('agrees with the stage schema: a stage it accepts is stored, one it refuses is not', () => {
    const kindArb = fc.constantFrom<StageKind>('open', 'won', 'lost', 'no_bid');
    const textArb = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(
        kindArb,
        textArb,
        fc.integer({ min: -5, max: 105 }),
        fc.constantFrom('pipeline', 'best_case', 'commit', 'closed', 'omitted' as const),
        fc.integer({ min: -1_100, max: 1_100 }),
        (kind, zh, pwin, forecastCategory, offset) => {
          const base = kind === 'open' ? stage('capture') : stage(kind);
          const candidate: Stage = {
            ...base,
            name: { zh, en: 'Name' },
            defaultPwin: pwin,
            forecastCategory,
            milestoneTemplates: [
              {
                key: 'review',
                name: { zh: '评审', en: 'Review' },
                kind: 'review',
                anchor: 'stage_entry',
                offsetWorkingDays: offset,
              },
            ],
          };
          const accepted = checkStage(candidate, kind).length === 0;
          expect(stageSchema.safeParse(candidate).success).toBe(accepted);
        },
      ),
    );
  });
});

describe('keys', () => {
  it('are readable and valid, whatever the name', () => {
    expect(keyFromText('Site survey — done!', 'criterion')).toBe('site_survey_done');
    expect(keyFromText('Évaluation', 'stage')).toBe('evaluation');
    expect(keyFromText('技术交流', 'stage')).toBe('stage');
    expect(keyFromText('3rd review', 'milestone')).toBe('milestone_3rd_review');
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(keyFromText(text, 'stage')).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
      }),
    );
  });

  it('take the first free numbered variant', () => {
    expect(uniqueKey('qualify', new Set(['identify']))).toBe('qualify');
    expect(uniqueKey('qualify', new Set(['qualify', 'qualify_2']))).toBe('qualify_3');
  });
});

describe('planNewStage', () => {
  it('puts the stage after the last open stage, moving the closing stages down', () => {
    const result = planNewStage({
      stages: STAGES,
      id: NEW_ID,
      input: BLANK,
      freshSuffix: suffixes(),
    });
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.stage).toMatchObject({
      id: NEW_ID,
      key: 'technical_exchange',
      kind: 'open',
      order: stage('negotiation').order + 1,
    });
    expect(result.reorder).toEqual([
      { stageId: DEFAULT_STAGE_IDS.won, order: 7 },
      { stageId: DEFAULT_STAGE_IDS.lost, order: 8 },
      { stageId: DEFAULT_STAGE_IDS.no_bid, order: 9 },
    ]);
  });

  it('leaves positions alone when there is room, and never reuses a key, even a deleted stage’s', () => {
    const spaced = STAGES.map((s) => (s.kind === 'open' ? s : { ...s, order: s.order + 10 }));
    const withDeleted = [
      ...spaced,
      { ...stage('capture'), id: NEW_ID, key: 'technical_exchange', deletedAt: 5, order: 3 },
    ];
    const result = planNewStage({
      stages: withDeleted,
      id: stageIdSchema.parse('5a1e5000-0000-4000-8000-0000000002ff'),
      input: BLANK,
      freshSuffix: suffixes(),
    });
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.reorder).toEqual([]);
    expect(result.stage.key).toBe('technical_exchange_2');
  });

  it('gives new checklist items and templates fresh keys that no stage has used', () => {
    const result = planNewStage({
      stages: STAGES,
      id: NEW_ID,
      input: {
        ...BLANK,
        exitCriteria: [{ key: null, label: { zh: '已完成技术交流', en: 'Price approved' } }],
        milestoneTemplates: [
          {
            key: null,
            name: { zh: '技术交流会', en: 'Exchange meeting' },
            kind: 'other',
            anchor: 'stage_entry',
            offsetWorkingDays: -3,
          },
        ],
      },
      freshSuffix: suffixes(),
    });
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    const [criterion] = result.stage.exitCriteria;
    expect(criterion?.key).toMatch(/^price_approved_[a-z0-9]{6}$/);
    expect(result.stage.milestoneTemplates[0]?.key).toMatch(/^exchange_meeting_[a-z0-9]{6}$/);
    expect(result.stage.milestoneTemplates[0]?.offsetWorkingDays).toBe(-3);
  });

  it('refuses a stage with problems, naming them', () => {
    const result = planNewStage({
      stages: STAGES,
      id: NEW_ID,
      input: { ...BLANK, name: { zh: '', en: 'Exchange' } },
      freshSuffix: suffixes(),
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { code: 'stage', stageId: NEW_ID, issue: { code: 'required', path: ['name', 'zh'] } },
      ],
    });
  });
});

describe('planStageUpdate', () => {
  it('keeps the keys of existing items, so renaming a criterion keeps it ticked on deals', () => {
    const proposal = stage('proposal');
    const input: StageInput = {
      ...inputOf(proposal),
      name: { zh: '投标文件编制', en: 'Bid writing' },
      exitCriteria: [
        ...proposal.exitCriteria.map((c, i) =>
          i === 0
            ? { ...c, label: { zh: '符合性矩阵已复核', en: 'Compliance matrix checked' } }
            : c,
        ),
        { key: null, label: { zh: '已完成排版', en: 'Production done' } },
      ],
    };
    const result = planStageUpdate({
      stages: STAGES,
      stageId: proposal.id,
      input,
      freshSuffix: suffixes(),
    });
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    const keys = result.content.exitCriteria.map((c) => c.key);
    expect(keys.slice(0, 5)).toEqual(proposal.exitCriteria.map((c) => c.key));
    expect(keys[5]).toMatch(/^production_done_/);
    expect(result.content.name).toEqual({ zh: '投标文件编制', en: 'Bid writing' });
  });

  it('trims names, and refuses an unknown or deleted stage', () => {
    const capture = stage('capture');
    const result = planStageUpdate({
      stages: STAGES,
      stageId: capture.id,
      input: { ...inputOf(capture), name: { zh: ' 捕获 ', en: ' Capture ' } },
      freshSuffix: suffixes(),
    });
    expect(result.ok && result.content.name).toEqual({ zh: '捕获', en: 'Capture' });

    const deleted = STAGES.map((s) => (s.id === capture.id ? { ...s, deletedAt: 9 } : s));
    expect(
      planStageUpdate({
        stages: deleted,
        stageId: capture.id,
        input: inputOf(capture),
        freshSuffix: suffixes(),
      }),
    ).toEqual({ ok: false, issues: [{ code: 'unknown_stage', stageId: capture.id }] });
  });
});

describe('planReorder', () => {
  const ids = () => STAGES.toSorted((a, b) => a.order - b.order).map((s) => s.id);

  it('swaps positions of the stages that move and leaves the others', () => {
    const sequence = moveInSequence(ids(), DEFAULT_STAGE_IDS.capture, -1);
    const result = planReorder(STAGES, sequence);
    expect(result).toEqual({
      ok: true,
      changes: [
        { stageId: DEFAULT_STAGE_IDS.capture, order: 1 },
        { stageId: DEFAULT_STAGE_IDS.qualify, order: 2 },
      ],
    });
  });

  it('hands out the positions in use again, gaps included', () => {
    const gappy = STAGES.map((s) => ({ ...s, order: s.order * 10 }));
    const sequence = moveInSequence(ids(), DEFAULT_STAGE_IDS.identify, 2);
    const result = planReorder(gappy, sequence);
    expect(result).toEqual({
      ok: true,
      changes: [
        { stageId: DEFAULT_STAGE_IDS.qualify, order: 0 },
        { stageId: DEFAULT_STAGE_IDS.capture, order: 10 },
        { stageId: DEFAULT_STAGE_IDS.identify, order: 20 },
      ],
    });
  });

  it('refuses a closing stage before an open one, and a sequence that is not the stages', () => {
    const sequence = moveInSequence(ids(), DEFAULT_STAGE_IDS.won, -1);
    const refused = planReorder(STAGES, sequence);
    expect(refused).toEqual({
      ok: false,
      issues: [{ code: 'closing_before_open', stageId: DEFAULT_STAGE_IDS.won }],
    });
    const missing = ids().slice(1);
    expect(planReorder(STAGES, missing)).toEqual({
      ok: false,
      issues: [{ code: 'not_a_permutation' }],
    });
    const twice = [...ids().slice(1), DEFAULT_STAGE_IDS.qualify];
    expect(planReorder(STAGES, twice).ok).toBe(false);
  });

  it('any permutation of the open stages is accepted and keeps every position distinct', () => {
    const open = STAGES.filter((s) => s.kind === 'open').map((s) => s.id);
    const closing = STAGES.filter((s) => s.kind !== 'open').map((s) => s.id);
    fc.assert(
      fc.property(fc.shuffledSubarray(open, { minLength: open.length }), (shuffled) => {
        const result = planReorder(STAGES, [...shuffled, ...closing]);
        if (!result.ok) expect.fail(JSON.stringify(result.issues));
        const orders = new Map(STAGES.map((s) => [s.id, s.order]));
        for (const change of result.changes) orders.set(change.stageId, change.order);
        const after = STAGES.map((s) => ({ ...s, order: orders.get(s.id) ?? s.order }));
        expect(liveOrder(after)).toEqual(
          [...shuffled, ...closing].map((id) => STAGES.find((s) => s.id === id)?.key),
        );
      }),
    );
  });
});

describe('moveInSequence', () => {
  it('moves one item and stops at either end', () => {
    expect(moveInSequence(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInSequence(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveInSequence(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveInSequence(['a', 'b', 'c'], 'z', 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('planStageDeletion', () => {
  const captureDeal = (n: number, overrides = {}) =>
    deal('capture', {
      id: `0d000000-0000-4000-8000-00000000010${n}` as never,
      code: `BID-${n}`,
      pwin: 35,
      ...overrides,
    });

  it('deletes an empty open stage without a target', () => {
    expect(
      planStageDeletion({
        stages: STAGES,
        stageId: DEFAULT_STAGE_IDS.capture,
        targetStageId: null,
        deals: [],
        locale: 'en',
      }),
    ).toEqual({
      ok: true,
      plan: { stageId: DEFAULT_STAGE_IDS.capture, targetStageId: null, relocations: [] },
    });
  });

  it('asks where the deals go when the stage holds any, trashed ones aside', () => {
    const deals = [captureDeal(1), captureDeal(2, { deletedAt: Date.UTC(2026, 9, 5) })];
    expect(
      planStageDeletion({
        stages: STAGES,
        stageId: DEFAULT_STAGE_IDS.capture,
        targetStageId: null,
        deals,
        locale: 'en',
      }),
    ).toEqual({ ok: false, reason: 'target_required', dealCount: 1 });
    expect(
      planStageDeletion({
        stages: STAGES,
        stageId: DEFAULT_STAGE_IDS.capture,
        targetStageId: null,
        deals: [deals[1]!],
        locale: 'en',
      }).ok,
    ).toBe(true);
  });

  it('moves open and closed deals to another open stage, keeping their Pwin', () => {
    const cancelled = captureDeal(2, {
      status: 'cancelled',
      pwin: 5,
      outcomeDate: '2026-10-20',
    });
    const result = planStageDeletion({
      stages: STAGES,
      stageId: DEFAULT_STAGE_IDS.capture,
      targetStageId: DEFAULT_STAGE_IDS.qualify,
      deals: [captureDeal(1), cancelled],
      locale: 'en',
    });
    if (!result.ok) expect.fail(result.reason);
    expect(result.plan.relocations).toEqual([
      {
        dealId: captureDeal(1).id,
        expectedRev: 3,
        code: 'BID-1',
        toStageId: DEFAULT_STAGE_IDS.qualify,
        patch: { stageId: DEFAULT_STAGE_IDS.qualify },
        pwin: 35,
        activity: {
          summary: 'Stage: Capture → Qualify (stage deleted)',
          details: 'Reason: stage deleted\nPwin kept at 35%',
        },
      },
      expect.objectContaining({ dealId: cancelled.id, pwin: 5 }),
    ]);
  });

  it('writes the trail entry in the install’s language', () => {
    const result = planStageDeletion({
      stages: STAGES,
      stageId: DEFAULT_STAGE_IDS.capture,
      targetStageId: DEFAULT_STAGE_IDS.proposal,
      deals: [captureDeal(1)],
      locale: 'zh-CN',
    });
    expect(result.ok && result.plan.relocations[0]?.activity).toEqual({
      summary: '阶段：商机捕获 → 标书编制（阶段已删除）',
      details: '原因：阶段已删除\n赢率保持 35%',
    });
  });

  it('refuses a closing stage, the last open stage, and a target that is not another open stage', () => {
    const refuse = (stageId: StageId, targetStageId: StageId | null, stages = STAGES) =>
      planStageDeletion({ stages, stageId, targetStageId, deals: [captureDeal(1)], locale: 'en' });

    expect(refuse(DEFAULT_STAGE_IDS.won, null)).toMatchObject({
      ok: false,
      reason: 'closing_stage',
    });
    expect(refuse(DEFAULT_STAGE_IDS.capture, DEFAULT_STAGE_IDS.capture)).toMatchObject({
      reason: 'invalid_target',
    });
    expect(refuse(DEFAULT_STAGE_IDS.capture, DEFAULT_STAGE_IDS.won)).toMatchObject({
      reason: 'invalid_target',
    });
    const qualifyDeleted = STAGES.map((s) =>
      s.id === DEFAULT_STAGE_IDS.qualify ? { ...s, deletedAt: 9 } : s,
    );
    expect(
      refuse(DEFAULT_STAGE_IDS.capture, DEFAULT_STAGE_IDS.qualify, qualifyDeleted),
    ).toMatchObject({ reason: 'invalid_target', dealCount: 1 });
    expect(refuse(DEFAULT_STAGE_IDS.qualify, null, qualifyDeleted)).toMatchObject({
      reason: 'unknown_stage',
    });
    const onlyCapture = STAGES.filter((s) => s.kind !== 'open' || s.key === 'capture');
    expect(refuse(DEFAULT_STAGE_IDS.capture, null, onlyCapture)).toMatchObject({
      reason: 'last_open_stage',
    });
  });

  it('closed deals sit in closing stages, which are never deleted', () => {
    expect(
      planStageDeletion({
        stages: STAGES,
        stageId: DEFAULT_STAGE_IDS.lost,
        targetStageId: DEFAULT_STAGE_IDS.qualify,
        deals: [closedDeal('lost')],
        locale: 'en',
      }),
    ).toEqual({ ok: false, reason: 'closing_stage', dealCount: 1 });
  });
});
