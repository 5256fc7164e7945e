import { useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import type { ThemeConfig } from 'antd';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { AppErrorBoundary } from '@renderer/app/components/AppErrorBoundary';
import { createAppRouter } from '@renderer/app/router';
import { useReducedMotion, useResolvedTheme } from '@renderer/app/theme';
import { TokenProvider } from '@renderer/app/token';
import { useLanguage } from '@renderer/i18n/useLanguage';

const LATIN_FONTS = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Helvetica Neue"',
  'Arial',
];
/** The Chinese UI face of each platform: PingFang (macOS), YaHei (Windows), Noto CJK (Linux). */
const CHINESE_FONTS = [
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
];

/**
 * The font stack per language. Chinese text puts the Chinese face first so that its punctuation
 * (“ ” ， ：) is set full-width as Chinese readers expect; English puts a Latin face first, as
 * a Chinese face would otherwise set English quotes and apostrophes full-width too.
 */
function fontFamilyFor(language: string): string {
  const faces =
    language === 'zh-CN' ? [...CHINESE_FONTS, ...LATIN_FONTS] : [...LATIN_FONTS, ...CHINESE_FONTS];
  return [...faces, 'sans-serif'].join(', ');
}

/** "关闭", not antd's spaced "关 闭": current Chinese desktop software does not space buttons. */
const BUTTON_CONFIG = { autoInsertSpace: false };

/** Providers (theme, antd locale, messages, error boundary) around the router. */
export function App() {
  const resolvedTheme = useResolvedTheme();
  const reducedMotion = useReducedMotion();
  const [language] = useLanguage();
  const [router] = useState(createAppRouter);

  // A new theme object makes antd recompute every component's styles: only on a real change.
  const themeConfig = useMemo<ThemeConfig>(
    () => ({
      algorithm: resolvedTheme === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
      zeroRuntime: true,
      token: {
        fontFamily: fontFamilyFor(language),
        colorPrimary: '#2f6fdf',
        borderRadius: 6,
        motion: !reducedMotion,
      },
    }),
    [resolvedTheme, language, reducedMotion],
  );

  useEffect(() => {
    document.documentElement.dataset.theme = resolvedTheme;
    document.documentElement.style.colorScheme = resolvedTheme;
  }, [resolvedTheme]);

  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      theme={themeConfig}
      button={BUTTON_CONFIG}
    >
      <TokenProvider>
        <AntApp>
          <AppErrorBoundary>
            <RouterProvider router={router} />
          </AppErrorBoundary>
        </AntApp>
      </TokenProvider>
    </ConfigProvider>
  );
}
