import { defineLocales } from '@renderer/i18n/defineLocales';

export default defineLocales(
  {
    title: 'Trash',
    intro: 'Deleted deals stay here, with their plans, risks and costs, until you empty the trash.',
    empty: 'The trash is empty.',
    deletedAt: 'Deleted',
    restore: 'Restore',
    restored: 'Restored {{code}}.',
    emptyTrash: 'Empty trash',
    emptyConfirm_one:
      'Delete {{count}} deal and everything under it for good? This cannot be undone.',
    emptyConfirm_other:
      'Delete {{count}} deals and everything under them for good? This cannot be undone.',
    emptied_one: 'Deleted {{count}} deal for good.',
    emptied_other: 'Deleted {{count}} deals for good.',
  },
  {
    title: '回收站',
    intro: '已删除的商机及其计划、风险和成本会保留在这里，直到清空回收站。',
    empty: '回收站是空的。',
    deletedAt: '删除时间',
    restore: '恢复',
    restored: '已恢复 {{code}}。',
    emptyTrash: '清空回收站',
    emptyConfirm_one: '永久删除 {{count}} 个商机及其全部内容？此操作无法撤销。',
    emptyConfirm_other: '永久删除 {{count}} 个商机及其全部内容？此操作无法撤销。',
    emptied_one: '已永久删除 {{count}} 个商机。',
    emptied_other: '已永久删除 {{count}} 个商机。',
  },
);
