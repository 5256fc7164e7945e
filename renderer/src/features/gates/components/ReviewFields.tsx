import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Flex, Form, Input, Tag } from 'antd';
import type { Gate } from '@shared/domain/gate';
import { isReviewKind, REVIEW_BANDS, reviewBand } from '@shared/pipeline/scoring';
import type { ReviewBand } from '@shared/pipeline/scoring';
import { BlurSaveText } from '@renderer/features/gates/components/BlurSaveText';
import { useGateActions } from '@renderer/features/gates/hooks/useGateActions';

export const BAND_COLORS: Readonly<Record<ReviewBand, string>> = {
  strong: 'green',
  acceptable: 'gold',
  weak: 'red',
};

/**
 * A review's score (percent) with its band, and the comments; a gate that is not a colour-team
 * review (submission approval) has comments only.
 */
export function ReviewFields({ gate }: { gate: Gate }) {
  const { t } = useTranslation('gates');
  const actions = useGateActions();
  const scored = isReviewKind(gate.kind);

  const [scoreError, setScoreError] = useState(false);

  /** Saves the typed score (a whole percentage); an empty field takes the score back. */
  const saveScore = (text: string) => {
    const trimmed = text.trim().replace(/\s*%$/, '');
    const next = trimmed === '' ? null : Number(trimmed);
    if (next !== null && (!Number.isInteger(next) || next < 0 || next > 100)) {
      setScoreError(true);
      return;
    }
    setScoreError(false);
    if (next !== gate.reviewScore)
      void actions.editFields(gate, { reviewScore: next }).catch(() => undefined);
  };

  return (
    <Form layout="vertical" component="div">
      {scored && (
        <Form.Item
          label={t('review.score')}
          validateStatus={scoreError ? 'error' : undefined}
          help={scoreError ? t('review.scoreInvalid') : undefined}
          extra={t('review.scoreHelp', {
            strong: REVIEW_BANDS.strongPct,
            acceptable: REVIEW_BANDS.acceptablePct,
          })}
        >
          <Flex gap={12} align="center">
            <Input
              key={gate.reviewScore ?? 'none'}
              aria-label={t('review.score')}
              inputMode="numeric"
              defaultValue={gate.reviewScore === null ? '' : String(gate.reviewScore)}
              suffix="%"
              status={scoreError ? 'error' : undefined}
              placeholder={t('review.notScored')}
              style={{ width: 140 }}
              onBlur={(event) => saveScore(event.target.value)}
              onPressEnter={(event) => event.currentTarget.blur()}
            />
            {gate.reviewScore !== null && (
              <Tag color={BAND_COLORS[reviewBand(gate.reviewScore)]}>
                {t(`review.bands.${reviewBand(gate.reviewScore)}`)}
              </Tag>
            )}
          </Flex>
        </Form.Item>
      )}
      <Form.Item label={t('review.comments')} style={{ marginBottom: 0 }}>
        <BlurSaveText
          multiline
          value={gate.comments}
          maxLength={20_000}
          ariaLabel={t('review.comments')}
          placeholder={t('review.commentsPlaceholder')}
          onSave={(comments) => void actions.editFields(gate, { comments }).catch(() => undefined)}
        />
      </Form.Item>
    </Form>
  );
}
