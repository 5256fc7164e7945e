import { describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import {
  installPermissionHandlers,
  isPermissionGranted,
  type PermissionSession,
} from '../../../electron/main/permissions';
/* eslint-enable no-restricted-imports */
import { appPolicy } from './fakes';

type Handlers = {
  request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
  check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
  device?: Parameters<PermissionSession['setDevicePermissionHandler']>[0];
};

function installed(): Handlers {
  const captured: Handlers = {};
  installPermissionHandlers(
    {
      setPermissionRequestHandler: (handler) => (captured.request = handler),
      setPermissionCheckHandler: (handler) => (captured.check = handler),
      setDevicePermissionHandler: (handler) => (captured.device = handler),
    } satisfies PermissionSession,
    appPolicy,
  );
  return captured;
}

const APP = 'app://pursuit/index.html';

describe('permission handlers', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'idle-detection',
    'fileSystem',
    'unknown',
  ])('deny %s to the app itself, by request and by check', (permission) => {
    const { request, check } = installed();
    let granted: boolean | null = null;
    request?.({}, permission, (value) => (granted = value), {
      requestingUrl: APP,
      isMainFrame: true,
    });
    expect(granted).toBe(false);
    expect(
      check?.({}, permission, 'app://pursuit', { requestingUrl: APP, isMainFrame: true }),
    ).toBe(false);
  });

  it('deny every device permission', () => {
    expect(installed().device?.()).toBe(false);
  });

  it('let only the app page write (not read) the clipboard, for "copy details"', () => {
    const { request, check } = installed();
    let granted: boolean | null = null;
    request?.({}, 'clipboard-sanitized-write', (value) => (granted = value), {
      requestingUrl: APP,
      isMainFrame: true,
    });
    expect(granted).toBe(true);
    expect(check?.({}, 'clipboard-sanitized-write', 'app://pursuit', { isMainFrame: true })).toBe(
      true,
    );
  });

  it.each([
    ['a foreign page', 'https://evil.example/', true],
    ['a look-alike origin', 'app://pursuit.evil/', true],
    ['a subframe of the app', APP, false],
  ])('refuse clipboard writes from %s', (_label, url, isMainFrame) => {
    expect(isPermissionGranted('clipboard-sanitized-write', url, isMainFrame, appPolicy)).toBe(
      false,
    );
  });
});
