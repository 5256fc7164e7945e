import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { Navigate, createHashRouter } from 'react-router-dom';
import { AREAS } from '@renderer/app/areas';
import { AreaView, LazyPage } from '@renderer/app/components/AreaView';
import { Crash } from '@renderer/app/components/Crash';
import { NotFound } from '@renderer/app/components/NotFound';
import { RouteError } from '@renderer/app/components/RouteError';
import { Shell } from '@renderer/app/components/Shell';

/** Path of the hidden route that throws on purpose, to see and test the error screen. */
export const CRASH_PATH = '/__crash';

const DealWorkspacePage = lazy(() => import('@renderer/features/deal/DealWorkspacePage'));

/**
 * The routes: the shell around every area. Each area has its own error element, so an area
 * that throws shows the error details inside the shell and the navigation keeps working.
 */
export function appRoutes(): RouteObject[] {
  const first = AREAS[0];
  return [
    {
      path: '/',
      element: <Shell />,
      errorElement: <RouteError scope="app" />,
      children: [
        { index: true, element: first ? <Navigate to={first.path} replace /> : <NotFound /> },
        // One deal, opened from the portfolio: `#/deals/<dealId>/<tabId>`. It ranks above the
        // Deals area's `deals/*`, and the navigation keeps Deals highlighted (same prefix).
        {
          path: 'deals/:dealId/:tabId?',
          element: <LazyPage page={DealWorkspacePage} />,
          errorElement: <RouteError scope="area" />,
        },
        ...AREAS.map((area) => ({
          path: `${area.path.slice(1)}/*`,
          element: <AreaView area={area} />,
          errorElement: <RouteError scope="area" />,
        })),
        {
          path: CRASH_PATH.slice(1),
          element: <Crash />,
          errorElement: <RouteError scope="area" />,
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ];
}

/**
 * Hash routing: the app is loaded from `app://` in the desktop shell and from a static server in
 * the browser; with the route after `#`, every reload requests the same `index.html`.
 */
export function createAppRouter() {
  return createHashRouter(appRoutes());
}
