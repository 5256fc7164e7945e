import { defineLocales } from '@renderer/i18n/defineLocales';

export default defineLocales(
  {
    shortcuts: {
      title: 'Keyboard shortcuts',
      action: 'Action',
      keys: 'Keys',
      paletteKeys: 'In the command palette',
      move: 'Move the selection',
      run: 'Run the selected command',
      close: 'Close',
    },
    about: {
      title: 'About Pursuit',
      description:
        'Pursuit plans and tracks large B2B deals (bids, tenders and key-account pursuits) as projects: plans, gates, team, budget and risks.',
      version: 'Version {{version}}',
      platform: 'Platform: {{platform}}',
      dataNote: 'Your data is stored on this computer.',
      close: 'Close',
    },
  },
  {
    shortcuts: {
      title: '键盘快捷键',
      action: '操作',
      keys: '按键',
      paletteKeys: '在命令面板中',
      move: '移动选择',
      run: '运行所选命令',
      close: '关闭',
    },
    about: {
      title: '关于 Pursuit',
      description:
        'Pursuit 以项目方式规划和跟踪大型 B2B 商机（投标、招标与大客户攻坚）：计划、决策关口、团队、预算与风险。',
      version: '版本 {{version}}',
      platform: '平台：{{platform}}',
      dataNote: '您的数据保存在本机。',
      close: '关闭',
    },
  },
);
