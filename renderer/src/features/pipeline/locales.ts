import { defineLocales } from '@renderer/i18n/defineLocales';

export default defineLocales(
  {
    title: 'Board',
    shown: '{{shown}} of {{total}} open deals',
    column: {
      count_one: '{{count}} deal',
      count_other: '{{count}} deals',
      value: 'Value',
      weighted: 'Weighted',
      empty: 'No deals',
    },
    card: {
      roleDescription: 'movable deal card',
      pwin: 'Pwin',
      due: 'Due {{date}}',
      noDue: 'No submission date',
    },
    closing: {
      heading: 'Close as',
      hint: 'Drop a card here',
    },
    unplaced_one:
      '{{count}} open deal is in a stage that is not on this board (a deleted stage or another sales process). It is listed under Deals.',
    unplaced_other:
      '{{count}} open deals are in stages that are not on this board (deleted stages or another sales process). They are listed under Deals.',
    empty: {
      title: 'No open deals',
      body: 'Open deals appear here by stage. Create a deal or load the sample portfolio on the Deals page.',
      action: 'Go to Deals',
    },
    dnd: {
      instructions:
        'To move a deal to another stage, press Space to pick up its card, use the left and right arrow keys to choose the stage, then press Space to drop it or Escape to cancel. Press Enter to open the deal.',
      pickedUp: 'Picked up {{code}}, {{name}}, in {{stage}}.',
      over: '{{code}} is over {{stage}}.',
      overNone: '{{code}} is not over a stage.',
      dropped: '{{code}} dropped on {{stage}}.',
      droppedNone: '{{code}} was not dropped on a stage; it stays in {{stage}}.',
      cancelled: 'Moving {{code}} was cancelled; it stays in {{stage}}.',
    },
    assign: {
      toggle: 'People',
      title: 'Drag a person onto a deal',
      instructions:
        'To assign a person to a deal, press Space to pick them up, use the arrow keys to choose a deal card (up and down within a stage, left and right across stages), then press Space to drop them there or Escape to cancel. You then choose the task and enter the hours.',
      pickedUp: 'Picked up {{name}}.',
      over: '{{name}} is over the deal {{code}}, {{deal}}.',
      overNone: '{{name}} is not over a deal.',
      dropped: '{{name}} dropped on {{code}}: choose the task and enter the hours.',
      droppedNone: '{{name}} was not dropped on a deal; nothing was assigned.',
      cancelled: 'Assigning {{name}} was cancelled.',
      noTasksTitle: '{{code}} has no task to assign to',
      noTasksBody:
        'A person is assigned to a task of the deal’s plan (not a summary or a milestone). Add the work on the deal’s Plan tab first.',
      openPlan: 'Open the plan',
      close: 'Close',
    },
    move: {
      moved: '{{code}} moved to {{stage}}',
      closed: '{{code}} closed as {{stage}}',
      milestones_one: '{{count}} milestone added',
      milestones_other: '{{count}} milestones added',
      gates_one: '{{count}} gate opened',
      gates_other: '{{count}} gates opened',
      summary: '{{what}}; {{added}}.',
      summaryPlain: '{{what}}.',
      listSeparator: ', ',
    },
    skip: {
      title: 'Skip exit criteria?',
      body_one:
        'Moving {{code}} to {{stage}} passes {{count}} exit criterion that is not checked. The deal’s activity trail will record that you skipped it.',
      body_other:
        'Moving {{code}} to {{stage}} passes {{count}} exit criteria that are not checked. The deal’s activity trail will record that you skipped them.',
      item: '{{stage}}: {{criterion}}',
      ok: 'Move anyway',
      cancel: 'Cancel',
    },
    refused: {
      deal_in_trash: '{{code}} is in the trash. Restore it before moving it.',
      unknown_stage:
        '{{stage}} is no longer a stage of this deal’s sales process, so {{code}} was not moved.',
      same_stage: '{{code}} is already in {{stage}}.',
      outcome_required: 'Closing {{code}} needs a reason and an outcome date.',
      outcome_date_in_future: 'The outcome date cannot be later than today.',
    },
    outcome: {
      title: 'Close {{code}} as {{stage}}',
      reason: 'Reason',
      reasonPlaceholder: 'Choose the main reason',
      reasonRequired: 'Choose the main reason for this outcome.',
      note: 'Note',
      notePlaceholder: 'What decided it: the buyer’s feedback, the debrief, the price gap',
      date: 'Outcome date',
      dateHelp: 'The day the outcome was known.',
      dateRequired: 'Enter the day the outcome was known.',
      dateInFuture: 'The outcome date cannot be later than today.',
      ok: 'Close deal',
      cancel: 'Cancel',
    },
  },
  {
    title: '看板',
    shown: '显示 {{shown}} / {{total}} 个进行中的商机',
    column: {
      count_one: '{{count}} 个商机',
      count_other: '{{count}} 个商机',
      value: '金额',
      weighted: '加权金额',
      empty: '暂无商机',
    },
    card: {
      roleDescription: '可拖动的商机卡片',
      pwin: '赢率',
      due: '{{date}}截止',
      noDue: '未定投标截止日期',
    },
    closing: {
      heading: '关闭为',
      hint: '将卡片拖到此处',
    },
    unplaced_one:
      '有 {{count}} 个进行中的商机所在阶段不在此看板上（阶段已删除或属于其他销售流程），可在“商机”中查看。',
    unplaced_other:
      '有 {{count}} 个进行中的商机所在阶段不在此看板上（阶段已删除或属于其他销售流程），可在“商机”中查看。',
    empty: {
      title: '没有进行中的商机',
      body: '进行中的商机会按阶段显示在这里。可在“商机”页面新建商机，或载入示例组合。',
      action: '前往商机',
    },
    dnd: {
      instructions:
        '要把商机移到其他阶段，请按空格键拿起卡片，用左右方向键选择阶段，再按空格键放下，或按 Esc 取消。按回车键打开商机。',
      pickedUp: '已拿起 {{code}}（{{name}}），当前阶段：{{stage}}。',
      over: '{{code}} 位于“{{stage}}”上方。',
      overNone: '{{code}} 不在任何阶段上方。',
      dropped: '{{code}} 已放到“{{stage}}”。',
      droppedNone: '{{code}} 未放到任何阶段，仍在“{{stage}}”。',
      cancelled: '已取消移动 {{code}}，仍在“{{stage}}”。',
    },
    assign: {
      toggle: '人员',
      title: '把人员拖到商机上',
      instructions:
        '要把人员分派到商机，请按空格键拿起该人员，用方向键选择商机卡片（上下键在同一阶段内移动，左右键跨阶段移动），再按空格键放下，或按 Esc 取消。放下后选择任务并填写工时。',
      pickedUp: '已拿起 {{name}}。',
      over: '{{name}} 位于商机 {{code}}（{{deal}}）上方。',
      overNone: '{{name}} 不在任何商机上方。',
      dropped: '已把 {{name}} 放到 {{code}}，请选择任务并填写工时。',
      droppedNone: '{{name}} 未放到任何商机上，未做分派。',
      cancelled: '已取消分派 {{name}}。',
      noTasksTitle: '{{code}} 还没有可分派的任务',
      noTasksBody:
        '人员要分派到商机计划中的具体任务（汇总任务和里程碑除外）。请先在商机的“计划”页签中添加工作任务。',
      openPlan: '打开计划',
      close: '关闭',
    },
    move: {
      moved: '{{code}} 已移至“{{stage}}”',
      closed: '{{code}} 已关闭为“{{stage}}”',
      milestones_one: '新增 {{count}} 个里程碑',
      milestones_other: '新增 {{count}} 个里程碑',
      gates_one: '开启 {{count}} 个关口',
      gates_other: '开启 {{count}} 个关口',
      summary: '{{what}}；{{added}}。',
      summaryPlain: '{{what}}。',
      listSeparator: '，',
    },
    skip: {
      title: '跳过退出标准？',
      body_one:
        '将 {{code}} 移至“{{stage}}”会跳过 {{count}} 项未勾选的退出标准。商机的活动记录会记下此次跳过。',
      body_other:
        '将 {{code}} 移至“{{stage}}”会跳过 {{count}} 项未勾选的退出标准。商机的活动记录会记下此次跳过。',
      item: '{{stage}}：{{criterion}}',
      ok: '仍然移动',
      cancel: '取消',
    },
    refused: {
      deal_in_trash: '{{code}} 在回收站中，请先恢复再移动。',
      unknown_stage: '“{{stage}}”已不是该商机销售流程中的阶段，{{code}} 未移动。',
      same_stage: '{{code}} 已在“{{stage}}”。',
      outcome_required: '关闭 {{code}} 需要填写原因和结果日期。',
      outcome_date_in_future: '结果日期不能晚于今天。',
    },
    outcome: {
      title: '将 {{code}} 关闭为“{{stage}}”',
      reason: '原因',
      reasonPlaceholder: '选择主要原因',
      reasonRequired: '请选择导致此结果的主要原因。',
      note: '说明',
      notePlaceholder: '决定结果的因素：客户反馈、复盘结论、报价差距等',
      date: '结果日期',
      dateHelp: '得知结果的日期。',
      dateRequired: '请填写得知结果的日期。',
      dateInFuture: '结果日期不能晚于今天。',
      ok: '关闭商机',
      cancel: '取消',
    },
  },
);
