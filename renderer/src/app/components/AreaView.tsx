import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Flex, Spin } from 'antd';
import type { Area } from '@renderer/app/areas';

/** Renders an area, with a spinner while its code loads on first visit. */
export function AreaView({ area }: { area: Area }) {
  const { t } = useTranslation();
  const Element = area.element;
  return (
    <Suspense
      fallback={
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin aria-label={t('loading')} />
        </Flex>
      }
    >
      <Element />
    </Suspense>
  );
}
