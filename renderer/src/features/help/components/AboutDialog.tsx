import { useTranslation } from 'react-i18next';
import { Button, Flex, Modal, Typography, theme } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { closeDialog, useDialogOpen } from '@renderer/app/dialogs';
import { useAppInfo } from '@renderer/app/hooks/useAppInfo';

/** Help → About: what the app is, its version and platform. */
export function AboutDialog() {
  const { t } = useTranslation('help');
  const { token } = theme.useToken();
  const open = useDialogOpen('about');
  const info = useAppInfo();
  const close = () => closeDialog('about');
  return (
    <Modal
      open={open}
      title={t('about.title')}
      onCancel={close}
      width={460}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={close}>
          {t('about.close')}
        </Button>
      }
    >
      <Flex gap={16} align="flex-start" style={{ paddingTop: 8 }}>
        <AimOutlined aria-hidden style={{ fontSize: 40, color: token.colorPrimary }} />
        <Flex vertical gap={4}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {info?.name ?? 'Pursuit'}
          </Typography.Title>
          {info && (
            <>
              <Typography.Text>{t('about.version', { version: info.version })}</Typography.Text>
              <Typography.Text type="secondary">
                {t('about.platform', { platform: info.platform })}
              </Typography.Text>
            </>
          )}
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
            {t('about.description')}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('about.dataNote')}</Typography.Text>
        </Flex>
      </Flex>
    </Modal>
  );
}
