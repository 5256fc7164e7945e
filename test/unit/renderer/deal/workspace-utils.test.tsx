// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldChange } from '@shared/domain/activity';
import { parsePlanDate } from '@shared/domain/dates';
import type { KeyDates } from '@shared/domain/deal';
import { DEFAULT_STAGE_IDS, createDefaultSalesProcess } from '@shared/domain/defaults';
import { i18n, setLanguage } from '@renderer/i18n/i18n';
import { useFormat } from '@renderer/i18n/useFormat';
import type { AppLocale } from '@shared/format/locale';
import type { ChangeContext } from '@renderer/features/deal/utils/describeChanges';
import { describeChanges } from '@renderer/features/deal/utils/describeChanges';
import { keyDateConflict } from '@renderer/features/deal/utils/keyDates';
import { daysInStage, stagePath } from '@renderer/features/deal/utils/stagePath';

afterEach(cleanup);

const CONTACT = '00000000-0000-4000-8000-0000000000c1';

const { stages } = createDefaultSalesProcess(Date.UTC(2026, 0, 1));

function contextIn(locale: AppLocale): ChangeContext {
  act(() => setLanguage(locale));
  const { result } = renderHook(() => useFormat());
  const names: Record<string, string> = { p1: 'Li Na', [CONTACT]: 'Wang Fang', a1: 'State Grid' };
  return {
    t: i18n.getFixedT(locale, ['deal', 'deals']),
    format: result.current,
    currency: 'CNY',
    stageName: (id) => stages.find((s) => s.id === id)?.name[locale === 'zh-CN' ? 'zh' : 'en'],
    personName: (id) => names[id],
    accountName: (id) => names[id],
    contactName: (id) => names[id],
    criterionLabel: (key) => (key === 'bid_decision_go' ? 'Bid/no-bid decision is Go' : undefined),
  };
}

const change = (field: string, old: FieldChange['old'], next: FieldChange['new']): FieldChange => ({
  field,
  old,
  new: next,
});

describe('describeChanges', () => {
  it('shows key dates, money, Pwin and the stage as a user reads them', () => {
    const lines = describeChanges(
      [
        change('keyDates.submissionDue', '2027-01-15', '2027-01-22'),
        change('value.amountMinor', 1_250_000_00, 1_300_000_00),
        change('pwin', 20, 35),
        change('stageId', DEFAULT_STAGE_IDS.qualify, DEFAULT_STAGE_IDS.capture),
        change('stageEnteredAt', 1, 2),
        change('status', 'open', 'lost'),
        change('ownerId', 'p1', null),
      ],
      contextIn('en'),
    );
    expect(lines).toEqual([
      {
        field: 'keyDates.submissionDue',
        label: 'Submission due',
        kind: 'value',
        old: 'Jan 15, 2027',
        new: 'Jan 22, 2027',
      },
      {
        field: 'value.amountMinor',
        label: 'Value',
        kind: 'value',
        old: 'CN¥1,250,000.00',
        new: 'CN¥1,300,000.00',
      },
      { field: 'pwin', label: 'Pwin', kind: 'value', old: '20%', new: '35%' },
      { field: 'stageId', label: 'Stage', kind: 'value', old: 'Qualify', new: 'Capture' },
      { field: 'status', label: 'Status', kind: 'value', old: 'Open', new: 'Lost' },
      { field: 'ownerId', label: 'Owner', kind: 'value', old: 'Li Na', new: '(none)' },
    ]);
  });

  it('speaks Chinese in Chinese, with the currency the change names', () => {
    const lines = describeChanges(
      [
        change('value.amountMinor', 100_00, 200_00),
        change('value.currency', 'CNY', 'USD'),
        change('keyDates.expectedAward', null, '2027-03-01'),
      ],
      contextIn('zh-CN'),
    );
    expect(lines.map((line) => line.label)).toEqual(['金额', '币种', '预计授标']);
    expect(lines[0]).toMatchObject({ old: '¥100.00', new: 'US$200.00' });
    expect(lines[2]).toMatchObject({ old: '（空）', new: '2027年3月1日' });
  });

  it('reads list fields as what was added, removed or edited, by name', () => {
    const huawei = { name: 'Huawei', incumbent: true, strengths: '', weaknesses: '' };
    const zte = { name: 'ZTE', incumbent: false, strengths: '', weaknesses: '' };
    const lines = describeChanges(
      [
        change('competitors', [huawei], [{ ...huawei, weaknesses: 'Price' }, zte]),
        change('winThemes', ['Local service', 'Lowest risk'], ['Lowest risk']),
        change('buyingCentre', [], [{ contactId: CONTACT, role: 'champion', stance: 'supporter' }]),
        change('checkedExitCriteria', [], ['bid_decision_go', 'gone_key']),
      ],
      contextIn('en'),
    );
    expect(lines).toEqual([
      {
        field: 'competitors',
        label: 'Competitors',
        kind: 'list',
        parts: ['added ZTE', 'edited Huawei'],
      },
      { field: 'winThemes', label: 'Win themes', kind: 'list', parts: ['removed Local service'] },
      {
        field: 'buyingCentre',
        label: 'Buying centre',
        kind: 'list',
        parts: ['added Wang Fang (Champion · Supporter)'],
      },
      {
        field: 'checkedExitCriteria',
        label: 'Exit criteria',
        kind: 'list',
        parts: ['checked Bid/no-bid decision is Go, criterion “gone_key”'],
      },
    ]);
  });

  it('shows fields it does not know as stored, and markup as plain text', () => {
    const lines = describeChanges(
      [change('scorecard', null, [{ key: 'fit' }]), change('name', 'A', '<b>B</b>')],
      contextIn('en'),
    );
    expect(lines).toEqual([
      {
        field: 'scorecard',
        label: 'scorecard',
        kind: 'value',
        old: '(none)',
        new: '[{"key":"fit"}]',
      },
      { field: 'name', label: 'Name', kind: 'value', old: 'A', new: '<b>B</b>' },
    ]);
  });
});

describe('keyDateConflict', () => {
  const dates: KeyDates = {
    kickoff: null,
    rfpRelease: parsePlanDate('2026-11-02'),
    questionsDue: null,
    submissionDue: parsePlanDate('2027-01-15'),
    expectedAward: parsePlanDate('2027-03-01'),
    contractStart: null,
  };

  it('accepts dates in order and unknown ones', () => {
    expect(keyDateConflict(dates, 'submissionDue')).toBeNull();
    expect(keyDateConflict({ ...dates, expectedAward: null }, 'expectedAward')).toBeNull();
  });

  it('names the date an edited one would fall before or after', () => {
    expect(
      keyDateConflict({ ...dates, expectedAward: parsePlanDate('2027-01-10') }, 'expectedAward'),
    ).toEqual({ direction: 'before', other: 'submissionDue', otherDate: '2027-01-15' });
    expect(
      keyDateConflict({ ...dates, submissionDue: parsePlanDate('2027-04-01') }, 'submissionDue'),
    ).toEqual({ direction: 'after', other: 'expectedAward', otherDate: '2027-03-01' });
    expect(
      keyDateConflict({ ...dates, submissionDue: parsePlanDate('2026-10-30') }, 'submissionDue'),
    ).toEqual({ direction: 'before', other: 'rfpRelease', otherDate: '2026-11-02' });
  });
});

describe('stagePath', () => {
  it('marks the stages before an open deal’s stage done and its own current', () => {
    const path = stagePath({ stageId: DEFAULT_STAGE_IDS.capture, status: 'open' }, stages);
    expect(path.steps.map((step) => [step.stage.key, step.status])).toEqual([
      ['identify', 'finish'],
      ['qualify', 'finish'],
      ['capture', 'process'],
      ['proposal', 'wait'],
      ['submitted', 'wait'],
      ['negotiation', 'wait'],
    ]);
    expect(path.current).toBe(2);
  });

  it('ends a closed deal’s path in its outcome, without claiming how far it got', () => {
    const lost = stagePath({ stageId: DEFAULT_STAGE_IDS.lost, status: 'lost' }, stages);
    expect(lost.steps.at(-1)).toMatchObject({ stage: { key: 'lost' }, status: 'error' });
    expect(lost.steps.slice(0, -1).every((step) => step.status === 'wait')).toBe(true);
    expect(lost.current).toBe(lost.steps.length - 1);
    const won = stagePath({ stageId: DEFAULT_STAGE_IDS.won, status: 'won' }, stages);
    expect(won.steps.at(-1)).toMatchObject({ stage: { key: 'won' }, status: 'finish' });
  });

  it('shows a cancelled deal’s stage in red', () => {
    const path = stagePath({ stageId: DEFAULT_STAGE_IDS.proposal, status: 'cancelled' }, stages);
    expect(path.steps[path.current]).toMatchObject({ stage: { key: 'proposal' }, status: 'error' });
  });

  it('counts whole days in stage, never negative', () => {
    const day = 86_400_000;
    expect(daysInStage(0, 3 * day - 1)).toBe(2);
    expect(daysInStage(5 * day, 0)).toBe(0);
  });
});
