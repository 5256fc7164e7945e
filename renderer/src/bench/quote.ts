import { money } from '@shared/domain/money';
import type { QuoteSection } from '@shared/domain/quote';
import { blankLine } from '@shared/quote/build';
import { quoteFigures } from '@shared/quote/compute';
import { updateLine } from '@shared/quote/edit';

/** A quote of `lines` lines in ten sections, with varied quantities, discounts and taxes. */
export function benchQuote(lines: number): QuoteSection[] {
  return Array.from({ length: 10 }, (_, s) => ({
    id: `s${s}`,
    name: `Section ${s + 1}`,
    lines: Array.from({ length: Math.ceil(lines / 10) }, (_, l) => ({
      ...blankLine(`s${s}-l${l}`, 'CNY'),
      description: `Item ${s}.${l}`,
      quantity: 1 + ((l * 7) % 50) + (l % 4) / 4,
      unitPrice: money(10_000 + ((l * 7919) % 900_000), 'CNY'),
      unitCost: money(6_000 + ((l * 104_729) % 500_000), 'CNY'),
      discountBp: (l * 37) % 2_000,
      taxRateBp: l % 3 === 0 ? 600 : 1_300,
    })),
  }));
}

/** Median ms of editing one line of a `lines`-line quote and recomputing every figure. */
export function timeQuoteRecalc(lines: number, repeats = 9): number {
  let sections = benchQuote(lines);
  const times: number[] = [];
  for (let run = 0; run <= repeats; run++) {
    const start = performance.now();
    sections = updateLine(sections, `s${run % 10}-l${run}`, { quantity: 3 + run });
    quoteFigures(sections, 'CNY', {
      level: run % 2 === 0 ? 'per_line' : 'per_total',
      mode: 'half_up',
    });
    const elapsed = performance.now() - start;
    if (run > 0) times.push(elapsed); // the first run warms up
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
