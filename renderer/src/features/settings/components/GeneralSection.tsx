import { useTranslation } from 'react-i18next';
import { Form, Radio } from 'antd';
import { APP_LOCALES } from '@shared/format/locale';
import type { ThemePreference } from '@renderer/app/preferences';
import { usePreference } from '@renderer/app/preferences';
import { useLanguage } from '@renderer/i18n/useLanguage';

const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** Language and appearance; both apply at once and are remembered. */
export default function GeneralSection() {
  const { t } = useTranslation('settings');
  const { t: tApp } = useTranslation('app');
  const [language, setLanguage] = useLanguage();
  const [themePreference, setThemePreference] = usePreference('theme');
  return (
    <Form layout="horizontal" labelCol={{ flex: '140px' }} labelAlign="left" colon={false}>
      <Form.Item label={t('general.language')} extra={t('general.languageHelp')}>
        <Radio.Group
          aria-label={t('general.language')}
          optionType="button"
          value={language}
          onChange={(event) => setLanguage(event.target.value)}
          options={APP_LOCALES.map((locale) => ({
            value: locale,
            label: tApp(`language.${locale}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('general.theme')}
        extra={t('general.themeHelp')}
        style={{ marginBottom: 0 }}
      >
        <Radio.Group
          aria-label={t('general.theme')}
          optionType="button"
          value={themePreference}
          onChange={(event) => setThemePreference(event.target.value)}
          options={THEMES.map((value) => ({ value, label: tApp(`theme.${value}`) }))}
        />
      </Form.Item>
    </Form>
  );
}
