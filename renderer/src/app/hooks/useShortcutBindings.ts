import { useEffect } from 'react';
import { getCommand, runCommand } from '@renderer/app/commands';
import { detectKeyboardOs, shortcutForEvent } from '@renderer/app/shortcuts';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Binds the shortcut table to the keyboard, app-wide. A key whose command is not available is
 * left to the browser. Chords without Ctrl/Cmd are not taken from text fields, where they are
 * typing; components that handle a key themselves call `preventDefault()` to keep it.
 */
export function useShortcutBindings(): void {
  useEffect(() => {
    const os = detectKeyboardOs();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const shortcut = shortcutForEvent(event, os);
      if (!shortcut || !getCommand(shortcut.command)) return;
      if ((!shortcut.keys.mod || shortcut.notInTextFields) && isEditable(event.target)) return;
      event.preventDefault();
      runCommand(shortcut.command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
