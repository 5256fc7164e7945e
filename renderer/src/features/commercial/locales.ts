import { defineLocales } from '@renderer/i18n/defineLocales';
export default defineLocales({ tab: 'Commercial' }, { tab: '商务' });
