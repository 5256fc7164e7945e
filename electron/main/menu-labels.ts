/**
 * Application menu labels. The renderer is the main UI and has its own i18n; the native menu only
 * needs to speak the system's language, picked once from `app.getLocale()`.
 */
export type MenuLanguage = 'en' | 'zh-CN';

export interface MenuLabels {
  readonly file: string;
  readonly newDeal: string;
  readonly import: string;
  readonly export: string;
  readonly print: string;
  readonly settings: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly delete: string;
  readonly selectAll: string;
  readonly view: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly resetZoom: string;
  readonly toggleDarkMode: string;
  readonly toggleFullScreen: string;
  readonly reload: string;
  readonly toggleDevTools: string;
  readonly window: string;
  readonly help: string;
  readonly keyboardShortcuts: string;
  readonly about: string;
  readonly services: string;
  readonly hide: string;
  readonly hideOthers: string;
  readonly showAll: string;
}

export const MENU_LABELS: Readonly<Record<MenuLanguage, MenuLabels>> = {
  en: {
    file: '&File',
    newDeal: 'New Deal',
    import: 'Import…',
    export: 'Export…',
    print: 'Print / Save as PDF…',
    settings: 'Settings…',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    delete: 'Delete',
    selectAll: 'Select All',
    view: '&View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    toggleDarkMode: 'Toggle Dark Mode',
    toggleFullScreen: 'Toggle Full Screen',
    reload: 'Reload',
    toggleDevTools: 'Toggle Developer Tools',
    window: '&Window',
    help: '&Help',
    keyboardShortcuts: 'Keyboard Shortcuts',
    about: 'About Pursuit',
    services: 'Services',
    hide: 'Hide Pursuit',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
  },
  'zh-CN': {
    file: '文件(&F)',
    newDeal: '新建商机',
    import: '导入…',
    export: '导出…',
    print: '打印 / 另存为 PDF…',
    settings: '设置…',
    quit: '退出',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    delete: '删除',
    selectAll: '全选',
    view: '视图(&V)',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    toggleDarkMode: '切换深色模式',
    toggleFullScreen: '切换全屏',
    reload: '重新加载',
    toggleDevTools: '切换开发者工具',
    window: '窗口(&W)',
    help: '帮助(&H)',
    keyboardShortcuts: '键盘快捷键',
    about: '关于 Pursuit',
    services: '服务',
    hide: '隐藏 Pursuit',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
  },
};

/** Any Chinese system locale (zh, zh-CN, zh-TW, zh-Hans-…) gets the Simplified Chinese menu. */
export function menuLanguageFor(locale: string): MenuLanguage {
  return /^zh(?:[-_]|$)/i.test(locale) ? 'zh-CN' : 'en';
}
