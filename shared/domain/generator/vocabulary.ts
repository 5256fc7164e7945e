import type { Industry } from '@shared/domain/account';
import type { BuyingRole } from '@shared/domain/contact';
import type { DefaultRoleKey } from '@shared/domain/defaults';
import type { RiskCategory } from '@shared/domain/risk';
import type { DeliverableKind } from '@shared/domain/deliverable';

/**
 * Word lists for the sample-portfolio generator. Every entry is a [Chinese, English] pair picked
 * by index, so the same seed gives the same portfolio in both languages, only worded differently.
 * Company and competitor names are invented.
 */
export type Pair = readonly [zh: string, en: string];

/** Surname with its pinyin (for e-mail addresses). */
export const ZH_SURNAMES: readonly Pair[] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['高', 'gao'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
];

export const ZH_GIVEN_NAMES: readonly Pair[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['建华', 'jianhua'],
  ['志强', 'zhiqiang'],
  ['晓东', 'xiaodong'],
  ['海燕', 'haiyan'],
  ['子涵', 'zihan'],
  ['思远', 'siyuan'],
  ['雨桐', 'yutong'],
  ['浩然', 'haoran'],
  ['欣怡', 'xinyi'],
  ['俊杰', 'junjie'],
  ['文博', 'wenbo'],
  ['佳怡', 'jiayi'],
  ['宇轩', 'yuxuan'],
  ['晨曦', 'chenxi'],
  ['嘉豪', 'jiahao'],
  ['梦琪', 'mengqi'],
  ['一鸣', 'yiming'],
  ['立新', 'lixin'],
  ['国栋', 'guodong'],
  ['慧敏', 'huimin'],
  ['振宇', 'zhenyu'],
  ['若曦', 'ruoxi'],
];

export const EN_FIRST_NAMES: readonly string[] = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'James',
  'Sophia',
  'William',
  'Isabella',
  'Lucas',
  'Mia',
  'Henry',
  'Amelia',
  'Alexander',
  'Harper',
  'Daniel',
  'Evelyn',
  'Michael',
  'Abigail',
  'Ethan',
  'Emily',
  'Samuel',
  'Grace',
  'David',
  'Chloe',
  'Joseph',
  'Victoria',
  'Owen',
  'Hannah',
  'Gabriel',
  'Nora',
  'Julian',
  'Lily',
  'Isaac',
  'Zoe',
  'Adrian',
  'Leah',
  'Thomas',
  'Clara',
  'Ryan',
];

export const EN_LAST_NAMES: readonly string[] = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Martinez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'King',
  'Wright',
  'Scott',
  'Green',
  'Baker',
];

/** Places for account names: Chinese provinces and cities, invented English regions. */
export const PLACES: readonly Pair[] = [
  ['北京', 'Northfield'],
  ['上海', 'Riverside'],
  ['广东', 'Lakeshore'],
  ['江苏', 'Westbrook'],
  ['浙江', 'Eastvale'],
  ['四川', 'Highland'],
  ['湖北', 'Clearwater'],
  ['山东', 'Stonebridge'],
  ['福建', 'Harborview'],
  ['河南', 'Midland'],
  ['湖南', 'Redwood'],
  ['陕西', 'Silverton'],
  ['天津', 'Fairhaven'],
  ['重庆', 'Oakridge'],
  ['安徽', 'Greenfield'],
  ['辽宁', 'Brookhaven'],
  ['云南', 'Sunvalley'],
  ['广西', 'Kingsport'],
  ['江西', 'Maplewood'],
  ['贵州', 'Ashford'],
  ['深圳', 'Bayside'],
  ['苏州', 'Willowdale'],
  ['杭州', 'Cedar Falls'],
  ['成都', 'Pinecrest'],
];

/** Account name templates per industry; `{p}` is a place. */
export const ACCOUNT_TEMPLATES: Readonly<Partial<Record<Industry, readonly Pair[]>>> = {
  government: [
    ['{p}政务服务管理局', '{p} Digital Government Agency'],
    ['{p}公安局', '{p} Police Department'],
    ['{p}税务局', '{p} Revenue Service'],
    ['{p}人力资源和社会保障厅', '{p} Department of Labour and Social Security'],
  ],
  energy: [
    ['{p}电力有限公司', '{p} Power Company'],
    ['{p}能源集团', '{p} Energy Group'],
    ['{p}新能源发展有限公司', '{p} Renewables Ltd'],
  ],
  utilities: [
    ['{p}水务集团', '{p} Water Authority'],
    ['{p}燃气集团', '{p} Gas Utility'],
  ],
  telecom: [
    ['{p}通信有限公司', '{p} Telecom'],
    ['{p}广电网络股份有限公司', '{p} Cable Networks'],
  ],
  banking: [
    ['{p}农村商业银行', '{p} Rural Commercial Bank'],
    ['{p}银行股份有限公司', 'Bank of {p}'],
    ['{p}城市商业银行', '{p} City Bank'],
  ],
  insurance: [
    ['{p}人寿保险股份有限公司', '{p} Life Assurance'],
    ['{p}财产保险有限公司', '{p} General Insurance'],
  ],
  manufacturing: [
    ['{p}重工集团', '{p} Heavy Industries'],
    ['{p}汽车制造有限公司', '{p} Motor Works'],
    ['{p}精密机械股份有限公司', '{p} Precision Engineering'],
  ],
  healthcare: [
    ['{p}人民医院', '{p} General Hospital'],
    ['{p}卫生健康委员会', '{p} Health Commission'],
    ['{p}医科大学附属医院', '{p} University Hospital'],
  ],
  transport: [
    ['{p}地铁集团', '{p} Metro'],
    ['{p}机场集团', '{p} Airport Authority'],
    ['{p}港口集团', '{p} Port Authority'],
    ['{p}高速公路管理局', '{p} Highways Agency'],
  ],
  education: [
    ['{p}大学', 'University of {p}'],
    ['{p}教育厅', '{p} Education Department'],
  ],
  retail: [['{p}百货集团', '{p} Department Stores']],
  technology: [['{p}大数据集团', '{p} Data Group']],
};

/** Projects pursued per industry. */
export const PROJECTS: Readonly<Partial<Record<Industry, readonly Pair[]>>> = {
  government: [
    ['智慧政务云平台建设项目', 'Digital government cloud platform'],
    ['“一网通办”系统升级', 'One-stop citizen services upgrade'],
    ['政务数据共享交换平台', 'Government data exchange platform'],
    ['城市运行管理中心', 'City operations centre'],
  ],
  energy: [
    ['智能电网调度系统', 'Smart grid dispatch system'],
    ['新能源场站集中监控平台', 'Renewable plant monitoring platform'],
    ['配网自动化改造', 'Distribution automation retrofit'],
    ['电力营销系统升级', 'Customer billing system upgrade'],
  ],
  utilities: [
    ['智慧水务平台', 'Smart water platform'],
    ['管网地理信息系统', 'Pipe network GIS'],
    ['智能表计部署', 'Smart meter rollout'],
  ],
  telecom: [
    ['5G行业专网建设', '5G private network rollout'],
    ['运营支撑系统改造', 'BSS/OSS transformation'],
    ['数据中心扩容工程', 'Data centre expansion'],
  ],
  banking: [
    ['核心业务系统升级', 'Core banking modernisation'],
    ['反洗钱监测系统', 'Anti-money-laundering monitoring'],
    ['数据仓库与监管报送平台', 'Regulatory reporting data warehouse'],
    ['手机银行重构', 'Mobile banking rebuild'],
  ],
  insurance: [
    ['理赔系统升级', 'Claims platform upgrade'],
    ['精算分析平台', 'Actuarial analytics platform'],
  ],
  manufacturing: [
    ['制造执行系统（MES）', 'Manufacturing execution system'],
    ['工业互联网平台', 'Industrial IoT platform'],
    ['ERP系统实施', 'ERP implementation'],
    ['智能仓储物流系统', 'Automated warehouse and logistics'],
  ],
  healthcare: [
    ['医院信息系统升级', 'Hospital information system upgrade'],
    ['区域医疗数据平台', 'Regional health data platform'],
    ['互联网医院平台', 'Telehealth platform'],
    ['医学影像归档系统', 'Medical imaging archive (PACS)'],
  ],
  transport: [
    ['地铁信号系统改造', 'Metro signalling upgrade'],
    ['智慧机场运行平台', 'Airport operations platform'],
    ['自动售检票系统', 'Automated fare collection'],
    ['交通综合监控平台', 'Integrated traffic monitoring'],
  ],
  education: [
    ['智慧校园建设', 'Smart campus programme'],
    ['教育资源公共服务平台', 'Learning resources platform'],
  ],
  retail: [['全渠道零售平台', 'Omnichannel retail platform']],
  technology: [['云计算基础设施', 'Cloud infrastructure build-out']],
};

export const PROJECT_PHASES: readonly Pair[] = [
  ['', ''],
  ['（一期）', ' – phase 1'],
  ['（二期）', ' – phase 2'],
  ['（三期）', ' – phase 3'],
];

export const COMPETITORS: readonly Pair[] = [
  ['瀚海信息技术', 'Apex Systems'],
  ['启明数科', 'Northwind Consulting'],
  ['中科恒远', 'Bluepeak Technologies'],
  ['北辰数智', 'Meridian Digital'],
  ['华信智联', 'Crestline Solutions'],
  ['云帆科技', 'Ironbridge Group'],
  ['天元软件', 'Summit Analytics'],
  ['博远咨询', 'Harbor & Vale'],
  ['鼎新集成', 'Keystone Integrators'],
  ['远望通信', 'Lighthouse Networks'],
];

export const COMPETITOR_STRENGTHS: readonly Pair[] = [
  ['与客户高层关系密切', 'Close relationship with executives'],
  ['价格激进', 'Aggressive pricing'],
  ['现有系统承建方，熟悉业务', 'Incumbent, knows the operations'],
  ['本地服务团队规模大', 'Large local service team'],
  ['同行业案例丰富', 'Strong references in the sector'],
  ['产品功能完整', 'Complete product coverage'],
];

export const COMPETITOR_WEAKNESSES: readonly Pair[] = [
  ['交付质量口碑一般', 'Mixed delivery track record'],
  ['项目经理流动性大', 'High turnover of project managers'],
  ['定制化能力弱', 'Weak at customisation'],
  ['售后响应慢', 'Slow after-sales response'],
  ['缺乏信创适配经验', 'Little experience with local platforms'],
  ['报价中隐藏费用多', 'Hidden costs in past bids'],
];

export const WIN_THEMES: readonly Pair[] = [
  ['降低总体拥有成本', 'Lower total cost of ownership'],
  ['平滑迁移、业务零中断', 'Zero-downtime migration'],
  ['本地化7×24小时服务', 'Local 24/7 support'],
  ['经过验证的同行业方案', 'Proven in the customer’s sector'],
  ['数据安全与合规', 'Data security and compliance built in'],
  ['快速上线，分阶段见效', 'Fast, phased value delivery'],
  ['开放架构，避免厂商锁定', 'Open architecture, no lock-in'],
];

export const DISCRIMINATORS: readonly Pair[] = [
  [
    '唯一通过等保三级认证的同类产品',
    'Only product of its kind with the top security certification',
  ],
  ['自有研发团队，可按需定制', 'In-house engineering for custom needs'],
  ['已在三家同级单位成功上线', 'Live at three peer organisations'],
  ['提供迁移期间双轨运行保障', 'Parallel-run guarantee during migration'],
  ['专利智能调度算法', 'Patented scheduling algorithm'],
  ['本地备件库两小时到场', 'Local spares, two-hour on-site response'],
];

export const TEAM_NAMES: readonly Pair[] = [
  ['华东大区', 'East region'],
  ['华南大区', 'South region'],
  ['华北大区', 'North region'],
  ['西部大区', 'West region'],
  ['行业客户部', 'Industry accounts'],
  ['国际业务部', 'International'],
];

export const SUPPORT_TEAM_NAMES: readonly Pair[] = [
  ['投标中心', 'Bid centre'],
  ['解决方案中心', 'Solutions centre'],
  ['交付咨询部', 'Delivery consulting'],
];

export const CONTACT_TITLES: Readonly<Record<BuyingRole, readonly Pair[]>> = {
  economic_buyer: [
    ['分管副局长', 'Deputy Director General'],
    ['首席财务官', 'Chief Financial Officer'],
    ['总经理', 'General Manager'],
  ],
  technical_buyer: [
    ['信息中心主任', 'Head of IT'],
    ['首席技术官', 'Chief Technology Officer'],
  ],
  champion: [
    ['信息化处处长', 'Head of Digital Programmes'],
    ['项目负责人', 'Programme Lead'],
  ],
  coach: [['业务骨干', 'Senior Business Analyst']],
  influencer: [
    ['规划发展部经理', 'Planning Manager'],
    ['外部咨询专家', 'External Adviser'],
  ],
  user: [
    ['业务处室负责人', 'Operations Manager'],
    ['一线主管', 'Team Supervisor'],
  ],
  gatekeeper: [['采购中心主任', 'Head of Procurement']],
  blocker: [['运维部经理', 'Infrastructure Manager']],
};

export interface PlanStep {
  readonly phase: number;
  readonly name: Pair;
  readonly role: DefaultRoleKey;
  readonly minDays: number;
  readonly maxDays: number;
  readonly deliverable?: DeliverableKind;
}

/** The work-breakdown phases of a standard bid plan, in order. */
export const PLAN_PHASES: readonly Pair[] = [
  ['商机捕获', 'Capture'],
  ['招标文件分析', 'RFP analysis'],
  ['方案设计', 'Solution design'],
  ['商务报价', 'Pricing'],
  ['标书编写', 'Proposal writing'],
  ['评审', 'Reviews'],
  ['制作与递交', 'Production and submission'],
];

export const PLAN_STEPS: readonly PlanStep[] = [
  {
    phase: 0,
    name: ['客户需求调研', 'Customer needs research'],
    role: 'account_executive',
    minDays: 3,
    maxDays: 8,
  },
  {
    phase: 0,
    name: ['竞争对手分析', 'Competitor analysis'],
    role: 'capture_manager',
    minDays: 2,
    maxDays: 5,
  },
  {
    phase: 0,
    name: ['编制捕获计划', 'Capture plan'],
    role: 'capture_manager',
    minDays: 3,
    maxDays: 6,
  },
  {
    phase: 0,
    name: ['合作伙伴洽谈', 'Teaming discussions'],
    role: 'capture_manager',
    minDays: 3,
    maxDays: 10,
  },
  {
    phase: 1,
    name: ['招标文件解读', 'RFP shredding'],
    role: 'proposal_manager',
    minDays: 2,
    maxDays: 4,
  },
  {
    phase: 1,
    name: ['编制符合性矩阵', 'Compliance matrix'],
    role: 'proposal_manager',
    minDays: 2,
    maxDays: 4,
    deliverable: 'compliance_matrix',
  },
  {
    phase: 1,
    name: ['准备澄清问题', 'Clarification questions'],
    role: 'solution_architect',
    minDays: 1,
    maxDays: 3,
  },
  {
    phase: 1,
    name: ['投标/不投标评审', 'Bid/no-bid review'],
    role: 'capture_manager',
    minDays: 1,
    maxDays: 1,
  },
  {
    phase: 2,
    name: ['总体架构设计', 'Solution architecture'],
    role: 'solution_architect',
    minDays: 4,
    maxDays: 10,
  },
  {
    phase: 2,
    name: ['实施与交付方案', 'Implementation approach'],
    role: 'solution_architect',
    minDays: 3,
    maxDays: 8,
  },
  {
    phase: 2,
    name: ['演示环境搭建', 'Demo environment'],
    role: 'subject_matter_expert',
    minDays: 3,
    maxDays: 8,
  },
  {
    phase: 2,
    name: ['安全与合规方案', 'Security and compliance approach'],
    role: 'subject_matter_expert',
    minDays: 2,
    maxDays: 5,
  },
  {
    phase: 3,
    name: ['成本估算', 'Cost estimate'],
    role: 'pricing_analyst',
    minDays: 3,
    maxDays: 6,
  },
  {
    phase: 3,
    name: ['竞争价格分析', 'Price-to-win analysis'],
    role: 'pricing_analyst',
    minDays: 2,
    maxDays: 4,
  },
  {
    phase: 3,
    name: ['报价审批', 'Price approval'],
    role: 'pricing_analyst',
    minDays: 1,
    maxDays: 2,
    deliverable: 'price_volume',
  },
  {
    phase: 3,
    name: ['合同条款审查', 'Terms and conditions review'],
    role: 'contracts_manager',
    minDays: 2,
    maxDays: 4,
    deliverable: 'contract_terms',
  },
  {
    phase: 4,
    name: ['执行摘要', 'Executive summary'],
    role: 'proposal_manager',
    minDays: 2,
    maxDays: 4,
    deliverable: 'executive_summary',
  },
  {
    phase: 4,
    name: ['技术标编写', 'Technical volume'],
    role: 'proposal_writer',
    minDays: 5,
    maxDays: 12,
    deliverable: 'technical_volume',
  },
  {
    phase: 4,
    name: ['商务标编写', 'Commercial volume'],
    role: 'proposal_writer',
    minDays: 3,
    maxDays: 6,
    deliverable: 'price_volume',
  },
  {
    phase: 4,
    name: ['资质与业绩材料', 'Past performance'],
    role: 'proposal_writer',
    minDays: 2,
    maxDays: 4,
    deliverable: 'past_performance',
  },
  {
    phase: 4,
    name: ['管理方案编写', 'Management volume'],
    role: 'proposal_writer',
    minDays: 3,
    maxDays: 6,
    deliverable: 'management_volume',
  },
  {
    phase: 5,
    name: ['粉队评审', 'Pink team review'],
    role: 'proposal_manager',
    minDays: 1,
    maxDays: 2,
  },
  {
    phase: 5,
    name: ['红队评审', 'Red team review'],
    role: 'proposal_manager',
    minDays: 1,
    maxDays: 2,
  },
  {
    phase: 5,
    name: ['金队评审', 'Gold team review'],
    role: 'capture_manager',
    minDays: 1,
    maxDays: 1,
  },
  {
    phase: 6,
    name: ['排版与印刷', 'Production and printing'],
    role: 'production_designer',
    minDays: 2,
    maxDays: 3,
  },
  {
    phase: 6,
    name: ['办理投标保证金', 'Bid bond'],
    role: 'contracts_manager',
    minDays: 1,
    maxDays: 2,
  },
  {
    phase: 6,
    name: ['封标与递交', 'Packaging and delivery'],
    role: 'production_designer',
    minDays: 1,
    maxDays: 1,
  },
];

/** Extra writing tasks for large plans: a chapter of the technical volume. */
export const CHAPTER_STEP: Pair = ['技术标第{n}章', 'Technical volume, chapter {n}'];

export const DELIVERABLE_NAMES: Readonly<Record<DeliverableKind, Pair>> = {
  executive_summary: ['执行摘要', 'Executive summary'],
  technical_volume: ['技术标书', 'Technical volume'],
  management_volume: ['管理方案', 'Management volume'],
  price_volume: ['商务报价书', 'Price volume'],
  past_performance: ['资质与业绩', 'Past performance'],
  compliance_matrix: ['符合性矩阵', 'Compliance matrix'],
  presentation: ['述标演示文稿', 'Orals presentation'],
  contract_terms: ['合同条款偏离表', 'Contract terms deviations'],
  other: ['其他附件', 'Other attachments'],
};

export const REVIEW_COMMENTS: readonly Pair[] = [
  ['评分标准第3项未正面回应', 'Evaluation criterion 3 is not answered head-on'],
  ['制胜主题在第二章中没有体现', 'Win themes are missing from chapter 2'],
  ['实施计划与报价中的人天不一致', 'Staffing in the plan does not match the price'],
  ['建议补充同类项目案例', 'Add a comparable reference project'],
  ['架构图需要更新为最新版本', 'Architecture diagram is out of date'],
  ['符合性矩阵缺少第5.2条', 'Compliance matrix misses clause 5.2'],
  ['执行摘要过长，建议压缩到两页', 'Executive summary too long; cut to two pages'],
  ['服务水平承诺需与合同条款一致', 'Service levels must match the contract terms'],
];

export const RISK_TITLES: Readonly<Record<RiskCategory, readonly Pair[]>> = {
  technical: [
    ['与现有系统接口复杂', 'Complex interfaces with legacy systems'],
    ['性能指标要求高于产品基线', 'Performance target above product baseline'],
  ],
  commercial: [
    ['客户预算低于我方报价', 'Customer budget below our price'],
    ['付款条件不利', 'Unfavourable payment terms'],
  ],
  competitive: [
    ['竞争对手低价抢标', 'Competitor likely to underbid'],
    ['现有承建方关系稳固', 'Incumbent firmly entrenched'],
  ],
  delivery: [
    ['关键交付人员不足', 'Key delivery staff not available'],
    ['上线时间窗口过紧', 'Go-live window too tight'],
  ],
  legal_compliance: [
    ['合同违约责任条款过重', 'Onerous liability clauses'],
    ['数据出境合规要求', 'Cross-border data compliance'],
  ],
  schedule: [
    ['招标文件发布可能延期', 'RFP release may slip'],
    ['编标时间不足', 'Too little time to write the proposal'],
  ],
  partner: [
    ['合作伙伴资质不满足要求', 'Partner lacks a required certification'],
    ['分包商报价迟迟未到', 'Subcontractor quote is late'],
  ],
};

export const RISK_MITIGATIONS: readonly Pair[] = [
  ['安排专家提前与客户技术团队沟通', 'Early expert sessions with the customer’s technical team'],
  ['准备分期付款或分阶段交付方案', 'Offer staged delivery and payment'],
  ['提前锁定关键人员档期', 'Reserve key staff now'],
  ['引入有资质的合作伙伴', 'Bring in a certified partner'],
  ['高层拜访，强化客户关系', 'Executive visit to strengthen the relationship'],
  ['准备价格谈判底线与替代方案', 'Prepare a walk-away price and alternatives'],
];

export const RISK_TRIGGERS: readonly Pair[] = [
  ['客户在澄清会上提出相关问题', 'Customer raises it at the clarification meeting'],
  ['招标文件中出现相关条款', 'The clause appears in the RFP'],
  ['竞争对手公开降价', 'Competitor announces a price cut'],
  ['人员计划冲突超过两周', 'Staffing conflict longer than two weeks'],
];

export const ACTIVITY_SUMMARIES: Readonly<
  Record<'call' | 'meeting' | 'site_visit' | 'email' | 'note', readonly Pair[]>
> = {
  call: [
    ['与客户确认招标时间表', 'Confirmed the tender timetable with the customer'],
    ['电话沟通预算与资金来源', 'Call about budget and funding'],
    ['跟进澄清问题答复', 'Followed up on clarification answers'],
  ],
  meeting: [
    ['需求交流会', 'Requirements workshop'],
    ['方案汇报', 'Solution presentation'],
    ['高层拜访', 'Executive meeting'],
    ['内部投标策略会', 'Internal win-strategy session'],
  ],
  site_visit: [
    ['现场勘察机房环境', 'Site survey of the data centre'],
    ['参观客户业务现场', 'Visited the customer’s operations'],
  ],
  email: [
    ['发送资质材料', 'Sent company credentials'],
    ['发送演示邀请', 'Sent the demo invitation'],
  ],
  note: [
    ['客户对上一期项目满意', 'Customer happy with the previous phase'],
    ['竞争对手已与客户接触', 'Competitor has met the customer'],
    ['客户倾向分两期实施', 'Customer leans towards two phases'],
  ],
};

export const MEDDPICC_EVIDENCE: readonly Pair[] = [
  ['已在需求交流会上确认', 'Confirmed at the requirements workshop'],
  ['来自客户内部教练的信息', 'From our coach inside the customer'],
  ['客户书面回复邮件', 'Customer’s written reply'],
  ['尚未核实', 'Not verified yet'],
];

export const COST_NOTES: Readonly<Record<string, Pair>> = {
  labor: ['外部编标支持', 'External writing support'],
  travel: ['客户现场差旅', 'Travel to the customer'],
  consultants: ['行业顾问费', 'Industry adviser fees'],
  samples_demos: ['演示设备租赁', 'Demo equipment rental'],
  bid_bond_fees: ['投标保证金与标书费', 'Bid bond and tender fee'],
  production: ['标书印刷装订', 'Printing and binding'],
  other: ['其他费用', 'Miscellaneous'],
};

export const OUTCOME_NOTES: Readonly<
  Record<'won' | 'lost' | 'no_bid' | 'cancelled', readonly Pair[]>
> = {
  won: [
    ['技术评分第一，价格第二', 'First on technical score, second on price'],
    ['客户认可分期实施方案', 'Customer valued the phased approach'],
  ],
  lost: [
    ['价格高于中标方约12%', 'About 12 % above the winning price'],
    ['现有承建方续标成功', 'The incumbent kept the contract'],
  ],
  no_bid: [
    ['资源冲突，且胜率偏低', 'Resource conflict and low Pwin'],
    ['项目范围超出我方能力', 'Scope outside our capability'],
  ],
  cancelled: [
    ['客户预算被削减，项目取消', 'Customer budget cut; tender cancelled'],
    ['招标被废标', 'Tender annulled'],
  ],
};

export const COMPANY_NAME: Pair = ['示例科技有限公司', 'Example Solutions Ltd'];
export const COMPANY_ADDRESS: Pair = [
  '上海市浦东新区张江路 88 号 8 楼 · 电话 021-5080 8888',
  '8th floor, 88 Zhangjiang Road, Pudong, Shanghai · Tel +86 21 5080 8888',
];
