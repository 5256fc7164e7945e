import { useTranslation } from 'react-i18next';
import { Alert, Typography } from 'antd';
import type { BidAssessment, BidRecommendationReason } from '@shared/pipeline/scoring';
import { BID_SCORE_THRESHOLDS } from '@shared/pipeline/scoring';
import { useFormat } from '@renderer/i18n/useFormat';

const ALERT_TYPES = {
  go: 'success',
  reshape: 'warning',
  no_go: 'error',
  incomplete: 'info',
} as const;

/** What the scorecard and MEDDPICC recommend, and why, in the words of the thresholds. */
export function BidRecommendation({ assessment }: { assessment: BidAssessment }) {
  const { t } = useTranslation('gates');
  const fmt = useFormat();
  const pct = (value: number) => fmt.percent(value / 100);
  const score = assessment.scorecard.scorePct;
  const thresholds = {
    score: score === null ? '' : pct(score),
    go: pct(BID_SCORE_THRESHOLDS.goPct),
    noGo: pct(BID_SCORE_THRESHOLDS.noGoPct),
  };
  const missingElements = new Intl.ListFormat(fmt.locale, { type: 'conjunction' }).format(
    assessment.qualification.criticalMissing.map((element) => t(`meddpicc.elements.${element}`)),
  );
  const reason = (key: BidRecommendationReason): string => {
    switch (key) {
      case 'scorecard_incomplete':
        return t('recommendation.reasons.scorecard_incomplete', {
          count: assessment.scorecard.missing.length,
        });
      case 'score_at_or_above_go':
      case 'score_between_thresholds':
      case 'score_below_no_go':
        return t(`recommendation.reasons.${key}`, thresholds);
      case 'critical_elements_missing':
        return t('recommendation.reasons.critical_elements_missing', {
          elements: missingElements,
        });
      default:
        return t(`recommendation.reasons.${key}`);
    }
  };
  return (
    <Alert
      type={ALERT_TYPES[assessment.recommendation]}
      showIcon
      title={t(`recommendation.${assessment.recommendation}`)}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {assessment.reasons.map((key) => (
              <li key={key}>{reason(key)}</li>
            ))}
          </ul>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('recommendation.advice', { go: thresholds.go, noGo: thresholds.noGo })}
          </Typography.Text>
        </>
      }
    />
  );
}
