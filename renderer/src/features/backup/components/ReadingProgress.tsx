import { useTranslation } from 'react-i18next';
import { Flex, Progress, Typography } from 'antd';

interface ReadingProgressProps {
  fileName: string;
  percent: number;
}

/** How much of a chosen backup file is read, before it is checked. */
export function ReadingProgress({ fileName, percent }: ReadingProgressProps) {
  const { t } = useTranslation('backup');
  const text = t('restore.reading', { file: fileName, percent });
  return (
    <Flex vertical gap={12} style={{ padding: '8px 0' }}>
      <Typography.Text>{text}</Typography.Text>
      <Progress percent={percent} aria-label={text} />
    </Flex>
  );
}
