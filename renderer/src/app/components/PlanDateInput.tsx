import dayjs from 'dayjs';
import { DatePicker } from 'antd';
import type { PlanDate } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';

interface PlanDateInputProps {
  /** The date (`YYYY-MM-DD`) or null; given by the `Form.Item` around it. */
  readonly value?: PlanDate | null;
  readonly onChange?: (value: PlanDate | null) => void;
  readonly 'aria-label': string;
}

/**
 * A date picker whose value is a plan date, so a form holds the date as stored (`YYYY-MM-DD`)
 * and compares dates as text; the picker's own date object never leaves it.
 */
export function PlanDateInput({ value, onChange, 'aria-label': label }: PlanDateInputProps) {
  return (
    <DatePicker
      style={{ width: '100%' }}
      aria-label={label}
      value={value ? dayjs(value) : null}
      onChange={(day) => onChange?.(day ? parsePlanDate(day.format('YYYY-MM-DD')) : null)}
    />
  );
}
