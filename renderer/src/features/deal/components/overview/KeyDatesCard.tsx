import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { App, Card, Col, DatePicker, Form, Row, Typography } from 'antd';
import type { Deal, KeyDateField } from '@shared/domain/deal';
import { KEY_DATE_FIELDS } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';
import { useFormat } from '@renderer/i18n/useFormat';
import { useWorkspaceActions } from '@renderer/features/deal/hooks/useWorkspaceActions';
import { keyDateConflict } from '@renderer/features/deal/utils/keyDates';

/** A date picked but not saved: out of order (with why), or refused by the database. */
interface Draft {
  field: KeyDateField;
  value: PlanDate | null;
  error: string | null;
}

/**
 * The deal's key dates, each editable in place. A date that would break their order (award
 * before submission…) is kept on screen with the reason and not saved.
 */
export function KeyDatesCard({ deal }: { deal: Deal }) {
  const { t } = useTranslation('deal');
  const format = useFormat();
  const { message } = App.useApp();
  const actions = useWorkspaceActions();
  const [draft, setDraft] = useState<Draft | null>(null);

  const change = async (field: KeyDateField, day: Dayjs | null) => {
    const value = day ? parsePlanDate(day.format('YYYY-MM-DD')) : null;
    const conflict = keyDateConflict({ ...deal.keyDates, [field]: value }, field);
    if (conflict) {
      const vars = {
        field: t(`keyDates.${field}`),
        other: t(`keyDates.${conflict.other}`),
        date: format.date(conflict.otherDate),
      };
      setDraft({
        field,
        value,
        error:
          conflict.direction === 'before'
            ? t('keyDates.orderBefore', vars)
            : t('keyDates.orderAfter', vars),
      });
      return;
    }
    setDraft(null);
    try {
      await actions.saveDetails(deal, (current) => ({
        keyDates: { ...current.keyDates, [field]: value },
      }));
      void message.success(t('keyDates.saved', { field: t(`keyDates.${field}`) }));
    } catch {
      setDraft({ field, value, error: null });
    }
  };

  return (
    <Card
      title={t('keyDates.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('keyDates.help')}
        </Typography.Text>
      }
    >
      <Form layout="vertical" component="div">
        <Row gutter={[16, 0]}>
          {KEY_DATE_FIELDS.map((field) => {
            const shown = draft?.field === field ? draft.value : deal.keyDates[field];
            const error = draft?.field === field ? draft.error : null;
            return (
              <Col key={field} xs={24} sm={12} lg={8}>
                <Form.Item
                  label={t(`keyDates.${field}`)}
                  htmlFor={`key-date-${field}`}
                  validateStatus={error ? 'error' : undefined}
                  help={error ?? undefined}
                  style={{ marginBottom: 12 }}
                >
                  <DatePicker
                    id={`key-date-${field}`}
                    value={shown ? dayjs(shown) : null}
                    onChange={(day) => void change(field, day)}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
      </Form>
    </Card>
  );
}
