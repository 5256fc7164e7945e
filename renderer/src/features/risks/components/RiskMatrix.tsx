import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import type { RiskMatrix as Matrix } from '@shared/risk/register';
import { RISK_LEVELS, riskLevel, scoreBand } from '@shared/risk/register';
import { useAppToken } from '@renderer/app/token';
import { bandColors } from '@renderer/features/risks/utils/colors';

export interface MatrixSelection {
  readonly probability: number;
  readonly impact: number;
}

interface RiskMatrixProps {
  matrix: Matrix;
  highRiskScore: number;
  selected: MatrixSelection | null;
  /** A cell clicked: it becomes the selection, or clears it when it already was. */
  onSelect: (cell: MatrixSelection | null) => void;
}

const CELL = 64;

/**
 * The 5 × 5 probability × impact matrix: probability 5 → 1 top to bottom, impact 1 → 5 left to
 * right, each cell coloured by its score's band and showing how many risks are in it. Every cell
 * is a toggle button, so the keyboard reaches it and a screen reader hears its count.
 */
export function RiskMatrixGrid({ matrix, highRiskScore, selected, onSelect }: RiskMatrixProps) {
  const { t } = useTranslation('risks');
  const token = useAppToken();
  return (
    <div
      role="group"
      aria-label={t('matrix.label')}
      style={{
        display: 'grid',
        gridTemplateColumns: `auto auto repeat(5, ${CELL}px)`,
        gridAutoRows: 'auto',
        gap: 4,
        alignItems: 'center',
        width: 'max-content',
      }}
    >
      <div
        style={{
          gridColumn: 1,
          gridRow: '1 / span 5',
          // Top to bottom: Chinese characters stay upright, Latin text turns clockwise.
          writingMode: 'vertical-rl',
          textAlign: 'center',
        }}
      >
        <Typography.Text type="secondary">{t('matrix.probability')}</Typography.Text>
      </div>
      {matrix.rows.map((row, rowIndex) => {
        const probability = riskLevel(row[0]?.probability ?? 5 - rowIndex);
        return [
          <Typography.Text
            key={`p-${probability}`}
            type="secondary"
            title={t(`probability.${probability}`)}
            style={{ gridColumn: 2, gridRow: rowIndex + 1, textAlign: 'end', fontSize: 12 }}
          >
            {probability} · {t(`probability.${probability}`)}
          </Typography.Text>,
          ...row.map((cell) => {
            const count = cell.ids.length;
            const colors = bandColors(scoreBand(cell.score, highRiskScore), token);
            const isSelected =
              selected !== null &&
              selected.probability === cell.probability &&
              selected.impact === cell.impact;
            return (
              <button
                key={`${cell.probability}-${cell.impact}`}
                type="button"
                aria-pressed={isSelected}
                aria-label={t('matrix.cell', {
                  probability: cell.probability,
                  impact: cell.impact,
                  score: cell.score,
                  count,
                })}
                title={t('matrix.cell', {
                  probability: cell.probability,
                  impact: cell.impact,
                  score: cell.score,
                  count,
                })}
                data-count={count}
                onClick={() =>
                  onSelect(
                    isSelected ? null : { probability: cell.probability, impact: cell.impact },
                  )
                }
                style={{
                  gridRow: rowIndex + 1,
                  gridColumn: cell.impact + 2,
                  height: CELL - 16,
                  borderRadius: token.borderRadius,
                  border: `${isSelected ? 3 : 1}px solid ${
                    isSelected ? token.colorText : colors.border
                  }`,
                  background: colors.background,
                  color: token.colorText,
                  fontSize: count > 0 ? 18 : 13,
                  fontWeight: count > 0 ? 600 : 400,
                  opacity: count > 0 ? 1 : 0.55,
                  cursor: 'pointer',
                  padding: 0,
                }}
              >
                {count}
              </button>
            );
          }),
        ];
      })}
      {RISK_LEVELS.map((impact) => (
        <Typography.Text
          key={`i-${impact}`}
          type="secondary"
          style={{
            gridRow: 6,
            gridColumn: impact + 2,
            textAlign: 'center',
            fontSize: 12,
            lineHeight: 1.2,
          }}
        >
          {impact}
          <br />
          {t(`impact.${impact}`)}
        </Typography.Text>
      ))}
      <Typography.Text
        type="secondary"
        style={{ gridRow: 7, gridColumn: '3 / span 5', textAlign: 'center' }}
      >
        {t('matrix.impact')}
      </Typography.Text>
    </div>
  );
}
