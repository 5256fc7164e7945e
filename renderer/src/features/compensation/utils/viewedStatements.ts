import type { CommissionStatement } from '@shared/compensation/statement';

const STORAGE_KEY = 'pursuit.statements.viewed';
/** Statements remembered at most; the oldest are forgotten first. */
const MAX_REMEMBERED = 200;

type Store = Record<string, { at: number; statement: CommissionStatement }>;

function read(): Store {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw === null ? {} : JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Store) : {};
  } catch {
    return {};
  }
}

/**
 * The statement last viewed for a person and period (`<personId>|<period key>`) on this machine,
 * so a recomputation can show what changed since; null when none was viewed.
 */
export function lastViewed(key: string): CommissionStatement | null {
  return read()[key]?.statement ?? null;
}

export function rememberViewed(key: string, statement: CommissionStatement): void {
  const store = read();
  store[key] = { at: Date.now(), statement };
  const kept = Object.fromEntries(
    Object.entries(store)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, MAX_REMEMBERED),
  );
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or unavailable: the next view simply has nothing to compare with.
  }
}
