import { describe, expect, it } from 'vitest';
import {
  formatPredecessor,
  formatPredecessors,
  parsePredecessorText,
  resolvePredecessorText,
} from '@shared/plan/predecessors';
import { buildPlanRows } from '@shared/plan/rows';
import { link, milestone, task } from './fixtures';

describe('parsePredecessorText', () => {
  it('reads row numbers with optional type and lag', () => {
    expect(parsePredecessorText('3FS+2, 5SS')).toEqual({
      ok: true,
      value: [
        { row: 3, type: 'FS', lagDays: 2 },
        { row: 5, type: 'SS', lagDays: 0 },
      ],
    });
    expect(parsePredecessorText('4; 7ff-1 ,2 ss + 3')).toEqual({
      ok: true,
      value: [
        { row: 4, type: 'FS', lagDays: 0 },
        { row: 7, type: 'FF', lagDays: -1 },
        { row: 2, type: 'SS', lagDays: 3 },
      ],
    });
    expect(parsePredecessorText('')).toEqual({ ok: true, value: [] });
    expect(parsePredecessorText(' , ')).toEqual({ ok: true, value: [] });
  });

  it('accepts what a Chinese input method types: full-width forms, Chinese commas, 天', () => {
    expect(parsePredecessorText('３ＦＳ＋２，５ＳＳ、6FS+1天')).toEqual({
      ok: true,
      value: [
        { row: 3, type: 'FS', lagDays: 2 },
        { row: 5, type: 'SS', lagDays: 0 },
        { row: 6, type: 'FS', lagDays: 1 },
      ],
    });
  });

  it('says which entry is wrong and how', () => {
    expect(parsePredecessorText('3FS+2, abc')).toEqual({
      ok: false,
      error: { kind: 'syntax', entry: 'abc' },
    });
    expect(parsePredecessorText('3SF')).toEqual({
      ok: false,
      error: { kind: 'badType', entry: '3SF', type: 'SF' },
    });
    expect(parsePredecessorText('3XS+1')).toEqual({
      ok: false,
      error: { kind: 'badType', entry: '3XS+1', type: 'XS' },
    });
    expect(parsePredecessorText('3FS+1.5')).toEqual({
      ok: false,
      error: { kind: 'badLag', entry: '3FS+1.5' },
    });
    expect(parsePredecessorText('3FS+5000')).toEqual({
      ok: false,
      error: { kind: 'badLag', entry: '3FS+5000' },
    });
    expect(parsePredecessorText('3FS+')).toEqual({
      ok: false,
      error: { kind: 'syntax', entry: '3FS+' },
    });
  });

  it('writes a link the way it is read back', () => {
    for (const text of ['3', '3SS', '3FS+2', '3FF-1', '3SS+4', '12FS-3']) {
      const parsed = parsePredecessorText(text);
      if (!parsed.ok) expect.fail(text);
      expect(parsed.value.map(formatPredecessor).join(', ')).toBe(text);
    }
    expect(formatPredecessor({ row: 3, type: 'FS', lagDays: 0 })).toBe('3');
  });
});

describe('resolvePredecessorText', () => {
  // 1 A, 2 B (summary) with 3 B1 under it, 4 C, 5 M (milestone); links A → B1 → C → M.
  const a = task('A', '2026-11-02', '2026-11-04', 3);
  const b = task('B', '2026-11-05', '2026-11-06', 2);
  const b1 = task('B1', '2026-11-05', '2026-11-06', 2, { parentId: b.id });
  const c = task('C', '2026-11-09', '2026-11-09', 1);
  const m = milestone('M', '2026-11-10', 'submission');
  const rows = buildPlanRows([a, b, b1, c], [m]);
  const links = [link(a, b1), link(b1, c), link(c, m)];

  const resolve = (id: string, text: string) => {
    const successor = rows.find((row) => row.id === id);
    if (successor === undefined) expect.fail(id);
    return resolvePredecessorText({ text, rows, links, successorId: successor.id });
  };

  it('maps row numbers to items', () => {
    expect(rows.map((row) => `${row.rowNumber}:${row.name}`)).toEqual([
      '1:A',
      '2:B',
      '3:B1',
      '4:C',
      '5:M',
    ]);
    expect(resolve(c.id, '3, 1SS+2')).toEqual({
      ok: true,
      value: [
        { predecessorId: b1.id, type: 'FS', lagDays: 0 },
        { predecessorId: a.id, type: 'SS', lagDays: 2 },
      ],
    });
  });

  it('refuses unknown rows, the row itself, repeats and summaries', () => {
    expect(resolve(c.id, '9')).toEqual({ ok: false, error: { kind: 'unknownRow', row: 9 } });
    expect(resolve(c.id, '0')).toEqual({ ok: false, error: { kind: 'unknownRow', row: 0 } });
    expect(resolve(c.id, '4')).toEqual({ ok: false, error: { kind: 'selfLink', row: 4 } });
    expect(resolve(c.id, '1, 1SS')).toEqual({
      ok: false,
      error: { kind: 'duplicateRow', row: 1 },
    });
    expect(resolve(c.id, '2')).toEqual({ ok: false, error: { kind: 'summaryRow', row: 2 } });
    expect(resolve(b.id, '1')).toEqual({ ok: false, error: { kind: 'summaryTarget', row: 2 } });
  });

  it('names the whole loop a new link would close, in link order', () => {
    // A → B1 → C → M exists; making M a predecessor of A closes A → B1 → C → M → A.
    expect(resolve(a.id, '5')).toEqual({ ok: false, error: { kind: 'cycle', rows: [1, 3, 4, 5] } });
    // Replacing C's predecessors drops B1 → C, so C → M → ... has no way back: allowed.
    expect(resolve(c.id, '1').ok).toBe(true);
  });

  it('shows each row’s predecessors in row order', () => {
    const more = [
      ...links,
      { predecessorId: a.id, successorId: c.id, type: 'SS' as const, lagDays: 2 },
    ];
    const texts = formatPredecessors(rows, more);
    expect(texts.get(c.id)).toBe('1SS+2, 3');
    expect(texts.get(b1.id)).toBe('1');
    expect(texts.has(a.id)).toBe(false);
  });
});
