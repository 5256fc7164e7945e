import { describe, expect, it } from 'vitest';
import { filterRows, sortRows, totalRows } from '@shared/portfolio/rows';
import type { PortfolioRow } from '@shared/portfolio/rows';

function row(partial: Partial<PortfolioRow> & Pick<PortfolioRow, 'code'>): PortfolioRow {
  return {
    id: `id-${partial.code}` as PortfolioRow['id'],
    rev: 1,
    name: partial.code,
    accountId: 'acc' as PortfolioRow['accountId'],
    accountName: '',
    ownerId: 'own' as PortfolioRow['ownerId'],
    ownerName: '',
    stageId: 'st' as PortfolioRow['stageId'],
    stageName: null,
    stageOrder: 0,
    status: 'open',
    value: { amountMinor: 0, currency: 'CNY' as PortfolioRow['value']['currency'] },
    pwin: 0,
    weighted: { amountMinor: 0, currency: 'CNY' as PortfolioRow['value']['currency'] },
    submissionDue: null,
    expectedAward: null,
    nextMilestone: null,
    tags: [],
    ...partial,
  };
}

const cny = (amountMinor: number) => ({
  amountMinor,
  currency: 'CNY' as PortfolioRow['value']['currency'],
});

describe('portfolio rows', () => {
  const rows = [
    row({
      code: 'B-2',
      name: '智慧电网',
      accountName: '国家电网',
      ownerName: '王芳',
      value: cny(500),
      weighted: cny(100),
      pwin: 20,
      submissionDue: '2027-02-01' as never,
    }),
    row({
      code: 'B-10',
      name: 'Metro signalling',
      accountName: 'Shenzhen Metro',
      ownerName: 'Li Na',
      value: cny(900),
      weighted: cny(450),
      pwin: 50,
      tags: ['rail'],
    }),
    row({
      code: 'B-1',
      name: 'Core banking',
      accountName: 'ICBC',
      ownerName: 'Li Na',
      value: cny(200),
      weighted: cny(160),
      pwin: 80,
      submissionDue: '2026-12-01' as never,
      status: 'won',
    }),
  ];

  it('sorts numbers and dates in both directions, empty values last, ties by code', () => {
    expect(sortRows(rows, { key: 'value', direction: 'desc' }, 'en').map((r) => r.code)).toEqual([
      'B-10',
      'B-2',
      'B-1',
    ]);
    expect(
      sortRows(rows, { key: 'submissionDue', direction: 'asc' }, 'en').map((r) => r.code),
    ).toEqual(['B-1', 'B-2', 'B-10']);
    expect(
      sortRows(rows, { key: 'submissionDue', direction: 'desc' }, 'en').map((r) => r.code),
    ).toEqual(['B-2', 'B-1', 'B-10']);
    expect(sortRows(rows, { key: 'owner', direction: 'asc' }, 'en').map((r) => r.code)).toEqual([
      'B-1',
      'B-10',
      'B-2',
    ]);
  });

  it('sorts codes numerically, as people read them', () => {
    expect(sortRows(rows, { key: 'code', direction: 'asc' }, 'en').map((r) => r.code)).toEqual([
      'B-1',
      'B-2',
      'B-10',
    ]);
  });

  it('filters by text across code, name, account, owner and tags, case-insensitively', () => {
    expect(filterRows(rows, { text: 'metro' }).map((r) => r.code)).toEqual(['B-10']);
    expect(filterRows(rows, { text: '电网' }).map((r) => r.code)).toEqual(['B-2']);
    expect(filterRows(rows, { text: 'RAIL' }).map((r) => r.code)).toEqual(['B-10']);
    expect(filterRows(rows, { text: '  ' })).toHaveLength(3);
  });

  it('combines filters: every filter given must pass', () => {
    expect(filterRows(rows, { statuses: ['open'], text: 'li na' }).map((r) => r.code)).toEqual([
      'B-10',
    ]);
    expect(filterRows(rows, { statuses: [] })).toHaveLength(3);
  });

  it('totals value and weighted value per currency', () => {
    const usd = { amountMinor: 1000, currency: 'USD' as PortfolioRow['value']['currency'] };
    expect(
      totalRows([...rows, row({ code: 'U', value: usd, weighted: { ...usd, amountMinor: 300 } })]),
    ).toEqual([
      { currency: 'CNY', value: 1600, weighted: 710 },
      { currency: 'USD', value: 1000, weighted: 300 },
    ]);
  });
});
