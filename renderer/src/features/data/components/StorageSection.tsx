import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Descriptions, Flex, Popconfirm, Progress, Typography } from 'antd';
import { readStorageStatus } from '@renderer/db/storage';
import type { StorageStatus } from '@renderer/db/storage';
import { useFormat } from '@renderer/i18n/useFormat';
import { useLoadSample } from '@renderer/features/deals/hooks/useLoadSample';
import { formatBytes } from '@shared/format/bytes';

/** Settings → Data and storage: persistence, space used, and demonstration portfolios. */
export default function StorageSection() {
  const { t } = useTranslation('data');
  const format = useFormat();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const sample = useLoadSample();

  useEffect(() => {
    let live = true;
    void readStorageStatus().then((next) => live && setStatus(next));
    return () => {
      live = false;
    };
  }, [sample.progress]);

  const persisted =
    status?.persisted === true
      ? t('persistedYes')
      : status?.persisted === false
        ? t('persistedNo')
        : t('persistedUnknown');
  const usage =
    status?.usageBytes != null && status.quotaBytes != null
      ? t('usageValue', {
          used: formatBytes(status.usageBytes, format.number),
          quota: formatBytes(status.quotaBytes, format.number),
        })
      : t('unknown');

  return (
    <Flex vertical gap={16}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'persisted', label: t('persisted'), children: persisted },
          { key: 'usage', label: t('usage'), children: usage },
        ]}
      />
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('demo')}</Typography.Text>
        <Typography.Text type="secondary">{t('demoHelp')}</Typography.Text>
        {sample.progress === null ? (
          <Flex gap={8} wrap>
            <Popconfirm title={t('confirmReplace')} onConfirm={() => void sample.load('sample')}>
              <Button>{t('loadSample')}</Button>
            </Popconfirm>
            <Popconfirm title={t('confirmReplace')} onConfirm={() => void sample.load('large')}>
              <Button>{t('loadLarge')}</Button>
            </Popconfirm>
          </Flex>
        ) : (
          <Progress
            percent={sample.progress}
            aria-label={t('loading', { percent: sample.progress })}
            style={{ maxWidth: 360 }}
          />
        )}
      </Flex>
    </Flex>
  );
}
