import { SORT_KEYS } from '@shared/portfolio/rows';
import type { SortKey } from '@shared/portfolio/rows';

/** The portfolio's columns in display order: every sortable field; `code` and `name` always shown. */
export const PORTFOLIO_COLUMNS = SORT_KEYS;
export type PortfolioColumn = SortKey;

export const FIXED_COLUMNS: readonly PortfolioColumn[] = ['code', 'name'];

/** The columns shown when the user has not chosen (all of them). */
export const DEFAULT_COLUMNS: readonly PortfolioColumn[] = PORTFOLIO_COLUMNS;

export function isPortfolioColumn(value: unknown): value is PortfolioColumn {
  return typeof value === 'string' && (PORTFOLIO_COLUMNS as readonly string[]).includes(value);
}
