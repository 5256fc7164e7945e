import { describe, expect, it } from 'vitest';
import { filterEntries, scoreToken } from '@renderer/app/utils/paletteMatch';

const entries = [
  { title: '前往设置', altTitle: 'Go to Settings' },
  { title: '切换深色模式', altTitle: 'Toggle dark mode' },
  { title: '切换语言（中文 / English）', altTitle: 'Switch language (中文 / English)' },
  { title: '键盘快捷键', altTitle: 'Keyboard shortcuts' },
  { title: '打开设置', altTitle: 'Open settings' },
];

const titles = (list: readonly { title: string }[]) => list.map((entry) => entry.title);

describe('palette matching', () => {
  it('lists everything, in order, for an empty query', () => {
    expect(titles(filterEntries(entries, '  '))).toEqual(titles(entries));
  });

  it('finds Chinese titles by a Chinese substring', () => {
    expect(titles(filterEntries(entries, '深色'))).toEqual(['切换深色模式']);
    expect(titles(filterEntries(entries, '设置'))).toEqual(['前往设置', '打开设置']);
  });

  it('finds Chinese titles by their English name, case-insensitively', () => {
    expect(titles(filterEntries(entries, 'SHORTCUTS'))).toEqual(['键盘快捷键']);
    expect(titles(filterEntries(entries, 'dark'))).toEqual(['切换深色模式']);
  });

  it('matches letters in order with gaps ("kbsh" → Keyboard shortcuts)', () => {
    expect(titles(filterEntries(entries, 'kbsh'))[0]).toBe('键盘快捷键');
  });

  it('requires every word of the query to match', () => {
    expect(titles(filterEntries(entries, 'toggle dark'))).toEqual(['切换深色模式']);
    expect(filterEntries(entries, 'toggle settings')).toEqual([]);
  });

  it('ranks a title that starts with the query above one that merely contains it', () => {
    const list = [{ title: 'Reopen settings' }, { title: 'Open settings' }, { title: 'Settings' }];
    expect(titles(filterEntries(list, 'settings'))[0]).toBe('Settings');
    expect(titles(filterEntries(list, 'open'))).toEqual(['Open settings', 'Reopen settings']);
    // The start of a word beats the middle of one.
    const words = [{ title: 'Unsettled' }, { title: 'Open settings' }];
    expect(titles(filterEntries(words, 'sett'))).toEqual(['Open settings', 'Unsettled']);
  });

  it('returns nothing when nothing matches', () => {
    expect(filterEntries(entries, 'zzz')).toEqual([]);
    expect(scoreToken('Settings', 'xs')).toBeNull();
  });

  it('treats full-width and half-width letters alike', () => {
    expect(scoreToken('Settings', 'ｓｅｔ')).not.toBeNull();
  });
});
