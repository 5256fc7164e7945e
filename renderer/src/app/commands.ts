import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { AppCommand } from '@shared/app/commands';
import type { I18nKey } from '@renderer/i18n/resources';

/**
 * A command id: one of the application commands the desktop menu also sends
 * (`shared/app/commands.ts`), or a feature's own (`"deals.archive"`), namespaced by feature.
 */
export type CommandId = AppCommand | `${string}.${string}`;

export interface Command {
  id: CommandId;
  /** Title in the palette and in the shortcuts list. */
  titleKey: I18nKey;
  /** Extra words the palette matches on (both languages), e.g. "dark", "深色". */
  keywords?: readonly string[];
  /** Not listed in the palette (the palette's own "open palette" command). */
  hiddenInPalette?: boolean;
  /** May return a promise; a rejection is reported to the user like a throw. */
  run(): unknown;
}

type Listener = () => void;

const registry = new Map<CommandId, Command>();
const listeners = new Set<Listener>();
let snapshot: readonly Command[] = [];
let reportError: (error: unknown, command: Command) => void = (error) => {
  console.error(error);
};

function changed(): void {
  snapshot = [...registry.values()];
  listeners.forEach((listener) => listener());
}

/**
 * Registers a command and returns the function that removes it. A command exists only while
 * something that can run it is mounted, so the palette never offers a command that would do
 * nothing (a "New deal" before the deals feature is there).
 */
export function registerCommand(command: Command): () => void {
  registry.set(command.id, command);
  changed();
  return () => {
    if (registry.get(command.id) === command) {
      registry.delete(command.id);
      changed();
    }
  };
}

export function getCommand(id: CommandId): Command | undefined {
  return registry.get(id);
}

export function listCommands(): readonly Command[] {
  return snapshot;
}

export function subscribeCommands(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Where failures of a command go (the shell shows them as a message). */
export function setCommandErrorReporter(reporter: (error: unknown, command: Command) => void) {
  reportError = reporter;
}

/**
 * Runs a command by id, from the palette, a shortcut or the desktop menu alike. Returns false
 * when no such command is registered, so the caller can say so. Failures, thrown or rejected,
 * are reported instead of escaping into an unhandled rejection.
 */
export function runCommand(id: CommandId): boolean {
  const command = registry.get(id);
  if (!command) return false;
  try {
    const result = command.run();
    if (result instanceof Promise) result.catch((error: unknown) => reportError(error, command));
  } catch (error) {
    reportError(error, command);
  }
  return true;
}

/** Every registered command, re-rendering when the set changes. */
export function useCommands(): readonly Command[] {
  return useSyncExternalStore(subscribeCommands, listCommands);
}

/**
 * Registers a command for as long as the calling component is mounted. The latest `run` is
 * always the one called, so the handler may close over fresh state without re-registering.
 */
export function useRegisterCommand(command: Command): void {
  const latest = useRef(command);
  useEffect(() => {
    latest.current = command;
  });
  const { id, titleKey, hiddenInPalette } = command;
  const keywords = command.keywords?.join('\n');
  useEffect(
    () =>
      registerCommand({
        id,
        titleKey,
        hiddenInPalette,
        keywords: keywords?.split('\n'),
        run: () => latest.current.run(),
      }),
    [id, titleKey, hiddenInPalette, keywords],
  );
}
