import { it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { TABLE_NAMES } from '@shared/domain/tables';
function deep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deep);
  if (v !== null && typeof v === 'object') {
    const s = v as Record<string, unknown>;
    const keys = Object.keys(s).sort();
    const o: Record<string, unknown> = {};
    for (const k of keys) o[k] = deep(s[k]);
    return o;
  }
  return v;
}
function shallow(v: Record<string, unknown>): unknown {
  const keys = Object.keys(v).sort();
  const o: Record<string, unknown> = {};
  for (const k of keys) o[k] = v[k];
  return o;
}
function sorted(keys: string[]): boolean { for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false; return true; }
/** Copies only what is not already canonical. */
function lazy(v: unknown): unknown {
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) { const c = lazy(v[i]); if (c !== v[i] && out === null) out = v.slice(0, i); if (out) out.push(c); }
    return out ?? v;
  }
  if (v !== null && typeof v === 'object') {
    const s = v as Record<string, unknown>;
    const keys = Object.keys(s);
    let changed = !sorted(keys);
    const vals: unknown[] = [];
    for (const k of keys) { const c = lazy(s[k]); if (c !== s[k]) changed = true; vals.push(c); }
    if (!changed) return v;
    const order = keys.map((k, i) => [k, vals[i]] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const o: Record<string, unknown> = {};
    for (const [k, c] of order) o[k] = c;
    return o;
  }
  return v;
}
it('perf', () => {
  const p = generatePortfolio({ seed: 2026, locale: 'zh-CN', now: Date.UTC(2026, 10, 26, 9), preset: 'large' });
  const rows = TABLE_NAMES.flatMap((n) => p[n] as unknown[]);
  const canon = rows.map(deep);
  const time = (name: string, f: () => unknown) => { const t = performance.now(); f(); console.log(name, Math.round(performance.now() - t)); };
  for (let r = 0; r < 2; r++) {
    time('A whole', () => JSON.stringify(p));
    time('B per-record', () => rows.map((x) => JSON.stringify(x)).join(',\n'));
    time('C deep', () => rows.map((x) => JSON.stringify(deep(x))).join(',\n'));
    time('D shallow', () => rows.map((x) => JSON.stringify(shallow(x as Record<string, unknown>))).join(',\n'));
    time('E lazy on unsorted', () => rows.map((x) => JSON.stringify(lazy(x))).join(',\n'));
    time('F lazy on sorted', () => canon.map((x) => JSON.stringify(lazy(x))).join(',\n'));
    time('G per-record on sorted', () => canon.map((x) => JSON.stringify(x)).join(',\n'));
  }
}, 600_000);
