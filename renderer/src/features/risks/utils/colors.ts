import type { GlobalToken } from 'antd';
import type { RiskStatus } from '@shared/domain/risk';
import type { ScoreBand } from '@shared/risk/register';

/** antd tag colours per status: open risks stand out, closed ones recede. */
export const STATUS_TAG_COLORS: Readonly<Record<RiskStatus, string>> = {
  open: 'error',
  mitigating: 'processing',
  closed: 'default',
  occurred: 'purple',
};

/** antd tag colours per score band. */
export const BAND_TAG_COLORS: Readonly<Record<ScoreBand, string>> = {
  low: 'success',
  medium: 'warning',
  high: 'error',
};

/** Background and border of a matrix cell in its band, from the theme (so dark mode works). */
export function bandColors(band: ScoreBand, token: GlobalToken) {
  switch (band) {
    case 'high':
      return { background: token.colorErrorBg, border: token.colorErrorBorder };
    case 'medium':
      return { background: token.colorWarningBg, border: token.colorWarningBorder };
    default:
      return { background: token.colorSuccessBg, border: token.colorSuccessBorder };
  }
}
