import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { BudgetLine, CostCategory, CostEntry } from '@shared/domain/cost';
import { COST_CATEGORIES } from '@shared/domain/cost';
import { parsePlanDate } from '@shared/domain/dates';
import type { DealId, PersonId, TaskId } from '@shared/domain/ids';
import { minorDigits, sumMoney } from '@shared/domain/money';
import type { Person } from '@shared/domain/person';
import type { Task } from '@shared/domain/task';
import type { TimeEntry } from '@shared/domain/time-entry';
import { useCostActions } from '@renderer/features/costs/hooks/useCostActions';
import { amountText, readAmount } from '@renderer/features/costs/utils/amount';

const NOTE_MAX = 2_000;
const planDateOf = (day: Dayjs) => parsePlanDate(day.format('YYYY-MM-DD'));

/** A form validator for a typed amount, with the message naming what is wrong. */
function useAmountRule(currency: string, rules: { allowNegative: boolean; allowZero: boolean }) {
  const { t } = useTranslation('costs');
  return {
    validator: (_: unknown, value: string | undefined) => {
      if (value === undefined || value.trim() === '')
        return Promise.reject(
          new Error(t('validation.required', { field: t('entries.amount', { currency }) })),
        );
      const read = readAmount(value, currency, rules);
      if (read.ok) return Promise.resolve();
      const message =
        read.problem === 'negative'
          ? t('validation.amountNonNegative')
          : read.problem === 'zero'
            ? t('validation.amountZero')
            : t('validation.amount', { digits: minorDigits(currency) });
      return Promise.reject(new Error(message));
    },
  };
}

/** Sets (or changes) the budget of one category. */
export function BudgetDialog({
  dealId,
  currency,
  category,
  lines,
  onClose,
}: {
  dealId: DealId;
  currency: string;
  category: CostCategory | null;
  lines: readonly BudgetLine[];
  onClose: () => void;
}) {
  const { t } = useTranslation('costs');
  const actions = useCostActions();
  const [form] = Form.useForm<{ amount: string; note: string }>();
  const [saving, setSaving] = useState(false);
  const amountRule = useAmountRule(currency, { allowNegative: false, allowZero: true });
  const own = lines.filter((line) => line.category === category);

  useEffect(() => {
    if (category === null) return;
    form.resetFields();
    const mine = lines.filter((line) => line.category === category);
    form.setFieldsValue({
      amount:
        mine.length === 0
          ? ''
          : amountText(
              sumMoney(
                mine.map((line) => line.amount),
                currency,
              ),
            ),
      note: mine
        .map((line) => line.note)
        .filter((note) => note !== '')
        .join('; '),
    });
  }, [category, lines, currency, form]);

  const submit = async (values: { amount: string; note: string }) => {
    if (category === null) return;
    const read = readAmount(values.amount, currency, { allowNegative: false, allowZero: true });
    if (!read.ok) return;
    setSaving(true);
    try {
      await actions.setBudget(dealId, category, own, {
        amount: read.value,
        note: values.note.trim(),
      });
      onClose();
    } catch {
      // Reported by the action; the dialog keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  const label = category === null ? '' : t(`category.${category}`);
  return (
    <Modal
      open={category !== null}
      title={t('budget.dialogTitle', { category: label })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="amount"
          label={t('budget.amount', { currency })}
          rules={[amountRule]}
          validateFirst
        >
          <Input inputMode="decimal" autoFocus />
        </Form.Item>
        <Form.Item name="note" label={t('budget.note')}>
          <Input.TextArea maxLength={NOTE_MAX} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CostValues {
  date: Dayjs | null;
  category: CostCategory;
  amount: string;
  note: string;
}

/** Adds a cost entry, or edits one (`entry`). `open` false hides it. */
export function CostEntryDialog({
  dealId,
  currency,
  open,
  entry,
  onClose,
}: {
  dealId: DealId;
  currency: string;
  open: boolean;
  entry: CostEntry | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('costs');
  const actions = useCostActions();
  const [form] = Form.useForm<CostValues>();
  const [saving, setSaving] = useState(false);
  const amountRule = useAmountRule(currency, { allowNegative: true, allowZero: false });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      entry === null
        ? { date: dayjs(), category: 'travel', amount: '', note: '' }
        : {
            date: dayjs(entry.date),
            category: entry.category,
            amount: amountText(entry.amount),
            note: entry.note,
          },
    );
  }, [open, entry, form]);

  const submit = async (values: CostValues) => {
    const read = readAmount(values.amount, currency, { allowNegative: true, allowZero: false });
    if (!read.ok || values.date === null) return;
    const input = {
      date: planDateOf(values.date),
      category: values.category,
      amount: read.value,
      note: values.note.trim(),
    };
    setSaving(true);
    try {
      if (entry === null) await actions.addCost(dealId, input);
      else await actions.updateCost(entry, input);
      onClose();
    } catch {
      // Reported by the action; the dialog keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={entry === null ? t('entries.dialogAdd') : t('entries.dialogEdit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="date"
          label={t('entries.date')}
          rules={[
            { required: true, message: t('validation.required', { field: t('entries.date') }) },
          ]}
        >
          <DatePicker style={{ width: '100%' }} aria-label={t('entries.date')} allowClear={false} />
        </Form.Item>
        <Form.Item name="category" label={t('entries.category')} rules={[{ required: true }]}>
          <Select
            aria-label={t('entries.category')}
            options={COST_CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('entries.amount', { currency })}
          extra={t('entries.amountHelp')}
          rules={[amountRule]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="note" label={t('entries.note')}>
          <Input.TextArea maxLength={NOTE_MAX} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TimeValues {
  personId: PersonId | null;
  taskId: TaskId | null;
  date: Dayjs | null;
  hours: number | null;
  note: string;
}

/** Logs hours, or edits logged hours (`entry`). */
export function TimeEntryDialog({
  dealId,
  open,
  entry,
  people,
  tasks,
  onClose,
}: {
  dealId: DealId;
  open: boolean;
  entry: TimeEntry | null;
  people: readonly Person[];
  tasks: readonly Task[];
  onClose: () => void;
}) {
  const { t } = useTranslation('costs');
  const actions = useCostActions();
  const [form] = Form.useForm<TimeValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      entry === null
        ? { personId: null, taskId: null, date: dayjs(), hours: null, note: '' }
        : {
            personId: entry.personId,
            taskId: entry.taskId,
            date: dayjs(entry.date),
            hours: entry.hours,
            note: entry.note,
          },
    );
  }, [open, entry, form]);

  const submit = async (values: TimeValues) => {
    if (values.personId === null || values.date === null || values.hours === null) return;
    const input = {
      personId: values.personId,
      taskId: values.taskId ?? null,
      date: planDateOf(values.date),
      hours: values.hours,
      note: values.note.trim(),
    };
    setSaving(true);
    try {
      if (entry === null) await actions.addTime(dealId, input);
      else await actions.updateTime(entry, input);
      onClose();
    } catch {
      // Reported by the action; the dialog keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  // Active people, and whoever an edited entry names even if inactive since.
  const choices = people.filter(
    (person) => (person.active && person.deletedAt === null) || person.id === entry?.personId,
  );
  return (
    <Modal
      open={open}
      title={entry === null ? t('time.dialogAdd') : t('time.dialogEdit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="personId"
          label={t('time.person')}
          rules={[
            { required: true, message: t('validation.required', { field: t('time.person') }) },
          ]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            aria-label={t('time.person')}
            options={choices.map((person) => ({ value: person.id, label: person.name }))}
          />
        </Form.Item>
        <Form.Item name="taskId" label={t('time.task')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label={t('time.task')}
            placeholder={t('time.noTask')}
            options={tasks.map((task) => ({ value: task.id, label: task.name }))}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('time.date')}
          rules={[{ required: true, message: t('validation.required', { field: t('time.date') }) }]}
        >
          <DatePicker style={{ width: '100%' }} aria-label={t('time.date')} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('time.hours')}
          rules={[
            {
              validator: (_, value: number | null | undefined) =>
                typeof value === 'number' && value > 0 && value <= 24
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.hours'))),
            },
          ]}
        >
          <InputNumber<number> style={{ width: '100%' }} step={0.5} aria-label={t('time.hours')} />
        </Form.Item>
        <Form.Item name="note" label={t('time.note')}>
          <Input.TextArea maxLength={NOTE_MAX} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
