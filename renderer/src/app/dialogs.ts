import { useSyncExternalStore } from 'react';

/** The shell's own dialogs. Only one is open at a time; opening one closes another. */
export type ShellDialog = 'palette' | 'shortcuts' | 'about';

let open: ShellDialog | null = null;
const listeners = new Set<() => void>();

function set(next: ShellDialog | null): void {
  if (open === next) return;
  open = next;
  listeners.forEach((listener) => listener());
}

export function openDialog(dialog: ShellDialog): void {
  set(dialog);
}

export function closeDialog(dialog: ShellDialog): void {
  if (open === dialog) set(null);
}

export function toggleDialog(dialog: ShellDialog): void {
  set(open === dialog ? null : dialog);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether the given shell dialog is open. */
export function useDialogOpen(dialog: ShellDialog): boolean {
  return useSyncExternalStore(subscribe, () => open === dialog);
}
