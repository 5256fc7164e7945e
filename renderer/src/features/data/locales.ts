import { defineLocales } from '@renderer/i18n/defineLocales';

export default defineLocales(
  {
    title: 'Data and storage',
    persisted: 'Protected from automatic clean-up',
    persistedYes: 'Yes: the browser keeps this data even when space runs low.',
    persistedNo: 'No: under storage pressure the browser may clear it. Keep backups.',
    persistedUnknown: 'Not reported by this browser.',
    usage: 'Space used',
    usageValue: '{{used}} of {{quota}} available',
    unknown: 'Not reported by this browser.',
    demo: 'Demonstration data',
    demoHelp: 'Replace all data with a generated portfolio, to explore Pursuit or try it at scale.',
    loadSample: 'Load sample portfolio (about 25 deals)',
    loadLarge: 'Load large portfolio (2,000 deals)',
    confirmReplace: 'This replaces all data in this app with a generated portfolio. Continue?',
    loading: 'Loading… {{percent}}%',
    opening: 'Opening your data…',
    openFailed: 'Pursuit could not open its database, so nothing was changed.',
    openFailedHint:
      'Close other Pursuit windows and reload. If this keeps happening, copy the details below when asking for help.',
    reload: 'Reload',
    newerVersion:
      'This data was saved by a newer version of Pursuit. Update the app to open it; nothing was changed.',
    quotaBeforeUpgrade:
      'The disk or the browser’s storage is full, so Pursuit could not open your data (when an update changes how data is stored, Pursuit backs it up first, and that needs space). Your data is untouched. Free some space and reload.',
  },
  {
    title: '数据与存储',
    persisted: '免于自动清理',
    persistedYes: '是：即使空间不足，浏览器也会保留这些数据。',
    persistedNo: '否：存储空间紧张时浏览器可能清除数据，请注意备份。',
    persistedUnknown: '此浏览器未提供该信息。',
    usage: '已用空间',
    usageValue: '已用 {{used}}，共 {{quota}} 可用',
    unknown: '此浏览器未提供该信息。',
    demo: '演示数据',
    demoHelp: '用生成的组合替换全部数据，用于体验 Pursuit 或测试大规模数据。',
    loadSample: '载入示例组合（约 25 个商机）',
    loadLarge: '载入大型组合（2,000 个商机）',
    confirmReplace: '这会用生成的组合替换本应用中的全部数据。是否继续？',
    loading: '正在载入… {{percent}}%',
    opening: '正在打开数据…',
    openFailed: 'Pursuit 无法打开数据库，未做任何更改。',
    openFailedHint:
      '请关闭其他 Pursuit 窗口后重新加载。如果问题反复出现，求助时请复制下面的详细信息。',
    reload: '重新加载',
    newerVersion: '这些数据由更新版本的 Pursuit 保存。请先更新应用再打开；未做任何更改。',
    quotaBeforeUpgrade:
      '磁盘或浏览器存储空间已满，Pursuit 无法打开您的数据（版本更新需要升级数据存储方式时，会先备份数据，这需要空间）。您的数据未受影响。请释放一些空间后重新加载。',
  },
);
