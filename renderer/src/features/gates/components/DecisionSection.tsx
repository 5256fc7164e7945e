import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Tag,
  Typography,
} from 'antd';
import type { Gate, GateDecision } from '@shared/domain/gate';
import { GATE_DECISIONS } from '@shared/domain/gate';
import type { PersonId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { DecisionProblem } from '@shared/pipeline/gate-edit';
import type { BidRecommendation } from '@shared/pipeline/scoring';
import { DecisionRefusedError } from '@renderer/db/repositories/gates';
import { useFormat } from '@renderer/i18n/useFormat';
import { useGateActions } from '@renderer/features/gates/hooks/useGateActions';

export const DECISION_COLORS: Readonly<Record<GateDecision, string>> = {
  go: 'green',
  no_go: 'red',
  reshape: 'gold',
};

interface DecisionValues {
  decision?: GateDecision;
  decidedBy?: PersonId;
  rationale: string;
}

const PROBLEM_FIELDS: Readonly<Record<DecisionProblem, 'rationale' | 'decidedBy'>> = {
  rationale_required: 'rationale',
  decider_required: 'decidedBy',
};

interface DecisionSectionProps {
  gate: Gate;
  people: readonly Person[];
  /** The bid/no-bid recommendation, to flag a decision that goes against it. */
  recommendation?: BidRecommendation;
}

/**
 * The gate's decision: once recorded, who decided, when and why, with the way to change it or to
 * clear it on purpose; before that (or while changing it), the form to record one.
 */
export function DecisionSection({ gate, people, recommendation }: DecisionSectionProps) {
  const { t } = useTranslation('gates');
  const fmt = useFormat();
  const actions = useGateActions();
  const [form] = Form.useForm<DecisionValues>();
  const [changing, setChanging] = useState(false);
  const [saving, setSaving] = useState(false);
  const chosen = Form.useWatch('decision', form);

  if (gate.decision !== null && gate.decidedAt !== null && !changing) {
    const decider = people.find((person) => person.id === gate.decidedBy);
    return (
      <Flex vertical gap={8} role="group" aria-label={t('decision.title')}>
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { width: 140 } }}
          items={[
            {
              key: 'decision',
              label: t('decision.decision'),
              children: (
                <Tag color={DECISION_COLORS[gate.decision]}>{t(`decisions.${gate.decision}`)}</Tag>
              ),
            },
            {
              key: 'by',
              label: t('decision.decidedBy'),
              children: decider?.name ?? t('decision.unknownPerson'),
            },
            {
              key: 'at',
              label: t('decision.decidedAt'),
              children: fmt.dateTime(gate.decidedAt),
            },
            {
              key: 'rationale',
              label: t('decision.rationale'),
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {gate.rationale}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
        <Flex gap={8}>
          <Button onClick={() => setChanging(true)}>{t('decision.change')}</Button>
          <Popconfirm
            title={t('decision.clearConfirm')}
            okText={t('decision.clear')}
            cancelText={t('decision.cancel')}
            onConfirm={() => actions.clearDecision(gate).catch(() => undefined)}
          >
            <Button danger>{t('decision.clear')}</Button>
          </Popconfirm>
        </Flex>
      </Flex>
    );
  }

  const submit = async (values: DecisionValues) => {
    if (values.decision === undefined) return;
    setSaving(true);
    try {
      await actions.decide(gate, {
        decision: values.decision,
        rationale: values.rationale,
        decidedBy: values.decidedBy ?? null,
      });
      setChanging(false);
    } catch (error) {
      if (error instanceof DecisionRefusedError) {
        form.setFields(
          error.problems.map((problem) => ({
            name: PROBLEM_FIELDS[problem],
            errors: [
              t(
                problem === 'rationale_required'
                  ? 'decision.errors.rationale'
                  : 'decision.errors.decider',
              ),
            ],
          })),
        );
      }
    } finally {
      setSaving(false);
    }
  };

  const selectable = people.filter((person) => person.active || person.id === gate.decidedBy);
  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      aria-label={t('decision.title')}
      initialValues={{
        decision: gate.decision ?? undefined,
        decidedBy: gate.decidedBy ?? actions.actorId ?? undefined,
        rationale: gate.rationale,
      }}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        name="decision"
        label={t('decision.decision')}
        rules={[{ required: true, message: t('decision.errors.decision') }]}
        extra={
          recommendation !== undefined &&
          recommendation !== 'incomplete' &&
          chosen !== undefined &&
          chosen !== recommendation
            ? t('decision.differs', { recommendation: t(`decisions.${recommendation}`) })
            : undefined
        }
      >
        <Radio.Group
          options={GATE_DECISIONS.map((decision) => ({
            value: decision,
            label: <span title={t(`decisionHelp.${decision}`)}>{t(`decisions.${decision}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="decidedBy"
        label={t('decision.decidedBy')}
        rules={[{ required: true, message: t('decision.errors.decider') }]}
        style={{ maxWidth: 360 }}
      >
        <Select<PersonId>
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('decision.decidedByPlaceholder')}
          options={selectable.map((person) => ({ value: person.id, label: person.name }))}
        />
      </Form.Item>
      <Form.Item
        name="rationale"
        label={t('decision.rationale')}
        rules={[{ required: true, whitespace: true, message: t('decision.errors.rationale') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={10_000}
          placeholder={t('decision.rationalePlaceholder')}
        />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('decision.record')}
        </Button>
        {changing && (
          <Button
            onClick={() => {
              form.resetFields();
              setChanging(false);
            }}
          >
            {t('decision.cancel')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}
