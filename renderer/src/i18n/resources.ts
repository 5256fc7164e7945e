import type { Resource } from 'i18next';
import type { AppLocale } from '@shared/format/locale';
import { APP_LOCALES } from '@shared/format/locale';
import appLocales from '@renderer/app/locales';
import costsLocales from '@renderer/features/costs/locales';
import backupLocales from '@renderer/features/backup/locales';
import compensationLocales from '@renderer/features/compensation/locales';
import commercialLocales from '@renderer/features/commercial/locales';
import dashboardLocales from '@renderer/features/dashboard/locales';
import dataLocales from '@renderer/features/data/locales';
import dealLocales from '@renderer/features/deal/locales';
import dealsLocales from '@renderer/features/deals/locales';
import deliverablesLocales from '@renderer/features/deliverables/locales';
import exchangeLocales from '@renderer/features/exchange/locales';
import gatesLocales from '@renderer/features/gates/locales';
import healthLocales from '@renderer/features/health/locales';
import helpLocales from '@renderer/features/help/locales';
import pipelineLocales from '@renderer/features/pipeline/locales';
import planLocales from '@renderer/features/plan/locales';
import pricebookLocales from '@renderer/features/pricebook/locales';
import processLocales from '@renderer/features/process/locales';
import quoteLocales from '@renderer/features/quote/locales';
import quoteDocumentLocales from '@renderer/features/quote-document/locales';
import resourcesLocales from '@renderer/features/resources/locales';
import risksLocales from '@renderer/features/risks/locales';
import settingsLocales from '@renderer/features/settings/locales';
import timelineLocales from '@renderer/features/timeline/locales';
import trashLocales from '@renderer/features/trash/locales';

/**
 * Every i18n namespace, one per feature. A feature adds its strings with one line here, pointing
 * at its own `locales.ts` (made with `defineLocales`). Strings are bundled, not fetched: the app
 * works offline and the first frame is already in the right language.
 */
export const NAMESPACES = {
  app: appLocales,
  backup: backupLocales,
  costs: costsLocales,
  compensation: compensationLocales,
  commercial: commercialLocales,
  dashboard: dashboardLocales,
  data: dataLocales,
  deal: dealLocales,
  deals: dealsLocales,
  deliverables: deliverablesLocales,
  exchange: exchangeLocales,
  gates: gatesLocales,
  health: healthLocales,
  help: helpLocales,
  pipeline: pipelineLocales,
  plan: planLocales,
  pricebook: pricebookLocales,
  process: processLocales,
  quote: quoteLocales,
  quoteDocument: quoteDocumentLocales,
  resources: resourcesLocales,
  risks: risksLocales,
  settings: settingsLocales,
  timeline: timelineLocales,
  trash: trashLocales,
} as const;

export type Namespace = keyof typeof NAMESPACES;

/** English trees per namespace: the reference for typed keys. */
export type EnglishResources = { [N in Namespace]: (typeof NAMESPACES)[N]['en'] };

type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A fully qualified message key, e.g. `"settings:title"`, as registries store it. */
export type I18nKey = { [N in Namespace]: `${N}:${LeafKeys<EnglishResources[N]>}` }[Namespace];

/**
 * Every namespace, `app` first. `useTranslation(NAMESPACE_NAMES)` gives a `t` that takes the
 * qualified keys registries store (`"settings:title"`) as well as plain `app` keys.
 */
export const NAMESPACE_NAMES: readonly Namespace[] = Object.keys(NAMESPACES).filter(
  (name): name is Namespace => name in NAMESPACES,
);

/** The resources i18next is initialised with: language → namespace → tree. */
export function buildResources(): Resource {
  const resources: Resource = {};
  for (const locale of APP_LOCALES) {
    resources[locale] = Object.fromEntries(
      NAMESPACE_NAMES.map((ns) => [ns, NAMESPACES[ns][locale]]),
    );
  }
  return resources;
}

export function messagesOf(namespace: Namespace, locale: AppLocale): unknown {
  return NAMESPACES[namespace][locale];
}
