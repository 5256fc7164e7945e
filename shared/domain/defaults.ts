import type { Locale, ScorecardCriterion, Settings, Thresholds } from '@shared/domain/settings';
import { SETTINGS_ID, settingsSchema } from '@shared/domain/settings';
import type {
  SalesProcess,
  Stage,
  StageKind,
  ForecastCategory,
} from '@shared/domain/sales-process';
import { salesProcessSchema, stageSchema } from '@shared/domain/sales-process';
import type { Role } from '@shared/domain/role';
import { roleSchema } from '@shared/domain/role';
import type { GateKind } from '@shared/domain/gate';
import type { MilestoneKind } from '@shared/domain/milestone';
import type { CurrencyCode } from '@shared/domain/money';
import { moneyFromMajor } from '@shared/domain/money';
import type { LocalizedText } from '@shared/domain/fields';
import type { RoleId, SalesProcessId, StageId } from '@shared/domain/ids';
import { roleIdSchema, salesProcessIdSchema, stageIdSchema } from '@shared/domain/ids';
import { CHINA_MAKE_UP_WORKING_DAYS, CHINA_PUBLIC_HOLIDAYS } from '@shared/domain/holidays-cn';

/**
 * What a new install starts with: a sales process for project-type sales, the pursuit roles and
 * the settings. Default records have fixed ids so two installs (and a backup merged into another)
 * agree on what "the Qualify stage" is. Everything takes `now` as a parameter.
 */

export const DEFAULT_PROCESS_ID: SalesProcessId = salesProcessIdSchema.parse(
  '5a1e5000-0000-4000-8000-000000000001',
);

const stageId = (value: string): StageId => stageIdSchema.parse(value);

/** The ids of the default stages, by key (the generator and tests address stages this way). */
export const DEFAULT_STAGE_IDS = {
  identify: stageId('5a1e5000-0000-4000-8000-000000000101'),
  qualify: stageId('5a1e5000-0000-4000-8000-000000000102'),
  capture: stageId('5a1e5000-0000-4000-8000-000000000103'),
  proposal: stageId('5a1e5000-0000-4000-8000-000000000104'),
  submitted: stageId('5a1e5000-0000-4000-8000-000000000105'),
  negotiation: stageId('5a1e5000-0000-4000-8000-000000000106'),
  won: stageId('5a1e5000-0000-4000-8000-000000000107'),
  lost: stageId('5a1e5000-0000-4000-8000-000000000108'),
  no_bid: stageId('5a1e5000-0000-4000-8000-000000000109'),
};
export type DefaultStageKey = keyof typeof DEFAULT_STAGE_IDS;

interface StageDefinition {
  readonly key: DefaultStageKey;
  readonly name: LocalizedText;
  readonly kind: StageKind;
  readonly defaultPwin: number;
  readonly forecastCategory: ForecastCategory;
  readonly exitCriteria: readonly (readonly [key: string, zh: string, en: string])[];
  readonly milestoneTemplates: readonly {
    readonly key: string;
    readonly zh: string;
    readonly en: string;
    readonly kind: MilestoneKind;
    readonly anchor: 'stage_entry' | 'submission';
    readonly offsetWorkingDays: number;
  }[];
  readonly gateKinds: readonly GateKind[];
}

const STAGES: readonly StageDefinition[] = [
  {
    key: 'identify',
    name: { zh: '识别', en: 'Identify' },
    kind: 'open',
    defaultPwin: 10,
    forecastCategory: 'pipeline',
    exitCriteria: [
      [
        'need_confirmed',
        '客户需求与项目背景已确认',
        'Customer need and project background confirmed',
      ],
      ['budget_indicated', '已了解预算范围与资金来源', 'Budget range and funding source known'],
      ['owner_assigned', '已指定商机负责人', 'Pursuit owner assigned'],
    ],
    milestoneTemplates: [
      {
        key: 'opportunity_review',
        zh: '商机评审',
        en: 'Opportunity review',
        kind: 'other',
        anchor: 'stage_entry',
        offsetWorkingDays: 5,
      },
    ],
    gateKinds: [],
  },
  {
    key: 'qualify',
    name: { zh: '资格评估', en: 'Qualify' },
    kind: 'open',
    defaultPwin: 20,
    forecastCategory: 'pipeline',
    exitCriteria: [
      ['meddpicc_assessed', '已完成 MEDDPICC 评估', 'MEDDPICC qualification assessed'],
      ['bid_decision_go', '投标决策为“投标”', 'Bid/no-bid decision is Go'],
      ['bp_budget_approved', '投标费用预算已批准', 'Bid & proposal budget approved'],
    ],
    milestoneTemplates: [
      {
        key: 'bid_no_bid',
        zh: '投标/不投标决策',
        en: 'Bid/no-bid decision',
        kind: 'bid_no_bid',
        anchor: 'stage_entry',
        offsetWorkingDays: 10,
      },
    ],
    gateKinds: ['bid_no_bid'],
  },
  {
    key: 'capture',
    name: { zh: '商机捕获', en: 'Capture' },
    kind: 'open',
    defaultPwin: 30,
    forecastCategory: 'pipeline',
    exitCriteria: [
      ['capture_plan', '已完成捕获计划', 'Capture plan completed'],
      ['win_themes', '已确定制胜主题与差异化优势', 'Win themes and discriminators drafted'],
      ['teaming_agreed', '合作伙伴与分工已确定', 'Teaming partners and workshare agreed'],
      ['price_to_win', '已完成竞争价格分析', 'Price-to-win analysis done'],
    ],
    milestoneTemplates: [
      {
        key: 'capture_plan_review',
        zh: '捕获计划评审',
        en: 'Capture plan review',
        kind: 'review',
        anchor: 'stage_entry',
        offsetWorkingDays: 15,
      },
      {
        key: 'solution_review',
        zh: '方案评审（蓝队）',
        en: 'Solution review (blue team)',
        kind: 'review',
        anchor: 'stage_entry',
        offsetWorkingDays: 25,
      },
    ],
    gateKinds: [],
  },
  {
    key: 'proposal',
    name: { zh: '标书编制', en: 'Proposal' },
    kind: 'open',
    defaultPwin: 40,
    forecastCategory: 'best_case',
    exitCriteria: [
      ['compliance_matrix', '符合性矩阵已完成', 'Compliance matrix complete'],
      ['pink_review', '粉队评审已完成', 'Pink team review held'],
      ['red_review', '红队评审已完成', 'Red team review held'],
      ['gold_approval', '金队已批准递交', 'Gold team approved submission'],
      ['price_approved', '报价已批准', 'Price approved'],
    ],
    milestoneTemplates: [
      {
        key: 'questions_due',
        zh: '澄清问题截止',
        en: 'Questions due',
        kind: 'questions_due',
        anchor: 'submission',
        offsetWorkingDays: -15,
      },
      {
        key: 'pink_team',
        zh: '粉队评审',
        en: 'Pink team review',
        kind: 'review',
        anchor: 'submission',
        offsetWorkingDays: -12,
      },
      {
        key: 'red_team',
        zh: '红队评审',
        en: 'Red team review',
        kind: 'review',
        anchor: 'submission',
        offsetWorkingDays: -6,
      },
      {
        key: 'gold_team',
        zh: '金队评审',
        en: 'Gold team review',
        kind: 'review',
        anchor: 'submission',
        offsetWorkingDays: -2,
      },
      {
        key: 'submission',
        zh: '递交投标文件',
        en: 'Proposal submission',
        kind: 'submission',
        anchor: 'submission',
        offsetWorkingDays: 0,
      },
    ],
    gateKinds: ['pink', 'red', 'gold'],
  },
  {
    key: 'submitted',
    name: { zh: '已递交', en: 'Submitted' },
    kind: 'open',
    defaultPwin: 50,
    forecastCategory: 'best_case',
    exitCriteria: [
      ['clarifications_answered', '已答复客户澄清', 'Clarifications answered'],
      ['orals_held', '已完成述标/答辩', 'Orals presentation held'],
    ],
    milestoneTemplates: [
      {
        key: 'orals',
        zh: '述标答辩',
        en: 'Orals presentation',
        kind: 'orals',
        anchor: 'stage_entry',
        offsetWorkingDays: 10,
      },
    ],
    gateKinds: [],
  },
  {
    key: 'negotiation',
    name: { zh: '商务谈判', en: 'Negotiation' },
    kind: 'open',
    defaultPwin: 75,
    forecastCategory: 'commit',
    exitCriteria: [
      ['final_offer', '最终报价（BAFO）已递交', 'Best and final offer submitted'],
      ['terms_agreed', '合同条款已达成一致', 'Contract terms agreed'],
      ['contract_signed', '合同已签署', 'Contract signed'],
    ],
    milestoneTemplates: [
      {
        key: 'bafo',
        zh: '最终报价',
        en: 'Best and final offer',
        kind: 'other',
        anchor: 'stage_entry',
        offsetWorkingDays: 5,
      },
      {
        key: 'contract_signature',
        zh: '合同签署',
        en: 'Contract signature',
        kind: 'contract',
        anchor: 'stage_entry',
        offsetWorkingDays: 20,
      },
    ],
    gateKinds: [],
  },
  {
    key: 'won',
    name: { zh: '赢单', en: 'Won' },
    kind: 'won',
    defaultPwin: 100,
    forecastCategory: 'closed',
    exitCriteria: [],
    milestoneTemplates: [],
    gateKinds: [],
  },
  {
    key: 'lost',
    name: { zh: '丢单', en: 'Lost' },
    kind: 'lost',
    defaultPwin: 0,
    forecastCategory: 'closed',
    exitCriteria: [],
    milestoneTemplates: [],
    gateKinds: [],
  },
  {
    key: 'no_bid',
    name: { zh: '放弃投标', en: 'No-bid' },
    kind: 'no_bid',
    defaultPwin: 0,
    forecastCategory: 'omitted',
    exitCriteria: [],
    milestoneTemplates: [],
    gateKinds: [],
  },
];

function base(now: number) {
  return { createdAt: now, updatedAt: now, rev: 1, deletedAt: null };
}

/** The default sales process and its nine stages, validated. */
export function createDefaultSalesProcess(now: number): {
  process: SalesProcess;
  stages: Stage[];
} {
  const process = salesProcessSchema.parse({
    id: DEFAULT_PROCESS_ID,
    ...base(now),
    name: { zh: '项目型销售流程', en: 'Project sales process' },
    isDefault: true,
  });
  const stages = STAGES.map((stage, order) =>
    stageSchema.parse({
      id: DEFAULT_STAGE_IDS[stage.key],
      ...base(now),
      processId: DEFAULT_PROCESS_ID,
      key: stage.key,
      name: stage.name,
      order,
      kind: stage.kind,
      defaultPwin: stage.defaultPwin,
      forecastCategory: stage.forecastCategory,
      exitCriteria: stage.exitCriteria.map(([key, zh, en]) => ({ key, label: { zh, en } })),
      milestoneTemplates: stage.milestoneTemplates.map((template) => ({
        key: template.key,
        name: { zh: template.zh, en: template.en },
        kind: template.kind,
        anchor: template.anchor,
        offsetWorkingDays: template.offsetWorkingDays,
      })),
      gateKinds: stage.gateKinds,
    }),
  );
  return { process, stages };
}

const roleId = (value: string): RoleId => roleIdSchema.parse(value);

/** The ids of the default roles, by key. */
export const DEFAULT_ROLE_IDS = {
  account_executive: roleId('5a1e5000-0000-4000-8000-000000000201'),
  capture_manager: roleId('5a1e5000-0000-4000-8000-000000000202'),
  proposal_manager: roleId('5a1e5000-0000-4000-8000-000000000203'),
  solution_architect: roleId('5a1e5000-0000-4000-8000-000000000204'),
  pricing_analyst: roleId('5a1e5000-0000-4000-8000-000000000205'),
  proposal_writer: roleId('5a1e5000-0000-4000-8000-000000000206'),
  subject_matter_expert: roleId('5a1e5000-0000-4000-8000-000000000207'),
  contracts_manager: roleId('5a1e5000-0000-4000-8000-000000000208'),
  production_designer: roleId('5a1e5000-0000-4000-8000-000000000209'),
};
export type DefaultRoleKey = keyof typeof DEFAULT_ROLE_IDS;

/** Hourly rates in major units of CNY and of USD (used for any currency other than CNY). */
const ROLES: readonly {
  readonly key: DefaultRoleKey;
  readonly zh: string;
  readonly en: string;
  readonly cny: number;
  readonly usd: number;
}[] = [
  { key: 'account_executive', zh: '客户经理', en: 'Account executive', cny: 500, usd: 120 },
  { key: 'capture_manager', zh: '商机捕获经理', en: 'Capture manager', cny: 600, usd: 150 },
  { key: 'proposal_manager', zh: '投标经理', en: 'Proposal manager', cny: 550, usd: 140 },
  { key: 'solution_architect', zh: '解决方案架构师', en: 'Solution architect', cny: 650, usd: 160 },
  { key: 'pricing_analyst', zh: '报价分析师', en: 'Pricing analyst', cny: 450, usd: 110 },
  { key: 'proposal_writer', zh: '标书撰写人', en: 'Proposal writer', cny: 350, usd: 90 },
  { key: 'subject_matter_expert', zh: '领域专家', en: 'Subject-matter expert', cny: 700, usd: 170 },
  { key: 'contracts_manager', zh: '商务合同经理', en: 'Contracts manager', cny: 500, usd: 130 },
  { key: 'production_designer', zh: '排版制作', en: 'Production designer', cny: 250, usd: 70 },
];

/** The pursuit roles with default hourly rates in `currency`. */
export function createDefaultRoles(now: number, currency: CurrencyCode): Role[] {
  return ROLES.map((role) =>
    roleSchema.parse({
      id: DEFAULT_ROLE_IDS[role.key],
      ...base(now),
      key: role.key,
      name: { zh: role.zh, en: role.en },
      defaultRate: moneyFromMajor(currency === 'CNY' ? role.cny : role.usd, currency),
    }),
  );
}

/** Bid/no-bid scorecard criteria; weights total 100. */
export const DEFAULT_BID_SCORECARD: readonly ScorecardCriterion[] = [
  {
    key: 'customer_relationship',
    label: { zh: '客户关系', en: 'Customer relationship' },
    weight: 15,
  },
  { key: 'solution_fit', label: { zh: '方案匹配度', en: 'Solution fit' }, weight: 20 },
  {
    key: 'competitive_position',
    label: { zh: '竞争地位', en: 'Competitive position' },
    weight: 15,
  },
  { key: 'price_to_win', label: { zh: '价格竞争力', en: 'Price-to-win' }, weight: 15 },
  {
    key: 'resources_available',
    label: { zh: '资源可用性', en: 'Resources available' },
    weight: 10,
  },
  { key: 'strategic_value', label: { zh: '战略价值', en: 'Strategic value' }, weight: 15 },
  { key: 'risk', label: { zh: '风险可控性', en: 'Risk' }, weight: 10 },
];

export function defaultThresholds(currency: CurrencyCode): Thresholds {
  return {
    staleActivityDays: 21,
    slipToleranceDays: 2,
    submissionSlackWarnDays: 3,
    budgetWarnPct: 90,
    costOfSaleWarnPct: 5,
    highRiskExposure: moneyFromMajor(currency === 'CNY' ? 1_000_000 : 150_000, currency),
    highRiskScore: 15,
    pwinDropPoints: 15,
    overAllocationPct: 100,
    renewalNoticeDays: 90,
  };
}

/**
 * Settings for a new install. A Chinese install works in CNY on the mainland China calendar
 * (public holidays and make-up working days); an English one in USD, Monday to Friday with no
 * holidays listed (they vary too much by country to guess).
 */
export function createDefaultSettings(now: number, locale: Locale): Settings {
  const chinese = locale === 'zh-CN';
  const baseCurrency = chinese ? 'CNY' : 'USD';
  return settingsSchema.parse({
    id: SETTINGS_ID,
    ...base(now),
    companyName: '',
    companyAddress: '',
    baseCurrency,
    fiscalYearStartMonth: 1,
    workingWeek: [1, 2, 3, 4, 5],
    holidays: chinese ? [...CHINA_PUBLIC_HOLIDAYS] : [],
    extraWorkingDays: chinese ? [...CHINA_MAKE_UP_WORKING_DAYS] : [],
    locale,
    roundingMode: 'half_up',
    thresholds: defaultThresholds(baseCurrency),
    bidScorecard: DEFAULT_BID_SCORECARD,
    planTemplates: [],
    quoteRounding: 'per_line',
  });
}
