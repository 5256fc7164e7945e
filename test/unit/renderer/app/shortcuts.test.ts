import { describe, expect, it } from 'vitest';
import type { ChordEvent } from '@renderer/app/shortcuts';
import {
  SHORTCUTS,
  chordLabel,
  detectKeyboardOs,
  matchesChord,
  shortcutFor,
  shortcutForEvent,
} from '@renderer/app/shortcuts';

function key(init: Partial<ChordEvent> & { key: string }): ChordEvent {
  return {
    code: '',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    isComposing: false,
    ...init,
  };
}

describe('shortcut table', () => {
  it('binds each chord to one command only', () => {
    const chords = SHORTCUTS.map((shortcut) => JSON.stringify(shortcut.keys));
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('gives the palette Ctrl/Cmd+K', () => {
    expect(shortcutFor('app.palette')?.keys).toEqual({ mod: true, key: 'k' });
  });

  it('uses the desktop menu’s accelerators for the commands the menu also offers', () => {
    // The menu (electron/main/menu.ts) shows CmdOrCtrl+<key> for these; both must agree.
    const menu: Record<string, string> = {
      'app.settings': 'CmdOrCtrl+,',
      'deal.new': 'CmdOrCtrl+N',
      'data.import': 'CmdOrCtrl+O',
      'data.export': 'CmdOrCtrl+E',
      'view.print': 'CmdOrCtrl+P',
      'view.toggleTheme': 'CmdOrCtrl+Shift+L',
      'help.shortcuts': 'CmdOrCtrl+/',
    };
    for (const [command, accelerator] of Object.entries(menu)) {
      const keys = SHORTCUTS.find((shortcut) => shortcut.command === command)?.keys;
      expect(keys && ['CmdOrCtrl', ...chordLabel(keys, 'other').slice(1)].join('+')).toBe(
        accelerator,
      );
    }
  });
});

describe('matching key events', () => {
  it('uses Ctrl on Windows and Linux and Cmd on macOS', () => {
    expect(shortcutForEvent(key({ key: 'k', ctrlKey: true }), 'other')?.command).toBe(
      'app.palette',
    );
    expect(shortcutForEvent(key({ key: 'k', metaKey: true }), 'mac')?.command).toBe('app.palette');
    expect(shortcutForEvent(key({ key: 'k', metaKey: true }), 'other')).toBeUndefined();
    expect(shortcutForEvent(key({ key: 'k', ctrlKey: true }), 'mac')).toBeUndefined();
  });

  it('requires exactly the chord’s modifiers', () => {
    const toggle = { mod: true, shift: true, key: 'l' };
    expect(matchesChord(key({ key: 'L', ctrlKey: true, shiftKey: true }), toggle, 'other')).toBe(
      true,
    );
    expect(matchesChord(key({ key: 'l', ctrlKey: true }), toggle, 'other')).toBe(false);
    expect(
      matchesChord(key({ key: 'L', ctrlKey: true, shiftKey: true, altKey: true }), toggle, 'other'),
    ).toBe(false);
    expect(shortcutForEvent(key({ key: 'k' }), 'other')).toBeUndefined();
  });

  it('ignores keystrokes that belong to an input-method composition', () => {
    expect(
      shortcutForEvent(key({ key: 'k', ctrlKey: true, isComposing: true }), 'other'),
    ).toBeUndefined();
  });

  it('finds the physical key on non-Latin keyboard layouts', () => {
    // Ctrl+K on a Russian layout reports key "л" but code "KeyK".
    expect(shortcutForEvent(key({ key: 'л', code: 'KeyK', ctrlKey: true }), 'other')?.command).toBe(
      'app.palette',
    );
  });
});

describe('labels', () => {
  it('writes chords the way each OS labels its keys', () => {
    const chord = { mod: true, shift: true, key: 'l' };
    expect(chordLabel(chord, 'other')).toEqual(['Ctrl', 'Shift', 'L']);
    expect(chordLabel(chord, 'mac')).toEqual(['⌘', '⇧', 'L']);
    expect(chordLabel({ key: 'escape' }, 'mac')).toEqual(['Esc']);
  });

  it('recognises macOS from the platform', () => {
    expect(detectKeyboardOs({ platform: 'MacIntel' })).toBe('mac');
    expect(detectKeyboardOs({ userAgentData: { platform: 'macOS' } })).toBe('mac');
    expect(detectKeyboardOs({ platform: 'Win32' })).toBe('other');
    expect(detectKeyboardOs({ platform: 'Linux x86_64' })).toBe('other');
  });
});
