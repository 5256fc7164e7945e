import { useTranslation } from 'react-i18next';
import type { DescriptionsProps } from 'antd';
import { Descriptions, Typography } from 'antd';
import { useAppInfo } from '@renderer/app/hooks/useAppInfo';

/** Version, platform and where the data lives, as a user quotes them in a support request. */
export default function AboutSection() {
  const { t } = useTranslation('settings');
  const info = useAppInfo();
  if (!info) return <Typography.Text type="secondary">{t('about.loading')}</Typography.Text>;

  const engine = [
    info.electronVersion && `Electron ${info.electronVersion}`,
    info.chromeVersion && `Chromium ${info.chromeVersion}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const items: DescriptionsProps['items'] = [
    { key: 'version', label: t('about.version'), children: info.version },
    {
      key: 'runtime',
      label: t('about.runtime'),
      children: info.runtime === 'desktop' ? t('about.desktop') : t('about.browser'),
    },
    { key: 'platform', label: t('about.platform'), children: info.platform },
    ...(engine ? [{ key: 'engine', label: t('about.engine'), children: engine }] : []),
    ...(info.userDataPath
      ? [
          {
            key: 'data',
            label: t('about.dataLocation'),
            children: <Typography.Text copyable>{info.userDataPath}</Typography.Text>,
          },
        ]
      : []),
  ];
  return (
    <>
      <Descriptions column={1} size="small" styles={{ label: { width: 140 } }} items={items} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {info.runtime === 'desktop' ? t('about.dataNoteDesktop') : t('about.dataNoteBrowser')}
      </Typography.Paragraph>
    </>
  );
}
