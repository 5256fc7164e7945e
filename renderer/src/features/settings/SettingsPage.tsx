import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Flex, Skeleton } from 'antd';
import { SETTINGS_SECTIONS } from '@renderer/features/settings/sections';
import { NAMESPACE_NAMES } from '@renderer/i18n/resources';

/** Settings: one card per registered section, in order. */
export default function SettingsPage() {
  const { t } = useTranslation(NAMESPACE_NAMES);
  return (
    <Flex vertical gap={16} style={{ padding: 24, maxWidth: 880 }}>
      {SETTINGS_SECTIONS.map((section) => {
        const Section = section.component;
        return (
          <section key={section.id} aria-labelledby={`settings-${section.id}`}>
            <Card
              title={<span id={`settings-${section.id}`}>{t(section.titleKey)}</span>}
              size="small"
              styles={{ body: { padding: '16px 24px' } }}
            >
              <Suspense fallback={<Skeleton active paragraph={{ rows: 2 }} />}>
                <Section />
              </Suspense>
            </Card>
          </section>
        );
      })}
    </Flex>
  );
}
