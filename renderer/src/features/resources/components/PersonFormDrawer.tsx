import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import { toMajor } from '@shared/domain/money';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Team } from '@shared/domain/team';
import { inLocale } from '@shared/pipeline/labels';
import { useFormat } from '@renderer/i18n/useFormat';
import { useResourceActions } from '@renderer/features/resources/hooks/useResourceActions';
import { WEEK_ORDER, WEEKDAY_KEYS } from '@renderer/features/resources/utils/labels';
import type { PersonFormValues } from '@renderer/features/resources/utils/personForm';
import { checkPersonForm, personFormValues } from '@renderer/features/resources/utils/personForm';

interface PersonFormDrawerProps {
  open: boolean;
  /** The person to edit, or null to add one. */
  person: Person | null;
  roles: readonly Role[];
  teams: readonly Team[];
  /** The currency of a new person's cost rate (the company's base currency). */
  currency: string;
  onClose: () => void;
}

/** Add or edit someone in the pool. Nothing typed is lost when a save is refused. */
export function PersonFormDrawer({
  open,
  person,
  roles,
  teams,
  currency,
  onClose,
}: PersonFormDrawerProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const [form] = Form.useForm<PersonFormValues>();
  const actions = useResourceActions();
  const [saving, setSaving] = useState(false);
  const rateCurrency = person?.costRate.currency ?? currency;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      personFormValues(person, (minor) => toMajor({ amountMinor: minor, currency: rateCurrency })),
    );
    // Only when the drawer opens: a live update must not reset what the user is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, person]);

  const submit = async () => {
    const values = form.getFieldsValue(true);
    const checked = checkPersonForm(values, rateCurrency);
    form.setFields(
      (Object.keys(values) as (keyof PersonFormValues)[]).map((name) => ({ name, errors: [] })),
    );
    if (!checked.ok) {
      form.setFields(
        checked.problems.map((problem) => ({
          name: problem.field,
          errors: [t(`validation.${problem.message}`, { max: 120 })],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      if (person) await actions.updatePerson(person, checked.patch);
      else await actions.createPerson(checked.patch);
      onClose();
    } catch {
      // The action showed why; the drawer stays open with the values.
    } finally {
      setSaving(false);
    }
  };

  const title = person ? t('personForm.editTitle') : t('personForm.addTitle');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('personForm.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            {person ? t('personForm.save') : t('personForm.create')}
          </Button>
        </Space>
      }
    >
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        onFinish={() => void submit()}
        aria-label={title}
      >
        <Form.Item name="name" label={t('personForm.name')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('personForm.email')}>
          <Input autoComplete="off" type="email" />
        </Form.Item>
        <Form.Item name="roleIds" label={t('personForm.roles')} tooltip={t('personForm.rolesHelp')}>
          <Select
            mode="multiple"
            aria-label={t('personForm.roles')}
            showSearch={{ optionFilterProp: 'label' }}
            options={roles.map((role) => ({
              value: role.id,
              label: inLocale(role.name, format.locale),
            }))}
            onChange={(ids: string[]) => {
              // A new rate starts from the primary role's default rate.
              const rate = form.getFieldValue('costRate') as number | null;
              const primary = roles.find((role) => role.id === ids[0]);
              if ((rate === null || rate === 0) && primary?.defaultRate.currency === rateCurrency) {
                form.setFieldsValue({ costRate: toMajor(primary.defaultRate) });
              }
            }}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="teamId" label={t('personForm.team')}>
              <Select
                aria-label={t('personForm.team')}
                allowClear
                placeholder={t('personForm.teamPlaceholder')}
                options={teams.map((team) => ({ value: team.id, label: team.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="active" label={t('personForm.active')} valuePropName="checked">
              <Switch aria-label={t('personForm.active')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="costRate" label={t('personForm.costRate', { currency: rateCurrency })}>
              <InputNumber
                style={{ width: '100%' }}
                aria-label={t('personForm.costRate', { currency: rateCurrency })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="weeklyCapacityHours" label={t('personForm.capacity')}>
              <InputNumber style={{ width: '100%' }} aria-label={t('personForm.capacity')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="workingWeek" label={t('personForm.workingWeek')}>
          <Checkbox.Group
            options={WEEK_ORDER.map((day) => ({ value: day, label: t(WEEKDAY_KEYS[day]) }))}
          />
        </Form.Item>
        <Form.Item
          name="leaveDays"
          label={t('personForm.leaveDays')}
          tooltip={t('personForm.leaveHelp')}
          getValueProps={(value: string[] | undefined) => ({
            value: (value ?? []).map((day) => dayjs(day)),
          })}
          normalize={(value: Dayjs[] | null) =>
            (value ?? []).map((day) => day.format('YYYY-MM-DD'))
          }
        >
          <DatePicker multiple style={{ width: '100%' }} aria-label={t('personForm.leaveDays')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
