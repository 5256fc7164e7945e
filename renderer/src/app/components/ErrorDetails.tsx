import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Result, Typography, theme } from 'antd';
import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { useAppInfo } from '@renderer/app/hooks/useAppInfo';
import { copyText } from '@renderer/app/utils/clipboard';
import { describeError, errorReportText } from '@renderer/app/utils/errorReport';

export type ErrorScope = 'app' | 'area';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * What the user sees instead of a blank window when something throws: what went wrong, the
 * version, the stack, a button that copies all of it for a bug report, and a way out (reload).
 */
export function ErrorDetails({ error, scope }: { error: unknown; scope: ErrorScope }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const info = useAppInfo();
  const [copy, setCopy] = useState<CopyState>('idle');
  const [at] = useState(() => new Date().toISOString());
  const described = useMemo(() => describeError(error), [error]);
  const report = errorReportText(described, {
    appName: info?.name ?? 'Pursuit',
    version: info?.version ?? '?',
    platform: info?.platform ?? '?',
    url: window.location.href,
    userAgent: navigator.userAgent,
    at,
  });

  const onCopy = async () => {
    setCopy((await copyText(report)) ? 'copied' : 'failed');
  };

  return (
    <div
      role="alert"
      style={{ padding: scope === 'app' ? 48 : 24, maxWidth: 960, margin: '0 auto' }}
    >
      <Result
        status="error"
        title={t('error.title')}
        subTitle={scope === 'app' ? t('error.appSubtitle') : t('error.areaSubtitle')}
        extra={[
          <Button
            key="copy"
            type="primary"
            icon={<CopyOutlined aria-hidden />}
            onClick={() => void onCopy()}
          >
            {t('error.copy')}
          </Button>,
          <Button
            key="reload"
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => window.location.reload()}
          >
            {t('error.reload')}
          </Button>,
        ]}
      >
        <Flex vertical gap={8}>
          <Typography.Text strong>
            {described.name}: {described.message}
          </Typography.Text>
          <Typography.Text type="secondary">
            {info?.name ?? 'Pursuit'} {info?.version ?? ''}
          </Typography.Text>
          <div role="status" aria-live="polite">
            {copy === 'copied' && (
              <Typography.Text type="success">{t('error.copied')}</Typography.Text>
            )}
            {copy === 'failed' && (
              <Typography.Text type="warning">{t('error.copyFailed')}</Typography.Text>
            )}
          </div>
          <pre
            aria-label={t('error.details')}
            tabIndex={0}
            style={{
              margin: 0,
              maxHeight: 280,
              overflow: 'auto',
              padding: 12,
              fontSize: token.fontSizeSM,
              fontFamily: token.fontFamilyCode,
              background: token.colorFillTertiary,
              borderRadius: token.borderRadius,
              whiteSpace: 'pre-wrap',
              userSelect: 'text',
            }}
          >
            {report}
          </pre>
        </Flex>
      </Result>
    </div>
  );
}
