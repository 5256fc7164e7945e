import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Empty, Flex, Popconfirm, Tag, Typography, theme } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Deliverable, ReviewRound } from '@shared/domain/deliverable';
import type { Person } from '@shared/domain/person';
import { sortRounds } from '@shared/deliverables/progress';
import { useFormat } from '@renderer/i18n/useFormat';
import { ReviewRoundFormDrawer } from '@renderer/features/deliverables/components/ReviewRoundFormDrawer';
import { useDeliverableActions } from '@renderer/features/deliverables/hooks/useDeliverableActions';
import { REVIEW_TAG_COLORS } from '@renderer/features/deliverables/utils/colors';

type Editing = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; round: ReviewRound };

interface ReviewRoundsProps {
  deliverable: Deliverable;
  rounds: readonly ReviewRound[];
  people: readonly Person[];
}

/**
 * A deliverable's colour-team reviews in the order they were held: reviewer, date, score, and
 * each comment with a box to mark it resolved.
 */
export function ReviewRounds({ deliverable, rounds, people }: ReviewRoundsProps) {
  const { t } = useTranslation('deliverables');
  const { token } = theme.useToken();
  const format = useFormat();
  const actions = useDeliverableActions();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const names = new Map<string, string>(people.map((person) => [person.id, person.name]));
  const ordered = sortRounds(rounds);

  return (
    <Flex
      vertical
      gap={12}
      style={{ padding: '4px 8px' }}
      role="region"
      aria-label={t('actions.reviewsOf', { name: deliverable.name })}
    >
      <Flex align="center" gap={12}>
        <Typography.Text strong>{t('rounds.title')}</Typography.Text>
        <Button
          size="small"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setEditing({ mode: 'create' })}
        >
          {t('rounds.add')}
        </Button>
      </Flex>
      {ordered.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rounds.none')} />
      )}
      {ordered.map((round) => {
        const open = round.comments.filter((comment) => !comment.resolved).length;
        const total = round.comments.length;
        const kind = t(`review.${round.kind}`);
        return (
          <Flex
            key={round.id}
            vertical
            gap={8}
            style={{
              border: `1px solid ${token.colorBorderSecondary}`,
              borderRadius: token.borderRadius,
              padding: 12,
              background: token.colorBgContainer,
            }}
          >
            <Flex align="center" gap={12} wrap>
              <Tag color={REVIEW_TAG_COLORS[round.kind]} style={{ marginInlineEnd: 0 }}>
                {kind}
              </Tag>
              <Typography.Text>{format.date(round.date)}</Typography.Text>
              <Typography.Text type="secondary">
                {round.reviewerId ? (names.get(round.reviewerId) ?? '') : t('rounds.noReviewer')}
              </Typography.Text>
              <Typography.Text
                strong={round.score !== null}
                type={round.score === null ? 'secondary' : undefined}
              >
                {round.score === null
                  ? t('rounds.noScore')
                  : t('rounds.score', { score: round.score })}
              </Typography.Text>
              <Typography.Text type={open > 0 ? 'warning' : 'secondary'}>
                {total === 0
                  ? t('rounds.noComments')
                  : open > 0
                    ? t('rounds.openComments', { open, total })
                    : t('rounds.allResolved', { count: total })}
              </Typography.Text>
              <Flex gap={4} style={{ marginInlineStart: 'auto' }}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined aria-hidden />}
                  aria-label={t('rounds.edit', { kind })}
                  onClick={() => setEditing({ mode: 'edit', round })}
                />
                <Popconfirm
                  title={t('rounds.deleteConfirm', { kind })}
                  okButtonProps={{ danger: true }}
                  okText={t('actions.delete')}
                  onConfirm={() => void actions.removeRound(round).catch(() => {})}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('rounds.delete', { kind })}
                  />
                </Popconfirm>
              </Flex>
            </Flex>
            {round.comments.length > 0 && (
              <Flex vertical gap={4} role="list">
                {round.comments.map((comment) => (
                  <Flex key={comment.id} role="listitem" align="start" gap={8}>
                    <Checkbox
                      checked={comment.resolved}
                      aria-label={t('rounds.resolveLabel', { text: comment.text })}
                      onChange={(event) =>
                        void actions
                          .setResolved(round, comment.id, event.target.checked)
                          .catch(() => {})
                      }
                    />
                    <Typography.Text
                      type={comment.resolved ? 'secondary' : undefined}
                      delete={comment.resolved}
                      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                    >
                      {comment.text}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            )}
          </Flex>
        );
      })}
      <ReviewRoundFormDrawer
        open={editing.mode !== 'closed'}
        deliverable={deliverable}
        round={editing.mode === 'edit' ? editing.round : null}
        rounds={rounds}
        people={people}
        onClose={() => setEditing({ mode: 'closed' })}
      />
    </Flex>
  );
}
