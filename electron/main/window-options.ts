import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface MainWindowInput {
  readonly preloadPath: string;
  readonly bounds: { x?: number; y?: number; width: number; height: number };
  readonly minSize: { width: number; height: number };
  readonly title: string;
  readonly backgroundColor: string;
  /** DevTools only in an unpackaged (development) app. */
  readonly devTools: boolean;
}

/**
 * The web preferences every Pursuit window gets. Most values are Electron's defaults already;
 * they are spelled out so a changed default or a careless edit shows up in review and fails
 * `assertSecureWindowOptions` at runtime.
 */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // A middle click on a link would ask for a new window; the window-open handler denies it
    // anyway, this removes the event at the source.
    disableBlinkFeatures: 'Auxclick',
    devTools,
  };
}

export function createMainWindowOptions(input: MainWindowInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: input.minSize.width,
    minHeight: input.minSize.height,
    title: input.title,
    backgroundColor: input.backgroundColor,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(input.preloadPath, input.devTools),
  };
}

/**
 * Every way a window's web preferences could weaken the renderer's isolation, as readable
 * sentences. Empty means the window is safe to create.
 */
export function insecureWebPreferenceProblems(prefs: WebPreferences | undefined): string[] {
  const problems: string[] = [];
  if (prefs === undefined) return ['webPreferences are missing (sandbox must be set explicitly)'];
  if (prefs.sandbox !== true) problems.push('sandbox is not true');
  if (prefs.contextIsolation !== true) problems.push('contextIsolation is not true');
  if (prefs.nodeIntegration !== false) problems.push('nodeIntegration is not false');
  if (prefs.nodeIntegrationInWorker === true) problems.push('nodeIntegrationInWorker is on');
  if (prefs.nodeIntegrationInSubFrames === true) problems.push('nodeIntegrationInSubFrames is on');
  if (prefs.webSecurity === false) problems.push('webSecurity is turned off');
  if (prefs.allowRunningInsecureContent === true)
    problems.push('allowRunningInsecureContent is on');
  if (prefs.experimentalFeatures === true) problems.push('experimentalFeatures is on');
  if (prefs.enableBlinkFeatures !== undefined && prefs.enableBlinkFeatures !== '') {
    problems.push('enableBlinkFeatures is set');
  }
  if (prefs.webviewTag === true) problems.push('webviewTag is on');
  return problems;
}

export class InsecureWindowError extends Error {
  constructor(problems: readonly string[]) {
    super(`Refusing to create a window with insecure web preferences: ${problems.join('; ')}.`);
    this.name = 'InsecureWindowError';
  }
}

/** Runtime check made for every window before it is constructed. */
export function assertSecureWindowOptions(options: BrowserWindowConstructorOptions): void {
  const problems = insecureWebPreferenceProblems(options.webPreferences);
  if (problems.length > 0) throw new InsecureWindowError(problems);
}
