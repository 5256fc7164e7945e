import type { ComponentType, LazyExoticComponent } from 'react';
import { lazy } from 'react';
import type { Deal } from '@shared/domain/deal';
import type { I18nKey } from '@renderer/i18n/resources';

/** What every tab of the deal workspace receives: the deal as currently stored. */
export interface DealTabProps {
  deal: Deal;
}

/** One tab of the deal workspace, addressed as `#/deals/<dealId>/<id>`. */
export interface DealTab {
  id: string;
  titleKey: I18nKey;
  /** A feature's tab lives in its own folder and loads on first visit. */
  component: LazyExoticComponent<ComponentType<DealTabProps>>;
  /** Position in the tab bar, lowest first. */
  order: number;
}

/**
 * The tab registry. A feature adds its tab (plan, team, risks…) with one entry; a feature that is
 * not built has no entry, so its tab does not appear.
 */
const REGISTERED: DealTab[] = [
  {
    id: 'overview',
    titleKey: 'deal:tabs.overview',
    component: lazy(() => import('@renderer/features/deal/OverviewTab')),
    order: 0,
  },
  {
    id: 'activity',
    titleKey: 'deal:tabs.activity',
    component: lazy(() => import('@renderer/features/deal/ActivityTab')),
    order: 900,
  },
  {
    id: 'gates',
    titleKey: 'gates:tab',
    component: lazy(() => import('@renderer/features/gates/components/GatesTab')),
    order: 200,
  },
  {
    id: 'plan',
    titleKey: 'plan:tab',
    component: lazy(() => import('@renderer/features/plan/components/PlanTab')),
    order: 100,
  },
  {
    id: 'team',
    titleKey: 'resources:team.tab',
    component: lazy(() => import('@renderer/features/resources/components/TeamTab')),
    order: 120,
  },
  {
    id: 'deliverables',
    titleKey: 'deliverables:tab',
    component: lazy(() => import('@renderer/features/deliverables/components/DeliverablesTab')),
    order: 150,
  },
  {
    id: 'costs',
    titleKey: 'costs:tab',
    component: lazy(() => import('@renderer/features/costs/components/CostsTab')),
    order: 180,
  },
  {
    id: 'risks',
    titleKey: 'risks:tab',
    component: lazy(() => import('@renderer/features/risks/components/RisksTab')),
    order: 170,
  },
  {
    id: 'quote',
    titleKey: 'quote:tab',
    component: lazy(() => import('@renderer/features/quote/components/QuoteTab')),
    order: 190,
  },
  {
    id: 'commercial',
    titleKey: 'commercial:tab',
    component: lazy(() => import('@renderer/features/commercial/components/CommercialTab')),
    order: 195,
  },
];

export const DEAL_TABS: readonly DealTab[] = REGISTERED.sort((a, b) => a.order - b.order);

/** The tab shown when the address names none (or one that does not exist). */
export function dealTabFor(id: string | undefined): DealTab | undefined {
  return DEAL_TABS.find((tab) => tab.id === id) ?? DEAL_TABS[0];
}
