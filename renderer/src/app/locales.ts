import { defineLocales } from '@renderer/i18n/defineLocales';

export default defineLocales(
  {
    brand: 'Pursuit',
    tagline: 'Project-type sales',
    loading: 'Loading…',
    nav: {
      label: 'Main navigation',
      collapse: 'Collapse navigation',
      expand: 'Expand navigation',
    },
    header: {
      search: 'Search or run a command…',
      toggleTheme: 'Switch between light and dark',
      language: 'Language',
      help: 'Help',
    },
    commands: {
      palette: 'Command palette',
      toggleTheme: 'Toggle dark mode',
      switchLanguage: 'Switch language (中文 / English)',
      openSettings: 'Open settings',
      shortcuts: 'Keyboard shortcuts',
      about: 'About Pursuit',
      print: 'Print / save as PDF…',
      failed: 'The command failed: {{message}}',
      unavailable: 'This command is not available yet.',
    },
    palette: {
      title: 'Command palette',
      placeholder: 'Type a command or an area…',
      goTo: 'Go to {{area}}',
      empty: 'No matching commands',
      listLabel: 'Commands',
      hintMove: 'move',
      hintRun: 'run',
      hintClose: 'close',
    },
    theme: {
      light: 'Light',
      dark: 'Dark',
      system: 'Follow system',
    },
    language: {
      'zh-CN': '简体中文',
      en: 'English',
    },
    print: {
      saved: 'Saved {{fileName}}',
      failed: 'Could not print: {{message}}',
    },
    printSheet: {
      paper: 'Paper',
      close: 'Close',
      save: 'Save as PDF',
      print: 'Print…',
    },
    write: {
      stale:
        'This was changed in another window meanwhile, so your change was not saved. Reload to see the latest version, then make it again.',
      reload: 'Reload',
      quota:
        'The disk or the browser’s storage is full, so this change was not saved. What was saved before is intact; free some space and try again.',
      notFound:
        'This no longer exists (it may have been deleted in another window). Nothing was saved.',
      rejected: 'Not saved: {{details}}',
      generic: 'Not saved: {{message}}',
      undoConflict: '{{subject}} has been edited since, so that change cannot be undone.',
      undo: 'Undo',
    },
    error: {
      title: 'Something went wrong',
      appSubtitle:
        'Pursuit hit an unexpected error. Your data is stored on this computer and has not been lost. Copy the details for a bug report, then reload.',
      areaSubtitle:
        'This area hit an unexpected error; the rest of the app still works. Copy the details for a bug report, then reload.',
      copy: 'Copy details',
      copied: 'Details copied to the clipboard',
      copyFailed: 'Could not copy. Select the details below and copy them by hand.',
      reload: 'Reload',
      details: 'Details',
      notFoundTitle: 'Page not found',
      notFound: 'There is nothing at this address.',
      home: 'Back to start',
    },
  },
  {
    brand: 'Pursuit',
    tagline: '项目型销售',
    loading: '加载中…',
    nav: {
      label: '主导航',
      collapse: '收起导航',
      expand: '展开导航',
    },
    header: {
      search: '搜索或运行命令…',
      toggleTheme: '切换浅色/深色',
      language: '语言',
      help: '帮助',
    },
    commands: {
      palette: '命令面板',
      toggleTheme: '切换深色模式',
      switchLanguage: '切换语言（中文 / English）',
      openSettings: '打开设置',
      shortcuts: '键盘快捷键',
      about: '关于 Pursuit',
      print: '打印 / 另存为 PDF…',
      failed: '命令执行失败：{{message}}',
      unavailable: '此命令暂不可用。',
    },
    palette: {
      title: '命令面板',
      placeholder: '输入命令或功能区名称…',
      goTo: '前往{{area}}',
      empty: '没有匹配的命令',
      listLabel: '命令',
      hintMove: '选择',
      hintRun: '运行',
      hintClose: '关闭',
    },
    theme: {
      light: '浅色',
      dark: '深色',
      system: '跟随系统',
    },
    language: {
      'zh-CN': '简体中文',
      en: 'English',
    },
    print: {
      saved: '已保存 {{fileName}}',
      failed: '无法打印：{{message}}',
    },
    printSheet: {
      paper: '纸张',
      close: '关闭',
      save: '另存为 PDF',
      print: '打印…',
    },
    write: {
      stale:
        '此内容已在另一个窗口中被修改，您的更改未保存。请重新加载查看最新版本，然后再修改一次。',
      reload: '重新加载',
      quota: '磁盘或浏览器存储空间已满，本次更改未保存。之前保存的数据完好无损；请释放空间后重试。',
      notFound: '该记录已不存在（可能已在另一个窗口中删除），未保存任何内容。',
      rejected: '未保存：{{details}}',
      generic: '未保存：{{message}}',
      undoConflict: '“{{subject}}”此后已被修改，因此无法撤销该更改。',
      undo: '撤销',
    },
    error: {
      title: '出错了',
      appSubtitle:
        'Pursuit 遇到了意外错误。您的数据保存在本机，并未丢失。请复制详细信息用于问题反馈，然后重新加载。',
      areaSubtitle:
        '此功能区遇到了意外错误，应用的其他部分仍可正常使用。请复制详细信息用于问题反馈，然后重新加载。',
      copy: '复制详细信息',
      copied: '详细信息已复制到剪贴板',
      copyFailed: '无法复制。请选中下方的详细信息并手动复制。',
      reload: '重新加载',
      details: '详细信息',
      notFoundTitle: '页面不存在',
      notFound: '此地址没有内容。',
      home: '返回首页',
    },
  },
);
