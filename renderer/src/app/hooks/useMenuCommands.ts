import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { runCommand } from '@renderer/app/commands';
import { getPlatform } from '@renderer/platform/getPlatform';

/** Desktop menu items arrive as command ids and run through the same registry as the palette. */
export function useMenuCommands(): void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  useEffect(
    () =>
      getPlatform().onMenuCommand((command) => {
        if (!runCommand(command)) void message.info(t('commands.unavailable'));
      }),
    [message, t],
  );
}
