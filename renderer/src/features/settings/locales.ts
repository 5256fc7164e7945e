import { defineLocales } from '@renderer/i18n/defineLocales';

export default defineLocales(
  {
    title: 'Settings',
    general: {
      title: 'General',
      language: 'Language',
      languageHelp: 'Applies immediately and is remembered on this computer.',
      theme: 'Appearance',
      themeHelp: '“Follow system” matches the light or dark setting of your operating system.',
    },
    about: {
      title: 'About this app',
      version: 'Version',
      runtime: 'Runs as',
      desktop: 'Desktop app',
      browser: 'In a web browser',
      platform: 'Operating system',
      engine: 'Engine',
      dataLocation: 'Data folder',
      loading: 'Loading…',
      dataNoteDesktop:
        'Your data is stored on this computer, in the data folder above, and is never sent anywhere.',
      dataNoteBrowser:
        'Your data is stored by this browser for this site, on this computer, and is never sent anywhere. Clearing the site’s data in the browser deletes it.',
    },
  },
  {
    title: '设置',
    general: {
      title: '常规',
      language: '语言',
      languageHelp: '立即生效，并在本机记住。',
      theme: '外观',
      themeHelp: '“跟随系统”会与操作系统的浅色或深色设置保持一致。',
    },
    about: {
      title: '关于本应用',
      version: '版本',
      runtime: '运行方式',
      desktop: '桌面应用',
      browser: '在网页浏览器中',
      platform: '操作系统',
      engine: '引擎',
      dataLocation: '数据文件夹',
      loading: '加载中…',
      dataNoteDesktop: '您的数据保存在本机上方所示的数据文件夹中，不会发送到任何地方。',
      dataNoteBrowser:
        '您的数据由此浏览器为本网站保存在本机，不会发送到任何地方。在浏览器中清除本网站的数据会将其删除。',
    },
  },
);
