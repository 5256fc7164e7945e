import { createBrowserPlatform } from '@renderer/platform/browserPlatform';
import { createDesktopPlatform } from '@renderer/platform/desktopPlatform';
import type { Platform } from '@renderer/platform/platform';
// package.json sits outside every path alias; only its version is bundled.
// eslint-disable-next-line no-restricted-imports -- no alias reaches the repository root
import { version } from '../../../package.json';

let current: Platform | null = null;

/**
 * The platform this renderer runs on: the desktop bridge when the preload exposed
 * `window.pursuit`, the browser otherwise. Decided once; the bridge cannot appear later.
 */
export function getPlatform(): Platform {
  current ??=
    window.pursuit === undefined
      ? createBrowserPlatform({ window, appName: 'Pursuit', version })
      : createDesktopPlatform(window.pursuit);
  return current;
}
