import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { setCommandErrorReporter } from '@renderer/app/commands';

/** A command that throws or rejects tells the user, instead of failing silently. */
export function useCommandErrors(): void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  useEffect(() => {
    setCommandErrorReporter((error) => {
      console.error(error);
      void message.error(
        t('commands.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    });
  }, [message, t]);
}
