import 'i18next';
import type { EnglishResources } from '@renderer/i18n/resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: EnglishResources;
  }
}
