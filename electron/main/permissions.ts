import type { UrlPolicy } from './app-url';

/**
 * The only permission Pursuit ever grants, and only to its own top-level page:
 * `clipboard-sanitized-write`, which `navigator.clipboard.writeText` needs for the error screen's
 * "copy details" button. Chromium still requires a user gesture for it, and reading the clipboard
 * stays denied. Every other permission (camera, microphone, geolocation, notifications, HID,
 * serial, USB, fullscreen requests, openExternal, …) is refused. See SECURITY.md.
 */
export const GRANTED_PERMISSION = 'clipboard-sanitized-write';

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  isMainFrame: boolean,
  policy: UrlPolicy,
): boolean {
  return (
    permission === GRANTED_PERMISSION &&
    isMainFrame &&
    requestingUrl !== undefined &&
    policy.isTrustedUrl(requestingUrl)
  );
}

/** The three handlers of Electron's `Session` that decide permissions, as far as Pursuit uses them. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl: string; readonly isMainFrame: boolean },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { readonly requestingUrl?: string; readonly isMainFrame: boolean },
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export function installPermissionHandlers(session: PermissionSession, policy: UrlPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, details.isMainFrame, policy));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(
      permission,
      details.requestingUrl ?? requestingOrigin,
      details.isMainFrame,
      policy,
    ),
  );
  session.setDevicePermissionHandler(() => false);
}
