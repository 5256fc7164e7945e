import type { CommandId } from '@renderer/app/commands';

/** A key chord. `mod` is Cmd on macOS and Ctrl elsewhere; `key` is `KeyboardEvent.key`, lower case. */
export interface KeyChord {
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  key: string;
}

export interface Shortcut {
  command: CommandId;
  keys: KeyChord;
  /** Left to text fields, which handle the key themselves (Ctrl/Cmd+Z undoes typing there). */
  notInTextFields?: boolean;
}

/**
 * The one table of keyboard shortcuts: the shell binds exactly these keys and Help lists
 * exactly these rows (those whose command is available). A feature adds a row for its command.
 * Keys the desktop menu also shows as accelerators are kept equal to the menu's.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'app.palette', keys: { mod: true, key: 'k' } },
  { command: 'deal.new', keys: { mod: true, key: 'n' } },
  // Only while a deal is open (the workspace registers the command); from text fields too.
  { command: 'deal.logActivity', keys: { mod: true, key: 'l' } },
  { command: 'data.import', keys: { mod: true, key: 'o' } },
  { command: 'data.export', keys: { mod: true, key: 'e' } },
  { command: 'edit.undo', keys: { mod: true, key: 'z' }, notInTextFields: true },
  { command: 'view.print', keys: { mod: true, key: 'p' } },
  { command: 'view.toggleTheme', keys: { mod: true, shift: true, key: 'l' } },
  { command: 'app.settings', keys: { mod: true, key: ',' } },
  { command: 'help.shortcuts', keys: { mod: true, key: '/' } },
];

export type KeyboardOs = 'mac' | 'other';

interface NavigatorWithUaData {
  userAgentData?: { platform?: string };
  platform?: string;
}

/** macOS shows ⌘ and listens to the Command key; every other system uses Ctrl. */
export function detectKeyboardOs(
  nav: NavigatorWithUaData | undefined = globalThis.navigator,
): KeyboardOs {
  const platform = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /mac|iphone|ipad/i.test(platform) ? 'mac' : 'other';
}

/** Physical key of printable keys, for layouts where `key` is not Latin (Cyrillic, Greek…). */
const CODES: Readonly<Record<string, string>> = { ',': 'Comma', '/': 'Slash', '.': 'Period' };

function codeOf(key: string): string {
  if (/^[a-z]$/.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  return CODES[key] ?? key;
}

export type ChordEvent = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing'
>;

/**
 * Whether a key event is this chord. Modifiers must match exactly (Ctrl+Shift+K is not Ctrl+K),
 * and keystrokes that are part of an input-method composition (pinyin typing) never match.
 */
export function matchesChord(event: ChordEvent, chord: KeyChord, os: KeyboardOs): boolean {
  if (event.isComposing) return false;
  const modDown = os === 'mac' ? event.metaKey : event.ctrlKey;
  const otherDown = os === 'mac' ? event.ctrlKey : event.metaKey;
  if (modDown !== (chord.mod ?? false) || otherDown) return false;
  if (event.shiftKey !== (chord.shift ?? false) || event.altKey !== (chord.alt ?? false)) {
    return false;
  }
  const key = event.key.toLowerCase();
  if (key === chord.key) return true;
  const latin = /^[\x20-\x7e]$/.test(key);
  return !latin && event.code === codeOf(chord.key);
}

/** The shortcut bound to a command, if any. */
export function shortcutFor(command: CommandId): Shortcut | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.command === command);
}

/** The shortcut (if any) that a key event triggers. */
export function shortcutForEvent(event: ChordEvent, os: KeyboardOs): Shortcut | undefined {
  return SHORTCUTS.find((shortcut) => matchesChord(event, shortcut.keys, os));
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ',': ',',
  '/': '/',
  arrowup: '↑',
  arrowdown: '↓',
  enter: 'Enter',
  escape: 'Esc',
};

/** The keys of a chord as the user's OS writes them: ["⌘", "⇧", "L"] or ["Ctrl", "Shift", "L"]. */
export function chordLabel(chord: KeyChord, os: KeyboardOs): string[] {
  const parts: string[] = [];
  if (chord.mod) parts.push(os === 'mac' ? '⌘' : 'Ctrl');
  if (chord.alt) parts.push(os === 'mac' ? '⌥' : 'Alt');
  if (chord.shift) parts.push(os === 'mac' ? '⇧' : 'Shift');
  parts.push(KEY_NAMES[chord.key] ?? chord.key.toUpperCase());
  return parts;
}
