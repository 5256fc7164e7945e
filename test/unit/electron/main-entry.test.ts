/**
 * Loads the real main-process entry with `electron` replaced by a recording fake, and checks the
 * wiring a unit test of each module cannot see: what happens before and after `ready`, that
 * every window created goes through the secure options, and that IPC, menu, permissions and
 * navigation guards are actually attached.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import { insecureWebPreferenceProblems } from '../../../electron/main/window-options';
/* eslint-enable no-restricted-imports */
import { FakeWebContents } from './fakes';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of appListeners.get(event) ?? []) listener(...args);
  };
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const state = {
    calls,
    userData: '',
    focusedId: null as number | null,
    windows: [] as InstanceType<typeof FakeWindow>[],
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    menu: [] as unknown[],
    protocolHandlers: new Map<string, unknown>(),
    permissionRequest: null as null | ((...args: unknown[]) => void),
    saveDialogs: [] as unknown[],
    /** What the save dialog answers; cancelled while null. */
    savePath: null as string | null,
    emit,
    markReady,
  };
  let nextId = 100;

  class FakeWindow {
    static FakeContents: new (id: number) => {
      id: number;
      send: (channel: string, ...args: unknown[]) => void;
    };
    readonly options: unknown;
    readonly webContents: InstanceType<typeof FakeWindow.FakeContents> & {
      printToPDF: () => Promise<Uint8Array>;
    };
    readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    loadedUrl: string | null = null;
    constructor(options: unknown) {
      calls.push('new BrowserWindow');
      this.options = options;
      const contents = new FakeWindow.FakeContents(nextId++);
      this.webContents = Object.assign(contents, {
        printToPDF: async () => new Uint8Array([37, 80, 68, 70]),
      });
      state.windows.push(this);
      emit('web-contents-created', {}, this.webContents);
    }
    on(event: string, listener: (...args: unknown[]) => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: (...args: unknown[]) => void) {
      return this.on(event, listener);
    }
    fire(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    close() {
      calls.push('window.close');
      this.fire('close', { preventDefault: () => calls.push('close prevented') });
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
    }
    maximize() {}
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 50, y: 60, width: 1100, height: 700 };
    }
    static getFocusedWindow() {
      return state.windows.find((w) => w.webContents.id === state.focusedId) ?? null;
    }
    static getAllWindows() {
      return state.windows.filter((w) => !(w as { closed?: boolean }).closed);
    }
    static fromWebContents(contents: { id: number }) {
      return state.windows.find((w) => w.webContents.id === contents.id) ?? null;
    }
  }

  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

  const module = {
    app: {
      isPackaged: true,
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      quit: () => calls.push('quit'),
      on: (event: string, listener: (...args: unknown[]) => unknown) => {
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      },
      whenReady: () => ready,
      getPath: (name: string) =>
        name === 'userData' ? state.userData : join(state.userData, name),
      getName: () => 'Pursuit',
      getVersion: () => '0.1.0',
      getLocale: () => 'zh-CN',
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showSaveDialog: async (...args: unknown[]) => {
        state.saveDialogs.push(args);
        return state.savePath === null
          ? { canceled: true, filePath: '' }
          : { canceled: false, filePath: state.savePath };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    ipcMain: {
      handle: (
        channel: string,
        listener: (event: unknown, ...args: unknown[]) => Promise<unknown>,
      ) => state.ipc.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        state.menu = template;
        return { template };
      },
      setApplicationMenu: () => calls.push('setApplicationMenu'),
    },
    nativeTheme: { shouldUseDarkColors: false },
    shell: {
      openPath: async (path: string) => {
        calls.push(`openPath:${path}`);
        return '';
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        calls.push('registerSchemesAsPrivileged');
        state.protocolHandlers.set('privileged', schemes);
      },
      handle: (scheme: string, handler: unknown) => {
        calls.push(`protocol.handle:${scheme}`);
        state.protocolHandlers.set(scheme, handler);
      },
    },
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => {
          state.permissionRequest = handler;
        },
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
      },
    },
  };
  return { state, module, FakeWindow };
});

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const { state } = fake;

function windowOf(index: number) {
  const window = state.windows[index];
  if (window === undefined) throw new Error(`no window #${index}`);
  return window;
}

beforeAll(async () => {
  fake.FakeWindow.FakeContents = FakeWebContents;
  state.userData = mkdtempSync(join(tmpdir(), 'pursuit-main-'));
  // Set by Electron itself; plain Node has neither.
  for (const [name, value] of [
    ['electron', '45.5.0'],
    ['chrome', '140.0.7339.0'],
  ] as const) {
    Object.defineProperty(process.versions, name, { value, configurable: true });
  }
  await import('../../../electron/main/index');
  state.calls.push('ready');
  state.markReady();
  await vi.waitFor(() => expect(state.windows.length).toBe(1));
});

afterAll(() => {
  rmSync(state.userData, { recursive: true, force: true });
  Reflect.deleteProperty(process.versions, 'electron');
  Reflect.deleteProperty(process.versions, 'chrome');
});

describe('main process start-up', () => {
  it('registers the privileged app:// scheme and the sandbox before ready', () => {
    const ready = state.calls.indexOf('ready');
    expect(state.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(state.calls.indexOf('enableSandbox')).toBeLessThan(ready);
    expect(state.protocolHandlers.get('privileged')).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(state.calls).toContain('protocol.handle:app');
  });

  it('loads the renderer from app://, never file://', () => {
    expect(windowOf(0).loadedUrl).toBe('app://pursuit/index.html');
  });

  it('creates every window with sandbox, isolation and no Node', () => {
    for (const window of state.windows) {
      const options = window.options as BrowserWindowConstructorOptions;
      expect(insecureWebPreferenceProblems(options.webPreferences)).toEqual([]);
      expect(options.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        devTools: false,
      });
      expect(options.webPreferences?.preload).toMatch(/preload[/\\]preload\.cjs$/);
    }
  });

  it('hardens the window contents: foreign navigation and window.open are blocked', () => {
    const contents = windowOf(0).webContents as unknown as FakeWebContents;
    expect(contents.fireNavigation('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fireNavigation('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });

  it('denies permission requests on the default session', () => {
    let granted: boolean | null = null;
    state.permissionRequest?.({}, 'media', (value: boolean) => (granted = value), {
      requestingUrl: 'app://pursuit/index.html',
      isMainFrame: true,
    });
    expect(granted).toBe(false);
  });

  it('answers IPC only from its own window', async () => {
    const contents = windowOf(0).webContents;
    const frame = { url: 'app://pursuit/index.html', parent: null };
    const info = state.ipc.get('app:info');
    await expect(info?.({ sender: contents, senderFrame: frame })).resolves.toMatchObject({
      name: 'Pursuit',
      electronVersion: '45.5.0',
      userDataPath: state.userData,
    });
    await expect(info?.({ sender: new FakeWebContents(999), senderFrame: frame })).rejects.toThrow(
      /did not come from a Pursuit window/,
    );
    const save = state.ipc.get('file:save');
    await expect(
      save?.(
        { sender: contents, senderFrame: frame },
        { suggestedName: 'deals.csv', content: 'x', filters: [] },
      ),
    ).resolves.toEqual({ saved: false });
    expect(state.saveDialogs).toHaveLength(1);
  });

  it('builds a Chinese menu whose items reach the focused window', () => {
    expect(state.calls).toContain('setApplicationMenu');
    const template = state.menu as MenuItemConstructorOptions[];
    const file = template.find((item) => item.label === '文件(&F)');
    const newDeal = (file?.submenu as MenuItemConstructorOptions[]).find(
      (item) => item.id === 'deal.new',
    );
    state.focusedId = windowOf(0).webContents.id;
    (newDeal?.click as () => void)();
    const contents = windowOf(0).webContents as unknown as FakeWebContents;
    expect(contents.sent).toEqual([{ channel: 'menu:command', args: ['deal.new'] }]);
  });

  it('holds the first close for the page to back up, then closes when it answers', async () => {
    const contents = windowOf(0).webContents as unknown as FakeWebContents;
    contents.sent.length = 0;
    let prevented = 0;
    windowOf(0).fire('close', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    const ask = contents.sent.find((message) => message.channel === 'app:beforeQuit');
    const requestId = ask?.args[0];
    expect(typeof requestId).toBe('number');
    const frame = { url: 'app://pursuit/index.html', parent: null };
    const ready = state.ipc.get('app:quitReady');
    // Another number is not this window's request: nothing happens.
    await ready?.({ sender: contents, senderFrame: frame }, { requestId: Number(requestId) + 50 });
    expect(state.calls).not.toContain('window.close');
    await ready?.({ sender: contents, senderFrame: frame }, { requestId });
    expect(state.calls).toContain('window.close');
    expect(state.calls).not.toContain('close prevented');
  });

  it('keeps automatic backups under userData/backups and opens that folder', async () => {
    const contents = windowOf(0).webContents;
    const frame = { url: 'app://pursuit/index.html', parent: null };
    const list = state.ipc.get('backup:list');
    await expect(list?.({ sender: contents, senderFrame: frame })).resolves.toEqual({
      folder: join(state.userData, 'backups'),
      backups: [],
    });
    await state.ipc.get('backup:openFolder')?.({ sender: contents, senderFrame: frame });
    expect(state.calls).toContain(`openPath:${join(state.userData, 'backups')}`);
  });

  it("drops a page's streamed saves and their temporary files when it reloads or crashes", async () => {
    const contents = windowOf(0).webContents as unknown as FakeWebContents;
    const event = {
      sender: contents,
      senderFrame: { url: 'app://pursuit/index.html', parent: null },
    };
    const saves = join(state.userData, 'saves-reload');
    mkdirSync(saves);
    state.savePath = join(saves, 'backup.json');
    const open = state.ipc.get('file:saveStream:open');
    const append = state.ipc.get('file:saveStream:append');
    for (const gone of ['did-navigate', 'render-process-gone'] as const) {
      const opened = (await open?.(event, { suggestedName: 'backup.json', filters: [] })) as {
        streamId: string;
      };
      await append?.(event, { streamId: opened.streamId, piece: '{"half":' });
      expect(readdirSync(saves)).toHaveLength(1);
      for (const listener of contents.listeners.get(gone) ?? []) listener();
      await vi.waitFor(() => expect(readdirSync(saves)).toEqual([]));
      await expect(append?.(event, { streamId: opened.streamId, piece: '1}' })).rejects.toThrow(
        /dropped when its window closed or reloaded/,
      );
    }
    state.savePath = null;
  });

  it('remembers the window bounds when it closes', () => {
    windowOf(0).fire('close', { preventDefault: () => undefined });
    const saved = JSON.parse(readFileSync(join(state.userData, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ bounds: { x: 50, y: 60, width: 1100, height: 700 }, maximized: false });
  });

  it('opens a new, equally secure window on activate and reuses the remembered bounds', () => {
    Object.assign(windowOf(0), { closed: true });
    windowOf(0).fire('closed');
    state.emit('activate');
    expect(state.windows).toHaveLength(2);
    const options = windowOf(1).options as BrowserWindowConstructorOptions;
    expect(insecureWebPreferenceProblems(options.webPreferences)).toEqual([]);
    expect(options).toMatchObject({ x: 50, y: 60, width: 1100, height: 700 });
  });

  it("drops a closed window's streamed saves", async () => {
    const window = windowOf(1);
    const event = {
      sender: window.webContents,
      senderFrame: { url: 'app://pursuit/index.html', parent: null },
    };
    const saves = join(state.userData, 'saves-close');
    mkdirSync(saves);
    state.savePath = join(saves, 'plan.xml');
    const opened = (await state.ipc.get('file:saveStream:open')?.(event, {
      suggestedName: 'plan.xml',
      filters: [],
    })) as { streamId: string };
    await state.ipc.get('file:saveStream:append')?.(event, {
      streamId: opened.streamId,
      piece: '<Project>',
    });
    expect(readdirSync(saves)).toHaveLength(1);
    window.fire('closed');
    await vi.waitFor(() => expect(readdirSync(saves)).toEqual([]));
    state.savePath = null;
  });
});
