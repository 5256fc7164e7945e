import { useTranslation } from 'react-i18next';
import { Button, Empty, Flex, Progress, Typography } from 'antd';
import { PlusOutlined, ExperimentOutlined } from '@ant-design/icons';

interface EmptyPortfolioProps {
  onCreate: () => void;
  onLoadSample: () => void;
  progress: number | null;
}

/** First run: no deals yet. Two ways in: create one, or explore a sample portfolio. */
export function EmptyPortfolio({ onCreate, onLoadSample, progress }: EmptyPortfolioProps) {
  const { t } = useTranslation('deals');
  return (
    <Flex vertical align="center" justify="center" style={{ flex: 1, padding: 48 }}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Flex vertical gap={4} align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('empty.title')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ maxWidth: 420, display: 'block' }}>
              {t('empty.body')}
            </Typography.Text>
          </Flex>
        }
      >
        {progress === null ? (
          <Flex gap={12} justify="center">
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onCreate}>
              {t('empty.create')}
            </Button>
            <Button icon={<ExperimentOutlined aria-hidden />} onClick={onLoadSample}>
              {t('empty.loadSample')}
            </Button>
          </Flex>
        ) : (
          <Flex vertical align="center" style={{ width: 320 }} gap={4}>
            <Progress percent={progress} aria-label={t('sample.loading', { percent: progress })} />
            <Typography.Text type="secondary">
              {t('sample.loading', { percent: progress })}
            </Typography.Text>
          </Flex>
        )}
      </Empty>
    </Flex>
  );
}
