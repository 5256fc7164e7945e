import type { OutcomeReason } from '@shared/domain/deal';
import type { LocalizedText } from '@shared/domain/fields';
import type { GateKind } from '@shared/domain/gate';
import type { Locale } from '@shared/domain/settings';

/**
 * Names the pipeline writes into stored records (a gate's name, the text of a stage-move entry in
 * the activity trail). They are data once written — a user may rename a gate — so they are chosen
 * in the language of the install when the record is created, from these tables.
 */

/** Default names of gates opened from a stage, in both product languages. */
export const GATE_KIND_NAMES: Readonly<Record<GateKind, LocalizedText>> = {
  bid_no_bid: { zh: '投标/不投标决策', en: 'Bid/no-bid decision' },
  blue: { zh: '蓝队评审', en: 'Blue team review' },
  black_hat: { zh: '黑帽评审', en: 'Black hat review' },
  pink: { zh: '粉队评审', en: 'Pink team review' },
  red: { zh: '红队评审', en: 'Red team review' },
  green: { zh: '绿队评审', en: 'Green team review' },
  gold: { zh: '金队评审', en: 'Gold team review' },
  white_glove: { zh: '白手套评审', en: 'White glove review' },
  submit_approval: { zh: '递交审批', en: 'Submission approval' },
};

/** Outcome reasons as the activity trail spells them. */
export const OUTCOME_REASON_NAMES: Readonly<Record<OutcomeReason, LocalizedText>> = {
  price: { zh: '价格', en: 'Price' },
  technical_solution: { zh: '技术方案', en: 'Technical solution' },
  relationship: { zh: '客户关系', en: 'Relationship' },
  incumbent_advantage: { zh: '在位供应商优势', en: 'Incumbent advantage' },
  past_performance: { zh: '过往业绩', en: 'Past performance' },
  delivery_capacity: { zh: '交付能力', en: 'Delivery capacity' },
  compliance: { zh: '符合性', en: 'Compliance' },
  timing: { zh: '时机', en: 'Timing' },
  budget_cut: { zh: '预算削减', en: 'Budget cut' },
  no_decision: { zh: '客户未决策', en: 'No decision' },
  strategic_fit: { zh: '战略匹配度', en: 'Strategic fit' },
  resources: { zh: '资源', en: 'Resources' },
  other: { zh: '其他', en: 'Other' },
};

/** The text of a two-language label in the given product language. */
export function inLocale(text: LocalizedText, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}
