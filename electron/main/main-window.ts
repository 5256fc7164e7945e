import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { UrlPolicy } from './app-url';
import { assertSecureWindowOptions, createMainWindowOptions } from './window-options';
import {
  MIN_WINDOW_SIZE,
  placeWindow,
  type DisplayArea,
  type WindowStateStore,
} from './window-state';

export interface MainWindowDeps {
  readonly createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly policy: UrlPolicy;
  readonly preloadPath: string;
  readonly isDev: boolean;
  readonly prefersDark: boolean;
  readonly displays: () => { all: readonly DisplayArea[]; primary: DisplayArea };
  readonly stateStore: WindowStateStore;
  /** Called once the window exists, so main can recognise its webContents as trusted. */
  readonly onCreated: (window: BrowserWindow) => void;
}

/**
 * Creates the one main window: remembered bounds kept on a visible display, secure web
 * preferences asserted before construction, shown when its first frame is ready, and its bounds
 * saved when it closes.
 */
export function openMainWindow(deps: MainWindowDeps): BrowserWindow {
  const { all, primary } = deps.displays();
  const placement = placeWindow(deps.stateStore.load(), all, primary);
  const options = createMainWindowOptions({
    preloadPath: deps.preloadPath,
    bounds: placement.bounds,
    minSize: MIN_WINDOW_SIZE,
    title: 'Pursuit',
    // Matches the page's own pre-paint background (renderer/index.html), so nothing flashes.
    backgroundColor: deps.prefersDark ? '#000000' : '#f5f5f5',
    devTools: deps.isDev,
  });
  assertSecureWindowOptions(options);
  const window = deps.createWindow(options);
  deps.onCreated(window);
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds: Rectangle = window.getNormalBounds();
    deps.stateStore.save({ bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(deps.policy.entryUrl);
  return window;
}
