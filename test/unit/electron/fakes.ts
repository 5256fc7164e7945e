// eslint-disable-next-line no-restricted-imports -- electron/ has no path alias
import { createUrlPolicy, type UrlPolicy } from '../../../electron/main/app-url';

export const appPolicy: UrlPolicy = createUrlPolicy(null);

type Listener = (...args: never[]) => unknown;

/** A stand-in for a WebContents that records listeners so tests can fire Electron's events. */
export class FakeWebContents {
  readonly id: number;
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];

  constructor(id: number) {
    this.id = id;
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return false;
  }

  isCrashed(): boolean {
    return false;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  /** Fires a cancellable navigation-style event; returns whether a listener cancelled it. */
  fireNavigation(event: string, url: string): boolean {
    let prevented = false;
    const payload = {
      url,
      preventDefault: () => {
        prevented = true;
      },
    };
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (event: typeof payload) => void)(payload);
    }
    return prevented;
  }
}
