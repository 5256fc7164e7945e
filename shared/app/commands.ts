/**
 * Application commands: the one list shared by the desktop menu (main process), the command
 * palette and keyboard shortcuts (renderer). The menu sends a command id over IPC; the renderer
 * runs the same handler the palette runs, so both paths behave identically.
 */
export const APP_COMMANDS = [
  'deal.new',
  'data.import',
  'data.export',
  'edit.undo',
  'view.print',
  'view.toggleTheme',
  'app.settings',
  'app.palette',
  'help.shortcuts',
  'help.about',
] as const;

export type AppCommand = (typeof APP_COMMANDS)[number];

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}
