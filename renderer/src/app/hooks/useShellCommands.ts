import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { App } from 'antd';
import dayjs from 'dayjs';
import { useRegisterCommand } from '@renderer/app/commands';
import { areaForPath } from '@renderer/app/areas';
import { openDialog, toggleDialog } from '@renderer/app/dialogs';
import { toggleTheme } from '@renderer/app/theme';
import { getPlatform } from '@renderer/platform/getPlatform';
import { currentLanguage, setLanguage } from '@renderer/i18n/i18n';

/** The shell's own commands: theme, language, settings, help, print. */
export function useShellCommands(): void {
  const navigate = useNavigate();
  const location = useLocation();
  const { t } = useTranslation();
  const { message } = App.useApp();

  useRegisterCommand({
    id: 'app.palette',
    titleKey: 'app:commands.palette',
    hiddenInPalette: true,
    run: () => toggleDialog('palette'),
  });
  useRegisterCommand({
    id: 'view.toggleTheme',
    titleKey: 'app:commands.toggleTheme',
    run: toggleTheme,
  });
  useRegisterCommand({
    id: 'app.switchLanguage',
    titleKey: 'app:commands.switchLanguage',
    run: () => setLanguage(currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN'),
  });
  useRegisterCommand({
    id: 'app.settings',
    titleKey: 'app:commands.openSettings',
    run: () => navigate('/settings'),
  });
  useRegisterCommand({
    id: 'help.shortcuts',
    titleKey: 'app:commands.shortcuts',
    run: () => openDialog('shortcuts'),
  });
  useRegisterCommand({
    id: 'help.about',
    titleKey: 'app:commands.about',
    run: () => openDialog('about'),
  });
  useRegisterCommand({
    id: 'view.print',
    titleKey: 'app:commands.print',
    run: async () => {
      const area = areaForPath(location.pathname)?.id ?? 'pursuit';
      const suggestedName = `Pursuit-${area}-${dayjs().format('YYYY-MM-DD')}.pdf`;
      try {
        const outcome = await getPlatform().printToPdf({
          suggestedName,
          pageSize: 'A4',
          landscape: true,
        });
        if (outcome.status === 'saved') {
          void message.success(t('print.saved', { fileName: outcome.fileName }));
        }
      } catch (error) {
        void message.error(
          t('print.failed', { message: error instanceof Error ? error.message : String(error) }),
        );
      }
    },
  });
}
