import type { Deal } from '@shared/domain/deal';
import { moneyFromMajor } from '@shared/domain/money';
import type { Money } from '@shared/domain/money';
import type { PriceBookItem } from '@shared/domain/price-book';
import type { Quote, QuoteLine } from '@shared/domain/quote';
import type { Settings } from '@shared/domain/settings';
import type { GeneratorContext } from '@shared/domain/generator/context';
import { baseFields, newId, text } from '@shared/domain/generator/context';
import type { Pair } from '@shared/domain/generator/vocabulary';
import { dealFiguresOf } from '@shared/quote/build';
import { quoteFigures } from '@shared/quote/compute';

/** [code, zh, en, unit zh, unit en, list price, cost] in CNY major units. */
const CATALOGUE: readonly (readonly [string, string, string, Pair, number, number])[] = [
  ['HW-SRV-2U', '2U 机架式服务器', '2U rack server', ['台', 'unit'], 58_000, 41_000],
  [
    'HW-STO-100',
    '100 TB 分布式存储节点',
    '100 TB distributed storage node',
    ['台', 'unit'],
    126_000,
    92_000,
  ],
  ['HW-SW-48', '48 口万兆交换机', '48-port 10 GbE switch', ['台', 'unit'], 23_500, 15_800],
  [
    'SW-PLAT-LIC',
    '平台软件许可（每节点）',
    'Platform licence (per node)',
    ['套', 'licence'],
    36_000,
    6_000,
  ],
  [
    'SW-DB-LIC',
    '数据库企业版许可',
    'Database enterprise licence',
    ['套', 'licence'],
    88_000,
    52_000,
  ],
  [
    'SV-IMPL-DAY',
    '实施服务（人天）',
    'Implementation service (person-day)',
    ['人天', 'day'],
    2_800,
    1_600,
  ],
  ['SV-TRAIN', '用户培训（每期）', 'User training (per session)', ['期', 'session'], 12_000, 5_000],
  ['MT-Y1', '第一年原厂维保', 'Year-1 vendor maintenance', ['年', 'year'], 45_000, 30_000],
];

/**
 * A small price book and one draft quote, built from it, on the first open deal in the base
 * currency, so the Quote tab of the sample has something to show.
 */
export function generateQuotes(
  ctx: GeneratorContext,
  settings: Settings,
  deals: readonly Deal[],
  setupAt: number,
): {
  priceBookItems: PriceBookItem[];
  quotes: Quote[];
  /** The quoted deal's value and expected margin, which follow its current quote version. */
  follows: { dealId: Deal['id']; value: Money; expectedMarginPct: number } | null;
} {
  const currency = settings.baseCurrency;
  const scale = currency === 'CNY' ? 1 : 0.15;
  const priceBookItems: PriceBookItem[] = CATALOGUE.map(([code, zh, en, unit, list, cost]) => ({
    id: newId<PriceBookItem['id']>(ctx),
    ...baseFields(ctx, setupAt, false),
    code,
    kind: code.startsWith('SV') || code.startsWith('MT') ? 'service' : 'product',
    name: { zh, en },
    unit: text(ctx, unit),
    listPrice: moneyFromMajor(Math.round(list * scale), currency),
    cost: moneyFromMajor(Math.round(cost * scale), currency),
    validFrom: null,
    validTo: null,
  }));
  const deal = deals.find(
    (candidate) => candidate.status === 'open' && candidate.value.currency === currency,
  );
  if (deal === undefined) return { priceBookItems, quotes: [], follows: null };
  const lineOf = (item: PriceBookItem, quantity: number, index: number): QuoteLine => ({
    id: `line-${index}`,
    kind: 'item',
    priceBookItemId: item.id,
    roleId: null,
    code: item.code,
    description: text(ctx, [item.name.zh, item.name.en]),
    unit: item.unit,
    quantity,
    unitPrice: item.listPrice,
    unitCost: item.cost,
    discountBp: 500,
    taxRateBp: item.code.startsWith('SV') || item.code.startsWith('MT') ? 600 : 1_300,
    contingencyShareBp: null,
  });
  const [server, storage, network, platform, , implementation, training, maintenance] =
    priceBookItems;
  const pick = (entries: readonly (readonly [PriceBookItem | undefined, number])[], from: number) =>
    entries.flatMap(([item, quantity], index) =>
      item === undefined ? [] : [lineOf(item, quantity, from + index)],
    );
  const quote: Quote = {
    id: newId<Quote['id']>(ctx),
    ...baseFields(ctx, Math.max(setupAt, deal.createdAt), false),
    dealId: deal.id,
    version: 1,
    name: text(ctx, ['投标报价', 'Bid price']),
    status: 'draft',
    currency,
    sections: [
      {
        id: 'hardware',
        name: text(ctx, ['硬件', 'Hardware']),
        lines: pick(
          [
            [server, 6],
            [storage, 2],
            [network, 2],
          ],
          0,
        ),
      },
      {
        id: 'software',
        name: text(ctx, ['软件', 'Software']),
        lines: pick([[platform, 6]], 10),
      },
      {
        id: 'services',
        name: text(ctx, ['服务与维保', 'Services and maintenance']),
        lines: pick(
          [
            [implementation, 60],
            [training, 2],
            [maintenance, 1],
          ],
          20,
        ),
      },
    ],
    validUntil: null,
    terms: text(ctx, [
      '报价不含税，税金按各行税率另计；有效期九十天；付款方式：合同签订后支付 30%，到货验收后支付 60%，终验后支付 10%。',
      'Prices exclude VAT, which is added at the rate on each line, and hold for 90 days. Payment: 30 % on signature, 60 % on delivery acceptance, 10 % on final acceptance.',
    ]),
    scenarios: [],
  };
  const figures = quoteFigures(quote.sections, currency, {
    level: settings.quoteRounding,
    mode: settings.roundingMode,
  });
  return {
    priceBookItems,
    quotes: [quote],
    follows: { dealId: deal.id, ...dealFiguresOf(figures) },
  };
}
