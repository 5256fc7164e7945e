import { useTranslation } from 'react-i18next';
import { Alert, Flex, Typography } from 'antd';
import type { DealId, PersonId, RoleId, TaskId } from '@shared/domain/ids';
import { useFormat } from '@renderer/i18n/useFormat';
import { hoursOf } from '@renderer/features/resources/utils/labels';
import type { OverAllocationWithSuggestions } from '@renderer/features/resources/utils/load';

interface OverAllocationListProps {
  items: readonly OverAllocationWithSuggestions[];
  personName: (id: PersonId) => string;
  roleName: (id: RoleId | null) => string;
  taskName: (id: TaskId) => string;
  /** A deal's short label (its code), so same-named tasks of different deals read apart. */
  dealCode: (id: DealId) => string;
  /** At most this many people are listed (the worst first). */
  limit?: number;
}

/**
 * Over-allocation warnings: who is over capacity, in which weeks and by how much, the tasks that
 * fill those weeks, and what could be done (someone free in the same role, or a task with slack
 * moved later). Every name is text, never markup.
 */
export function OverAllocationList({
  items,
  personName,
  roleName,
  taskName,
  dealCode,
  limit = 20,
}: OverAllocationListProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const hours = (minutes: number) => format.number(hoursOf(minutes));
  return (
    <Flex vertical gap={8} role="list" aria-label={t('load.overTitle')}>
      {items.slice(0, limit).map(({ over, suggestions }) => (
        <Alert
          key={over.personId}
          role="listitem"
          type="error"
          showIcon
          data-testid="over-allocation"
          title={t('team.over', { name: personName(over.personId) })}
          description={
            <Flex vertical gap={4}>
              <Typography.Text>
                {t('team.overDetail', {
                  weeks: over.weeks.map((week) => format.date(week.weekStart, 'short')).join(', '),
                  hours: hours(over.excessMinutes),
                })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {over.tasks
                  .slice(0, 5)
                  .map(
                    (task) =>
                      `${dealCode(task.dealId)} ${taskName(task.taskId)} (${hours(task.minutes)} h)`,
                  )
                  .join(' · ')}
              </Typography.Text>
              {suggestions.reassign.map((role) =>
                role.candidates.length === 0 ? (
                  <Typography.Text key={role.roleId} type="secondary">
                    {t('team.noSuggestion')}
                  </Typography.Text>
                ) : (
                  <Typography.Text key={role.roleId} data-testid="reassign-suggestion">
                    {t('team.suggestReassign', {
                      role: roleName(role.roleId),
                      people: role.candidates
                        .slice(0, 4)
                        .map((c) =>
                          t('team.freeHours', {
                            name: personName(c.personId),
                            hours: hours(c.freeMinutes),
                          }),
                        )
                        .join(', '),
                    })}
                  </Typography.Text>
                ),
              )}
              {suggestions.moveLater.slice(0, 2).map((move) => (
                <Typography.Text key={move.taskId}>
                  {t('team.suggestMove', {
                    task: taskName(move.taskId),
                    days: move.moveDays,
                    slack: move.slackDays,
                    hours: hours(move.excessReducedMinutes),
                  })}
                </Typography.Text>
              ))}
            </Flex>
          }
        />
      ))}
    </Flex>
  );
}
