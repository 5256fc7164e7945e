import type { ComponentType, LazyExoticComponent } from 'react';
import { lazy } from 'react';
import type { I18nKey } from '@renderer/i18n/resources';

/** One card on the Settings page. */
export interface SettingsSection {
  id: string;
  titleKey: I18nKey;
  /** Loaded with the page; a section's own code stays in its feature's folder. */
  component: LazyExoticComponent<ComponentType>;
  /** Position on the page, lowest first. */
  order: number;
}

/**
 * The section registry. A feature adds its settings (storage use, sales process…) with one entry
 * pointing at a component in its own folder; the page renders them in order.
 */
const REGISTERED: SettingsSection[] = [
  {
    id: 'general',
    titleKey: 'settings:general.title',
    component: lazy(() => import('@renderer/features/settings/components/GeneralSection')),
    order: 0,
  },
  {
    id: 'company',
    titleKey: 'quoteDocument:company.title',
    component: lazy(() => import('@renderer/features/quote-document/components/CompanySection')),
    order: 50,
  },
  {
    id: 'process',
    titleKey: 'process:title',
    component: lazy(() => import('@renderer/features/process/components/ProcessSection')),
    order: 100,
  },
  {
    id: 'plan-templates',
    titleKey: 'plan:templates.title',
    component: lazy(() => import('@renderer/features/plan/components/PlanTemplatesSection')),
    order: 120,
  },
  {
    id: 'bid-scorecard',
    titleKey: 'gates:criteria.title',
    component: lazy(() => import('@renderer/features/gates/components/BidScorecardSection')),
    order: 150,
  },
  {
    id: 'thresholds',
    titleKey: 'costs:thresholds.title',
    component: lazy(() => import('@renderer/features/costs/components/ThresholdsSection')),
    order: 180,
  },
  {
    id: 'price-book',
    titleKey: 'pricebook:title',
    component: lazy(() => import('@renderer/features/pricebook/components/PriceBookSection')),
    order: 190,
  },
  {
    id: 'backup',
    titleKey: 'backup:title',
    component: lazy(() => import('@renderer/features/backup/components/BackupSection')),
    order: 400,
  },
  {
    id: 'spreadsheet-import',
    titleKey: 'exchange:title',
    component: lazy(() => import('@renderer/features/exchange/components/ImportSection')),
    order: 450,
  },
  {
    id: 'storage',
    titleKey: 'data:title',
    component: lazy(() => import('@renderer/features/data/components/StorageSection')),
    order: 500,
  },
  {
    id: 'about',
    titleKey: 'settings:about.title',
    component: lazy(() => import('@renderer/features/settings/components/AboutSection')),
    order: 1000,
  },
];

export const SETTINGS_SECTIONS: readonly SettingsSection[] = REGISTERED.sort(
  (a, b) => a.order - b.order,
);
