import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { MenuProps } from 'antd';
import { Button, Dropdown, Flex, Layout, Menu, Tooltip, Typography, theme } from 'antd';
import {
  AimOutlined,
  InfoCircleOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  MoonOutlined,
  QuestionCircleOutlined,
  SearchOutlined,
  SunOutlined,
  TranslationOutlined,
} from '@ant-design/icons';
import { APP_LOCALES } from '@shared/format/locale';
import { AREAS, areaForPath } from '@renderer/app/areas';
import { runCommand } from '@renderer/app/commands';
import { usePreference } from '@renderer/app/preferences';
import { detectKeyboardOs, shortcutFor } from '@renderer/app/shortcuts';
import { toggleTheme, useResolvedTheme } from '@renderer/app/theme';
import { CommandPalette } from '@renderer/app/components/CommandPalette';
import { Keys } from '@renderer/app/components/Keys';
import { useCommandErrors } from '@renderer/app/hooks/useCommandErrors';
import { useMenuCommands } from '@renderer/app/hooks/useMenuCommands';
import { useShellCommands } from '@renderer/app/hooks/useShellCommands';
import { useShellPaintedMark } from '@renderer/app/hooks/useShellPaintedMark';
import { useShortcutBindings } from '@renderer/app/hooks/useShortcutBindings';
import { DatabaseGate } from '@renderer/db/DatabaseGate';
import { AutoBackups } from '@renderer/features/backup/components/AutoBackups';
import { StorageFullBanner } from '@renderer/features/backup/components/StorageFullBanner';
import { DealCommands } from '@renderer/features/deals/components/DealCommands';
import { AboutDialog } from '@renderer/features/help/components/AboutDialog';
import { ShortcutsDialog } from '@renderer/features/help/components/ShortcutsDialog';
import { NAMESPACE_NAMES } from '@renderer/i18n/resources';
import { useLanguage } from '@renderer/i18n/useLanguage';

const HEADER_HEIGHT = 52;

/** The window frame: left navigation, top bar with the area's title and tools, the area below. */
export function Shell() {
  const { t } = useTranslation(NAMESPACE_NAMES);
  const { token } = theme.useToken();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = usePreference('navCollapsed');
  const [language, setLanguage] = useLanguage();
  const resolvedTheme = useResolvedTheme();
  const area = areaForPath(location.pathname);
  const title = area ? t(area.titleKey) : t('brand');
  const paletteChord = shortcutFor('app.palette')?.keys;

  useShellCommands();
  useShortcutBindings();
  useMenuCommands();
  useCommandErrors();
  useShellPaintedMark();

  useEffect(() => {
    document.title = area ? `${title} · ${t('brand')}` : t('brand');
  }, [area, title, t]);

  const navItems: MenuProps['items'] = AREAS.map((entry) => ({
    key: entry.id,
    icon: entry.icon,
    label: t(entry.titleKey),
    onClick: () => void navigate(entry.path),
  }));

  const languageItems: MenuProps['items'] = APP_LOCALES.map((locale) => ({
    key: locale,
    label: t(`language.${locale}`),
    onClick: () => setLanguage(locale),
  }));

  const helpItems: MenuProps['items'] = [
    {
      key: 'shortcuts',
      icon: <QuestionCircleOutlined aria-hidden />,
      label: t('commands.shortcuts'),
      onClick: () => runCommand('help.shortcuts'),
    },
    {
      key: 'about',
      icon: <InfoCircleOutlined aria-hidden />,
      label: t('commands.about'),
      onClick: () => runCommand('help.about'),
    },
  ];

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        width={224}
        collapsedWidth={56}
        theme="light"
        trigger={null}
        style={{ borderRight: `1px solid ${token.colorSplit}` }}
      >
        <Flex vertical style={{ height: '100%' }}>
          <Flex
            align="center"
            gap={10}
            style={{
              height: HEADER_HEIGHT,
              padding: collapsed ? '0 18px' : '0 20px',
              borderBottom: `1px solid ${token.colorSplit}`,
              overflow: 'hidden',
              whiteSpace: 'nowrap',
            }}
          >
            <AimOutlined aria-hidden style={{ fontSize: 20, color: token.colorPrimary }} />
            {!collapsed && (
              <Flex vertical style={{ lineHeight: 1.2 }}>
                <Typography.Text strong style={{ fontSize: 15 }}>
                  {t('brand')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {t('tagline')}
                </Typography.Text>
              </Flex>
            )}
          </Flex>
          <nav aria-label={t('nav.label')} style={{ flex: 1, overflowY: 'auto' }}>
            <Menu
              mode="inline"
              selectedKeys={area ? [area.id] : []}
              items={navItems}
              style={{ borderInlineEnd: 'none', paddingTop: 4 }}
            />
          </nav>
          <Button
            type="text"
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            aria-expanded={!collapsed}
            icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
            onClick={() => setCollapsed(!collapsed)}
            style={{
              // An icon-only button is square by default; this one spans the navigation.
              width: '100%',
              height: 40,
              borderRadius: 0,
              borderTop: `1px solid ${token.colorSplit}`,
              color: token.colorTextSecondary,
            }}
          />
        </Flex>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            height: HEADER_HEIGHT,
            lineHeight: `${HEADER_HEIGHT}px`,
            padding: '0 16px 0 24px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorSplit}`,
            display: 'flex',
            alignItems: 'center',
            gap: 16,
          }}
        >
          <Typography.Title
            level={1}
            style={{ fontSize: 17, margin: 0, flex: 1, fontWeight: 600, whiteSpace: 'nowrap' }}
          >
            {title}
          </Typography.Title>
          <Button
            onClick={() => runCommand('app.palette')}
            icon={<SearchOutlined aria-hidden />}
            style={{ width: 300, justifyContent: 'flex-start', color: token.colorTextTertiary }}
          >
            <span style={{ flex: 1, textAlign: 'start' }}>{t('header.search')}</span>
            {paletteChord && <Keys chord={paletteChord} os={detectKeyboardOs()} />}
          </Button>
          <Flex gap={4}>
            <Tooltip title={t('header.toggleTheme')}>
              <Button
                type="text"
                aria-label={t('header.toggleTheme')}
                icon={
                  resolvedTheme === 'dark' ? (
                    <SunOutlined aria-hidden />
                  ) : (
                    <MoonOutlined aria-hidden />
                  )
                }
                onClick={toggleTheme}
              />
            </Tooltip>
            <Dropdown
              menu={{ items: languageItems, selectable: true, selectedKeys: [language] }}
              trigger={['click']}
            >
              <Button
                type="text"
                aria-label={t('header.language')}
                icon={<TranslationOutlined aria-hidden />}
              >
                {t(`language.${language}`)}
              </Button>
            </Dropdown>
            <Dropdown menu={{ items: helpItems }} trigger={['click']}>
              <Button
                type="text"
                aria-label={t('header.help')}
                icon={<QuestionCircleOutlined aria-hidden />}
              />
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ overflow: 'auto' }}>
          {/* Only the areas wait for the database; the frame around them paints at once. */}
          <DatabaseGate>
            <DealCommands />
            <AutoBackups />
            <StorageFullBanner />
            <Outlet />
          </DatabaseGate>
        </Layout.Content>
      </Layout>
      <CommandPalette />
      <ShortcutsDialog />
      <AboutDialog />
    </Layout>
  );
}
