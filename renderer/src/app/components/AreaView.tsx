import { Suspense } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { Flex, Spin } from 'antd';
import type { Area } from '@renderer/app/areas';

/** Renders a page whose code loads on first visit, with a spinner until it has. */
export function LazyPage({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin aria-label={t('loading')} />
        </Flex>
      }
    >
      <Page />
    </Suspense>
  );
}

/** Renders an area, with a spinner while its code loads on first visit. */
export function AreaView({ area }: { area: Area }) {
  return <LazyPage page={area.element} />;
}
