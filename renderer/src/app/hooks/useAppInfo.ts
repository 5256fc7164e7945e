import { useEffect, useState } from 'react';
import type { PlatformAppInfo } from '@renderer/platform/platform';
import { getPlatform } from '@renderer/platform/getPlatform';

let request: Promise<PlatformAppInfo | null> | null = null;

/** Asked once per session: the name, version and platform do not change while running. */
function loadAppInfo(): Promise<PlatformAppInfo | null> {
  request ??= getPlatform()
    .getAppInfo()
    .catch(() => null);
  return request;
}

/** App name, version and platform; null until known (or if the platform cannot say). */
export function useAppInfo(): PlatformAppInfo | null {
  const [info, setInfo] = useState<PlatformAppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void loadAppInfo().then((value) => {
      if (live) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
}
