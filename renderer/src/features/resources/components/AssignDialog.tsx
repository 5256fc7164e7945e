import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Form, InputNumber, Modal, Segmented, Select } from 'antd';
import type { Assignment } from '@shared/domain/assignment';
import { calendarForPerson } from '@shared/domain/calendar';
import type { PersonId, RoleId, TaskId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Settings } from '@shared/domain/settings';
import type { Task } from '@shared/domain/task';
import { inLocale } from '@shared/pipeline/labels';
import { dayShareOfHours, hoursForDayShare, spreadAssignment } from '@shared/resources/spread';
import { useFormat } from '@renderer/i18n/useFormat';
import { useResourceActions } from '@renderer/features/resources/hooks/useResourceActions';
import { hoursOf } from '@renderer/features/resources/utils/labels';

/** What the dialog does: a new assignment (maybe pre-filled), a reassignment, or new hours. */
export type AssignIntent =
  | {
      readonly kind: 'assign';
      readonly taskId: TaskId | null;
      readonly roleId: RoleId | null;
      /** Pre-filled when a person was dragged onto the task. */
      readonly personId?: PersonId | null;
    }
  | { readonly kind: 'reassign'; readonly assignment: Assignment }
  | { readonly kind: 'hours'; readonly assignment: Assignment };

type Mode = 'hours' | 'percent';

interface FormValues {
  taskId: TaskId | null;
  personId: PersonId | null;
  roleId: RoleId | null;
  mode: Mode;
  amount: number | null;
}

interface AssignDialogProps {
  intent: AssignIntent | null;
  tasks: readonly Task[];
  people: readonly Person[];
  roles: readonly Role[];
  settings: Settings;
  onClose: () => void;
}

/** Quarter hours: what the spread counts exactly. */
const roundQuarter = (hours: number) => Math.round(hours * 4) / 4;

/**
 * Assign a person to a task with hours or a share of their day, reassign an assignment to someone
 * else, or change its hours. Shows how the hours spread over the task's working days on the
 * chosen person's calendar before anything is saved.
 */
export const AssignDialog = memo(function AssignDialog({
  intent,
  tasks,
  people,
  roles,
  settings,
  onClose,
}: AssignDialogProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const actions = useResourceActions();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const values = Form.useWatch([], form) as FormValues | undefined;

  useEffect(() => {
    if (intent === null) return;
    form.resetFields();
    if (intent.kind === 'assign') {
      form.setFieldsValue({
        taskId: intent.taskId,
        personId: intent.personId ?? null,
        roleId: intent.roleId,
        mode: 'hours',
        amount: null,
      });
    } else {
      const a = intent.assignment;
      form.setFieldsValue({
        taskId: a.taskId,
        // A reassignment asks for someone else.
        personId: intent.kind === 'reassign' ? null : a.personId,
        roleId: a.roleId,
        mode: 'hours',
        amount: a.hours,
      });
    }
  }, [intent, form]);

  const task = tasks.find((x) => x.id === values?.taskId);
  // The dialog stays mounted beside the plan grid, which re-renders it on every edit of a plan
  // that can have hundreds of tasks: the choices are built again only when the tasks change.
  const taskOptions = useMemo(
    () =>
      tasks.map((x) => ({
        value: x.id,
        label: `${x.name} (${format.date(x.start, 'short')} – ${format.date(x.finish, 'short')})`,
      })),
    [tasks, format],
  );
  const person = people.find((x) => x.id === values?.personId);
  const roleName = (role: Role) => inLocale(role.name, format.locale);

  const amount = values?.amount ?? null;
  const mode = values?.mode ?? 'hours';
  /** The hours the form stands for, or a reason it cannot be read. */
  const reading = useMemo(() => {
    if (!task || !person || amount === null) return null;
    const calendar = calendarForPerson(settings, person);
    if (mode === 'percent') {
      const result = hoursForDayShare({ percentOfDay: amount, person, task, calendar });
      if (!result.ok) return { error: result.error.kind } as const;
      return { hours: roundQuarter(result.value), calendar } as const;
    }
    return { hours: amount, calendar } as const;
  }, [task, person, amount, mode, settings]);

  const preview = (() => {
    if (!reading || !task || !person) return null;
    if ('error' in reading) {
      return (
        <Alert
          type="warning"
          showIcon
          title={t(
            reading.error === 'noCapacity' ? 'assignForm.noCapacity' : 'assignForm.noWorkingDay',
            {
              name: person.name,
            },
          )}
        />
      );
    }
    const spread = spreadAssignment({ hours: reading.hours, task, calendar: reading.calendar });
    if (!spread.ok) {
      return (
        <Alert
          type="warning"
          showIcon
          title={t('assignForm.noWorkingDay', { name: person.name })}
        />
      );
    }
    const days = spread.value.days.length;
    return (
      <Alert
        type="info"
        showIcon
        title={t('assignForm.spread', {
          hours: format.number(reading.hours),
          days,
          name: person.name,
          perDay: format.number(hoursOf(spread.value.totalMinutes / days), {
            maximumFractionDigits: 2,
          }),
        })}
      />
    );
  })();

  const switchMode = (mode: Mode) => {
    const current = form.getFieldsValue();
    if (current.mode === mode || !task || !person || current.amount === null) {
      form.setFieldsValue({ mode });
      return;
    }
    const calendar = calendarForPerson(settings, person);
    if (mode === 'percent') {
      const share = dayShareOfHours({ hours: current.amount, person, task, calendar });
      form.setFieldsValue({ mode, amount: share.ok ? Math.round(share.value) : null });
    } else {
      const hours = hoursForDayShare({ percentOfDay: current.amount, person, task, calendar });
      form.setFieldsValue({ mode, amount: hours.ok ? roundQuarter(hours.value) : null });
    }
  };

  const submit = async (submitted: FormValues) => {
    if (intent === null || !task || !person) return;
    const names = { person: person.name, task: task.name };
    // A reassignment keeps the hours; the other two need them read from the form.
    const hours =
      intent.kind === 'reassign'
        ? intent.assignment.hours
        : reading && !('error' in reading)
          ? reading.hours
          : null;
    if (hours === null) return;
    setSaving(true);
    try {
      if (intent.kind === 'assign') {
        await actions.assign(
          { taskId: task.id, personId: person.id, roleId: submitted.roleId, hours },
          names,
        );
      } else if (intent.kind === 'reassign') {
        await actions.update(
          intent.assignment,
          { personId: person.id, roleId: submitted.roleId },
          names,
        );
      } else {
        await actions.update(intent.assignment, { hours }, names);
      }
      onClose();
    } catch {
      // Shown by the action; the dialog keeps the values.
    } finally {
      setSaving(false);
    }
  };

  const title =
    intent?.kind === 'reassign'
      ? t('assignForm.reassignTitle')
      : intent?.kind === 'hours'
        ? t('assignForm.hoursTitle')
        : t('assignForm.title');
  const editingHours = intent?.kind !== 'reassign';
  const choosingPerson = intent?.kind !== 'hours';
  const currentPerson = intent && intent.kind !== 'assign' ? intent.assignment.personId : null;
  const roleOf = (p: Person) => (values?.roleId ? p.roleIds.includes(values.roleId) : false);
  const candidates = people
    .filter((p) => p.id !== currentPerson && (p.active || p.id === values?.personId))
    .sort((a, b) => Number(roleOf(b)) - Number(roleOf(a)));

  return (
    <Modal
      open={intent !== null}
      title={title}
      okText={t('assignForm.save')}
      cancelText={t('assignForm.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} aria-label={title}>
        <Form.Item
          name="taskId"
          label={t('assignForm.task')}
          rules={[{ required: true, message: t('validation.taskRequired') }]}
        >
          <Select
            aria-label={t('assignForm.task')}
            disabled={intent?.kind !== 'assign'}
            showSearch={{ optionFilterProp: 'label' }}
            options={taskOptions}
            onChange={(id: TaskId) => {
              const chosen = tasks.find((x) => x.id === id);
              if (chosen?.requiredRoleId) form.setFieldsValue({ roleId: chosen.requiredRoleId });
            }}
          />
        </Form.Item>
        {choosingPerson && (
          <Form.Item
            name="personId"
            label={t('assignForm.person')}
            rules={[{ required: true, message: t('validation.personRequired') }]}
          >
            <Select
              aria-label={t('assignForm.person')}
              showSearch={{ optionFilterProp: 'label' }}
              options={candidates.map((p) => ({
                value: p.id,
                label: p.active ? p.name : t('assignForm.inactive', { name: p.name }),
              }))}
              onChange={(id: PersonId) => {
                const chosen = people.find((p) => p.id === id);
                if (!form.getFieldValue('roleId') && chosen?.roleIds[0]) {
                  form.setFieldsValue({ roleId: chosen.roleIds[0] });
                }
              }}
            />
          </Form.Item>
        )}
        <Form.Item name="roleId" label={t('assignForm.role')}>
          <Select
            aria-label={t('assignForm.role')}
            allowClear
            disabled={!choosingPerson}
            options={roles.map((role) => ({ value: role.id, label: roleName(role) }))}
          />
        </Form.Item>
        {editingHours && (
          <>
            <Form.Item name="mode" label={t('assignForm.mode')}>
              <Segmented<Mode>
                options={[
                  { value: 'hours', label: t('assignForm.modeHours') },
                  { value: 'percent', label: t('assignForm.modePercent') },
                ]}
                onChange={switchMode}
              />
            </Form.Item>
            <Form.Item
              name="amount"
              label={values?.mode === 'percent' ? t('assignForm.percent') : t('assignForm.hours')}
              rules={[
                values?.mode === 'percent'
                  ? {
                      required: true,
                      type: 'number',
                      min: 1,
                      max: 200,
                      message: t('validation.percentInvalid'),
                    }
                  : {
                      required: true,
                      type: 'number',
                      min: 0.25,
                      max: 100_000,
                      message: t('validation.hoursInvalid'),
                    },
                {
                  validator: (_rule, value: number | null) =>
                    values?.mode === 'percent' ||
                    value === null ||
                    value * 4 === Math.round(value * 4)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('validation.hoursInvalid'))),
                },
              ]}
            >
              <InputNumber
                style={{ width: 200 }}
                step={values?.mode === 'percent' ? 5 : 0.5}
                aria-label={
                  values?.mode === 'percent' ? t('assignForm.percent') : t('assignForm.hours')
                }
              />
            </Form.Item>
          </>
        )}
        {editingHours && preview}
      </Form>
    </Modal>
  );
});
