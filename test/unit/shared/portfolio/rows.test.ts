import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterRows, sortRows, totalRows } from '@shared/portfolio/rows';
import type { PortfolioRow, PortfolioSort } from '@shared/portfolio/rows';

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
    health: null,
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

/** The rule `sortRows` implements, comparing with the collator at every step. */
function referenceSort(rows: readonly PortfolioRow[], sort: PortfolioSort, locale: string) {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const value = (r: PortfolioRow): string | number | null =>
    ({
      code: r.code,
      name: r.name,
      account: r.accountName,
      owner: r.ownerName,
      stage: r.stageOrder,
      status: r.status,
      health:
        r.health === null
          ? null
          : { green: 0, amber: 100, red: 200 }[r.health.level] + r.health.reasons.length,
      value: r.value.amountMinor,
      pwin: r.pwin,
      weighted: r.weighted.amountMinor,
      submissionDue: r.submissionDue,
      expectedAward: r.expectedAward,
      nextMilestone: r.nextMilestone?.date ?? null,
    })[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || x === '')
      return y === null || y === '' ? collator.compare(a.code, b.code) : 1;
    if (y === null || y === '') return -1;
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : collator.compare(String(x), String(y));
    return order !== 0 ? sign * order : collator.compare(a.code, b.code);
  });
}

describe('sortRows against the collator', () => {
  const words = [
    '智慧',
    '电网',
    '平台',
    'alpha',
    'Alpha',
    'beta',
    'B-10',
    'B-9',
    '',
    '王芳',
    '李四',
  ];
  const text = fc.constantFrom(...words);
  const date = fc.option(fc.constantFrom('2026-01-05', '2026-12-31', '2027-03-01'), {
    nil: null,
  });
  const rowArb = fc.record({
    code: fc.constantFrom('A-1', 'A-2', 'A-10', 'B-3', 'b-3', 'C-100', 'C-20'),
    name: text,
    accountName: text,
    ownerName: text,
    amount: fc.integer({ min: -5, max: 5 }),
    pwin: fc.integer({ min: 0, max: 3 }),
    submissionDue: date,
  });

  it('orders exactly as comparing with the collator would, for every column and locale', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 25 }),
        fc.constantFrom<PortfolioSort['key']>(
          'code',
          'name',
          'account',
          'owner',
          'value',
          'pwin',
          'submissionDue',
        ),
        fc.constantFrom<PortfolioSort['direction']>('asc', 'desc'),
        fc.constantFrom('zh-CN', 'en'),
        (specs, key, direction, locale) => {
          const rows = specs.map((spec, index) =>
            row({
              ...spec,
              code: spec.code,
              id: `id-${index}` as PortfolioRow['id'],
              value: cny(spec.amount),
              submissionDue: spec.submissionDue as PortfolioRow['submissionDue'],
            }),
          );
          const sort = { key, direction };
          const got = sortRows(rows, sort, locale);
          const want = referenceSort(rows, sort, locale);
          // Rows equal under the rule (same value, codes equal to the collator) may come in
          // either order; compare what the rule sees.
          const seen = (list: PortfolioRow[]) =>
            list.map((r) => `${r.code.toLowerCase()}|${JSON.stringify(referenceKey(r, key))}`);
          expect(seen(got)).toEqual(seen(want));
          // Sorting again from the cache gives the same order.
          expect(sortRows(rows, sort, locale)).toEqual(got);
        },
      ),
    );
  });

  it('searches each field on its own, never across two of them', () => {
    const rows = [row({ code: 'X-1', name: 'ab', accountName: 'cd' })];
    expect(filterRows(rows, { text: 'bc' })).toEqual([]);
    expect(filterRows(rows, { text: 'CD' })).toHaveLength(1);
  });
});

function referenceKey(r: PortfolioRow, key: PortfolioSort['key']) {
  switch (key) {
    case 'value':
      return r.value.amountMinor;
    case 'submissionDue':
      return r.submissionDue;
    case 'account':
      return r.accountName.toLowerCase();
    case 'owner':
      return r.ownerName.toLowerCase();
    case 'name':
      return r.name.toLowerCase();
    default:
      return (r as unknown as Record<string, unknown>)[key] ?? null;
  }
}

describe('portfolio health column', () => {
  const rated = (code: string, level: 'green' | 'amber' | 'red', reasons: number) =>
    row({
      code,
      health: {
        level,
        reasons: Array.from({ length: reasons }, () => ({
          code: 'overAllocated' as const,
          severity: level === 'red' ? ('red' as const) : ('amber' as const),
          people: 1,
        })),
      },
    });
  const rows = [
    rated('A', 'amber', 1),
    row({ code: 'N' }),
    rated('B', 'red', 1),
    rated('C', 'green', 0),
    rated('D', 'amber', 2),
  ];

  it('sorts by level, then by the number of reasons, unrated last', () => {
    expect(sortRows(rows, { key: 'health', direction: 'desc' }, 'en').map((r) => r.code)).toEqual([
      'B',
      'D',
      'A',
      'C',
      'N',
    ]);
    expect(sortRows(rows, { key: 'health', direction: 'asc' }, 'en').map((r) => r.code)).toEqual([
      'C',
      'A',
      'D',
      'B',
      'N',
    ]);
  });

  it('filters by level, leaving unrated deals out', () => {
    expect(filterRows(rows, { healthLevels: ['amber', 'red'] }).map((r) => r.code)).toEqual([
      'A',
      'B',
      'D',
    ]);
    expect(filterRows(rows, { healthLevels: [] })).toHaveLength(5);
  });
});
