import { useTranslation } from 'react-i18next';
import { Flex, Segmented, Select, Typography } from 'antd';
import { PERIOD_KINDS } from '@shared/domain/period';
import type { Period, PeriodKind } from '@shared/domain/period';
import { PERIODS_PER_YEAR, periodBounds } from '@shared/compensation/periods';
import { useFormat } from '@renderer/i18n/useFormat';
import { periodIndexLabel } from '@renderer/features/compensation/utils/labels';

interface Props {
  readonly value: Period;
  readonly onChange: (period: Period) => void;
  readonly fiscalYearStartMonth: number;
  /** The fiscal year of today, around which years are offered. */
  readonly currentYear: number;
}

/** Picks a fiscal period: year, quarter or month of a fiscal year (as set in Settings). */
export function PeriodPicker({ value, onChange, fiscalYearStartMonth, currentYear }: Props) {
  const { t, i18n } = useTranslation('compensation');
  const format = useFormat();
  const years = Array.from({ length: 6 }, (_, i) => currentYear - 3 + i);
  const { start, end } = periodBounds(value, fiscalYearStartMonth);
  const setKind = (kind: PeriodKind) => {
    const index =
      kind === value.kind
        ? value.index
        : kind === 'year'
          ? 1
          : kind === 'quarter'
            ? value.kind === 'month'
              ? Math.ceil(value.index / 3)
              : 1
            : value.kind === 'quarter'
              ? (value.index - 1) * 3 + 1
              : 1;
    onChange({ kind, fiscalYear: value.fiscalYear, index });
  };
  return (
    <Flex gap={8} align="center" wrap>
      <Segmented
        aria-label={t('period.kind')}
        value={value.kind}
        onChange={(kind) => setKind(kind as PeriodKind)}
        options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`period.kinds.${kind}`) }))}
      />
      <Select
        aria-label={t('period.fiscalYear')}
        style={{ width: 130 }}
        value={value.fiscalYear}
        onChange={(fiscalYear: number) => onChange({ ...value, fiscalYear })}
        options={years.map((year) => ({ value: year, label: t('period.year', { year }) }))}
      />
      {value.kind !== 'year' && (
        <Select
          aria-label={t('period.index')}
          style={{ width: 130 }}
          value={value.index}
          onChange={(index: number) => onChange({ ...value, index })}
          options={Array.from({ length: PERIODS_PER_YEAR[value.kind] }, (_, i) => ({
            value: i + 1,
            label: periodIndexLabel(
              t,
              value.kind as 'quarter' | 'month',
              i + 1,
              fiscalYearStartMonth,
              i18n.language,
            ),
          }))}
        />
      )}
      <Typography.Text type="secondary">
        {t('period.range', { start: format.date(start), end: format.date(end) })}
      </Typography.Text>
    </Flex>
  );
}
