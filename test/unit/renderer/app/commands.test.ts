import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '@renderer/app/commands';
import {
  getCommand,
  listCommands,
  registerCommand,
  runCommand,
  setCommandErrorReporter,
  subscribeCommands,
} from '@renderer/app/commands';

const cleanups: (() => void)[] = [];
function register(command: Command) {
  cleanups.push(registerCommand(command));
}
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

describe('command registry', () => {
  it('lists a command only while it is registered', () => {
    const unregister = registerCommand({
      id: 'deal.new',
      titleKey: 'app:commands.palette',
      run: () => undefined,
    });
    expect(listCommands().map((command) => command.id)).toContain('deal.new');
    unregister();
    expect(getCommand('deal.new')).toBeUndefined();
    expect(listCommands().map((command) => command.id)).not.toContain('deal.new');
  });

  it('runs a command by id, the same way for palette, keys and menu', () => {
    const run = vi.fn();
    register({ id: 'view.toggleTheme', titleKey: 'app:commands.toggleTheme', run });
    expect(runCommand('view.toggleTheme')).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('says when a command cannot run because nothing registered it', () => {
    expect(runCommand('data.import')).toBe(false);
  });

  it('reports a command that throws or rejects instead of losing the error', async () => {
    const reporter = vi.fn<(error: unknown) => void>();
    setCommandErrorReporter(reporter);
    register({
      id: 'data.export',
      titleKey: 'app:commands.print',
      run: () => {
        throw new Error('disk full');
      },
    });
    register({
      id: 'view.print',
      titleKey: 'app:commands.print',
      run: () => Promise.reject(new Error('printer gone')),
    });
    runCommand('data.export');
    runCommand('view.print');
    await vi.waitFor(() => expect(reporter).toHaveBeenCalledTimes(2));
    expect(
      reporter.mock.calls.map(([error]) => (error instanceof Error ? error.message : error)),
    ).toEqual(['disk full', 'printer gone']);
  });

  it('tells subscribers when the set of commands changes', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeCommands(listener);
    register({ id: 'help.about', titleKey: 'app:commands.about', run: () => undefined });
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('keeps a newer registration when an older one of the same id is removed', () => {
    const first = registerCommand({
      id: 'help.about',
      titleKey: 'app:commands.about',
      run: () => 'first',
    });
    const secondRun = vi.fn();
    register({ id: 'help.about', titleKey: 'app:commands.about', run: secondRun });
    first();
    runCommand('help.about');
    expect(secondRun).toHaveBeenCalled();
  });
});
