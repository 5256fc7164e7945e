/** What the palette matches a query against: the title in the UI language and in English. */
export interface Matchable {
  title: string;
  /** The English title when the UI is in another language, so "settings" finds 设置. */
  altTitle?: string;
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const WORD_START = /[\s\-_/:：(（·]/;

/**
 * How well one query token matches a text, or null if it does not. Ranked the way people expect
 * from a launcher: whole title, then prefix, then the start of a word, then anywhere, then the
 * letters in order with gaps ("tgth" finds "Toggle theme"), penalised by how spread out they are.
 */
export function scoreToken(text: string, token: string): number | null {
  const haystack = normalize(text);
  const needle = normalize(token);
  if (needle === '') return 0;
  if (haystack === needle) return 100;
  if (haystack.startsWith(needle)) return 80;
  const index = haystack.indexOf(needle);
  if (index > 0) {
    const before = haystack[index - 1] ?? '';
    return WORD_START.test(before) ? 60 : 40;
  }
  let position = -1;
  let gaps = 0;
  for (const char of needle) {
    const next = haystack.indexOf(char, position + 1);
    if (next < 0) return null;
    if (position >= 0 && next > position + 1) gaps += 1;
    position = next;
  }
  return Math.max(1, 20 - gaps * 3);
}

/** Score of an entry for a query: every space-separated token must match the title or English title. */
export function scoreEntry(entry: Matchable, query: string): number | null {
  const tokens = normalize(query).split(/\s+/).filter(Boolean);
  let total = 0;
  for (const token of tokens) {
    const primary = scoreToken(entry.title, token);
    const alternative = entry.altTitle === undefined ? null : scoreToken(entry.altTitle, token);
    const best = Math.max(primary ?? -1, alternative === null ? -1 : alternative - 5);
    if (best < 0) return null;
    total += best;
  }
  return total;
}

/**
 * The entries matching a query, best first; ties keep their given order so areas and commands
 * stay in a predictable sequence. An empty query lists everything.
 */
export function filterEntries<T extends Matchable>(entries: readonly T[], query: string): T[] {
  if (query.trim() === '') return [...entries];
  return entries
    .map((entry, index) => ({ entry, index, score: scoreEntry(entry, query) }))
    .filter((item): item is { entry: T; index: number; score: number } => item.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((item) => item.entry);
}
