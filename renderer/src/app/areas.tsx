import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import {
  DashboardOutlined,
  DeleteOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  HeatMapOutlined,
  LayoutOutlined,
  ProjectOutlined,
  RiseOutlined,
  SettingOutlined,
  WarningOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { parsePlanDate } from '@shared/domain/dates';
import { lazyPage } from '@renderer/app/lazyPage';
import type { PursuitDatabase } from '@renderer/db/database';
import { preparePortfolioRows } from '@renderer/db/hooks/portfolio-rows';
import type { I18nKey } from '@renderer/i18n/resources';

/** A top-level area of the app: one entry in the left navigation, one route, one palette entry. */
export interface Area {
  id: string;
  /** Route path under the hash, starting with "/". */
  path: `/${string}`;
  icon: ReactNode;
  titleKey: I18nKey;
  /** Loaded on first visit, so the shell paints without waiting for every feature's code. */
  element: LazyExoticComponent<ComponentType>;
  /** Position in the navigation, lowest first. */
  order: number;
  /**
   * When the app starts on this area: begins reading what its first screen shows as soon as the
   * database is open, while the shell is still being drawn.
   */
  prepare?: (db: PursuitDatabase) => void;
}

/**
 * The area registry. A feature becomes reachable (navigation, route, palette) with one entry.
 * Settings sits last, as in most desktop tools; the start page is the first area.
 */
const REGISTERED: Area[] = [
  {
    id: 'dashboard',
    path: '/dashboard',
    icon: <DashboardOutlined aria-hidden />,
    titleKey: 'dashboard:title',
    element: lazyPage(() => import('@renderer/features/dashboard/DashboardPage')),
    order: 5,
  },
  {
    id: 'deals',
    path: '/deals',
    icon: <ProjectOutlined aria-hidden />,
    titleKey: 'deals:title',
    element: lazyPage(() => import('@renderer/features/deals/DealsPage')),
    order: 0,
    prepare: (db) => preparePortfolioRows(db, parsePlanDate(dayjs().format('YYYY-MM-DD'))),
  },
  {
    id: 'board',
    path: '/board',
    icon: <LayoutOutlined aria-hidden />,
    titleKey: 'pipeline:title',
    element: lazyPage(() => import('@renderer/features/pipeline/PipelineBoardPage')),
    order: 10,
  },
  {
    id: 'deliverables',
    path: '/deliverables',
    icon: <FileDoneOutlined aria-hidden />,
    titleKey: 'deliverables:myTitle',
    element: lazyPage(() => import('@renderer/features/deliverables/MyDeliverablesPage')),
    order: 20,
  },
  {
    id: 'timeline',
    path: '/timeline',
    icon: <FieldTimeOutlined aria-hidden />,
    titleKey: 'timeline:title',
    element: lazyPage(() => import('@renderer/features/timeline/TimelinePage')),
    order: 30,
  },
  {
    id: 'people',
    path: '/people',
    icon: <TeamOutlined aria-hidden />,
    titleKey: 'resources:people.title',
    element: lazyPage(() => import('@renderer/features/resources/PeoplePage')),
    order: 40,
  },
  {
    id: 'load',
    path: '/load',
    icon: <HeatMapOutlined aria-hidden />,
    titleKey: 'resources:load.title',
    element: lazyPage(() => import('@renderer/features/resources/LoadPage')),
    order: 45,
  },
  {
    id: 'risks',
    path: '/risks',
    icon: <WarningOutlined aria-hidden />,
    titleKey: 'risks:title',
    element: lazyPage(() => import('@renderer/features/risks/RisksPage')),
    order: 50,
  },
  {
    id: 'targets',
    path: '/targets',
    icon: <RiseOutlined aria-hidden />,
    titleKey: 'compensation:title',
    element: lazyPage(() => import('@renderer/features/compensation/TargetsPage')),
    order: 60,
  },
  {
    id: 'trash',
    path: '/trash',
    icon: <DeleteOutlined aria-hidden />,
    titleKey: 'trash:title',
    element: lazyPage(() => import('@renderer/features/trash/TrashPage')),
    order: 900,
  },
  {
    id: 'settings',
    path: '/settings',
    icon: <SettingOutlined aria-hidden />,
    titleKey: 'settings:title',
    element: lazyPage(() => import('@renderer/features/settings/SettingsPage')),
    order: 1000,
  },
];

export const AREAS: readonly Area[] = REGISTERED.sort((a, b) => a.order - b.order);

/** The area a path belongs to (its own path or anything below it). */
export function areaForPath(pathname: string): Area | undefined {
  return AREAS.find((area) => pathname === area.path || pathname.startsWith(`${area.path}/`));
}
