import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Flex, Segmented } from 'antd';

interface Props {
  readonly title: string;
  readonly extra?: ReactNode;
  readonly chart: ReactNode;
  readonly table: ReactNode;
  readonly footer?: ReactNode;
  readonly testId: string;
}

/**
 * A chart with its table fallback: a toggle shows the exact figures as a table instead. The
 * review pack prints both.
 */
export function ChartCard({ title, extra, chart, table, footer, testId }: Props) {
  const { t } = useTranslation('dashboard');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      className="dashboard-card"
      extra={
        <Flex gap={8} align="center" className="dashboard-no-print">
          {extra}
          <Segmented
            size="small"
            aria-label={t('view.toggle', { title })}
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            options={[
              { value: 'chart', label: t('view.chart') },
              { value: 'table', label: t('view.table') },
            ]}
          />
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        <div className={view === 'chart' ? undefined : 'dashboard-print-only'}>{chart}</div>
        <div className={view === 'table' ? undefined : 'dashboard-print-only'}>{table}</div>
        {footer}
      </Flex>
    </Card>
  );
}
