import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ImportDialog } from '@renderer/features/exchange/components/ImportDialog';

/** Settings → Spreadsheet import: reachable before there is any deal to show a portfolio. */
export default function ImportSection() {
  const { t } = useTranslation('exchange');
  const [open, setOpen] = useState(false);
  return (
    <Flex vertical gap={12} align="start">
      <Typography.Text type="secondary">{t('help')}</Typography.Text>
      <Button icon={<UploadOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('import.button')}
      </Button>
      {open && <ImportDialog onClose={() => setOpen(false)} />}
    </Flex>
  );
}
